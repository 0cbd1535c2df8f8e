"""Render: reports → {docs path: Markdown}. Jinja2 templates give the page shapes; report
text only ever enters them as escaped values, never as template source."""

from __future__ import annotations

import html
import json
import re
from collections import Counter

import yaml

from generator.compare import Comparison
from generator.forked import forked_map
from generator.indicators import catalogue
from generator.model import Figure, Node, Report
from generator.naming import part_file, region_dir, region_key
from generator.render import compare as cmp
from generator.render import figures as fig
from generator.render.downloads import render_downloads
from generator.render.env import ENV
from generator.render.escape import escape_attr, escape_md

KIND_LABELS = {
    "encoding": "编码修复", "errata": "人工勘误", "ocr": "自动修复", "gap": "疑似缺文", "duplicate": "重复段落",
    "join": "断句拼接", "furniture": "版面杂项", "title": "标题信息", "number-split": "数字疑点",
}
KIND_ORDER = list(KIND_LABELS)


def paragraph_index(report: Report) -> dict[int, tuple[str, str]]:
    """Source line → (page file, paragraph anchor), for every line a paragraph spans."""
    index: dict[int, tuple[str, str]] = {}
    for part in report.tree.children:
        for node in part.walk():
            if node.kind == "paragraph":
                for line in node.lines:
                    index.setdefault(line, (part_file(part), node.anchor))
    return index


def linked(text: str, offset: int, links) -> str:
    """Escaped `text` (starting at `offset` in its paragraph) with the links inside it."""
    out, at = [], 0
    for start, end, href, title in links:
        start, end = start - offset, end - offset
        if 0 <= start and end <= len(text) and start >= at:
            out.append(escape_md(text[at:start]))
            out.append(f'[{escape_md(text[start:end])}]({href} "{escape_attr(title)}")')
            at = end
    out.append(escape_md(text[at:]))
    return "".join(out)


def render_inlines(node: Node, links=()) -> str:
    """A paragraph's Markdown: bold runs kept, figures linked to their indicator's page."""
    out, offset = [], 0
    for run in node.inlines:
        text = linked(run.text, offset, links)
        offset += len(run.text)
        if run.strong and run.text.strip():
            lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", text, re.S).groups()
            text = f"{lead}**{core}**{trail}"
        out.append(text)
    return "".join(out).strip()


def part_title(part: Node) -> str:
    return part.title or "开篇"


def report_title(report: Report) -> str:
    return f"{report.metadata.region} {report.metadata.year} 年{report.metadata.title}"


def notes_by_line(report: Report) -> dict[int, list]:
    notes: dict[int, list] = {}
    for repair in report.ingested.repairs:
        if repair.kind in ("gap", "duplicate", "number-split"):
            notes.setdefault(repair.line, []).append(repair)
    return notes


def paragraph_link(text: str, figure: Figure, page: str) -> str:
    """`text` linked to the figure's paragraph on `page` (relative), its sentence as title."""
    return f'[{escape_md(text)}]({page}#{figure.anchor} "{escape_attr(figure.text)}")'


def figure_cell(figure: Figure | None, show) -> str:
    """A table cell on a report's own pages: the figure, linked to its paragraph."""
    if figure is None or not show(figure):
        return ""
    return paragraph_link(show(figure), figure, figure.page.rsplit("/", 1)[-1])


def root_of(page: str) -> str:
    """The relative way from a page (a docs path) back to the site's root."""
    return "../" * page.count("/")


def render_figures(report: Report, figures: list[Figure], heads, context: dict) -> str:
    return ENV.get_template("figures.md.j2").render(
        **context, figures=figures, headline=heads,
        sections=fig.by_section(report, figures), cell=figure_cell, amount=fig.amount,
        growth=fig.growth, kinds=fig.KIND_NAMES, flagged=any(f.flags for f in figures),
        names={i.id: i.name for i in catalogue().values()}, downloads=fig.downloads_line(context["root"]))


