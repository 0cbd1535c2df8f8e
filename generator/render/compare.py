"""Comparison pages: places (province → city → region), each region's timeline, scorecard
and series, and each year's regions side by side. The frames come from the compare stage;
this module only turns their rows into cells: text, links to both sentences, and symbols.
"""

from __future__ import annotations

import math
import posixpath
from dataclasses import dataclass, field, replace
from functools import lru_cache

import pandas as pd

from generator.compare import STATUS_NAMES, Comparison
from generator.indicators import catalogue
from generator.model import Report
from generator.naming import region_dir, region_key
from generator.render.escape import escape_attr, escape_md

# A status is told by a symbol and a word, never by colour alone.
STATUS_SYMBOLS = {"met": "✔", "close": "≈", "not_met": "✘", "awaiting": "…", "not_comparable": "—",
                  "uncertain": "?"}
COUNTED = ("met", "close", "not_met", "not_comparable", "awaiting")


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows of a frame as dicts of Python values, as `to_dict("records")` gives them, a
    column at a time (pandas boxes each cell of each row: a tenth of a 200-report render)."""
    columns = list(frame.columns)
    return [dict(zip(columns, row, strict=True)) for row in zip(*(frame[c].tolist() for c in columns), strict=True)] \
        if columns else [{} for _ in range(len(frame))]


def rel(here: str, there: str) -> str:
    """A link from the page `here` to `there` (both docs paths; `there` may carry #anchor)."""
    path, _, anchor = there.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(here) or ".")
    return f"{link}#{anchor}" if anchor else link


def sentence_link(text: str, here: str, page, anchor, sentence) -> str:
    """`text` linked to a figure's paragraph, its sentence as the link's title."""
    if not isinstance(page, str) or not page:
        return escape_md(text)
    return f'[{escape_md(text)}]({rel(here, page)}#{anchor} "{escape_attr(str(sentence))}")'


def status_cell(status: str) -> str:
    return f'<span class="status status-{status}">{STATUS_SYMBOLS[status]} {STATUS_NAMES[status]}</span>'


def number(text) -> str:
    return "" if not isinstance(text, str) else text


def signed(text) -> str:
    text = number(text)
    return text if not text or text.startswith("-") else f"+{text}"


def target_text(row, prefix: str = "t_") -> str:
    """增长 7% 左右 · 1.7 亿公斤 左右 · 3% 控制在…左右"""
    if row["measure"] == "growth":
        unit = "个百分点" if row[f"{prefix}growth_unit"] == "个百分点" else "%"
        core = f"增长 {row[f'{prefix}growth_text']}{unit}"
    else:
        core = f"{row[f'{prefix}value_text']} {row[f'{prefix}unit']}".strip()
    qualifier = row.get(f"{prefix}qualifier", "")
    return f"{core} {qualifier}".strip() if isinstance(qualifier, str) else core


def result_text(row, prefix: str = "r_") -> str:
    if not isinstance(row.get(f"{prefix}page"), str):
        return ""
    if row["measure"] == "growth":
        unit = "个百分点" if row[f"{prefix}growth_unit"] == "个百分点" else "%"
        text = f"{signed(row[f'{prefix}growth_text'])}{unit}"
    else:
        text = f"{row[f'{prefix}value_text']} {row[f'{prefix}unit']}".strip()
    return text + ("（预计）" if row.get(f"{prefix}kind") == "estimate" else "")


@dataclass
class ScoreSummary:
    """How a year's targets fared: counts by status, in words."""

    year: int
    counts: dict[str, int]
    page: str  # the region's scorecard page
    anchor: str

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def words(self) -> str:
        parts = [f"{STATUS_NAMES[s]} {self.counts[s]} 项" for s in (*COUNTED, "uncertain") if self.counts.get(s)]
        return f"{self.year} 年目标 {self.total} 项：" + "，".join(parts)


@dataclass
class RegionPages:
    """Everything a region's pages show, from the frames."""

    key: str
    name: str  # as readers know it; with its city where another region here has the same name
    folder: str
    reports: list[Report]
    card: pd.DataFrame
    series: pd.DataFrame
    summaries: dict[int, ScoreSummary] = field(default_factory=dict)
    province: str = ""  # names for the places pages and the navigation
    city: str = ""
    change_pages: list = field(default_factory=list)  # (year, year before, page) of each changes page


