"""datapackage.json: a Frictionless Data Package (v2) describing indicators.csv and
catalogue.csv: field types, units, the primary key and the link between the two."""

from __future__ import annotations

import json

from generator.model import Report

CATALOGUE_COLUMNS = ["id", "name", "aliases", "en", "unit", "comparable_prices",
                     "higher_is_better", "value_is_rate"]

_S, _N, _I, _B = "string", "number", "integer", "boolean"
# (name, type, description) of each column of indicators.csv, in file order.
FIGURE_FIELDS = [
    ("id", _S, "Figure id: <report>-<n>, n in reading order"),
    ("report", _S, "Report slug (region in pinyin and report year)"),
    ("region", _S, "County (区县) that delivered the report"),
    ("report_year", _I, "Year the report was delivered (its plan year)"),
    ("indicator", _S, "Catalogue indicator id (catalogue.csv); empty for any other quantity"),
    ("label", _S, "What the figure measures, as printed in the report"),
    ("kind", _S, "actual, estimate (预计) or target (目标)"),
    ("period", _S, "Year the figure describes, or a span such as 2018–2022"),
    ("value", _N, "Value in the unit of `unit`: 亿元 for money aggregates (万元 converted), "
                  "元 per capita, 亿美元 for dollars; other units as printed"),
    ("value_high", _N, "Upper end of a range (80—150 个), in `unit`"),
    ("unit", _S, "Unit of value and value_high"),
    ("growth_pct", _N, "Growth over the previous year in percent (negative for a fall); "
                       "in percentage points if growth_unit is 个百分点"),
    ("growth_unit", _S, "% or 个百分点"),
    ("average_growth_pct", _N, "Average yearly growth over a multi-year period (年均), percent"),
    ("qualifier", _S, "Qualifier as printed: 左右, 以上, 控制在…以内"),
    ("bound", _S, "What the qualifier makes of the figure: max, min, about, or empty"),
    ("rank", _S, "A rank the report states, such as 全市第1"),
    ("flags", _S, "Why the figure needs a person's check (e.g. an OCR-split number)"),
    ("anchor", _S, "Paragraph anchor on the report's page"),
    ("page", _S, "Site page (Markdown path) the paragraph is on"),
    ("line", _I, "Line of the report's source file the paragraph starts on"),
    ("text", _S, "The sentence the figure is in, as printed"),
]
CATALOGUE_FIELDS = [
    ("id", _S, "Indicator id"),
    ("name", _S, "Chinese name"),
    ("aliases", _S, "Other names reports use, separated by 、"),
    ("en", _S, "English name"),
    ("unit", _S, "Canonical unit of the indicator's values"),
    ("comparable_prices", _B, "Growth is reported at comparable (constant) prices"),
    ("higher_is_better", _B, "Whether a higher value is better; empty when it depends"),
    ("value_is_rate", _B, "The figure is itself a rate of change (CPI)"),
]


def schema(fields) -> list[dict]:
    return [{"name": name, "type": kind, "description": text} for name, kind, text in fields]


def datapackage(reports: list[Report]) -> str:
    years = sorted({r.metadata.year for r in reports})
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "county-government-work-report-figures",
        "title": "县级政府工作报告中的数字 / Figures in county government work reports",
        "description": "Every figure extracted from the reports on this site, with its kind, period, "
                       "canonical unit and the sentence it came from.",
        "version": "1.0.0",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0"}],
        "keywords": ["政府工作报告", "county", "China", "indicators"],
        "temporalCoverage": f"{years[0]}–{years[-1]}" if years else "",
        "sources": [{"title": f"{r.metadata.region} {r.metadata.year} 年政府工作报告",
                     **({"path": r.metadata.source_url} if r.metadata.source_url else {})}
                    for r in reports],
        "resources": [
            {"name": "indicators", "path": "indicators.csv", "type": "table", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {"fields": schema(FIGURE_FIELDS), "missingValues": [""], "primaryKey": ["id"],
                        "foreignKeys": [{"fields": ["indicator"],
                                         "reference": {"resource": "catalogue", "fields": ["id"]}}]}},
            {"name": "catalogue", "path": "catalogue.csv", "type": "table", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {"fields": schema(CATALOGUE_FIELDS), "missingValues": [""],
                        "primaryKey": ["id"]}},
        ],
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n"