def render_report(report: Report, figures: list[Figure], heads: list[fig.HeadlineRow],
                  scores: list, frequent: list, promises: str, follow: dict | None = None) -> dict[str, str]:
    base = report.folder
    parts = report.tree.children
    notes = notes_by_line(report)
    root = root_of(f"{base}/index.md")
    context = {"report": report, "meta": report.metadata, "title": report_title(report),
               "parts": parts, "part_file": part_file, "part_title": part_title, "root": root}
    pages = {f"{base}/index.md": ENV.get_template("report.md.j2").render(
        **context, counts=repair_counts(report), labels=KIND_LABELS,
        headline=heads, amount=fig.amount, growth=fig.growth, cell=figure_cell,
        target_text=fig.summary, downloads=fig.downloads_line(root), scores=scores, promises=promises,
        frequent=cmp.term_cells(frequent, f"{base}/index.md"))}
    pages[f"{base}/figures.md"] = render_figures(report, figures, heads, context)
    counts = fig.section_counts(report, figures)
    in_paragraph = fig.links_by_paragraph(figures, (root + "indicators/{}.md").format)
    for number, part in enumerate(parts):
        pages[f"{base}/{part_file(part)}"] = ENV.get_template("part.md.j2").render(
            **context, part=part,
            inlines=lambda node: render_inlines(node, in_paragraph.get(node.anchor, ())),
            figure_counts=counts,
            previous=parts[number - 1] if number else None,
            next=parts[number + 1] if number + 1 < len(parts) else None,
            notes=lambda node: [r for line in node.lines for r in notes.get(line, [])],
            follow=(follow or {}).get,
            labels=KIND_LABELS)
    pages[f"{base}/source.md"] = render_source(report, context)
    pages[f"{base}/quality.md"] = ENV.get_template("quality.md.j2").render(
        **context, groups=repair_groups(report), labels=KIND_LABELS,
        where=paragraph_index(report), diagnostics=report.ingested.diagnostics,
        unplaced=[f for f in figures if f.indicator and not fig.comparable(f)], amount=fig.amount,
        growth=fig.growth, kinds=fig.KIND_NAMES)
    return pages


def render_source(report: Report, context: dict) -> str:
    marks = {}
    for repair in report.ingested.repairs:
        if repair.kind in ("furniture", "title", "errata", "ocr", "encoding"):
            marks.setdefault(repair.line, KIND_LABELS[repair.kind])
    lines = [(number, text, marks.get(number, ""))
             for number, text in enumerate(report.source.lines, 1)]
    return ENV.get_template("source.md.j2").render(**context, lines=lines)


def repair_counts(report: Report) -> list[tuple[str, int]]:
    counts = Counter(r.kind for r in report.ingested.repairs)
    return [(kind, counts[kind]) for kind in KIND_ORDER if counts[kind]]


def repair_groups(report: Report) -> list[tuple[str, list]]:
    """Repairs by kind, each with the row id `<kind>-<line>` the first of its line gets."""
    groups: dict[str, list] = {}
    ids: set[str] = set()
    for repair in report.ingested.repairs:
        row_id = f"{repair.kind}-{repair.line}"
        groups.setdefault(repair.kind, []).append((repair, None if row_id in ids else row_id))
        ids.add(row_id)
    return [(kind, groups[kind]) for kind in KIND_ORDER if kind in groups]


def year_in_brief(report: Report, heads: list[fig.HeadlineRow]) -> tuple[str, Node] | None:
    """The paragraph that states most of the report's headline results (the year in brief,
    the one a reader wants first), and the page it is on."""
    anchors = Counter(row.result.anchor for row in heads if row.result and row.result.start >= 0)
    if not anchors:
        return None
    anchor = anchors.most_common(1)[0][0]
    for part in report.tree.children:
        for node in part.walk():
            if node.anchor == anchor:
                return part_file(part), node
    return None


def render_indicators(reports: list[Report], figures: dict[str, list[Figure]],
                      heads: dict[str, list[fig.HeadlineRow]], comparison: Comparison) -> dict[str, str]:
    """The indicator index, a page per indicator, and each page's charts (SVG)."""
    pages = {}
    rows = []
    names = cmp.display_names(reports)
    in_series = set(zip(comparison.series["region_key"], comparison.series["indicator"], strict=True))
    # the latest result and target shown in the index are those of each report's headline
    by_indicator = {slug: {row.indicator.id: (row.result, row.target) for row in rows_}
                    for slug, rows_ in heads.items()}
    for indicator in catalogue().values():
        observations = [(r, f) for r in reports for f in figures[r.slug] if f.indicator == indicator.id]
        here = f"indicators/{indicator.id}.md"
        places = indicator_places(observations, indicator.id, names, in_series)
        many = len(places) > MANY_REGIONS
        charts = cmp.indicator_charts(indicator, comparison.series, here, draw=not many)
        for chart in charts:
            if chart.svg:
                pages[f"indicators/charts/{chart.file}"] = chart.svg
        card = comparison.scorecard[comparison.scorecard["indicator"] == indicator.id].sort_values(
            ["year", "region_key"], ascending=[False, True])
        cells = cmp.scorecard_rows(card, here)
        # each region's latest target and its status, beside its latest result at the top
        targets: dict[str, dict] = {}
        for region, row in zip(card["region"], cells, strict=True):
            targets.setdefault(region, row)
        if many and len(card):  # the latest year's; the others are on each region's scorecard page
            cells = [row for row in cells if row["year"] == cells[0]["year"]]
        pages[here] = ENV.get_template("indicator.md.j2").render(
            ind=indicator, charts=charts, observations=observations, amount=fig.amount,
            growth=fig.growth, kinds=fig.KIND_NAMES, downloads=fig.downloads_line("../"),
            many=many, places=places, latest=latest_by_region(charts), targets=targets, scorecard=cells)
        newest_first = sorted(reports, key=lambda r: r.metadata.year, reverse=True)
        rows.append((indicator, len(observations),
                     next(filter(None, (by_indicator[r.slug].get(indicator.id, (None, None))[0]
                                        for r in newest_first)), None),
                     next(filter(None, (by_indicator[r.slug].get(indicator.id, (None, None))[1]
                                        for r in newest_first)), None)))

    def summary(figure: Figure | None) -> str:
        if figure is None:
            return "—"
        return f"{paragraph_link(fig.summary(figure), figure, '../' + figure.page)}（{figure.period}）"

    pages["indicators/index.md"] = ENV.get_template("indicators_index.md.j2").render(
        rows=rows, latest=summary, downloads=fig.downloads_line("../"))
    return pages


