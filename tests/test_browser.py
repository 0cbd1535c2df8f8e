"""The site in a real browser: Debian's Chromium driven by Playwright, in both shapes it
ships in — hosted (served on 127.0.0.1 under a sub-path, as GitHub Pages serves a repo)
and offline (the bundle unzipped and opened through file://).

Every request that would leave is aborted and fails the test: for the hosted site,
anything but the local server; for the bundle, any http(s) request at all.
Search is typed key by key as a person would, and the expected results are worked out from
the built pages, not written down.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from conftest import SUBPATH

from generator.search.index import folded
from generator.search.text import plain_text, searched_sources

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google at start-up.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parent.parent / "test-results"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]


class Target:
    """One shipped shape of the site: where it starts, and how a page's URL looks."""

    def __init__(self, name: str, base: str, site: Path, result, offline: bool, docs: Path):
        self.name, self.base, self.site, self.result, self.offline = name, base, site, result, offline
        self.docs = docs  # the generated pages it was built from

    def url(self, md_path: str, anchor: str = "") -> str:
        """The address of the page built from docs/`md_path`."""
        stem = md_path.removesuffix(".md")
        if self.offline:
            path = f"{stem}.html"
        else:
            path = "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"
        return self.base + path + (f"#{anchor}" if anchor else "")

    def page_file(self, html: Path) -> str:
        """docs path (…/part-1.md) of a built page, whichever way it was named."""
        relative = html.relative_to(self.site).as_posix()
        if relative.endswith("/index.html") and not self.offline:
            return relative.removesuffix("/index.html") + ".md"
        return relative.removesuffix(".html") + ".md"

    def href_to_md(self, href: str) -> str:
        """A link the browser followed, as `docs path#anchor` (highlight query dropped)."""
        href = re.sub(r"\?h=[^#]*", "", href)
        assert href.startswith(self.base), (href, self.base)
        path, _, anchor = href[len(self.base):].partition("#")
        if self.offline:
            md = path.removesuffix(".html") + ".md"
        else:
            md = path.rstrip("/") + ".md" if path else "index.md"
        return f"{md}#{anchor}" if anchor else md


