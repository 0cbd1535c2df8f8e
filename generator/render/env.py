"""The Jinja2 environment every page is rendered with. Report text only ever enters
templates as escaped values, never as template source."""

from __future__ import annotations

import jinja2

from generator.render.escape import escape_attr, escape_md, title_yaml

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
ENV.filters["title"] = title_yaml
