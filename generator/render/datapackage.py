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
    ("basis", _S, "What kind and period rest on: year (stated), words (预计, 力争…), part (its heading), "
                  "default (nothing; left out of comparisons)"),
    ("anchor", _S, "Paragraph anchor on the report's page"),
    ("page", _S, "Site page (Markdown path) the paragraph is on"),
    ("line", _I, "Line of the report's source file the paragraph starts on"),
    ("text", _S, "The sentence the figure is in, as printed"),
]
SCORECARD_FIELDS = [
    ("region", _S, "County (区县)"),
    ("code", _S, "GB/T 2260 code of the county, where known"),
    ("year", _I, "Year the target was set for (report of that year) and the result describes (next report)"),
    ("indicator", _S, "Catalogue indicator id (catalogue.csv)"),
    ("measure", _S, "What the target states and is compared on: growth (a rate) or value (a level)"),
    ("target", _N, "The target as printed: growth in percent, or a level in target_unit"),
    ("target_unit", _S, "Unit of target: % (growth), or the level's canonical unit"),
    ("qualifier", _S, "Qualifier as printed: 左右, 以上, 控制在…以内"),
    ("result", _N, "The same measure as the next report states it for the year; empty when none was compared"),
    ("result_unit", _S, "Unit of result"),
    ("result_kind", _S, "actual, or estimate (预计)"),
    ("status", _S, "met, close, not_met, awaiting, not_comparable, or uncertain (conflicting or doubtful "
                   "evidence: left out of comparisons)"),
    ("reason", _S, "The rule applied, or why no status could be given"),
    ("target_report", _S, "Slug of the report that set the target"),
    ("target_anchor", _S, "Page and paragraph of the target's sentence"),
    ("result_report", _S, "Slug of the report that states the result"),
    ("result_anchor", _S, "Page and paragraph of the result's sentence"),
]
SERIES_FIELDS = [
    ("region", _S, "County (区县)"),
    ("code", _S, "GB/T 2260 code of the county, where known"),
    ("indicator", _S, "Catalogue indicator id (catalogue.csv)"),
    ("period", _I, "Year the figure describes"),
    ("kind", _S, "actual or estimate (预计)"),
    ("value", _N, "Level, in unit"),
    ("unit", _S, "Unit of value"),
    ("growth_pct", _N, "Growth as the report states it"),
    ("growth_unit", _S, "% or 个百分点"),
    ("implied_growth_pct", _N, "Growth implied by this level and the year before's, in percent"),
    ("flag", _S, "revised (another report states this year differently), conflict (this report states it "
                 "twice, differently), growth-differs (stated and implied growth differ beyond the tolerance "
                 "for a nominal indicator); separated by ;"),
    ("report", _S, "Slug of the report that states it"),
    ("report_year", _I, "Year of that report"),
    ("source_anchor", _S, "Page and paragraph of the sentence"),
]
PHRASE_FIELDS = [
    ("region", _S, "County (区县)"),
    ("code", _S, "GB/T 2260 code of the county, where known"),
    ("year", _I, "Year of the report"),
    ("term", _S, "A word (jieba segmentation), two adjacent words, or a quoted phrase"),
    ("status", _S, "new: no earlier report of the region used it; gone: the report the year before used it, "
                   "this one does not"),
    ("count", _I, "How many sentences of the report (for gone: of the report before) use it"),
    ("quoted", _B, "The term stands in quotation marks (a slogan, a policy's name)"),
    ("pair", _B, "The term is two adjacent words (listed when used in two sentences or more)"),
    ("anchor", _S, "Page and paragraph of the first sentence that uses it"),
]
TOPIC_FIELDS = [
    ("topic", _S, "A named project, park, programme or quoted phrase (the shortest of its written forms)"),
    ("region", _S, "County (区县)"),
    ("code", _S, "GB/T 2260 code of the county, where known"),
    ("year", _I, "Year of the report"),
    ("role", _S, "review (the look back) or plan (the year ahead)"),
    ("anchor", _S, "Page and paragraph of the sentence that mentions it"),
]
COMMITMENT_FIELDS = [
    ("region", _S, "County (区县)"),
    ("code", _S, "GB/T 2260 code of the county, where known"),
    ("year", _I, "Year of the report that made the commitment (the year it is for)"),
    ("item", _I, "Its place among the report's commitments, from 1"),
    ("source", _S, "list: an item of the 民生实事 list; pledge: a figure promised with 力争/确保/达到"),
    ("text", _S, "The item as printed"),
    ("anchor", _S, "Page and paragraph of the item"),
    ("status", _S, "kept, partly, not_kept (decided by the next report's evidence), or not_rated"),
    ("reason", _S, "Why: the numbers compared, the statement about the whole list, or what is missing"),
    ("evidence_kind", _S, "all (a statement on the whole list), number (a result of the same label and unit) or "
                          "topic (a sentence on the same thing); empty if none was found"),
    ("evidence_decides", _B, "Whether that evidence decides the status"),
    ("evidence_anchor", _S, "Page and paragraph of the evidence that decided the status, else of the first found"),
    ("evidence", _S, "That sentence"),
    ("evidence_count", _I, "How many pieces of evidence were found (all are on the report's 承诺与跟进 page)"),
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


def table_resource(name: str, title: str, fields, key: list[str] | None = None,
                   indicator: bool = False) -> dict:
    """A CSV table of the package: its schema, primary key, and (`indicator`) the link of its
    indicator column to the catalogue."""
    table_schema: dict = {"fields": schema(fields), "missingValues": [""]}
    if key:
        table_schema["primaryKey"] = key
    if indicator:
        table_schema["foreignKeys"] = [{"fields": ["indicator"],
                                        "reference": {"resource": "catalogue", "fields": ["id"]}}]
    return {"name": name, "path": f"{name}.csv", "title": title, "type": "table", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "schema": table_schema}


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
            table_resource("indicators", "Every figure of every report", FIGURE_FIELDS, ["id"], indicator=True),
            table_resource("scorecard", "Targets against results, per region, year and indicator",
                           SCORECARD_FIELDS, ["target_report", "indicator"], indicator=True),
            table_resource("series", "Each region's figures by year, one row per report that states them",
                           SERIES_FIELDS, ["report", "indicator", "period"], indicator=True),
            table_resource("phrases", "New and dropped terms between consecutive reports", PHRASE_FIELDS,
                           ["year", "anchor", "term", "status"]),
            table_resource("topics", "Every mention of a topic mentioned twice or more", TOPIC_FIELDS),
            table_resource("commitments", "What each report's plan promised, with the next report's evidence",
                           COMMITMENT_FIELDS, ["year", "anchor", "item"]),
            table_resource("catalogue", "The indicator catalogue", CATALOGUE_FIELDS, ["id"]),
        ],
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n"