class _SubPath(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUBPATH only, with the site's own 404 page, as Pages does."""

    def translate_path(self, path):
        if not path.startswith(SUBPATH):
            return "/nonexistent"
        return super().translate_path("/" + path[len(SUBPATH):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hosted(built):
    result, site = built
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(_SubPath, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield Target("hosted", f"http://127.0.0.1:{httpd.server_address[1]}{SUBPATH}", site, result,
                 offline=False, docs=site.parent / "docs")
    httpd.shutdown()


@pytest.fixture(scope="module")
def offline(bundled):
    result, folder = bundled
    return Target("offline", folder.as_uri() + "/", folder, result, offline=True,
                  docs=folder.parent.parent / "docs")


@pytest.fixture(scope="module", params=["hosted", "offline"])
def target(request):
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, target):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    left: list[str] = []
    # the bundle may read its own files only; the hosted site may ask only its own server
    allowed = "file://" if target.offline else target.base.removesuffix(SUBPATH) + "/"

    def guard(route):
        url = route.request.url
        if url.startswith(allowed):
            route.continue_()
        else:
            left.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    page.errors, page.failed = errors, failed
    yield page
    context.close()
    assert not left, f"requests tried to leave: {left}"
    assert not errors, errors


def wait_for_page(page, target: Target, md_path: str) -> None:
    """Wait until the browser shows the page built from `md_path`, at any anchor."""
    page.wait_for_url(re.compile(re.escape(target.url(md_path)) + r"(#.*)?$"))


def shot(page, target, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{target.name}-{name}.png"))


def search_terms() -> list[str]:
    lines = (Path(__file__).parent / "search_terms.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def fold(text: str) -> str:
    """As search folds text (a fixed table: full-width forms as ASCII, A–Z as a–z)."""
    return folded(text)


def searchable_pages(target: Target) -> dict[str, str]:
    """docs path → article text (folded) of every page search covers: every built page whose
    source does not say `search: exclude: true` in its front matter, from the built HTML."""
    pages = {}
    for path in searched_sources(target.docs):
        html = target.site / target.url(path).removeprefix(target.base)
        html = html / "index.html" if html.is_dir() or not html.suffix else html
        pages[path] = fold(plain_text(html.read_text(encoding="utf-8")))
    return pages


def source_of(target: Target, url: str) -> str:
    """docs path of a page by its address from the site's root (a/b/, a/b.html, a/index.html)."""
    stem = url.removesuffix(".html").removesuffix("/")
    for path in (f"{stem}.md", f"{stem}/index.md".lstrip("/")):
        if (target.docs / path).is_file() and target.url(path) == target.base + url:
            return path
    raise AssertionError(f"{url} is no page of the site")


def test_search_lists_every_page_holding_a_term_and_no_other(page, target):
    """The list of terms (tests/search_terms.txt) against the text of every searchable page:
    the pages found are exactly the pages that hold the term, found or not, by Chromium."""
    pages = searchable_pages(target)
    page.goto(target.url("search.md"))
    page.wait_for_function("window.rsSearch !== undefined")
    present = 0
    for term in search_terms():
        expected = {path for path, text in pages.items() if fold(term) in text}
        present += bool(expected)
        urls = page.evaluate("q => rsSearch.query(q).then(rs => rs.map(r => r.url))", term)
        found = {source_of(target, url) for url in urls}
        assert found == expected, (term, sorted(expected - found), sorted(found - expected))
    assert present >= 50  # the list is mostly words the test site holds
    # the browser folds and splits a query by the index's own tables, whatever its Unicode version
    sample = "ＧＤＰ２０２３Ａｂ\ufeff营商\u3000环境 Ᲊ𜳰İß\x85末"
    assert page.evaluate("q => rsSearch.words(q)", sample) == folded(sample).replace("\ufeff", " ").replace(
        "\x85", " ").split()
    assert page.evaluate("rsSearch.query('营商环境', {region: '不在此地县'})") == []


def test_typed_search_opens_the_paragraph_that_holds_it(page, target):
    pages = searchable_pages(target)
    term = "营商环境"
    expected = {path for path, text in pages.items() if term in text}
    page.goto(target.url("index.md"))
    box = page.locator("#rs-header-q")
    box.click()
    page.keyboard.type(term, delay=40)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target.url("search.md")) + r"\?q="))
    page.wait_for_selector("#rs-results li mark")
    assert page.inner_text("#rs-status") == f"共 {len(expected)} 个页面含“{term}”"
    shot(page, target, "search")
    first = page.locator("#rs-results li").first
    assert first.locator("mark").inner_text() == term and first.locator(".rs-result__meta").inner_text()
    # typing on the search page lists as you type, and the year filter narrows the list
    page.fill("#rs-q", "可支配收入")
    page.wait_for_function("document.querySelector('#rs-status').textContent.includes('可支配收入')")
    everywhere = page.locator("#rs-results li").count()
    page.select_option("#rs-year", "2024")
    page.wait_for_function(
        "n => document.querySelectorAll('#rs-results li').length < n", arg=everywhere)
    metas = page.locator("#rs-results .rs-result__meta").all_inner_texts()
    assert metas and all("2024 年" in m for m in metas)
    page.fill("#rs-q", term)
    page.select_option("#rs-year", "")
    # the list as it stands once both changes are shown (every page again, not the year's)
    page.wait_for_function("s => document.querySelector('#rs-status').textContent === s",
                           arg=f"共 {len(expected)} 个页面含“{term}”")
    page.wait_for_function("document.querySelector('#rs-results li mark')?.textContent === '营商环境'")
    link = page.locator("#rs-results li a").first
    href = link.get_attribute("href")
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state()
    address, _, anchor = page.url.partition("#")
    path = source_of(target, address.removeprefix(target.base))
    assert path in expected and anchor and href.endswith("#" + anchor)
    assert term in page.locator(f"#{anchor}").inner_text()


def test_paragraph_permalink_opens_at_the_paragraph(page, target):
    report = target.result.reports[0]
    part = report.tree.children[-1]
    paragraph = [n for n in part.walk() if n.kind == "paragraph"][-1]
    page.goto(target.url(f"{report.folder}/{part.anchor}.md", paragraph.anchor))
    page.wait_for_timeout(300)
    box = page.locator(f"#{paragraph.anchor}").bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box
    shot(page, target, "permalink")
    # the ¶ link is the paragraph's own address
    page.click(f"#{paragraph.anchor} a.para-link")
    assert target.href_to_md(page.url) == f"{report.folder}/{part.anchor}.md#{paragraph.anchor}"
    # the source link opens the raw line it came from
    page.click(f"#{paragraph.anchor} a.src-link")
    page.wait_for_url(target.url(f"{report.folder}/source.md", f"L{paragraph.line_start}"))
    assert page.locator(f"#L{paragraph.line_start}").is_visible()


def test_navigation_from_home_to_text(page, target):
    report = target.result.reports[0]
    page.goto(target.url("index.md"))
    page.click(f"article a[href*='{report.folder}/']")
    wait_for_page(page, target, f"{report.folder}/index.md")
    assert page.locator("h1").first.inner_text().startswith(report.metadata.region)
    page.click("article a[href^='part-1']")
    wait_for_page(page, target, f"{report.folder}/part-1.md")
    assert page.locator("h1").first.inner_text().strip(" ¶") == report.tree.children[1].title
    # the sidebar leads on to the next part and back home
    page.click("a.md-footer__link--next")
    wait_for_page(page, target, f"{report.folder}/part-2.md")
    page.click("a.md-header__button.md-logo")
    wait_for_page(page, target, "index.md")
    shot(page, target, "home")


def test_every_page_opens_clean(page, target):
    """Each built page loads its styles and scripts with no errors and no outside requests."""
    pattern = "*.html" if target.offline else "index.html"
    pages = sorted(p for p in target.site.rglob(pattern) if p.name != "404.html")
    assert len(pages) >= 10
    for html_file in pages:
        page.goto(target.url(target.page_file(html_file)))
        # Material's stylesheet applied: the header is coloured, not a bare page
        colour = page.eval_on_selector("header.md-header", "e => getComputedStyle(e).backgroundColor")
        assert colour not in ("", "rgba(0, 0, 0, 0)"), (html_file, colour)


@pytest.mark.parametrize("target", ["hosted"], indirect=True)
def test_hosted_404_page_under_the_sub_path(page, hosted):
    response = page.goto(hosted.base + "no/such/page/")
    assert response.status == 404
    # the page itself is the one failed load (Chromium logs it); its assets all loaded
    assert page.failed == [response.url], page.failed
    page.errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    colour = page.eval_on_selector("header.md-header", "e => getComputedStyle(e).backgroundColor")
    assert colour not in ("", "rgba(0, 0, 0, 0)"), "404 page lost its stylesheet under the sub-path"
    shot(page, hosted, "404")
    page.click("a.md-header__button.md-logo")
    wait_for_page(page, hosted, "index.md")


# Draws a string on a canvas and returns its pixels, to tell real glyphs from missing-glyph boxes.
_PIXELS = """([text, font]) => {
  const c = document.createElement('canvas'); c.width = 80; c.height = 40;
  const g = c.getContext('2d'); g.font = font; g.fillText(text, 4, 30);
  return Array.from(g.getImageData(0, 0, 80, 40).data).join(',');
}"""


def test_indicator_chart_renders_with_legible_chinese(page, target):
    indicator = next(f.indicator for figures in target.result.figures.values() for f in figures
                     if f.indicator)
    page.goto(target.url(f"indicators/{indicator}.md"))
    chart = page.locator("img.chart").first
    chart.scroll_into_view_if_needed()
    assert chart.evaluate("i => i.complete && i.naturalWidth > 100"), "chart did not load"
    # the chart's fonts draw Chinese as glyphs, not as the box of a missing character
    font = "16px 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"
    box = page.evaluate(_PIXELS, ["\U0010fffd\U0010fffd", font])
    for text in ("地区", "增长"):
        assert page.evaluate(_PIXELS, [text, font]) != box, f"{text} drawn as missing glyphs"
    shot(page, target, f"chart-{indicator}")


def column(page, table, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"{table} tbody tr", f"rows => rows.map(r => r.cells[{index}].innerText.trim())")


def test_comparison_table_sorts_in_the_browser(page, target):
    """A year's regions side by side: a click on 增长 orders them by growth, a second click
    reverses, Enter on a focused heading sorts too; offline as well as hosted."""
    years = target.result.comparison.years
    gdp = years[(years["indicator"] == "gdp") & years["growth"].notna()]
    year = int(gdp.groupby("year").size().idxmax())
    rows = gdp[gdp["year"] == year].sort_values("growth")
    assert len(rows) >= 3, "the fixtures give three counties one year"
    page.goto(target.url(f"compare/{year}.md"))
    page.click(f"article a:has-text('{year} 年地区生产总值对比')")  # the year's page lists the indicators
    assert page.url.split("#")[0] == target.url(f"compare/{year}/gdp.md")
    table = "h2#gdp + div.sortable table"
    page.wait_for_selector(f"{table}[data-sortable]")  # (the script has made it sortable: a page
    # reached by instant navigation gets its script after the click that loaded it)
    page.click(f"{table} th:nth-child(4)")  # 增长（%）
    first = column(page, table, 0)
    ascending, descending = list(rows["region"]), list(rows["region"])[::-1]
    assert first in (ascending, descending), first
    growth = [float(g) for g in column(page, table, 3)]
    assert growth == sorted(growth, reverse=first == descending)
    page.click(f"{table} th:nth-child(4)")
    assert column(page, table, 0) == first[::-1]
    shot(page, target, f"compare-{year}-sorted")
    # by keyboard: the region column, from a focused heading
    page.focus(f"{table} th:nth-child(1)")
    page.keyboard.press("Enter")
    names = column(page, table, 0)
    assert names in (sorted(names), sorted(names, reverse=True)) and set(names) == set(rows["region"])


def test_scorecard_page_shows_statuses_in_words_and_the_chart(page, target):
    card = target.result.comparison.scorecard
    decided = card[card["status"].isin(["met", "close", "not_met"])]
    region = decided["region_key"].value_counts().idxmax()
    report = next(r for r in target.result.reports if r.metadata.code == region)
    folder = report.folder.rsplit("/", 1)[0]
    page.goto(target.url(f"{folder}/scorecard.md"))
    chart = page.locator("img.chart").first
    chart.scroll_into_view_if_needed()
    assert chart.evaluate("i => i.complete && i.naturalWidth > 100"), "chart did not load"
    text = page.locator("article").inner_text()
    words = {"met": "✔ 完成", "close": "≈ 接近", "not_met": "✘ 未完成"}
    for status in set(decided[decided["region_key"] == region]["status"]):
        assert words[status] in text
    shot(page, target, "scorecard")


def test_changes_page_marks_what_the_words_changed(page, target):
    change = target.result.comparison.changes[0]
    folder = change.new.folder.rsplit("/", 1)[0]
    page.goto(target.url(f"{folder}/changes-{change.new.metadata.year}.md"))
    assert page.locator("article ins").count() > 0 and page.locator("article del").count() > 0
    # a sentence's link opens its paragraph in the report
    link = page.locator("article li a").first
    href = link.get_attribute("href")
    assert "#p-" in href
    shot(page, target, "changes")


def test_topic_page_lists_every_mention_with_its_sentence(page, target):
    mentions = target.result.comparison.topics["抽水蓄能电站（绛县）"]
    page.goto(target.url("topics/index.md"))
    page.click("article a:has-text('抽水蓄能电站（绛县）')")
    page.wait_for_selector("article table")
    assert page.locator("article tbody tr").count() == len(mentions)
    shot(page, target, "topic")


def test_commitments_page_opens_from_the_report_and_links_its_evidence(page, target):
    report = next(r for r in target.result.reports if r.slug == "jiangxian-2023")
    page.goto(target.url(f"{report.folder}/index.md"))
    page.click("article a[href^='commitments']")  # not the heading's own #commitments
    wait_for_page(page, target, f"{report.folder}/commitments.md")
    text = page.locator("article").inner_text()
    assert "一是实施农村寄递物流服务全覆盖提质工程" in text and "✔ 已兑现" in text and "◐ 部分兑现" in text
    # a piece of evidence opens its paragraph in the next year's report
    page.click("article a:has-text('10 件民生实事全部办结')")
    page.wait_for_url(re.compile(r"2024/part-1.*#p-1-6-3$"))
    assert page.locator("#p-1-6-3").is_visible()
    page.go_back()
    shot(page, target, "commitments")


def test_a_bundle_of_one_county_searches_from_disk_within_a_second(browser, tmp_path):
    """bundle --region 绛县, unzipped, opened through file:// with every other request refused:
    each term is found on exactly its pages, the first result within a second of the key."""
    import time
    import zipfile

    from conftest import OFFLINE_CONFIG, prepare_docs, with_fixtures

    from generator.pipeline import bundle

    result = bundle(with_fixtures(tmp_path), prepare_docs(tmp_path / "docs"), tmp_path / "dist", OFFLINE_CONFIG,
                    place="绛县")
    with zipfile.ZipFile(result.bundle) as zf:
        zf.extractall(tmp_path / "unzipped")
    folder = tmp_path / "unzipped" / result.bundle.stem
    target = Target("county", folder.as_uri() + "/", folder, result, offline=True, docs=tmp_path / ".docs.staging")
    pages = {path: text for path, text in searchable_pages(target).items()}
    context = browser.new_context()
    left = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else (left.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(target.url("search.md"))
    for term in ["营商环境", "抽水蓄能", "雨污分流", "可支配收入", "总产量"]:
        expected = {path for path, text in pages.items() if term in text}
        started = time.perf_counter()
        page.fill("#rs-q", term)
        page.wait_for_function(f"document.querySelector('#rs-status').textContent.includes('{term}')")
        assert time.perf_counter() - started < 1.0, term
        urls = page.evaluate("q => rsSearch.query(q).then(rs => rs.map(r => r.url))", term)
        assert {source_of(target, url) for url in urls} == expected and expected, term
    metas = page.locator("#rs-results .rs-result__meta").all_inner_texts()
    assert metas and all(m.startswith("绛县") for m in metas if "年" in m)
    context.close()
    assert not left


# One page of each type the site has (docs paths, on the test site of three counties).
PAGE_TYPES = {
    "home": "index.md", "places": "regions/index.md", "region": "regions/shanxi/yuncheng/jiangxian/index.md",
    "scorecard": "regions/shanxi/yuncheng/jiangxian/scorecard.md",
    "series": "regions/shanxi/yuncheng/jiangxian/series.md",
    "changes": "regions/shanxi/yuncheng/jiangxian/changes-2024.md",
    "report": "regions/shanxi/yuncheng/jiangxian/2023/index.md",
    "text": "regions/shanxi/yuncheng/jiangxian/2023/part-1.md",
    "data": "regions/shanxi/yuncheng/jiangxian/2023/figures.md",
    "commitments": "regions/shanxi/yuncheng/jiangxian/2023/commitments.md",
    "report-quality": "regions/shanxi/yuncheng/jiangxian/2023/quality.md",
    "source": "regions/shanxi/yuncheng/jiangxian/2023/source.md",
    "indicators": "indicators/index.md", "indicator": "indicators/gdp.md",
    "compare": "compare/index.md", "compare-year": "compare/2024.md", "compare-indicator": "compare/2024/gdp.md",
    "topics": "topics/index.md", "words": "words/index.md", "words-year": "words/2024.md",
    "quality": "quality.md", "downloads": "downloads.md", "search": "search.md", "guide": "guide/index.md",
}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_every_page_type_passes_axe_and_fits_a_phone(browser, target):
    """axe-core's WCAG 2.1 A/AA rules find nothing on any page type, the theme's own parts
    included, at 1280 px and at 390 px; at 390 px nothing scrolls sideways. Screenshots of
    each page on a phone go to test-results/."""
    from axe_playwright_python.sync_playwright import Axe

    axe, found = Axe(), []
    probe = browser.new_page()  # the checker itself finds a plain fault
    probe.set_content('<html lang="zh"><title>t</title><main><img src="x.png"></main></html>')
    wcag = {"runOnly": {"type": "tag", "values": WCAG}}
    assert [r["id"] for r in axe.run(probe, options=wcag).response["violations"]] == ["image-alt"]
    probe.close()
    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      device_scale_factor=1 if width > 400 else 2)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            ("file://", target.base.split(SUBPATH)[0])) else route.abort())
        page = context.new_page()
        for name, path in PAGE_TYPES.items():
            page.goto(target.url(path) + ("?q=营商环境" if name == "search" else ""))
            if name == "search":
                page.wait_for_selector("#rs-results li mark")
            result = axe.run(page, options=wcag)
            for rule in result.response["violations"]:
                found.append(f"{width}px {name}: {rule['id']} ×{len(rule['nodes'])} "
                             f"{rule['nodes'][0]['target']} {rule['nodes'][0]['failureSummary'][:120]!r}")
            if width < 400:
                wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                if wide > 0:
                    found.append(f"{width}px {name}: the page scrolls sideways by {wide} px")
                SHOTS.mkdir(exist_ok=True)
                page.screenshot(path=str(SHOTS / f"{target.name}-phone-{name}.png"))
        context.close()
    assert not found, "\n".join(found)


