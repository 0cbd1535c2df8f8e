"""Data downloads: each report's text and structure, and every repair, as plain files.

They are written beside the pages (docs/downloads/), so the hosted site and the offline
bundle carry the same files. JSON and CSV are written with fixed key order and line
endings, so the same input gives byte-identical downloads.
"""

from __future__ import annotations

import csv
import io
import json
import re

from generator.extract import figure_row
from generator.indicators import catalogue
from generator.model import Node, Report
from generator.naming import region_key
from generator.render.datapackage import (
    CATALOGUE_COLUMNS,
    COMMITMENT_FIELDS,
    FIGURE_FIELDS,
    PHRASE_FIELDS,
    SCORECARD_FIELDS,
    SERIES_FIELDS,
    TOPIC_FIELDS,
    datapackage,
)

FOLDER = "downloads"
# indicators.csv: a figure per row (columns described in datapackage.py).
FIGURE_COLUMNS = [name for name, _, _ in FIGURE_FIELDS]
SCORECARD_COLUMNS = [name for name, _, _ in SCORECARD_FIELDS]
SERIES_COLUMNS = [name for name, _, _ in SERIES_FIELDS]
PHRASE_COLUMNS = [name for name, _, _ in PHRASE_FIELDS]
TOPIC_COLUMNS = [name for name, _, _ in TOPIC_FIELDS]
COMMITMENT_COLUMNS = [name for name, _, _ in COMMITMENT_FIELDS]
REPAIR_COLUMNS = ["report", "kind", "line", "line_end", "before", "after", "reason"]


def report_text(report: Report) -> str:
    """The report's body as the site shows it: headings and paragraphs, one per line."""
    out = []
    for part in report.tree.children:
        for node in part.walk():
            if node.kind == "paragraph":
                out.append(node.text)
            elif node.title:
                out.append(("\n" if out else "") + node.title)
    return "\n".join(out) + "\n"


def node_record(node: Node) -> dict:
    record = {"kind": node.kind, "anchor": node.anchor, "title": node.title,
              "lines": [node.line_start, node.line_end]}
    if node.kind == "paragraph":
        record["text"] = node.text
        record["source_lines"] = list(node.lines)
    if node.children:
        record["children"] = [node_record(child) for child in node.children]
    return record


def report_json(report: Report) -> str:
    meta = report.metadata
    data = {
        "slug": report.slug,
        "region": meta.region, "province": meta.province, "city": meta.city, "code": meta.code,
        "year": meta.year, "review_year": meta.review_year, "meeting_date": meta.meeting_date,
        "title": meta.title, "speaker": meta.speaker,
        "source": {"path": report.source.path, "encoding": report.source.encoding,
                   "sha256": report.source.sha256, "lines": len(report.source.lines)},
        "parts": [node_record(part) for part in report.tree.children],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def repair_records(reports: list[Report]) -> list[dict]:
    return [{"report": report.slug, "kind": r.kind, "line": r.line, "line_end": r.line_end or "",
             "before": r.before, "after": r.after, "reason": r.reason}
            for report in reports for r in report.ingested.repairs]


def render_downloads(reports: list[Report], figures: dict, comparison) -> dict[str, str]:
    """{docs path: file text} for every download."""
    files: dict[str, str] = render_figure_downloads(reports, figures)
    files[f"{FOLDER}/scorecard.csv"] = table_csv(SCORECARD_COLUMNS, scorecard_records(comparison.scorecard))
    files[f"{FOLDER}/series.csv"] = table_csv(SERIES_COLUMNS, series_records(comparison.series))
    files[f"{FOLDER}/phrases.csv"] = table_csv(PHRASE_COLUMNS, phrase_records(reports, comparison.phrases))
    codes = {region_key(r.metadata): r.metadata.code for r in reports}
    rows = [{"topic": m.topic, "region": m.region, "code": codes.get(m.region_key, ""), "year": m.year, "role": m.role,
             "anchor": f"{m.page}#{m.anchor}"} for mentions in comparison.topics.values() for m in mentions]
    # a paragraph that names a topic in two sentences is one row
    files[f"{FOLDER}/topics.csv"] = table_csv(TOPIC_COLUMNS, list({tuple(r.values()): r for r in rows}.values()))
    files[f"{FOLDER}/commitments.csv"] = table_csv(COMMITMENT_COLUMNS, [
        {"region": c.region, "code": c.code, "year": c.year, "item": c.number, "source": c.source, "text": c.text,
         "anchor": f"{c.where.page}#{c.where.anchor}", "status": c.status, "reason": c.reason,
         **evidence_fields(c)} for report in reports for c in comparison.commitments.get(report.slug, [])])
    for report in reports:
        files[f"{FOLDER}/{report.slug}.txt"] = report_text(report)
        files[f"{FOLDER}/{report.slug}.json"] = report_json(report)
    files[f"{FOLDER}/repairs.csv"] = table_csv(REPAIR_COLUMNS, repair_records(reports))
    return files


def figure_records(reports: list[Report], figures: dict) -> list[dict]:
    """The extract command's rows with the report's region and year, in the Data Package's
    column order (a column missing from either side fails here, not in a reader's hands)."""
    records = []
    for report in reports:
        where = {"region": report.metadata.region, "report_year": report.metadata.year}
        for figure in figures[report.slug]:
            row = where | figure_row(figure)
            records.append({column: row[column] for column in FIGURE_COLUMNS})
    return records


def table_csv(columns: list[str], records: list[dict], excel: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\r\n" if excel else "\n")
    writer.writeheader()
    writer.writerows([{k: inert(v) for k, v in r.items()} for r in records] if excel else records)
    # Excel reads a BOM as "this is UTF-8"; without it, Chinese arrives garbled.
    return ("\ufeff" if excel else "") + buffer.getvalue()


# A cell Excel would run as a formula: =, +, @, a tab or CR first, or - before anything but a number
_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?![\d.]))")


