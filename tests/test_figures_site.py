"""Figures in the built site: tables, indicator pages, charts, links from the text, and the
downloads with their Data Package. Expectations come from the extraction, not from the seed."""

from __future__ import annotations

import csv
import json
import re
import shutil

import pytest

from generator.indicators import catalogue, match_label
from generator.render.downloads import FIGURE_COLUMNS

REQUIRED_IDS = {"gdp", "industry_value_added", "fixed_asset_investment", "retail_sales",
                "fiscal_revenue_total", "general_budget_revenue", "general_budget_expenditure",
                "urban_income", "rural_income", "resident_income", "cpi", "foreign_trade",
                "industrial_output", "services_value_added", "grain_output", "local_fiscal_revenue"}


def test_catalogue_has_the_required_indicators_each_named_once():
    assert REQUIRED_IDS <= set(catalogue())
    for indicator in catalogue().values():
        assert indicator.id.isascii() and indicator.en and indicator.unit
        for name in indicator.names:
            assert match_label(name).id == indicator.id, name


def read_csv(path, **options):
    with open(path, encoding=options.pop("encoding", "utf-8"), newline="") as f:
        return list(csv.DictReader(f, **options))


def test_downloads_hold_every_figure_in_three_forms(built):
    result, site = built
    figures = [f for report in result.reports for f in result.figures[report.slug]]
    rows = read_csv(site / "downloads" / "indicators.csv")
    assert [r["id"] for r in rows] == [f.id for f in figures] and len(rows) > 20
    assert list(rows[0]) == FIGURE_COLUMNS
    excel = (site / "downloads" / "indicators-excel.csv").read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf") and b"\r\n" in excel
    assert read_csv(site / "downloads" / "indicators-excel.csv", encoding="utf-8-sig") == rows
    as_json = json.loads((site / "downloads" / "indicators.json").read_text(encoding="utf-8"))
    assert [str(r["value"]) for r in as_json] == [r["value"] for r in rows]


