"""MkDocs hooks: take the navigation the generator wrote to <docs_dir>/.nav.yml, and write
the search index as UTF-8.

A hook rather than a plugin keeps the site on Material's built-in plugins only, and it
makes `mkdocs serve` show the same navigation as `report-site build`.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


def on_config(config, **kwargs):
    nav_file = Path(config["docs_dir"]) / ".nav.yml"
    if nav_file.exists() and not config.get("nav"):
        config["nav"] = yaml.safe_load(nav_file.read_text(encoding="utf-8"))
    return config


@event_priority(-50)  # after the search plugin writes its index, before the offline plugin inlines it
def on_post_build(config, **kwargs):
    """The search index as UTF-8 rather than \\uXXXX escapes: Chinese text takes 3 bytes a
    character instead of 6, so the index a reader downloads is about half the size."""
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