# Above this many regions an indicator page lists each region in one row (its latest result,
# a link to all its figures) instead of every figure and a line per region: the page stays
# small (under 200 KB at 200 reports) and its chart stays readable.
MANY_REGIONS = 12


def indicator_places(observations: list[tuple[Report, Figure]], indicator: str,
                     names: dict[str, str], in_series: set) -> list[dict]:
    """Each region with figures of the indicator: name, how many, and where all of them are
    (its series page, else its latest report's data page: a target alone makes no series)."""
    places: dict[str, dict] = {}
    for report, _ in observations:
        key = region_key(report.metadata)
        place = places.setdefault(key, {"name": names.get(key, report.metadata.region), "count": 0})
        place["count"] += 1
        place["link"] = (f"../{region_dir(report.metadata)}/series.md#{indicator}" if (key, indicator) in in_series
                         else f"../{report.folder}/figures.md")
    return sorted(places.values(), key=lambda p: (-p["count"], p["name"]))


def latest_by_region(charts) -> dict[str, dict]:
    """region → its latest year's result: the level and the growth the charts hold for it,
    in words (86.34 亿元 · 增长 4.6%), each linked to its own sentence."""
    said: dict[tuple[str, str], list[dict]] = {}
    for chart in charts:  # the level's chart first, then the growth's
        for row in chart.rows:
            shown = f"增长 {row['shown']}%" if chart.unit == "%" else f"{row['shown']} {chart.unit}"
            said.setdefault((row["series"], row["period"]), []).append(dict(row, shown=shown))
    latest: dict[str, dict] = {}
    for (region, _period), rows in sorted(said.items()):
        latest[region] = dict(rows[0], cell=" · ".join(f"[{escape_md(r['shown'])}]({r['source']})" for r in rows))
    return latest