def display_names(reports: list[Report]) -> dict[str, str]:
    """Region key → the name pages show: 和平区 alone, 和平区（天津市）and 和平区（沈阳市）when
    both are in the build, so two places never read as one."""
    names: dict[str, str] = {}
    for report in sorted(reports, key=lambda r: r.folder):
        names[region_key(report.metadata)] = report.metadata.region
    shared = {name for name in names.values() if list(names.values()).count(name) > 1}
    for report in reports:
        meta = report.metadata
        if meta.region in shared:
            names[region_key(meta)] = f"{meta.region}（{meta.city or meta.province or meta.code or '地区未明'}）"
    return names


def with_display_names(comparison: Comparison, names: dict[str, str]) -> Comparison:
    """The comparison's frames with each row's region as pages show it."""
    def named(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(region=frame["region_key"].map(names)) if len(frame) else frame
    return replace(comparison, observations=named(comparison.observations), scorecard=named(comparison.scorecard),
                   series=named(comparison.series), years=named(comparison.years))


def summaries_of(card: pd.DataFrame, page: str) -> dict[int, ScoreSummary]:
    out = {}
    for year, rows in card.groupby("year"):
        counts = rows["status"].value_counts().to_dict()
        out[int(year)] = ScoreSummary(int(year), {s: int(counts.get(s, 0)) for s in STATUS_NAMES if counts.get(s)},
                                      page, f"y{int(year)}")
    return out


def group_regions(reports: list[Report], comparison: Comparison, names: dict[str, str]) -> list[RegionPages]:
    by_key: dict[str, list[Report]] = {}
    for report in sorted(reports, key=lambda r: (r.folder, r.metadata.year)):
        by_key.setdefault(region_key(report.metadata), []).append(report)
    card, series = comparison.scorecard, comparison.series
    regions = []
    for key, mine in by_key.items():
        folder = region_dir(mine[0].metadata)
        meta = mine[-1].metadata
        region = RegionPages(key, names[key], folder, mine,
                             card[card["region_key"] == key], series[series["region_key"] == key],
                             province=meta.province or "未注明省份", city=meta.city or "（省直辖或未注明）")
        region.summaries = summaries_of(region.card, f"{folder}/scorecard.md")
        regions.append(region)
    return sorted(regions, key=lambda r: r.folder)


def scorecard_rows(card: pd.DataFrame, here: str) -> list[dict]:
    """Cells of a scorecard table: every number linked to its sentence."""
    names = {i.id: i for i in catalogue().values()}
    rows = []
    for row in records(card):
        indicator = names[row["indicator"]]
        rows.append({
            "indicator": f"[{indicator.name}]({rel(here, f'indicators/{indicator.id}.md')})",
            "target": sentence_link(target_text(row), here, row["t_page"], row["t_anchor"], row["t_text"]),
            # an uncertain pair was not compared: its reason names the numbers in conflict
            "result": "" if row["status"] == "uncertain" else sentence_link(
                result_text(row), here, row["r_page"], row["r_anchor"], row["r_text"]),
            "status": status_cell(row["status"]), "status_id": row["status"],
            "reason": escape_md(row["reason"]), "year": int(row["year"]), "region": escape_md(row["region"]),
        })
    return rows


def target_chart_rows(card: pd.DataFrame) -> list[dict]:
    """The target and the result of each compared growth target, for the chart."""
    rows = []
    names = {i.id: i.name for i in catalogue().values()}
    compared = card[card["status"].isin(["met", "close", "not_met"]) & (card["measure"] == "growth")]
    for row in records(compared):
        label = f"{STATUS_SYMBOLS[row['status']]} {STATUS_NAMES[row['status']]}"
        rows.append({"indicator": names[row["indicator"]], "target": float(row["t_growth"]),
                     "result": float(row["r_growth"]), "status": label,
                     "shown_target": f"{row['t_growth_text']}%", "shown_result": f"{signed(row['r_growth_text'])}%"})
    return rows


def report_index(page: str) -> str:
    """The index page of the report a part page belongs to."""
    return posixpath.dirname(page) + "/index.md"


def series_rows(series: pd.DataFrame, here: str) -> list[dict]:
    names = {i.id: i for i in catalogue().values()}
    out = []
    for indicator_id, rows in series.groupby("indicator", sort=False):
        lines = []
        for row in records(rows):
            notes = []
            if "revised" in row["flag"]:
                notes.append("⚠ 各报告数字不同（修订）")
            if "growth-differs" in row["flag"]:
                notes.append("⚠ 所报增长与两年总量推算的增长不符")
            if "conflict" in row["flag"]:
                notes.append("⚠ 同一报告对这一年给出不同的数字，取第一处")
            if row["audit"] == "real":
                notes.append("可比价增长，与名义变化不同属正常")
            unit = "个百分点" if row["growth_unit"] == "个百分点" else "%"
            lines.append({
                "year": int(row["year"]),
                "kind": "预计" if row["kind"] == "estimate" else "实绩",
                "value": sentence_link(f"{number(row['value_text'])} {row['unit']}".strip(), here, row["page"],
                                       row["anchor"], row["text"]) if number(row["value_text"]) else "",
                "growth": sentence_link(f"{signed(row['growth_text'])}{unit}", here, row["page"], row["anchor"],
                                        row["text"]) if number(row["growth_text"]) else "",
                "implied": "" if pd.isna(row["implied_growth"]) else f"{row['implied_growth']:+.1f}%",
                "report": f"[{int(row['report_year'])} 年报告]({rel(here, report_index(row['page']))})",
                "notes": "；".join(notes),
            })
        out.append({"indicator": names[indicator_id], "link": rel(here, f"indicators/{indicator_id}.md"),
                    "rows": lines})
    return out


def timeline_pivot(series: pd.DataFrame, here: str) -> tuple[list[int], list[dict]]:
    """Indicator × year: each year's result as its review in the next report states it."""
    if series.empty:
        return [], []
    chosen = series.assign(primary=(series["report_year"] == series["year"] + 1).astype(int))
    chosen = chosen.sort_values(["primary", "report_year"]).drop_duplicates(["indicator", "year"], keep="last")
    chosen = chosen.assign(cell=[
        sentence_link(" ".join(filter(None, [f"{number(r['value_text'])} {r['unit']}".strip()
                                             if number(r["value_text"]) else "",
                                             signed(r["growth_text"]) + ("%" if number(r["growth_text"]) else "")])),
                      here, r["page"], r["anchor"], r["text"]) + (" ⚠" if r["flag"] else "")
        for r in records(chosen)])
    table = chosen.pivot(index="indicator", columns="year", values="cell")
    years = [int(y) for y in table.columns]
    names = {i.id: i for i in catalogue().values()}
    rows = [{"indicator": f"[{names[ind].name}]({rel(here, f'indicators/{ind}.md')})",
             "cells": ["" if not isinstance(table.loc[ind, y], str) else table.loc[ind, y] for y in table.columns]}
            for ind in catalogue() if ind in table.index]
    return years, rows


def year_tables(years: pd.DataFrame, year: int, here: str) -> list[dict]:
    """One sortable table per indicator: each region's result, growth, ranks, target, status."""
    names = {i.id: i for i in catalogue().values()}
    out = []
    mine = years[years["year"] == year]
    for indicator_id in catalogue():
        rows = mine[mine["indicator"] == indicator_id]
        if rows.empty:
            continue
        units = rows["unit"].dropna()
        unit = units.mode().iloc[0] if len(units) else ""
        lines = []
        for row in records(rows.sort_values("region_key")):
            has_result = isinstance(row["page"], str)
            same_unit = has_result and row["unit"] == unit
            status = row["status"] if isinstance(row["status"], str) else ""
            lines.append({
                "region": f"[{escape_md(row['region'])}]({rel(here, row['region_folder'] + '/index.md')})",
                "value": sentence_link(number(row["value_text"]), here, row["page"], row["anchor"], row["text"])
                if same_unit and number(row["value_text"]) else "",
                "value_rank": rank(row["value_rank"]) if same_unit else "",
                "growth": sentence_link(signed(row["growth_text"]), here, row["page"], row["anchor"], row["text"])
                if has_result and number(row["growth_text"]) and row["growth_unit"] == "%" else "",
                "growth_rank": rank(row["growth_rank"]) if has_result and row["growth_unit"] == "%" else "",
                "target": sentence_link(target_text(row), here, row["t_page"], row["t_anchor"], row["t_text"])
                if isinstance(row["t_page"], str) else "",
                "status": status_cell(status) if status else "",
            })
        out.append({"indicator": names[indicator_id], "link": rel(here, f"indicators/{indicator_id}.md"),
                    "unit": unit, "rows": lines})
    return out


def rank(value) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(int(value))


def rules_text(comparison: Comparison) -> str:
    """The status rule in words, with the tolerances of rules.yml."""
    r = comparison.rules
    return ("**判定规则**：增长目标比增长率，总量目标比同一单位的总量；"
            "目标是增长率而下一年只给总量（或相反）为“不可比”。"
            f"一般目标和“以上”“不低于”是下限：达到为完成，低 {r.growth_close:g} 个百分点以内为接近；"
            f"“左右”低 {r.growth_about_met:g} 个百分点以内也算完成；"
            "“控制在”“以内”“不超过”和居民消费价格指数是上限："
            f"不超过为完成（“左右”可超 {r.growth_about_met:g} 个百分点），超出 {r.growth_close:g} 个百分点以内为接近。"
            f"总量目标按比例：“左右”差 {r.level_about_met:.0%} 以内为完成，差 {r.level_close:.0%} 以内为接近。"
            "同一报告对同一年给出不同数字、数字存疑或时期不能确定时，不作比较，单独列出。"
            "下一年报告尚未收录或未提到的，为“待核”。")


def chart_file(name: str, year: int) -> str:
    return f"{name}-{year}-targets.svg"


def render_region(region: RegionPages, comparison: Comparison, env) -> dict[str, str]:
    from generator.render.charts import target_chart

    pages: dict[str, str] = {}
    folder = region.folder
    meta = region.reports[-1].metadata
    here = f"{folder}/index.md"
    summaries = region.summaries
    timeline = []
    for report in region.reports:
        year = report.metadata.year
        review, plan = summaries.get(year - 1), summaries.get(year)
        timeline.append({
            "year": year, "title": f"{year} 年政府工作报告",
            "link": rel(here, f"{report.folder}/index.md"), "date": report.metadata.meeting_date or "",
            "review": f"[{escape_md(review.words())}]({rel(here, review.page)}#{review.anchor})" if review else "",
            "plan": f"[{escape_md(plan.words())}]({rel(here, plan.page)}#{plan.anchor})" if plan else ""})
    years, pivot = timeline_pivot(region.series, here)
    place_words = " ".join(filter(None, [meta.province, meta.city]))
    pages[here] = env.get_template("region.md.j2").render(
        name=region.name, place=place_words, code=meta.code, reports=region.reports, timeline=timeline,
        pivot_years=years, pivot_rows=pivot,
        changes=[(year, before, rel(here, page)) for year, before, page in region.change_pages])

    here = f"{folder}/scorecard.md"
    blocks = []
    for year, rows in sorted(region.card.groupby("year"), key=lambda item: -item[0]):
        compared = rows[rows["status"] != "uncertain"]
        chart_rows = target_chart_rows(compared)
        chart = None
        if chart_rows:
            chart = chart_file("scorecard", int(year))
            title = f"{region.name} {int(year)} 年：增长目标与实绩"
            pages[f"{folder}/charts/{chart}"] = target_chart(title, chart_rows)
        blocks.append({"year": int(year), "summary": summaries[int(year)].words(),
                       "rows": scorecard_rows(compared, here),
                       "left_out": scorecard_rows(rows[rows["status"] == "uncertain"], here),
                       "chart": chart, "chart_title": f"{region.name} {int(year)} 年增长目标与实绩"})
    pages[here] = env.get_template("region_scorecard.md.j2").render(
        name=region.name, years=blocks, rules=rules_text(comparison))
    here = f"{folder}/series.md"
    pages[here] = env.get_template("region_series.md.j2").render(
        name=region.name, indicators=series_rows(region.series, here),
        tolerance=f"{comparison.rules.consistency_points:g}")
    return pages


def latest_words(region: RegionPages, here: str) -> str:
    decided = [s for s in region.summaries.values() if set(s.counts) - {"awaiting"}]
    if not decided:
        return "—"
    latest = max(decided, key=lambda s: s.year)
    return f"[{escape_md(latest.words())}]({rel(here, latest.page)}#{latest.anchor})"


def render_places(regions: list[RegionPages], env) -> dict[str, str]:
    """regions/index.md, and an index page per province and per city."""
    pages: dict[str, str] = {}
    by_province: dict[str, list[RegionPages]] = {}
    for region in regions:
        by_province.setdefault(region.folder.split("/")[1], []).append(region)

    def rows(mine: list[RegionPages], here: str) -> list[dict]:
        return [{"name": r.name, "link": rel(here, f"{r.folder}/index.md"), "reports": len(r.reports),
                 "latest": latest_words(r, here)} for r in mine]

    groups = []
    for province, mine in sorted(by_province.items()):
        here = f"regions/{province}/index.md"
        by_city: dict[str, list[RegionPages]] = {}
        for region in mine:
            by_city.setdefault(region.folder.split("/")[2], []).append(region)
        city_groups = []
        for city, theirs in sorted(by_city.items()):
            city_page = f"regions/{province}/{city}/index.md"
            pages[city_page] = env.get_template("places.md.j2").render(
                title=f"{theirs[0].province} {theirs[0].city}",
                groups=[{"title": "", "link": "", "rows": rows(theirs, city_page)}])
            city_groups.append({"title": theirs[0].city, "link": rel(here, city_page),
                                "rows": rows(theirs, here)})
        pages[here] = env.get_template("places.md.j2").render(title=mine[0].province, groups=city_groups)
        groups.append({"title": mine[0].province, "link": rel("regions/index.md", here),
                       "rows": rows(mine, "regions/index.md")})
    pages["regions/index.md"] = env.get_template("places.md.j2").render(title="地区", groups=groups)
    return pages


def render_years(regions: list[RegionPages], comparison: Comparison, env) -> dict[str, str]:
    """compare/index.md and a page per year with two or more regions."""
    years = comparison.years
    folder_of = {r.key: r.folder for r in regions}
    pages: dict[str, str] = {}
    listed = []
    if len(years):
        years = years.assign(region_folder=years["region_key"].map(folder_of))
    for year in sorted({int(y) for y in years["year"]}) if len(years) else []:
        mine = years[years["year"] == year]
        names = list(dict.fromkeys(mine.sort_values("region_key")["region"]))  # display names: distinct
        here = f"compare/{year}.md"
        # a page per indicator, each region a row: the year's page stays short however many
        # regions there are, and lists the indicators with what their tables hold
        tables = year_tables(years, year, f"compare/{year}/table.md")
        summaries = []
        for table in tables:
            page = f"compare/{year}/{table['indicator'].id}.md"
            pages[page] = env.get_template("compare_indicator.md.j2").render(
                year=year, table=table, rules=rules_text(comparison), back=rel(page, here))
            rows = table["rows"]
            summaries.append({"indicator": table["indicator"], "page": rel(here, page),
                              "link": rel(here, f"indicators/{table['indicator'].id}.md"),
                              "results": sum(1 for row in rows if row["value"] or row["growth"]),
                              "targets": sum(1 for row in rows if row["target"]),
                              "statuses": sum(1 for row in rows if row["status"])})
        pages[here] = env.get_template("compare_year.md.j2").render(
            year=year, regions=names, summaries=summaries, rules=rules_text(comparison))
        listed.append({"year": year, "count": len(names), "names": "、".join(names)})
    pages["compare/index.md"] = env.get_template("compare_index.md.j2").render(years=listed[::-1])
    return pages


def indicator_charts(indicator, series: pd.DataFrame, here: str, draw: bool = True) -> list:
    """Lines, one per region, of the indicator's results by year: its level (in the unit
    most reports use) and its growth. The same numbers go in the table beside each. With
    `draw` off, the rows only (too many regions for lines to be read)."""
    from generator.compare.side_by_side import year_results
    from generator.render.charts import line_chart
    from generator.render.figures import Chart

    mine = series[series["indicator"] == indicator.id]
    if mine.empty:
        return []
    chosen = year_results(mine).sort_values(["year", "region"])
    charts = []
    units = chosen.loc[chosen["value"].notna(), "unit"]
    if len(units):
        unit = units.mode().iloc[0]
        rows = chosen[chosen["value"].notna() & (chosen["unit"] == unit)]
        charts.append(Chart(f"{indicator.name}（{unit}）", unit, f"{indicator.id}-value.svg",
                            chart_rows(rows, "value", here)))
    rows = chosen[chosen["growth"].notna() & (chosen["growth_unit"] == "%")]
    if len(rows):
        charts.append(Chart(f"{indicator.name}增长（%）", "%", f"{indicator.id}-growth.svg",
                            chart_rows(rows, "growth", here)))
    for chart in charts if draw else ():
        chart.svg = line_chart(chart.title, chart.unit, chart.rows)
    return charts


def chart_rows(rows: pd.DataFrame, measure: str, here: str) -> list[dict]:
    return [{"period": str(int(row["year"])), "value": float(row[measure]), "series": row["region"],
             "shown": row[f"{measure}_text"], "source": f"{rel(here, row['page'])}#{row['anchor']}"}
            for row in records(rows)]


def change_runs(old: str, new: str) -> str:
    """A reworded sentence with its changed characters marked: <del> what went, <ins> what came."""
    from generator.compare.changes import marked

    out = []
    for kind, text in marked(old, new):
        escaped = escape_md(text)
        out.append(escaped if kind == "same" else f"<{kind}>{escaped}</{kind}>")
    return "".join(out)


def render_changes(region: RegionPages, comparison: Comparison, env) -> dict[str, str]:
    """A page per consecutive pair of the region's reports: what the words changed."""
    pages = {}
    mine = [c for c in comparison.changes if region_key(c.new.metadata) == region.key]
    for change in mine:
        year, before = change.new.metadata.year, change.old.metadata.year
        here = f"{region.folder}/changes-{year}.md"

        def link(text: str, sentence, here=here) -> str:
            return f"[{text}]({rel(here, sentence.page)}#{sentence.anchor})"

        sections = []
        for section in change.sections:
            if not (section.new_sentences or section.gone_sentences or section.reworded or section.moved):
                continue
            sections.append({
                "title": escape_md((section.new or section.old).title),
                "status": (f"{year} 年新出现" if section.old is None
                           else f"{year} 年找不到对应" if section.new is None else ""),
                "old_link": f"{rel(here, section.old.page)}#{section.old.anchor}" if section.old else "",
                "new_link": f"{rel(here, section.new.page)}#{section.new.anchor}" if section.new else "",
                "new": [(escape_md(s.text), link("¶", s)) for s in section.new_sentences],
                "gone": [(escape_md(s.text), link("¶", s)) for s in section.gone_sentences],
                "reworded": [(change_runs(o.text, n.text), link("新", n), link("旧", o)) for o, n in section.reworded],
                "moved": [(escape_md(n.text) if o.text == n.text else change_runs(o.text, n.text),
                           link("新", n), link("旧", o)) for o, n in section.moved],
                "same": section.same})
        pages[here] = env.get_template("changes.md.j2").render(
            name=region.name, year=year, before=before, sections=sections,
            downloads=rel(here, "downloads.md"),
            new_report=rel(here, f"{change.new.folder}/index.md"),
            old_report=rel(here, f"{change.old.folder}/index.md"),
            added=[f"[{escape_md(s.title)}]({rel(here, s.page)}#{s.anchor})" for s in change.added],
            dropped=[f"[{escape_md(s.title)}]({rel(here, s.page)}#{s.anchor})" for s in change.dropped],
            longest=[(escape_md(s.text), link("¶", s)) for s in change.longest_new()],
            shifts=shift_rows(comparison.shifts.get(change.new.slug, ([], [])), here),
            shift_chart=shift_chart_file(region, change, comparison, pages),
            new_terms=term_cells(comparison.phrases.get(change.new.slug, {}).get("new", [])[:TERMS_SHOWN], here),
            gone_terms=term_cells(comparison.phrases.get(change.new.slug, {}).get("gone", [])[:TERMS_SHOWN], here),
            counts={"new": change.count("new_sentences"), "gone": change.count("gone_sentences"),
                    "reworded": change.count("reworded"), "moved": change.count("moved"),
                    "same": sum(s.same for s in change.sections)})
        region.change_pages.append((year, before, here))
    return pages


TERMS_SHOWN = 40  # on a changes page; phrases.csv has them all


def term_cells(terms: list, here: str) -> list[str]:
    """A term linked to the first sentence it appears in, with how often it is used."""
    return [f'[{escape_md(t.term)}]({rel(here, t.page)}#{t.anchor} "{escape_attr(t.sentence)}")'
            + (f" ×{t.count}" if t.count > 1 else "") for t in terms]


def shift_rows(moved: tuple[list, list], here: str) -> dict[str, list[dict]]:
    """Risers and fallers as table rows: the word (linked where the later report uses it), its
    rate per 10,000 characters before and after."""
    def row(shift) -> dict:
        term = escape_md(shift.term)
        if shift.term_new is not None:
            term = f"[{term}]({rel(here, shift.term_new.page)}#{shift.term_new.anchor})"
        return {"term": term, "before": f"{shift.before:g}", "after": f"{shift.after:g}",
                "change": f"{shift.change:+.1f}"}
    risers, fallers = moved
    return {"risers": [row(s) for s in risers], "fallers": [row(s) for s in fallers]}


def shift_chart_file(region: RegionPages, change, comparison: Comparison, pages: dict) -> str:
    """The risers and fallers chart of a pair, written beside the region's pages ("" if none)."""
    from generator.render.charts import shift_chart

    risers, fallers = comparison.shifts.get(change.new.slug, ([], []))
    rows = [{"term": s.term, "change": round(s.change, 1), "shown": f"{s.change:+.1f}"}
            for s in [*risers, *fallers[::-1]]]
    if not rows:
        return ""
    name = f"words-{change.new.metadata.year}.svg"
    pages[f"{region.folder}/charts/{name}"] = shift_chart(
        f"{region.name}：{change.new.metadata.year} 年与 {change.old.metadata.year} 年用词变化", rows)
    return name


def render_year_terms(comparison: Comparison, env) -> dict[str, str]:
    """words/<year>.md: the terms most used across the year's reports; words/index.md."""
    pages = {}
    years = sorted(comparison.year_terms)
    for year in years:
        here = f"words/{year}.md"
        rows = [{"term": f"[{escape_md(t.term)}]({rel(here, t.example.page)}#{t.example.anchor} "
                         f'"{escape_attr(t.example.sentence)}")', "regions": t.regions, "count": t.count}
                for t in comparison.year_terms[year]]
        pages[here] = env.get_template("words_year.md.j2").render(year=year, rows=rows)
    pages["words/index.md"] = env.get_template("words_index.md.j2").render(years=years[::-1])
    return pages


def topic_files(names) -> dict[str, str]:
    """Topic → its page's file name: pinyin, with a number where two read alike."""
    return dict(_topic_files(tuple(sorted(names))))


@lru_cache(maxsize=4)
def _topic_files(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(every page of a build asks for the same table: worked out once)"""
    from generator.regions import slugify

    files: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(names):
        base = slugify(name) or "topic"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        files[name] = f"{slug}.md"
    return tuple(files.items())


ROLE_NAMES = {"review": "回顾", "plan": "安排"}


def render_topics(comparison: Comparison, names: dict[str, str], env) -> dict[str, str]:
    """topics/index.md and a page per topic: every mention, by region and year."""
    pages = {}
    files = topic_files(comparison.topics)
    listed = []
    for topic, mentions in comparison.topics.items():
        here = f"topics/{files[topic]}"
        rows = [{"region": escape_md(names.get(m.region_key, m.region)), "year": m.year, "role": ROLE_NAMES[m.role],
                 "sentence": f"[{escape_md(m.sentence)}]({rel(here, m.page)}#{m.anchor})"} for m in mentions]
        pages[here] = env.get_template("topic.md.j2").render(topic=topic, rows=rows)
        listed.append({"topic": escape_md(topic), "file": files[topic], "mentions": len(mentions),
                       "regions": len({m.region_key for m in mentions}),
                       "years": "、".join(str(y) for y in sorted({m.year for m in mentions}))})
    pages["topics/index.md"] = env.get_template("topics_index.md.j2").render(topics=listed)
    return pages


PROMISE_SYMBOLS = {"kept": "✔", "partly": "◐", "not_kept": "✘", "not_rated": "…"}
PROMISE_ORDER = ("kept", "partly", "not_kept", "not_rated")


def promise_cell(status: str) -> str:
    from generator.compare.commitments import STATUS_NAMES as PROMISE_NAMES

    return f'<span class="status status-{status}">{PROMISE_SYMBOLS[status]} {PROMISE_NAMES[status]}</span>'


def promise_words(items: list) -> str:
    """承诺 25 项：已兑现 12 项，部分兑现 1 项，未评定 12 项"""
    from generator.compare.commitments import STATUS_NAMES as PROMISE_NAMES

    if not items:
        return ""
    counts = {s: sum(1 for c in items if c.status == s) for s in PROMISE_ORDER}
    return f"承诺 {len(items)} 项：" + "，".join(f"{PROMISE_NAMES[s]} {n} 项" for s, n in counts.items() if n)


def render_commitments(report: Report, comparison: Comparison, env) -> dict[str, str]:
    """<report>/commitments.md: what the plan promised, the next report's evidence on each
    item, and the plan's topics followed into the look back and the next year."""
    here = f"{report.folder}/commitments.md"
    items = comparison.commitments.get(report.slug, [])
    ups = comparison.follow_ups.get(report.slug, [])
    files = topic_files(comparison.topics)

    def where(w, text: str | None = None) -> str:
        return f'[{escape_md(text or w.text)}]({rel(here, w.page)}#{w.anchor})'

    def row(c) -> dict:
        return {"number": c.number, "item": where(c.where), "status": promise_cell(c.status),
                "reason": escape_md(c.reason),
                "evidence": [f"{where(e.where)}（{escape_md(e.reason)}）" for e in c.evidence]}

    def mention(m) -> str:
        return f"[{ROLE_NAMES[m.role]} ¶]({rel(here, m.page)}#{m.anchor} \"{escape_attr(m.sentence)}\")"

    topics = [{"topic": f"[{escape_md(u.topic)}]({rel(here, 'topics/' + files[u.topic])})",
               "plan": f"[¶]({rel(here, u.plan.page)}#{u.plan.anchor} \"{escape_attr(u.plan.sentence)}\")",
               "back": " ".join(mention(m) for m in u.looked_back),
               "ahead": " ".join(mention(m) for m in u.next_year)} for u in ups]
    meta = report.metadata
    return {here: env.get_template("commitments.md.j2").render(
        name=meta.region, year=meta.year, report=rel(here, f"{report.folder}/index.md"),
        summary=promise_words(items),
        listed=[row(c) for c in items if c.source == "list"],
        pledged=[row(c) for c in items if c.source == "pledge"],
        topics=topics, downloads=rel(here, "downloads.md"))}


def follow_lines(report: Report, comparison: Comparison) -> dict[str, str]:
    """Plan paragraph anchor → a line of links to what the report's look back and the next
    report say about its topics (Markdown for the report's own part pages)."""
    files = topic_files(comparison.topics)
    by_anchor: dict[str, list] = {}
    for up in comparison.follow_ups.get(report.slug, []):
        by_anchor.setdefault(up.plan.anchor, []).append(up)
    lines = {}
    for anchor, ups in by_anchor.items():
        here = ups[0].plan.page
        pieces = []
        for up in ups:
            links = [f"[{'本报告' if m.year == up.plan.year else f'{m.year} 年'}{ROLE_NAMES[m.role]} ¶]"
                     f"({rel(here, m.page)}#{m.anchor})" for m in (*up.looked_back, *up.next_year)]
            pieces.append(f"[{escape_md(up.topic)}]({rel(here, 'topics/' + files[up.topic])})：" + " · ".join(links))
        lines[anchor] = "下文：" + "；".join(pieces)
    return lines
