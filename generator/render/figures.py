"""Figures on pages: a report's data page (headline table, every figure by section), the
indicator pages (definition, chart, every observation), and the links from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.indicators import Indicator, catalogue
from generator.model import Figure, Node, Report

KIND_NAMES = {"actual": "实绩", "estimate": "预计", "target": "目标"}


def amount(figure: Figure) -> str:
    """86.34 亿元, 80–150 个, 3%…: the value as a reader reads it (empty if none)."""
    if not figure.value:
        return ""
    value = f"{figure.value}–{figure.value_high}" if figure.value_high else figure.value
    return f"{value} {figure.unit}".strip()


def growth(figure: Figure) -> str:
    if figure.growth_pct:
        sign = "+" if not figure.growth_pct.startswith("-") else ""
        unit = "个百分点" if figure.growth_unit == "个百分点" else "%"
        return f"{sign}{figure.growth_pct}{unit}"
    if figure.average_growth_pct:
        return f"年均 {figure.average_growth_pct}%"
    return ""


def summary(figure: Figure) -> str:
    """86.34 亿元 +4.6%, +7% 左右: value, growth and qualifier in one phrase."""
    return " ".join(filter(None, [amount(figure), growth(figure), figure.qualifier]))


@dataclass
class HeadlineRow:
    indicator: Indicator
    result: Figure | None  # last year's actual (or estimate)
    target: Figure | None  # this year's target


def comparable(figure: Figure) -> bool:
    """Whether a figure may enter a comparison: its number sure, and its period resting on
    more than a default (the compare stage applies the same rule to its rows)."""
    return figure.placed and figure.basis not in ("default", "conflict")


def headline(report: Report, figures: list[Figure]) -> list[HeadlineRow]:
    """Per catalogue indicator: the review year's result beside the plan year's target.

    The first figure of each wins: the summary paragraph comes before any detail. A figure
    whose number is in doubt stays out.
    """
    meta = report.metadata
    rows = []
    for indicator in catalogue().values():
        mine = [f for f in figures if f.indicator == indicator.id and f.placed]
        result = next((f for f in mine if f.kind == "actual" and f.period == str(meta.review_year)),
                      None) or next((f for f in mine if f.kind == "estimate"
                                     and f.period == str(meta.review_year)), None)
        target = next((f for f in mine if f.kind == "target" and f.period == str(meta.year)), None)
        if result or target:
            rows.append(HeadlineRow(indicator, result, target))
    return rows


def by_section(report: Report, figures: list[Figure]) -> list[tuple[Node, Node | None, list[Figure]]]:
    """(part, section or None, figures) in reading order, for sections that have figures."""
    owner: dict[str, tuple[Node, Node | None]] = {}
    for part in report.tree.children:
        owner[part.anchor] = (part, None)
        for child in part.children:
            for node in child.walk():
                owner[node.anchor] = (part, child if child.kind == "section" else None)
    groups: dict[tuple[str, str], tuple[Node, Node | None, list[Figure]]] = {}
    for figure in figures:
        part, section = owner[figure.anchor]
        key = (part.anchor, section.anchor if section else "")
        groups.setdefault(key, (part, section, []))[2].append(figure)
    return list(groups.values())


def section_counts(report: Report, figures: list[Figure]) -> dict[str, int]:
    """Section anchor (or part anchor, for figures outside sections) → number of figures."""
    return {(section or part).anchor: len(found) for part, section, found in by_section(report, figures)}


def links_by_paragraph(figures: list[Figure], to_indicator) -> dict[str, list[tuple[int, int, str, str]]]:
    """Paragraph anchor → (start, end, href, title) of its catalogue figures, not overlapping."""
    spans: dict[str, list] = {}
    for figure in figures:
        if figure.indicator and figure.start >= 0:
            mine = spans.setdefault(figure.anchor, [])
            if not mine or figure.start >= mine[-1][1]:
                name = catalogue()[figure.indicator].name
                mine.append((figure.start, figure.end, to_indicator(figure.indicator), f"{name}：历年数据"))
    return spans


def downloads_line(root: str) -> str:
    """Links to the figure downloads, from a page `root` levels below the site root."""
    base = f"{root}downloads"
    return (f"[indicators.csv]({base}/indicators.csv)（UTF-8）· "
            f"[Excel 用 CSV]({base}/indicators-excel.csv)（带 BOM，Excel 直接打开）· "
            f"[JSON]({base}/indicators.json) · [数据包说明 datapackage.json]({base}/datapackage.json)")


@dataclass
class Chart:
    title: str
    unit: str
    file: str
    rows: list[dict]
    svg: str = ""
