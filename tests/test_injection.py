"""Injection stays closed on every page type: a region's two reports and a neighbour's, full
of script, event handlers, javascript: links, Markdown, attribute lists and Jinja syntax, in
the text, the headings, the figures, the 民生实事, the quoted phrases and the sidecars. Every
page is built and read: no markup from a report becomes markup on a page, and the text shows
as written. In Chromium, no script runs on any page type."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import OFFLINE_CONFIG, build_into, prepare_docs

from generator.search.index import indexed_text

# Markup in every place a report can put it, in our own words.
HOSTILE = "<script>alert('x')</script>"
IMG = "<img src=x onerror=alert(1)>"
LINKS = "[点我](javascript:alert(2)) ![图](javascript:alert(3)) <a href=\"javascript:alert(4)\">链接</a>"
ATTRS = "{: onclick=\"alert(5)\" } {#evil .x onmouseover=alert(6)}"
JINJA = "{{ 7*7 }} {% if true %}真{% endif %} {# 注释 #}"
BRAND = "<i>清河</i>{{品牌}}"  # a quoted name: a topic, a new phrase

REPORT = """——{year} 年 1 月 18 日在清河县第六届人民代表大会第三次会议上

各位代表：

一、{review}年工作回顾

（一）{hostile}产业发展

<b>{{{{x}}}}</b>全县地区生产总值完成 {gdp} 亿元，增长 5.2%。一般公共预算收入 6.1 亿元，增长 4.3%。\
推进“{img}”工程建设，{hostile}示范产业园投产，打响“{brand}”。

{links} {attrs} {jinja}

二、{year}年工作安排

全县经济社会发展的主要预期目标是：地区生产总值增长 5.5%左右；一般公共预算收入增长 5%。

今年办好十件民生实事：一是新建{hostile}学校 3 所；二是改造“{img}”农村公路 80 公里；三是新增城镇就业 3000 人。

力争<i>高新技术企业</i>达到 30 家。

=HYPERLINK("http://x","点")地区生产总值增长 6%。

推进“{img}”工程建设，{hostile}示范产业园扩能，擦亮“{brand}”。{links} {jinja}
"""


def write(seeds: Path, name: str, year: int, gdp: str, region: str = "清河县") -> None:
    text = REPORT.format(year=year, review=year - 1, gdp=gdp, hostile=HOSTILE, img=IMG, links=LINKS,
                         attrs=ATTRS, jinja=JINJA, brand=BRAND).replace("清河县", region)
    (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
    meta = {"region": region, "year": year, "title": f"{HOSTILE}政府工作报告", "speaker": IMG,
            "speaker_title": "{{ 7*7 }}", "meeting": LINKS}
    (seeds / f"{name}.meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_seeds(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("hostile") / "seeds"
    seeds.mkdir()
    write(seeds, "a-2023", 2023, "82.1")
    write(seeds, "a-2024", 2024, "86.5")
    write(seeds, "<b onclick=alert(7)>b-2024", 2024, "90.2", region="故城县")  # a file name is outside input too
    return seeds


@pytest.fixture(scope="module")
def hostile_site(hostile_seeds, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-site")
    result = build_into(folder, seeds=hostile_seeds)
    return result, folder / "site"


class LiveMarkup(HTMLParser):
    """What a browser would act on in a page: every tag, its attributes, and script text."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                    "javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in ("i", "b") or tag == "img" and any(v == "x" for _, v in attrs):
            self.found.append(f"<{tag}> from a report")  # the site itself writes neither

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.found.append(f"script: {data[:40]}")


# One page of each type a reader can open, by the docs page it is built from
PAGE_TYPES = ["regions/**/2024/part-1.md", "regions/**/2024/figures.md", "regions/**/2024/quality.md",
              "regions/**/2024/source.md", "regions/**/2024/commitments.md", "regions/**/2024/index.md",
              "regions/**/changes-2024.md", "regions/**/scorecard.md", "regions/**/series.md", "topics/*.md",
              "topics/index.md", "words/2024.md", "compare/2023.md", "compare/2023/gdp.md", "indicators/gdp.md",
              "index.md", "downloads.md", "quality.md"]


def hosted(md: str) -> str:
    return md.removesuffix(".md") + ".html" if md.endswith("index.md") else md.removesuffix(".md") + "/index.html"


def offline(md: str) -> str:
    return md.removesuffix(".md") + ".html"


def test_every_page_type_is_built_and_none_carries_live_markup(hostile_site):
    _, site = hostile_site
    for pattern in PAGE_TYPES:
        assert list(site.glob(hosted(pattern))), f"no page {pattern}"
    for page in sorted(site.rglob("*.html")):
        parser = LiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], (page.relative_to(site).as_posix(), parser.found[:3])


