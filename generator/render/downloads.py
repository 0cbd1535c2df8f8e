"""Data downloads: each report's text and structure, and every repair, as plain files.

They are written beside the pages (docs/downloads/), so the hosted site and the offline
bundle carry the same files. JSON and CSV are written with fixed key order and line
endings, so the same input gives byte-identical downloads.
"""

from __future__ import annotations

import csv
import io
import json

from generator.extract import figure_row
from generator.indicators import catalogue
from generator.model import Node, Report
from generator.render.datapackage import CATALOGUE_COLUMNS, FIGURE_FIELDS, datapackage

FOLDER = "downloads"
# indicators.csv: a figure per row (columns described in datapackage.py).
FIGURE_COLUMNS = [name for name, _, _ in FIGURE_FIELDS]
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


def render_downloads(reports: list[Report], figures: dict) -> dict[str, str]:
    """{docs path: file text} for every download."""
    files: dict[str, str] = render_figure_downloads(reports, figures)
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
    writer.writerows(records)
    # Excel reads a BOM as "this is UTF-8"; without it, Chinese arrives garbled.
    return ("\ufeff" if excel else "") + buffer.getvalue()


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
