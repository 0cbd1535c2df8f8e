"""Checks across a report's figures, once all are read: a result that repeats a goal of its
paragraph, a level out of proportion to the county's GDP, a level said apart from the year's main
indicators, levels of one figure that disagree, a rounded copy of an exact one. Each flags, never
drops: a flagged figure stays in the data pages and is kept out of headlines and comparisons."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from generator.extract.labels import OWN_REGION
from generator.extract.text import to_analysis
from generator.model import Figure
from generator.numbers import number


def with_flag(figure: Figure, note: str) -> Figure:
    """The figure with one more reason a person should look at it."""
    return replace(figure, flags="; ".join(x for x in (figure.flags, note) if x))


def checked(figures: list[Figure]) -> list[Figure]:
    """`figures` with the flags of every check."""
    return conflicting(apart(out_of_proportion(restated_goal(figures))))


# 经济：提升现代服务业，生产总值增长7% ⏎ …主要预期目标是生产总值增长7%左右: a story's subheading that
# repeats a goal of the paragraph. A result whose kind rests on nothing (the default of a text whose
# parts no heading names) and whose numbers the same paragraph gives as a target is the evidence in
# conflict: flagged, not shown as the year's result.
RESTATED_GOAL = "said again as a target in its paragraph: a goal restated?"


def restated_goal(figures: list[Figure]) -> list[Figure]:
    goals = {(f.anchor, f.indicator, f.value, f.growth_pct) for f in figures
             if f.kind == "target" and f.indicator and f.basis in ("year", "words")}
    if not goals:
        return figures
    return [with_flag(f, RESTATED_GOAL) if f.basis == "default" and f.kind != "target"
            and (f.anchor, f.indicator, f.value, f.growth_pct) in goals else f for f in figures]


# Levels a county's GDP bounds: its budget revenue never exceeds it, and its spending (transfers
# make a poor county spend more than it produces), retail sales (a city centre's shops serve its
# neighbours) and investment not several times over (a new area being built, 容城 in 2020, invests
# three times its GDP; a lost decimal point makes ten). A level that does (一般公共预算收入完成2001亿元
# beside a GDP of 358 亿元: a decimal point lost) is flagged, never shown or compared.
_BOUNDED_BY_GDP = {"general_budget_revenue": 1, "fiscal_revenue_total": 1, "local_fiscal_revenue": 1,
                   "general_budget_expenditure": 3, "retail_sales": 2, "fixed_asset_investment": 5}


def out_of_proportion(figures: list[Figure]) -> list[Figure]:
    gdp = {}
    for f in figures:
        if f.indicator == "gdp" and f.value and f.unit == "亿元" and not f.flags:
            gdp.setdefault(f.period, float(f.value))
    out = []
    for f in figures:
        bound = _BOUNDED_BY_GDP.get(f.indicator)
        if bound and f.value and f.unit == "亿元" and f.period in gdp and float(f.value) > bound * gdp[f.period]:
            note = f"out of proportion to GDP ({gdp[f.period]:g} 亿元)"
            f = with_flag(f, note)
        out.append(f)
    return out


# 一般公共预算收入 130.53 亿元 … 地方一般公共预算收入 73.9 亿元: two levels of one indicator for
# one year, of one kind, that disagree are evidence in conflict, flagged for a person and neither
# shown nor compared — unless one is the other with 地方 in front: then the wider total stood
# beside the local-level figure, the catalogue's measure, which stays. Levels within the printed
# precision of each other (3.6万元 beside 35620 元) agree; 4.1万元 beside 42000 元 do not.
ROUNDED = "a rounded copy"  # of a figure the report gives exactly too
CONFLICTING = "conflicting values"  # the flag's words, which the compare stage reads too
# 县内生产总值 (the output within the county's bounds) beside the county's own 地区生产总值 is narrower
_WITHIN = ("县内", "区内", "市内", "旗内")
NARROWER = "the output within the county's bounds"


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of a value's last significant digit: 3.6万元 (36000) stands for 35500–36499."""
    return Decimal(5) * Decimal(10) ** (value.normalize().as_tuple().exponent - 1)


def same_level(a: Decimal, b: Decimal) -> bool:
    """Whether two levels can be the same figure, the more precise rounded as the other was."""
    return abs(a - b) <= max(half_unit(a), half_unit(b))


# …，全年完成固定资产投资, 力争全年…, 2016年，全县农村居民…: said of the whole year or region, the
# words right in front of the label (not 光明凤凰城全年完成…, an area's year; nor 全年城市更新完成…,
# a programme's; nor 居全市首位, a rank)
_WHOLE_YEAR_OR_REGION = re.compile(r"(?:^|[，,；;：:。]|力争|确保|争取|预计)\s*"
                                   rf"(?:全年|全域|{OWN_REGION})\s*(?:共|累计)?"
                                   r"(?:实现|完成|达到)?\s*$")


def said_of_the_whole(figure: Figure) -> bool:
    """Whether the words in front of a figure's label say it of the whole year or region."""
    text, label = to_analysis(figure.text), to_analysis(figure.label)
    at = text.find(label) if label else -1
    return at >= 0 and bool(_WHOLE_YEAR_OR_REGION.search(text, 0, at))


