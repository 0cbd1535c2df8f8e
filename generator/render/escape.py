"""Report text is data: escape it so Markdown and HTML show it exactly as printed."""

from __future__ import annotations

import html
import json
import re

# Python-Markdown's escapable characters (its ESCAPED_CHARS, plus | from the tables extension);
# escaping any other character would show the backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape_md(text: str) -> str:
    """Escape inline text for Markdown: HTML entities first, then Markdown punctuation."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def escape_attr(text: str) -> str:
    """Escape text for a quoted Markdown link title or HTML attribute."""
    return html.escape(text, quote=True).replace("\\", "&#92;")


def title_yaml(text: str) -> str:
    """A page title for front matter, as a YAML scalar (JSON strings are valid YAML). MkDocs
    and Material print a page's title as HTML — in <title>, the navigation, the footer's
    previous/next links and search results — so outside text in it is HTML-escaped first."""
    return json.dumps(html.escape(text, quote=False), ensure_ascii=False)
