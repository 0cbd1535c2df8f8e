"""MkDocs hooks: take the navigation the generator wrote to <docs_dir>/.nav.yml, and build the
site's search index (generator/search) from every page as MkDocs writes it.

A hook rather than a plugin keeps the site on Material's built-in plugins only, and it
makes `mkdocs serve` show the same navigation and search as `report-site build`.
"""

from __future__ import annotations

import html
import json
import time
from pathlib import Path

import yaml

from generator import cache, search

INDEX_FOLDER = "search-index"
_state: dict = {}


def on_config(config, **kwargs):
    nav_file = Path(config["docs_dir"]) / ".nav.yml"
    if nav_file.exists() and not config.get("nav"):
        config["nav"] = yaml.safe_load(nav_file.read_text(encoding="utf-8"))
    return config


def on_pre_build(config, **kwargs):
    """A fresh index each build; the region and year of each report's folder, from the
    generator's <docs_dir>/.search.json (a hand-made site has none: pages go without)."""
    facets = Path(config["docs_dir"]) / ".search.json"
    folders = json.loads(facets.read_text(encoding="utf-8")) if facets.exists() else []
    search.BUILDING = search.SearchIndex()
    _state.update(folders={folder: (region, year) for folder, region, year in folders})


def on_env(env, config, files, **kwargs):
    env.bytecode_cache = cache.templates()  # the theme's templates compiled once, not each build
    return env


def on_post_page(output, page, config, **kwargs):
    started = time.perf_counter()
    wanted = page.meta.get("search")
    index = search.BUILDING
    if index is None:
        return output
    if not (isinstance(wanted, dict) and wanted.get("exclude")):
        # the nearest folder above the page that is a report's or a region's
        parts = page.file.src_uri.split("/")[:-1]
        region, year = next((_state["folders"][f] for f in ("/".join(parts[:n]) for n in range(len(parts), 0, -1))
                             if f in _state["folders"]), ("", 0))
        index.add(page.url, html.unescape(page.title or ""), region, year, search.page_blocks(output))
    index.seconds += time.perf_counter() - started
    return output


def on_post_build(config, **kwargs):
    index = search.BUILDING
    if index is None:
        return
    started = time.perf_counter()
    size = index.write(Path(config["site_dir"]) / INDEX_FOLDER)
    search.LAST.update(bytes=size, seconds=index.seconds + time.perf_counter() - started, pages=len(index.pages))
    search.BUILDING = None
    _state.clear()
