"""A built page's HTML → the text blocks a reader sees in its article, each with the anchor
it sits under (the id of the paragraph or the heading above it), so a search result can link
to the paragraph that holds the match rather than to the top of a long page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from generator.search.index import SPACE

SPACES = re.compile(f"[{SPACE}]+")

# Elements that start a block of their own: a match never runs from one into the next.
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "pre",
          "blockquote", "figcaption", "caption", "summary", "tr", "div", "table", "ul", "ol"}
SKIPPED = {"script", "style", "svg", "noscript", "template"}
# Links beside every paragraph (¶, 原文83行) and heading (¶): page furniture, not text.
FURNITURE = {"headerlink", "para-link", "src-link"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Blocks(HTMLParser):
    """Reads the article with a stack of the elements open in it: a closing tag that closes
    nothing open is ignored (a stray </span> must not end the article)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []   # elements open inside <article>, the article first
        self.skip_at = 0            # length of `open` when a skipped element began (0: none)
        self.anchor = ""
        self.blocks: list[tuple[str, str]] = []
        self.parts: list[str] = []
        self.block_anchor = ""

    def flush(self):
        text = " ".join(SPACES.split("".join(self.parts))).strip()
        if text:
            self.blocks.append((self.block_anchor, text))
        self.parts = []
        self.block_anchor = self.anchor

    def handle_starttag(self, tag, attrs):
        if not self.open:
            if tag == "article":
                self.open.append(tag)
            return
        if tag in VOID:
            if tag == "br" and not self.skip_at:  # a line break ends a line: no match runs across it
                self.flush()
            return
        self.open.append(tag)
        if self.skip_at:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if (tag in SKIPPED or "data-search-exclude" in attributes or "hidden" in attributes
                or classes & FURNITURE):
            self.skip_at = len(self.open)
            return
        if tag in BLOCKS:
            self.flush()
        if attributes.get("id"):
            self.anchor = attributes["id"]
            if not "".join(self.parts).strip():
                self.block_anchor = self.anchor

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag not in self.open:
            return
        while self.open:
            closed = self.open.pop()
            if self.skip_at > len(self.open):
                self.skip_at = 0
            elif not self.skip_at and (closed in BLOCKS or not self.open):
                self.flush()
            if closed == tag:
                break

    def handle_data(self, data):
        if self.open and not self.skip_at:
            self.parts.append(data)


def page_blocks(html: str) -> list[tuple[str, str]]:
    """[(anchor, text)] of the page's article in reading order, whitespace collapsed."""
    start = html.find("<article")
    end = html.rfind("</article>")
    parser = _Blocks()
    parser.feed(html[start:end + len("</article>")] if start >= 0 and end > start else "")
    parser.close()
    parser.flush()
    return parser.blocks


def plain_text(html: str) -> str:
    """The article's text by a plain regex, less what is marked data-search-exclude: what a
    check (scripts/check_search.py, the browser tests) expects search to find, worked out
    apart from the parser above."""
    import html as entities
    import re

    article = html[html.index("<article"):html.index("</article>")]
    # (an excluded element holding one of its own kind would end early: the pages have none)
    article = re.sub(r"<(\w+)[^>]*\bdata-search-exclude\b[^>]*>.*?</\1>", "", article, flags=re.S)
    article = re.sub(r'<a [^>]*class="(?:headerlink|para-link|src-link)"[^>]*>.*?</a>', "", article, flags=re.S)
    return entities.unescape(re.sub(r"<[^>]+>", "", article))


def searched_sources(docs: Path) -> list[str]:
    """The docs pages search covers: those whose front matter does not say `search: exclude:
    true` (for checks: the hooks read the same from MkDocs' page.meta)."""
    found = []
    for md in sorted(docs.rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        front = text.split("\n---\n", 1)[0] if text.startswith("---\n") else ""
        if not re.search(r"^search:\s*\n\s+exclude:\s*true", front, re.M):
            found.append(md.relative_to(docs).as_posix())
    return found
