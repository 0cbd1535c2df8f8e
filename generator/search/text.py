"""A built page's HTML → the text blocks a reader sees in its article, each with the anchor
it sits under (the id of the paragraph or the heading above it), so a search result can link
to the paragraph that holds the match rather than to the top of a long page."""

from __future__ import annotations

from html.parser import HTMLParser

# Elements that start a block of their own: a match never runs from one into the next.
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "pre",
          "blockquote", "figcaption", "caption", "summary", "tr", "div", "table", "ul", "ol"}
SKIPPED = {"script", "style", "svg", "noscript", "template"}
# Links beside every paragraph (¶, 原文83行) and heading (¶): page furniture, not text.
FURNITURE = {"headerlink", "para-link", "src-link"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = 0          # depth inside <article>
        self.skip_depth = 0      # depth inside a skipped element
        self.anchor = ""
        self.blocks: list[tuple[str, str]] = []
        self.parts: list[str] = []
        self.block_anchor = ""

    def flush(self):
        text = " ".join("".join(self.parts).split())
        if text:
            self.blocks.append((self.block_anchor, text))
        self.parts = []
        self.block_anchor = self.anchor

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if not self.inside:
            if tag == "article":
                self.inside = 1
            return
        self.inside += 1
        if self.skip_depth:
            self.skip_depth += 1
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag in SKIPPED or "data-search-exclude" in attributes or classes & FURNITURE:
            self.skip_depth = 1
            return
        if tag in BLOCKS:
            self.flush()
        if attributes.get("id"):
            self.anchor = attributes["id"]
            if not "".join(self.parts).strip():
                self.block_anchor = self.anchor

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.inside or tag in VOID:
            return
        self.inside -= 1
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag in BLOCKS or not self.inside:
            self.flush()

    def handle_data(self, data):
        if self.inside and not self.skip_depth:
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
    article = re.sub(r"<(\w+)[^>]*\bdata-search-exclude\b[^>]*>.*?</\1>", "", article, flags=re.S)
    return entities.unescape(re.sub(r"<[^>]+>", "", article))
