"""Search on a built site, in Chromium, as a reader meets it: every term of a list typed into
the search page of a fresh browser (nothing cached), timed from the last key to the first
result, with the bytes of index it downloaded, and its results set against the pages whose
text holds the term.

    python scripts/check_search.py SITE DOCS [--terms tests/search_terms.txt]

SITE is a hosted build (served here on 127.0.0.1), DOCS the generated pages it was built from
(their front matter says which pages search leaves out). Prints one line a term and a summary;
exits 1 if a term is missed on any page or found on a page without it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.search.index import folded  # noqa: E402
from generator.search.text import plain_text, searched_sources  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def fold(text: str) -> str:
    """As search folds text (a fixed table: full-width forms as ASCII, A–Z as a–z)."""
    return folded(text)


def searchable(site: Path, docs: Path) -> dict[str, str]:
    """address → folded text of every page search covers (hosted addresses: a/b/)."""
    pages = {}
    for path in searched_sources(docs):
        stem = path.removesuffix(".md")
        address = "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"
        built = site / address / "index.html"
        if built.exists():
            pages[address] = fold(plain_text(built.read_text(encoding="utf-8")))
    return pages


def terms_of(path: Path) -> list[str]:
    return [t.strip() for t in path.read_text(encoding="utf-8").splitlines() if t.strip() and not t.startswith("#")]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a closed browser's broken pipe
        pass


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("docs", type=Path)
    parser.add_argument("--terms", type=Path, default=ROOT / "tests" / "search_terms.txt")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright


    pages = searchable(args.site, args.docs)
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    wrong, waits, downloads = 0, [], []
    files = list((args.site / "search-index").rglob("*.js"))
    print(f"{len(pages)} searchable pages; index {sum(f.stat().st_size for f in files) / 1e6:.1f} MB "
          f"in {len(files)} files")
    print(f"{'term':<10} {'pages':>6} {'found':>6} {'missed':>7} {'extra':>6} {'first result ms':>16} "
          f"{'KB loaded':>10}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for term in terms_of(args.terms):
            expected = {a for a, text in pages.items() if fold(term) in text}
            context = browser.new_context()  # nothing cached: a first query
            page = context.new_page()
            page.goto(base + "search/")
            page.wait_for_function("window.rsSearch !== undefined")
            started = page.evaluate("""q => new Promise(done => {
                const status = document.getElementById('rs-status');
                const seen = new MutationObserver(() => {
                  if (/共|没有/.test(status.textContent)) { seen.disconnect(); done(performance.now() - t0); }
                });
                seen.observe(status, {childList: true, characterData: true, subtree: true});
                const box = document.getElementById('rs-q');
                box.value = q;
                const t0 = performance.now();
                box.dispatchEvent(new Event('input'));
            })""", term)
            loaded = page.evaluate("""() => performance.getEntriesByType('resource')
                .filter(r => r.name.includes('/search-index/')).reduce((n, r) => n + r.encodedBodySize, 0)""")
            urls = page.evaluate("q => rsSearch.query(q).then(rs => rs.map(r => r.url))", term)
            context.close()
            found = set(urls)
            missed, extra = expected - found, found - expected
            wrong += bool(missed or extra)
            waits.append(started)
            downloads.append(loaded)
            print(f"{term:<10} {len(expected):>6} {len(found):>6} {len(missed):>7} {len(extra):>6} "
                  f"{started:>16.0f} {loaded / 1024:>10.0f}")
        browser.close()
    httpd.shutdown()
    print(f"terms {len(waits)}, wrong {wrong}; first result after the last key: "
          f"median {statistics.median(waits):.0f} ms, "
          f"max {max(waits):.0f} ms (80 ms of it the typing pause); index loaded for a first query: "
          f"median {statistics.median(downloads) / 1024:.0f} KB, max {max(downloads) / 1024:.0f} KB")
    return 1 if wrong else 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"took {time.perf_counter() - started:.0f} s", file=sys.stderr)
    sys.exit(code)