def inert(value):
    """A text cell for the Excel copy, with a formula's first character shown, not run
    (report text such as =HYPERLINK(…) is data); numbers, and -5.2, stay as they are."""
    return "'" + value if isinstance(value, str) and _FORMULA.match(value) else value


def catalogue_records() -> list[dict]:
    return [{"id": i.id, "name": i.name, "aliases": "、".join(i.aliases), "en": i.en,
             "unit": i.unit, "comparable_prices": i.comparable_prices,
             "higher_is_better": "" if i.higher_is_better is None else i.higher_is_better,
             "value_is_rate": i.value_is_rate} for i in catalogue().values()]


def render_figure_downloads(reports: list[Report], figures: dict) -> dict[str, str]:
    records = figure_records(reports, figures)
    catalogue_rows = catalogue_records()
    return {
        f"{FOLDER}/indicators.csv": table_csv(FIGURE_COLUMNS, records),
        f"{FOLDER}/indicators-excel.csv": table_csv(FIGURE_COLUMNS, records, excel=True),
        f"{FOLDER}/indicators.json": json.dumps(records, ensure_ascii=False, indent=1) + "\n",
        f"{FOLDER}/catalogue.csv": table_csv(CATALOGUE_COLUMNS, catalogue_rows),
        f"{FOLDER}/datapackage.json": datapackage(reports),
    }


def text_of(value) -> str:
    """A frame's cell as CSV text: empty for a missing value, integers without .0."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def anchor_of(folder_page, anchor) -> str:
    """`regions/…/2023/part-1.md#p-1-0-2`: a sentence's page and paragraph, from the site root."""
    return f"{folder_page}#{anchor}" if isinstance(folder_page, str) and folder_page else ""


def scorecard_records(card) -> list[dict]:
    records = []
    for row in card.to_dict("records"):
        growth = row["measure"] == "growth"
        # an uncertain pair shows no result: it was not compared (the reason says why)
        result_page = row["r_page"] if isinstance(row["r_page"], str) and row["status"] != "uncertain" else ""
        records.append({
            "region": row["region"], "code": row["code"], "year": int(row["year"]), "indicator": row["indicator"],
            "measure": row["measure"],
            "target": row["t_growth_text"] if growth else row["t_value_text"],
            "target_unit": (row["t_growth_unit"] or "%") if growth else row["t_unit"],
            "qualifier": row["t_qualifier"],
            "result": text_of(row["r_growth_text"] if growth else row["r_value_text"]) if result_page else "",
            "result_unit": text_of((row["r_growth_unit"] or "%") if growth else row["r_unit"]) if result_page else "",
            "result_kind": text_of(row["r_kind"]) if result_page else "",
            "status": row["status"], "reason": row["reason"],
            "target_report": row["t_report"], "target_anchor": anchor_of(row["t_page"], row["t_anchor"]),
            "result_report": text_of(row["r_report"]) if result_page else "",
            "result_anchor": anchor_of(result_page, row["r_anchor"]),
        })
    return records


def series_records(series) -> list[dict]:
    return [{"region": row["region"], "code": row["code"], "indicator": row["indicator"], "period": int(row["year"]),
             "kind": row["kind"], "value": row["value_text"], "unit": row["unit"] if row["value_text"] else "",
             "growth_pct": row["growth_text"], "growth_unit": row["growth_unit"],
             "implied_growth_pct": text_of(row["implied_growth"]), "flag": row["flag"], "report": row["report"],
             "report_year": int(row["report_year"]), "source_anchor": anchor_of(row["page"], row["anchor"])}
            for row in series.to_dict("records")]


def evidence_fields(commitment) -> dict:
    """The evidence that decided the status (else the first found), what kind it is, and how
    many pieces there are in all (every one is on the commitments page)."""
    shown = next((e for e in commitment.evidence if e.decides), commitment.evidence[0] if commitment.evidence else None)
    if shown is None:
        return {"evidence_kind": "", "evidence_decides": False, "evidence_anchor": "", "evidence": "",
                "evidence_count": 0}
    return {"evidence_kind": shown.says, "evidence_decides": bool(shown.decides),
            "evidence_anchor": f"{shown.where.page}#{shown.where.anchor}", "evidence": shown.where.text,
            "evidence_count": len(commitment.evidence)}


def phrase_records(reports: list[Report], phrases: dict) -> list[dict]:
    records = []
    for report in reports:
        meta = report.metadata
        for status in ("new", "gone"):
            for term in phrases.get(report.slug, {}).get(status, []):
                records.append({"region": meta.region, "code": meta.code, "year": meta.year, "term": term.term,
                                "status": status, "count": term.count, "quoted": term.quoted,
                                "pair": term.pair, "anchor": f"{term.page}#{term.anchor}"})
    return records
