"""Stable ASCII names for reports: URLs that survive a USB stick and any file system."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from generator.model import Metadata


def slugify(text: str) -> str:
    ascii_text = "".join(lazy_pinyin(text))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def part_file(part) -> str:
    """The Markdown page a part of a report is on: `part-1.md` beside the report's index."""
    return f"{part.anchor}.md"


def report_slug(metadata: Metadata, sidecar: dict) -> str:
    """`jiangxian-2023`; a sidecar `slug` wins (for two counties whose names read alike)."""
    if sidecar.get("slug"):
        return slugify(str(sidecar["slug"]))
    return f"{slugify(metadata.region)}-{metadata.year}"