def test_data_package_validates(built):
    frictionless = pytest.importorskip("frictionless")
    _, site = built
    report = frictionless.validate(str(site / "downloads" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]
    package = json.loads((site / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
    (figures,) = [r for r in package["resources"] if r["name"] == "indicators"]
    assert [f["name"] for f in figures["schema"]["fields"]] == FIGURE_COLUMNS
    assert figures["schema"]["primaryKey"] == ["id"]
    types = {f["name"]: f["type"] for f in figures["schema"]["fields"]}
    assert types["value"] == types["growth_pct"] == "number" and types["line"] == "integer"


def test_data_package_check_can_fail(built, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    _, site = built
    folder = shutil.copytree(site / "downloads", tmp_path / "downloads")
    rows = read_csv(folder / "indicators.csv")
    next(r for r in rows if r["value"])["value"] = "八十六"  # not a number
    with open(folder / "indicators.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, FIGURE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert not frictionless.validate(str(folder / "datapackage.json")).valid


def test_report_data_page_puts_results_beside_targets_linked_to_their_paragraphs(built):
    from generator.render.figures import headline

    result, site = built
    for report in result.reports:
        html = (site / report.folder / "figures" / "index.html").read_text(encoding="utf-8")
        table = html[html.index('id="headline"'):html.index('id="all"')]
        rows = headline(report, result.figures[report.slug])
        assert rows, "the seed has headline indicators"
        for row in rows:
            assert f"indicators/{row.indicator.id}/" in table
            for figure in filter(None, [row.result, row.target]):
                page = figure.page.rsplit("/", 1)[-1].removesuffix(".md")
                assert f'href="../{page}/#{figure.anchor}"' in table, (row.indicator.id, figure.kind)


def test_every_figure_is_on_its_reports_data_page(built):
    result, site = built
    for report in result.reports:
        html = (site / report.folder / "figures" / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'href="\.\./(part-\d+)/#(p-[\d-]+|t-[\d-]+|s-[\d-]+)"', html)
        figures = result.figures[report.slug]
        assert len(links) >= len(figures)  # the full table has one source link per figure
        assert {(f.page.rsplit("/", 1)[-1].removesuffix(".md"), f.anchor) for f in figures} <= set(links)


def test_catalogue_figures_in_the_text_link_to_their_indicator_page(built):
    result, site = built
    for report in result.reports:
        linked = [f for f in result.figures[report.slug] if f.indicator and f.start >= 0]
        assert linked
        for figure in linked:
            part = figure.page.rsplit("/", 1)[-1].removesuffix(".md")
            html = (site / report.folder / part / "index.html").read_text(encoding="utf-8")
            paragraph = re.search(rf'<p class="para" id="{figure.anchor}">(.*?)</p>', html, re.S)
            assert paragraph, figure.anchor
            up = "../" * (len(report.folder.split("/")) + 1)  # from <folder>/part-N/ to the root
            assert f'href="{up}indicators/{figure.indicator}/"' in paragraph.group(1), figure.label


def test_indicator_pages_chart_every_observed_indicator_with_its_numbers(built):
    """Charts draw each region's results by year (targets are in the scorecard beside)."""
    result, site = built
    observed = {f.indicator for figures in result.figures.values() for f in figures
                if f.indicator and f.kind != "target" and f.period.isdigit()}
    assert observed
    index = (site / "indicators" / "index.html").read_text(encoding="utf-8")
    for indicator in catalogue().values():
        assert f'href="{indicator.id}/"' in index
        html = (site / "indicators" / indicator.id / "index.html").read_text(encoding="utf-8")
        charts = re.findall(r'src="\.\./charts/([\w-]+\.svg)"', html)
        if indicator.id not in observed:
            assert not charts
            continue
        assert charts, indicator.id
        for chart in charts:
            svg = (site / "indicators" / "charts" / chart).read_text(encoding="utf-8")
            assert svg.startswith("<svg") and indicator.name in svg and "http" not in svg.replace(
                "http://www.w3.org", "")
            beside = html[html.index(chart):]
            beside = beside[:beside.index("</table>")]
            values = re.findall(r'<td style="text-align: right;"><a href="\.\./\.\./regions/[^"]+#[^"]+">'
                                r'([^<]+)</a></td>', beside)
            assert values
            # the table beside holds the numbers the bars are labelled with, each linked to its source
            for value in values:
                assert f">{value}</text>" in svg, (chart, value)


def test_next_years_report_extends_the_indicator_pages(tmp_path):
    """A second year of the same county, dropped into seeds/, joins every comparison."""
    from conftest import SEEDS, build_into

    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    later = seeds / "next" / "report.txt"
    later.parent.mkdir()
    later.write_text("一、2023年工作回顾\n全县地区生产总值完成 90.1 亿元，增长 5.2%。\n"
                     "二、2024年工作安排\n主要预期目标是：地区生产总值增长 6%左右。\n", encoding="utf-8")
    (seeds / "next" / "report.meta.yml").write_text("region: 绛县\nyear: 2024\n", encoding="utf-8")
    result = build_into(tmp_path / "out", seeds=seeds)
    assert len(result.reports) == 2
    html = (tmp_path / "out" / "site" / "indicators" / "gdp" / "index.html").read_text(encoding="utf-8")
    observations = html[html.index('id="observations"'):]
    for report in result.reports:
        assert f"{report.folder}/figures/" in observations
    svg = (tmp_path / "out" / "site" / "indicators" / "charts" / "gdp-growth.svg").read_text(encoding="utf-8")
    for period in ("2022", "2023"):  # the results of both years, on one line for the county
        assert f">{period}</text>" in svg
    # and the 2023 target (7% 左右) meets its result (5.2%): more than 1 point short
    scorecard = html[html.index('id="scorecard"'):html.index('id="observations"')]
    assert "2023" in scorecard and "未完成" in scorecard


def test_figures_whose_period_is_only_a_default_stay_out_of_headlines_and_are_listed(tmp_path):
    """No part heading says which year a figure describes: the data page and the headline table
    keep it, the series and comparisons leave it out, the data-quality page lists it."""
    from conftest import build_into

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "r.txt").write_text("——2023 年 2 月 1 日在闻喜县第十七届人民代表大会第二次会议上\n\n"
                                 "各位代表：全县地区生产总值增长 5%。\n", encoding="utf-8")
    result = build_into(tmp_path / "out", seeds=seeds)
    (report,) = result.reports
    (gdp,) = [f for f in result.figures[report.slug] if f.indicator == "gdp"]
    assert gdp.basis == "default"
    site = tmp_path / "out" / "site" / report.folder
    assert result.comparison.series.empty and result.comparison.years.empty  # kept out of comparisons
    quality = (site / "quality" / "index.html").read_text(encoding="utf-8")
    assert 'id="unplaced"' in quality and "时期只是推定" in quality
    assert "5%" in (site / "figures" / "index.html").read_text(encoding="utf-8")


def test_indicator_pages_put_the_numbers_before_the_definition(built):
    """Answer first: the chart and its table, then the scorecard, then what the indicator is."""
    _, site = built
    html = (site / "indicators" / "gdp" / "index.html").read_text(encoding="utf-8")
    chart = html.index("gdp-value.svg")
    assert chart < html.index('id="latest"') < html.index('id="scorecard"') < html.index('id="definition"')
    assert html.index("<table") < html.index("英文名")  # the definition table is not the first table


def test_an_indicator_of_many_regions_lists_one_row_a_region(tmp_path):
    """Past a dozen regions an indicator page gives each region one row: its latest result
    linked to its sentence, and a link to all its figures; no line per region, no page of
    every figure (it grew past 200 KB at 100 regions)."""
    from conftest import FIXTURE_REPORTS, build_into

    seeds = tmp_path / "seeds"
    counties = ["甲一县", "甲二县", "甲三县", "甲四县", "甲五县", "甲六县", "甲七县",
                "乙一县", "乙二县", "乙三县", "乙四县", "乙五县", "乙六县", "乙七县"]
    for number, county in enumerate(counties):
        place = seeds / f"c{number:02d}"
        place.mkdir(parents=True)
        shutil.copy(FIXTURE_REPORTS / ("jiangxian-2024.txt" if number % 2 else "wenxi-2024.txt"), place / "2024.txt")
        (place / "2024.meta.yml").write_text(f"region: {county}\nyear: 2024\nprovince: 测试省\ncity: 测试市\n",
                                             encoding="utf-8")
    result = build_into(tmp_path / "out", seeds=seeds)
    assert result.links.problems == []  # every region's link resolves, anchors included
    site = tmp_path / "out" / "site"
    html = (site / "indicators" / "gdp" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\s*<td>([^<]+)</td>", html[:html.index('id="scorecard"')])
    assert sorted(rows) == sorted(counties)
    assert 'id="observations"' not in html and "gdp-value.svg" not in html
    assert html.count("series/#gdp") + html.count("figures/") >= len(counties)
    assert max(p.stat().st_size for p in (site / "indicators").rglob("index.html")) < 200 * 1024