def _beside(figures: list[Figure]) -> dict[tuple, set[str]]:
    """The headline indicators said in each paragraph, by kind and year."""
    beside: dict[tuple, set[str]] = {}
    for f in figures:
        if f.indicator:
            beside.setdefault((f.anchor, f.kind, f.period), set()).add(f.indicator)
    return beside


def apart(figures: list[Figure]) -> list[Figure]:
    """A level said alone, in a paragraph about something else (完成城市更新计划立项6个，…完成固定
    资产投资49亿元), where the year's list of main indicators gives the same indicator only as a
    growth (…；固定资产投资增长28.8%；…), is a programme's share rather than the region's:
    flagged, unless its growth is the list's or its sentence speaks of the whole year or region
    (2016年，全县农村居民人均可支配收入完成6542元; 力争全年固定资产投资突破97亿元)."""
    beside = _beside(figures)
    listed: dict[tuple, set[str]] = {}  # growths of the main list's figures that have no level
    for f in figures:
        if f.indicator and not f.value and f.growth_pct and not f.flags \
                and len(beside[(f.anchor, f.kind, f.period)]) >= 3:
            listed.setdefault((f.indicator, f.kind, f.period), set()).add(f.growth_pct)
    flagged = {}
    for f in figures:
        growths = listed.get((f.indicator, f.kind, f.period))
        if growths and f.value and not f.flags and len(beside[(f.anchor, f.kind, f.period)]) == 1 \
                and f.growth_pct not in growths and not said_of_the_whole(f):
            flagged[id(f)] = (f"said apart from the year's main indicators, which give it as a growth of "
                              f"{'、'.join(sorted(growths))}%: a part's level?")
    return [replace(f, flags=flagged[id(f)]) if id(f) in flagged else f for f in figures]


def approximate(figure: Figure) -> bool:
    """约 1100 亿元, 1100 亿元左右: a level given as about so much."""
    return figure.bound == "about" or "约" in figure.qualifier


def conflicting(figures: list[Figure]) -> list[Figure]:
    found: dict[tuple, list[Figure]] = {}
    for f in figures:
        if f.indicator and f.value and not f.flags:  # (a target's level too: 300 亿元 in the year's
            # list, 150 亿元 of a programme's in the plan's text)
            found.setdefault((f.indicator, f.kind, f.period, f.unit), []).append(f)
    beside = _beside(figures)  # the other headline indicators said beside a figure
    flagged: dict[int, str] = {}
    for same in found.values():
        # 地区生产总值346亿元（县内生产总值276亿元）: the output within the county's bounds, beside the
        # region's own figure, is the narrower one, close to it or not; the region's stays
        inner = {id(f) for f in same if to_analysis(f.label).startswith(_WITHIN)}
        if inner and len(inner) < len(same):
            for f in same:
                if id(f) in inner:
                    flagged[id(f)] = f"{NARROWER}: said beside the region's own figure"
            same = [f for f in same if id(f) not in inner]
        values = {Decimal(f.value) for f in same}
        if len(values) == 1 or same[0].kind != "target" and all(same_level(a, b) for a in values for b in values):
            # (a goal is a round number as printed, 300 亿元左右: no rounded copy of another)
            exact = [f for f in same if not approximate(f)]
            exact_values = {Decimal(f.value) for f in exact}
            for f in same:  # 2020年约1100亿元 beside 1100.7亿元: the rounded copy of the figure
                # (not the same level said again, 243亿元，增长7%左右, where 左右 may be the growth's)
                if approximate(f) and exact and Decimal(f.value) not in exact_values:
                    flagged[id(f)] = f"{ROUNDED}: {exact[0].value} {f.unit} given exactly too"
            continue
        local = [f for f in same if to_analysis(f.label).startswith("地方")]
        local_values = {Decimal(f.value) for f in local}
        keep = {id(f) for f in local} if len(local_values) == 1 and len(local) < len(same) else set()
        if not keep:
            # 地区生产总值…；固定资产投资 634 亿元…；社会消费品零售总额… beside 六大片区…完成固定资产投资
            # 500 亿元: the value said among the year's main indicators is the region's; one part's stands apart
            company = {id(f): len(beside[(f.anchor, f.kind, f.period)]) - 1 for f in same}
            most = max(company.values())
            listed = {Decimal(f.value) for f in same if company[id(f)] == most}
            apart_ = [f for f in same if company[id(f)] < most]
            if most >= 2 and len(listed) == 1 and not any(said_of_the_whole(f) for f in apart_):
                # (not when the other says it of the whole year or region too: 全年一般公共预算收入
                # 完成 7.14 亿元 against the list's 7.19 is evidence in conflict)
                keep = {id(f) for f in same if company[id(f)] == most}
        for f in same:
            if id(f) not in keep:
                others = "、".join(number(str(v)) for v in sorted(values) if v != Decimal(f.value))
                flagged[id(f)] = f"{CONFLICTING}: {others} {f.unit} given for the same year too"
    return [replace(f, flags=flagged[id(f)]) if id(f) in flagged else f for f in figures]
