"""Shared fixtures: a site built once from seeds/ into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CONFIG = ROOT / "mkdocs.yml"
OFFLINE_CONFIG = ROOT / "mkdocs.offline.yml"
# The hosted site is built for, and served under, a sub-path as GitHub Pages serves a repo.
SUBPATH = "/some-repo/"
SITE_URL = f"http://127.0.0.1{SUBPATH}"
HAND_WRITTEN = ("guide", "assets")  # committed pages under docs/
# Reports written for the tests, in our own words: the seed county's next year and two
# neighbours (tests/fixtures/expected-scorecard.csv was written by hand from them).
FIXTURE_REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"


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


def with_fixtures(folder: Path) -> Path:
    """A seeds folder holding the real seeds and the test reports."""
    seeds = shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(FIXTURE_REPORTS, seeds / "fixtures")
    return seeds


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(BuildResult, site folder) for the real seeds and the test reports, built once per
    test session: three counties, two years of two of them."""
    folder = tmp_path_factory.mktemp("build")
    result = build_into(folder, seeds=with_fixtures(folder), site_url=SITE_URL)
    return result, folder / "site"


@pytest.fixture(scope="session")
def bundled(tmp_path_factory):
    """(BuildResult, unzipped bundle folder) of the same reports: the offline variant."""
    import zipfile

    from generator.pipeline import bundle

    folder = tmp_path_factory.mktemp("bundle")
    result = bundle(with_fixtures(folder), prepare_docs(folder / "docs"), folder / "dist", OFFLINE_CONFIG)
    with zipfile.ZipFile(result.bundle) as zf:
        zf.extractall(folder / "unzipped")
    (top,) = (folder / "unzipped").iterdir()
    return result, top
