"""MkDocs hook: take the navigation the generator wrote to <docs_dir>/.nav.yml.

A hook rather than a plugin keeps the site on Material's built-in plugins only, and it
makes `mkdocs serve` show the same navigation as `report-site build`.
"""

from __future__ import annotations

from pathlib import Path

import yaml


def on_config(config, **kwargs):
    nav_file = Path(config["docs_dir"]) / ".nav.yml"
    if nav_file.exists() and not config.get("nav"):
        config["nav"] = yaml.safe_load(nav_file.read_text(encoding="utf-8"))
    return config
