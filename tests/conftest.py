"""Shared fixtures: a site built once from seeds/ into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CONFIG = ROOT / "mkdocs.yml"
HAND_WRITTEN = ("guide", "assets")  # committed pages under docs/


def seed_reports() -> list[Path]:
    from generator.ingest import find_reports

    return find_reports(SEEDS)


def prepare_docs(docs: Path) -> Path:
    """A docs folder holding the project's hand-written pages, as a fresh checkout has."""
    docs.mkdir(parents=True, exist_ok=True)
    for name in HAND_WRITTEN:
        shutil.copytree(ROOT / "docs" / name, docs / name, dirs_exist_ok=True)
    return docs


def build_into(folder: Path, seeds: Path = SEEDS, **options):
    from generator.pipeline import build

    docs = prepare_docs(folder / "docs")
    return build(seeds, docs, folder / "site", CONFIG, **options)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(BuildResult, site folder) for the real seeds, built once per test session."""
    folder = tmp_path_factory.mktemp("build")
    result = build_into(folder)
    return result, folder / "site"
