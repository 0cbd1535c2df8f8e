"""Render: reports → {docs path: Markdown}. Jinja2 templates give the page shapes; report
text only ever enters them as escaped values, never as template source."""

from __future__ import annotations

import re
from collections import Counter

import jinja2
import yaml

from generator.indicators import catalogue
from generator.model import Figure, Node, Report
from generator.naming import part_file
from generator.render import figures as fig
from generator.render.downloads import render_downloads
from generator.render.escape import escape_attr, escape_md, yaml_str

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.render", "templates"),
    autoescape=False,  # the output is Markdown; text is escaped by the `md` filter instead
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    # Markdown writes heading ids as `{#id}`, which Jinja would take for a comment.
    comment_start_string="{##",
    comment_end_string="##}",
)
ENV.filters["md"] = escape_md
ENV.filters["attr"] = escape_attr
ENV.filters["yaml"] = yaml_str

KIND_LABELS = {
    "errata": "人工勘误", "ocr": "自动修复", "gap": "疑似缺文", "duplicate": "重复段落",
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


def render_figures(report: Report, figures: list[Figure], heads, context: dict) -> str:
    return ENV.get_template("figures.md.j2").render(
        **context, figures=figures, headline=heads,
        sections=fig.by_section(report, figures), cell=figure_cell, amount=fig.amount,
        growth=fig.growth, kinds=fig.KIND_NAMES, flagged=any(f.flags for f in figures),
        names={i.id: i.name for i in catalogue().values()}, downloads=fig.downloads_line("../../"))


def render_report(report: Report, figures: list[Figure], heads: list[fig.HeadlineRow]) -> dict[str, str]:
    base = f"reports/{report.slug}"
    parts = report.tree.children
    notes = notes_by_line(report)
    context = {"report": report, "meta": report.metadata, "title": report_title(report),
               "parts": parts, "part_file": part_file, "part_title": part_title}
    pages = {f"{base}/index.md": ENV.get_template("report.md.j2").render(
        **context, counts=repair_counts(report), labels=KIND_LABELS,
        headline=heads, amount=fig.amount, growth=fig.growth, cell=figure_cell,
        target_text=fig.summary, downloads=fig.downloads_line("../../"))}
    pages[f"{base}/figures.md"] = render_figures(report, figures, heads, context)
    counts = fig.section_counts(report, figures)
    in_paragraph = fig.links_by_paragraph(figures, "../../indicators/{}.md".format)
    for number, part in enumerate(parts):
        pages[f"{base}/{part_file(part)}"] = ENV.get_template("part.md.j2").render(
            **context, part=part,
            inlines=lambda node: render_inlines(node, in_paragraph.get(node.anchor, ())),
            figure_counts=counts,
            previous=parts[number - 1] if number else None,
            next=parts[number + 1] if number + 1 < len(parts) else None,
            notes=lambda node: [r for line in node.lines for r in notes.get(line, [])],
            labels=KIND_LABELS)
    pages[f"{base}/source.md"] = render_source(report, context)
    pages[f"{base}/quality.md"] = ENV.get_template("quality.md.j2").render(
        **context, groups=repair_groups(report), labels=KIND_LABELS,
        where=paragraph_index(report), diagnostics=report.ingested.diagnostics)
    return pages


def render_source(report: Report, context: dict) -> str:
    marks = {}
    for repair in report.ingested.repairs:
        if repair.kind in ("furniture", "title", "errata", "ocr"):
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
                      heads: dict[str, list[fig.HeadlineRow]]) -> dict[str, str]:
    """The indicator index, a page per indicator, and each page's charts (SVG)."""
    pages = {}
    rows = []
    # the latest result and target shown in the index are those of each report's headline
    by_indicator = {slug: {row.indicator.id: (row.result, row.target) for row in rows_}
                    for slug, rows_ in heads.items()}
    for indicator in catalogue().values():
        observations = [(r, f) for r in reports for f in figures[r.slug] if f.indicator == indicator.id]
        charts = fig.indicator_charts(indicator, observations)
        for chart in charts:
            pages[f"indicators/charts/{chart.file}"] = chart.svg
        pages[f"indicators/{indicator.id}.md"] = ENV.get_template("indicator.md.j2").render(
            ind=indicator, charts=charts, observations=observations, amount=fig.amount,
            growth=fig.growth, kinds=fig.KIND_NAMES, downloads=fig.downloads_line("../"))
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


def render_site(reports: list[Report], figures: dict[str, list[Figure]]) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/, plus the navigation."""
    pages: dict[str, str] = {}
    by_region: dict[str, list[Report]] = {}
    for report in sorted(reports, key=lambda r: (r.metadata.province, r.metadata.region,
                                                 r.metadata.year)):
        by_region.setdefault(report.metadata.region, []).append(report)
    heads = {r.slug: fig.headline(r, figures[r.slug]) for r in reports}
    for report in reports:
        pages.update(render_report(report, figures[report.slug], heads[report.slug]))
    pages["index.md"] = ENV.get_template("home.md.j2").render(
        regions=by_region, headlines={r.slug: year_in_brief(r, heads[r.slug]) for r in reports},
        inlines=render_inlines, title=report_title)
    pages["quality.md"] = ENV.get_template("quality_index.md.j2").render(
        regions=by_region, counts={r.slug: dict(repair_counts(r)) for r in reports},
        labels=KIND_LABELS, title=report_title,
        diagnostics={r.slug: len(r.ingested.diagnostics) for r in reports})
    ordered = [r for group in by_region.values() for r in group]
    pages["downloads.md"] = ENV.get_template("downloads.md.j2").render(
        reports=ordered, title=report_title)
    pages.update(render_downloads(ordered, figures))
    pages.update(render_indicators(ordered, figures, heads))
    pages[".nav.yml"] = yaml.safe_dump(navigation(by_region), allow_unicode=True,
                                       sort_keys=False)
    return pages


def navigation(by_region: dict[str, list[Report]]) -> list:
    nav: list = [{"首页": "index.md"}]
    for region, reports in by_region.items():
        entries = []
        for report in reports:
            base = f"reports/{report.slug}"
            entries.append({f"{report.metadata.year} 年报告": [
                f"{base}/index.md",
                *({part_title(p): f"{base}/{part_file(p)}"} for p in report.tree.children),
                {"数据": f"{base}/figures.md"},
                {"数据质量": f"{base}/quality.md"},
            ]})
        nav.append({region: entries})
    nav.append({"指标": ["indicators/index.md",
                         *({i.name: f"indicators/{i.id}.md"} for i in catalogue().values())]})
    nav.append({"数据质量": "quality.md"})
    nav.append({"数据下载": "downloads.md"})
    nav.append({"关于本站": "guide/index.md"})
    return nav
