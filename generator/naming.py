"""Stable ASCII names for reports: URLs that survive a USB stick and any file system.

A report lives at regions/<province>/<city>/<county>/<year>/; its short slug
(`jiangxian-2023`) names its downloads and figure ids. Both come from the GB/T 2260 table
(generator.regions), so distinct regions that read alike stay apart.
"""

from __future__ import annotations

from generator.model import Metadata
from generator.regions import Place, region_path, region_slug, slugify

__all__ = ["slugify", "part_file", "report_slug", "place", "region_dir", "report_dir", "region_key"]


def part_file(part) -> str:
    """The Markdown page a part of a report is on: `part-1.md` beside the report's index."""
    return f"{part.anchor}.md"


def place(metadata: Metadata) -> Place:
    return Place(metadata.region, metadata.province, metadata.city, metadata.code)


def region_key(metadata: Metadata) -> str:
    """What makes two reports the same region: its code, else its names."""
    return metadata.code or "/".join((metadata.province, metadata.city, metadata.region))


def report_slug(metadata: Metadata, sidecar: dict) -> str:
    """`jiangxian-2023`; a sidecar `slug` wins."""
    if sidecar.get("slug") and slugify(str(sidecar["slug"])):  # a slug of no letters names nothing
        return slugify(str(sidecar["slug"]))
    return f"{region_slug(place(metadata))}-{metadata.year}"


def region_dir(metadata: Metadata) -> str:
    """`regions/shanxi/yuncheng/jiangxian`: the region's folder under docs/."""
    return "regions/" + "/".join(region_path(place(metadata)))


def report_dir(metadata: Metadata) -> str:
    return f"{region_dir(metadata)}/{metadata.year}"
