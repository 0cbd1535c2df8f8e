"""The tidy frame every comparison starts from: one row per catalogue figure of one year."""

from __future__ import annotations

import pandas as pd

from generator.model import Figure, Report
from generator.naming import region_key

COLUMNS = ["region_key", "region", "code", "province", "city", "report", "report_year",
           "report_folder", "indicator", "kind", "year", "basis", "value", "value_text", "unit",
           "growth", "growth_text", "growth_unit", "qualifier", "bound", "flags", "figure_id",
           "anchor", "page", "line", "text", "order"]


def observations(reports: list[Report], figures: dict[str, list[Figure]]) -> pd.DataFrame:
    """Catalogue figures that describe one calendar year (not 2018–2022 spans), with the
    region they belong to. `order` keeps reading order within a report."""
    rows = []
    for report in sorted(reports, key=lambda r: r.slug):
        meta = report.metadata
        where = {"region_key": region_key(meta), "region": meta.region, "code": meta.code,
                 "province": meta.province, "city": meta.city, "report": report.slug,
                 "report_year": meta.year, "report_folder": report.folder}
        for order, f in enumerate(figures[report.slug]):
            if not f.indicator or not f.period.isdigit():
                continue
            rows.append(where | {
                "indicator": f.indicator, "kind": f.kind, "year": int(f.period), "basis": f.basis,
                "value": float(f.value) if f.value else None, "value_text": f.value, "unit": f.unit,
                "growth": float(f.growth_pct) if f.growth_pct else None, "growth_text": f.growth_pct,
                "growth_unit": f.growth_unit if f.growth_pct else "", "qualifier": f.qualifier,
                "bound": f.bound, "flags": f.flags, "figure_id": f.id, "anchor": f.anchor,
                "page": f.page, "line": f.line, "text": f.text, "order": order})
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"value": "float64", "growth": "float64"})