def test_the_search_index_holds_the_text_as_data(hostile_site):
    _, site = hostile_site
    index = site / "search-index"
    for script in [index / "meta.js", *sorted((index / "t").glob("*.js"))]:
        body = script.read_text(encoding="utf-8")
        assert "</script" not in body.lower() and body.startswith("rsSearch.load("), script.name
    assert HOSTILE in indexed_text(index)  # as text, found by a search for it


def test_the_text_shows_as_written(hostile_site):
    _, site = hostile_site
    part = next(site.glob("regions/**/2024/part-1/index.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in part and "onerror=alert(1)" in part  # as text
    assert "{{ 7*7 }}" in part and "{% if true %}" in part and "49" not in part
    assert "javascript:alert(2)" in part  # the link's text, not a link
    # page titles and navigation: the sidecar's title is data too
    index = next(site.glob("regions/**/2024/index.html")).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", index, re.S).group(1)
    assert "<script" not in title
    for nav in re.findall(r'<nav class="md-nav[^"]*".*?</nav>', index, re.S):
        assert "<script" not in nav and "onerror=alert" not in nav.replace("onerror=alert(1)&gt;", "")


def test_topics_commitments_and_changes_hold_the_text_escaped(hostile_site):
    result, site = hostile_site
    commitments = next(site.glob("regions/**/2023/commitments/index.html")).read_text(encoding="utf-8")
    assert "新建&lt;script&gt;alert(" in commitments
    changes = next(site.glob("regions/**/changes-2024/index.html")).read_text(encoding="utf-8")
    assert "<script>alert" not in changes and "&lt;script&gt;alert(" in changes
    assert BRAND in result.comparison.topics  # the quoted name is a topic …
    topic_pages = [p.read_text(encoding="utf-8") for p in site.glob("topics/*/index.html")]
    assert any("&lt;i&gt;清河&lt;/i&gt;{{品牌}}" in page for page in topic_pages)  # … shown as text


def test_downloads_carry_the_text_literally(hostile_site):
    _, site = hostile_site
    with open(site / "downloads" / "indicators.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert any(row["label"].startswith("<b>{{x}}</b>") or "<b>{{x}}</b>" in row["text"] for row in rows)
    for name in (p for p in (site / "downloads").glob("*.json")):
        json.loads(name.read_text(encoding="utf-8"))  # still valid JSON
    with open(site / "downloads" / "topics.csv", encoding="utf-8", newline="") as f:
        assert any(row["topic"] == BRAND for row in csv.DictReader(f))


@pytest.mark.browser
def test_no_script_runs_on_any_page_type_in_chromium(hostile_seeds, tmp_path_factory):
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, CHROMIUM_ARGS, SHOTS

    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium")
    from generator.pipeline import bundle

    folder = tmp_path_factory.mktemp("hostile-bundle")
    result = bundle(hostile_seeds, prepare_docs(folder / "docs"), folder / "dist", OFFLINE_CONFIG)
    import zipfile

    with zipfile.ZipFile(result.bundle) as zf:
        zf.extractall(folder / "unzipped")
    (top,) = (folder / "unzipped").iterdir()
    pages = [next(top.glob(offline(p))) for p in PAGE_TYPES]
    fired: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
        page.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
        for html in pages:
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            for element in page.locator("article a, article img").all()[:200]:
                if "javascript:" in (element.get_attribute("href") or "") + (element.get_attribute("src") or ""):
                    fired.append(f"javascript: link on {html.name}")
        # search shows the hostile title and text as text: the index is data, the results are built as nodes
        page.goto((top / "search.html").as_uri() + "?q=alert")
        page.wait_for_selector("#rs-results li mark")
        listed = page.inner_text("#rs-results")
        page.goto(next(top.glob("regions/**/2024/part-1.html")).as_uri())
        text = page.inner_text("article")
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "offline-hostile-text.png"))
        browser.close()
    assert fired == []
    assert HOSTILE in text and "{{ 7*7 }}" in text and "javascript:alert(2)" in text
    assert "alert('x')" in listed


def test_the_excel_copy_runs_no_formula(hostile_site):
    _, site = hostile_site
    with open(site / "downloads" / "indicators-excel.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    cells = [value for row in rows for value in row.values() if value]
    assert not [c for c in cells if c[0] in "=+@"], "a cell Excel would run"
    assert any(c.startswith("'=HYPERLINK") for c in cells)  # shown, not run
    with open(site / "downloads" / "indicators.csv", encoding="utf-8", newline="") as f:
        assert any(v.startswith("=HYPERLINK") for row in csv.DictReader(f) for v in row.values() if v)  # data as is