def render_site(reports: list[Report], figures: dict[str, list[Figure]], comparison: Comparison) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/, plus the navigation; the charts
    not drawn before are drawn together at the end (generator/render/charts.py)."""
    from generator import cache
    from generator.regions import keep_readings
    from generator.render.charts import drawn_together

    ENV.bytecode_cache = cache.templates()  # compiled once, not each build
    with drawn_together() as charts:
        pages = render_pages(reports, figures, comparison)
    charts.place(pages)
    keep_readings()
    return pages


FORK_FROM_REGIONS = 24  # regions before rendering them on every core pays for the forks


def render_pages(reports: list[Report], figures: dict[str, list[Figure]], comparison: Comparison) -> dict[str, str]:
    from generator.render import charts

    pages: dict[str, str] = {}
    downloads = comparison  # files keep each region's own name beside its code
    names = cmp.display_names(reports)
    comparison = cmp.with_display_names(comparison, names)
    regions = cmp.group_regions(reports, comparison, names)
    ordered = [r for region in regions for r in region.reports]
    heads = {r.slug: fig.headline(r, figures[r.slug]) for r in reports}

    def pages_of(region: cmp.RegionPages) -> tuple[dict[str, str], dict[str, str], dict, list]:
        """A region's own pages (its reports', then its comparisons'), and the charts they
        asked for that the cache did not have: each region's are independent of the others'."""
        asked = dict(charts.asked())
        own: dict[str, str] = {}
        for report in region.reports:
            mine = region.summaries
            scores = [s for s in (mine.get(report.metadata.review_year), mine.get(report.metadata.year)) if s]
            own.update(render_report(report, figures[report.slug], heads[report.slug], scores,
                                     comparison.frequent.get(report.slug, []),
                                     cmp.promise_words(comparison.commitments.get(report.slug, [])),
                                     cmp.follow_lines(report, comparison)))
            own.update(cmp.render_commitments(report, comparison, ENV))
        compared = cmp.render_changes(region, comparison, ENV)  # it lists them in region.change_pages
        compared.update(cmp.render_region(region, comparison, ENV))
        return own, compared, {k: v for k, v in charts.asked().items() if k not in asked}, region.change_pages

    made = forked_map(pages_of, regions, least=FORK_FROM_REGIONS, share=1)
    for own, _, _, _ in made:
        pages.update(own)
    for region, (_, compared, asked, change_pages) in zip(regions, made, strict=True):
        pages.update(compared)
        charts.ask(asked)
        region.change_pages = change_pages  # made on a forked copy, perhaps: the navigation lists them
    pages.update(cmp.render_places(regions, ENV))
    pages.update(cmp.render_years(regions, comparison, ENV))
    pages.update(cmp.render_year_terms(comparison, ENV))
    pages.update(cmp.render_topics(comparison, names, ENV))
    pages["index.md"] = ENV.get_template("home.md.j2").render(
        regions=regions, headlines={r.slug: year_in_brief(r, heads[r.slug]) for r in reports},
        inlines=render_inlines, title=report_title, years=sorted({int(y) for y in comparison.years["year"]}))
    pages["quality.md"] = ENV.get_template("quality_index.md.j2").render(
        reports=ordered, counts={r.slug: dict(repair_counts(r)) for r in reports},
        labels=KIND_LABELS, title=report_title,
        diagnostics={r.slug: len(r.ingested.diagnostics) for r in reports})
    pages["downloads.md"] = ENV.get_template("downloads.md.j2").render(
        reports=ordered, title=report_title)
    pages.update(render_downloads(ordered, figures, downloads))
    pages.update(render_indicators(ordered, figures, heads, comparison))
    pages[".nav.yml"] = yaml.safe_dump(navigation(regions, pages), allow_unicode=True, sort_keys=False)
    pages[".search.json"] = json.dumps(search_facets(regions), ensure_ascii=False, indent=0)
    pages["search.md"] = ENV.get_template("search.md.j2").render(regions=regions)
    return pages


def search_facets(regions: list[cmp.RegionPages]) -> list[list]:
    """[folder, region, year] of each region's and each report's pages: what search results
    show beside a page and filter on (read by generator/mkdocs_hooks.py)."""
    rows = []
    for region in regions:
        rows.append([region.folder, region.name, 0])
        rows.extend([report.folder, region.name, report.metadata.year] for report in region.reports)
    return rows


def navigation(regions: list[cmp.RegionPages], pages: dict[str, str]) -> list:
    """首页 › 地区 › province › city › region › year, then comparisons and indicators. Material
    folds every section, so a reader sees provinces first however many reports there are."""
    provinces: dict[str, dict[str, list]] = {}
    for region in regions:
        _, province, city, _ = region.folder.split("/")
        entries: list = [f"{region.folder}/index.md", {"目标完成情况": f"{region.folder}/scorecard.md"},
                         {"历年数据与核对": f"{region.folder}/series.md"},
                         *({f"{year} 年与 {before} 年相比": page} for year, before, page in region.change_pages)]
        for report in region.reports:
            base = report.folder
            entries.append({f"{report.metadata.year} 年报告": [
                f"{base}/index.md",
                *({nav_title(part_title(p)): f"{base}/{part_file(p)}"} for p in report.tree.children),
                {"数据": f"{base}/figures.md"},
                {"承诺与跟进": f"{base}/commitments.md"},
                {"数据质量": f"{base}/quality.md"},
            ]})
        provinces.setdefault(province, {}).setdefault(city, []).append({nav_title(region.name): entries})
    places: list = ["regions/index.md"]
    for province, cities in provinces.items():
        city_entries: list = [f"regions/{province}/index.md"]
        for city, entries in cities.items():
            first = next(r for r in regions if r.folder.split("/")[1:3] == [province, city])
            city_entries.append({nav_title(first.city): [f"regions/{province}/{city}/index.md", *entries]})
        first = next(r for r in regions if r.folder.split("/")[1] == province)
        places.append({nav_title(first.province): city_entries})
    years = sorted((p for p in pages if re.fullmatch(r"compare/\d{4}\.md", p)), reverse=True)
    return [
        {"首页": "index.md"},
        {"地区": places},
        {"地区对比": ["compare/index.md", *({f"{p[8:12]} 年": p} for p in years)]},
        {"用词": ["words/index.md", *({f"{p[6:10]} 年": p} for p in sorted(
            (p for p in pages if p.startswith("words/") and p != "words/index.md"), reverse=True))]},
        {"专题": "topics/index.md"},
        {"指标": ["indicators/index.md", *({i.name: f"indicators/{i.id}.md"} for i in catalogue().values())]},
        {"数据质量": "quality.md"},
        {"数据下载": "downloads.md"},
        {"关于本站": "guide/index.md"},
    ]


def nav_title(text: str) -> str:
    """A navigation title from outside text: MkDocs and Material print it as HTML."""
    return html.escape(text, quote=False)