def test_a_report_page_and_a_scorecard_print_on_a4(browser, target):
    """Printed: no navigation, header or footer; no table wider than the page; a paragraph's
    link printed as its reference. The PDFs go to test-results/ to be looked at."""
    context = browser.new_context()
    page = context.new_page()
    for name in ("text", "scorecard"):
        page.goto(target.url(PAGE_TYPES[name]))
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 688, "height": 1000})  # A4 less 14 mm margins, at 96 px an inch
        shown = page.evaluate("""['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
            .filter(s => { const e = document.querySelector(s);
                           return e && getComputedStyle(e).display !== 'none'; })""")
        assert shown == [], (name, shown)
        too_wide = page.evaluate("""[...document.querySelectorAll('.md-typeset table')]
            .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length""")
        assert too_wide == 0, name
        if name == "text":
            after = page.evaluate("getComputedStyle(document.querySelector('.para-link'), '::after').content")
            assert "#p-" in after, after
        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF")
        SHOTS.mkdir(exist_ok=True)
        (SHOTS / f"{target.name}-print-{name}.pdf").write_bytes(pdf)
    context.close()


def test_the_keyboard_reaches_search_the_sort_and_the_links(browser, target):
    """Tab from the top of a scorecard page: the search box, then the table's sortable
    headings (Enter sorts) and its links, in order, every one with a visible focus."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(target.url(PAGE_TYPES["scorecard"]))
    reached = []
    for _ in range(400):
        page.keyboard.press("Tab")
        here = page.evaluate("""() => { const e = document.activeElement;
            if (e.dataset.tabbed) return null;  // round once: back where it started
            e.dataset.tabbed = '1';
            return [e.id, e.tagName, e.closest('.sortable') ? 'sortable' : '', e.href || '',
                    getComputedStyle(e).outlineStyle !== 'none' || getComputedStyle(e).boxShadow !== 'none'] }""")
        if here is None:
            break
        reached.append(here)
    assert "rs-header-q" in [r[0] for r in reached]
    headings = [n for n, r in enumerate(reached) if r[1] == "TH" and r[2]]
    assert headings, f"no sortable heading is reachable: {reached[:8]} … {len(reached)}"
    links = {r[3] for r in reached if r[1] == "A"}
    in_table = page.eval_on_selector_all(".sortable table a[href]", "els => els.map(e => e.href)")
    assert set(in_table) <= links  # every link of the table is reachable
    assert all(r[4] for r in reached if r[1] in ("A", "TH", "INPUT")), [r for r in reached if not r[4]][:3]
    page.locator(".sortable th").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-sort')") in ("ascending", "descending")
    context.close()


def test_the_answer_is_in_the_first_screen(page, target):
    """At 1280×900: an indicator page's first chart, a data page's and a report page's
    headline table start within the first screen."""
    firsts = {"indicators/gdp.md": "img.chart", PAGE_TYPES["data"]: "#headline ~ .md-typeset__scrollwrap table",
              PAGE_TYPES["report"]: "#headline ~ .md-typeset__scrollwrap table"}
    for path, first in firsts.items():
        page.goto(target.url(path))
        top = page.locator(first).first.bounding_box()
        assert top is not None and top["y"] < 900, (path, top)
