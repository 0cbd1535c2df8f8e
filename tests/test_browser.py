"""The site in a real browser: Debian's Chromium driven by Playwright.

Search is typed key by key as a person would (Material listens for key-up events), and
the expected results are worked out from the built pages, not written down.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google at start-up.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUERIES = ["抽水蓄能", "蓄能", "地区生产总值", "生产总值", "人均可支配收入", "可支配收入",
           "营商环境", "涑水新区"]
SHOTS = Path(__file__).resolve().parent.parent / "test-results"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built):
    _, site = built
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield page
    page.close()
    assert not errors, errors


def sections_containing(site: Path, term: str) -> set[str]:
    """Search locations (page#heading) whose text contains `term`, from the built HTML."""
    found = set()
    for html_file in sorted((site / "reports").glob("*/part-*/index.html")):
        page = html_file.relative_to(site).parent.as_posix() + "/"
        html = html_file.read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        location = page  # text under the page title is found at the page itself
        for chunk in re.split(r'(<h[1-6] id="[^"]+")', article):
            if match := re.match(r'<h([1-6]) id="([^"]+)"', chunk):
                location = page if match.group(1) == "1" else f"{page}#{match.group(2)}"
            elif term in re.sub(r"<[^>]+>", "", chunk):
                found.add(location)
    return found


def search(page, term: str) -> set[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(term, delay=40)
    page.keyboard.press("End")  # a key-up after the text, as typing by hand ends with
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.match(/\\d/)", timeout=10000)
    hrefs = page.eval_on_selector_all("a.md-search-result__link", "els => els.map(e => e.href)")
    # "…/part-1/?h=%E8%93%84#t-1-2-1": drop the host and the highlight parameter
    return {re.sub(r"\?h=[^#]*", "", re.sub(r"^https?://[^/]+/", "", h)) for h in hrefs}


@pytest.mark.parametrize("term", QUERIES)
def test_typed_search_lists_the_sections_that_contain_it(page, server, built, term):
    _, site = built
    expected = sections_containing(site, term)
    assert expected, f"{term} is not in the report: the test has nothing to find"
    page.goto(server + "/")
    found = search(page, term)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"search-{term}.png"))
    assert expected <= found, f"not listed: {sorted(expected - found)}"


def test_paragraph_permalink_opens_at_the_paragraph(page, server, built):
    result, _ = built
    report = result.reports[0]
    part = report.tree.children[-1]
    paragraph = [n for n in part.walk() if n.kind == "paragraph"][-1]
    page.goto(f"{server}/reports/{report.slug}/{part.anchor}/#{paragraph.anchor}")
    page.wait_for_timeout(300)
    box = page.locator(f"#{paragraph.anchor}").bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "permalink.png"))
    # the source link opens the raw line it came from
    page.click(f"#{paragraph.anchor} a.src-link")
    page.wait_for_url(re.compile(rf".*/source/#L{paragraph.line_start}$"))
    assert page.locator(f"#L{paragraph.line_start}").is_visible()


def test_navigation_from_home_to_text(page, server, built):
    result, _ = built
    report = result.reports[0]
    page.goto(server + "/")
    page.click(f"article a[href$='reports/{report.slug}/']")
    assert page.locator("h1").first.inner_text().startswith(report.metadata.region)
    page.click("article a[href^='part-1/']")
    assert page.locator("h1").first.inner_text().strip(" ¶") == report.tree.children[1].title
