"""Data downloads: each report's text and structure, and every repair, as plain files.

They are written beside the pages (docs/downloads/), so the hosted site and the offline
bundle carry the same files. JSON and CSV are written with fixed key order and line
endings, so the same input gives byte-identical downloads.
"""

from __future__ import annotations

import csv
import io
import json

from generator.model import Node, Report

FOLDER = "downloads"
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


def repairs_csv(reports: list[Report]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REPAIR_COLUMNS)
    for report in reports:
        for r in report.ingested.repairs:
            writer.writerow([report.slug, r.kind, r.line, r.line_end or "", r.before, r.after,
                             r.reason])
    return buffer.getvalue()


def render_downloads(reports: list[Report]) -> dict[str, str]:
    """{docs path: file text} for every download."""
    files: dict[str, str] = {}
    for report in reports:
        files[f"{FOLDER}/{report.slug}.txt"] = report_text(report)
        files[f"{FOLDER}/{report.slug}.json"] = report_json(report)
    files[f"{FOLDER}/repairs.csv"] = repairs_csv(reports)
    return files
