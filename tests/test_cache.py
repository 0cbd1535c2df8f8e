"""Reading reports once (generator/cache.py, pipeline.read_reports): a rebuild reads only the
reports that changed, many reports are read on a process pool, and neither changes a byte."""

from __future__ import annotations

import hashlib
import shutil

import pytest
from conftest import FIXTURE_REPORTS, SEEDS, build_into

from generator.diagnostics import InputError
from generator.pipeline import read_reports


def digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def many_seeds(folder, count=9):
    """`count` reports: the test reports under made-up county names, enough for the pool."""
    sources = sorted(FIXTURE_REPORTS.glob("*.txt"))
    for n in range(count):
        place = folder / f"c{n}"
        place.mkdir(parents=True)
        shutil.copy(sources[n % len(sources)], place / "2024.txt")
        (place / "2024.meta.yml").write_text(f"region: 测{n}县\nyear: 2024\n", encoding="utf-8")
    return folder


def test_a_rebuild_reads_only_what_changed_and_builds_the_same_site(tmp_path, monkeypatch):
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(FIXTURE_REPORTS, seeds / "fixtures")
    monkeypatch.setenv("REPORT_SITE_CACHE", str(tmp_path / "cache"))
    first = build_into(tmp_path / "one", seeds=seeds)
    assert first.cached == 0
    again = build_into(tmp_path / "two", seeds=seeds)
    assert again.cached == len(again.reports) == len(first.reports)
    assert digest(tmp_path / "two" / "site") == digest(tmp_path / "one" / "site")
    # one report's sidecar changes: that report alone is read again, and the change shows
    (seeds / "fixtures" / "wenxi-2024.meta.yml").write_text("source_url: https://example.org/wenxi\n",
                                                           encoding="utf-8")
    changed = build_into(tmp_path / "three", seeds=seeds)
    assert changed.cached == len(changed.reports) - 1
    wenxi = next(r for r in changed.reports if r.slug.startswith("wenxi") and r.metadata.year == 2024)
    assert wenxi.metadata.source_url == "https://example.org/wenxi"
    # and with the cache off, the same site as from the cache
    monkeypatch.setenv("REPORT_SITE_CACHE", "")
    uncached = build_into(tmp_path / "four", seeds=seeds)
    assert uncached.cached == 0
    assert digest(tmp_path / "four" / "site") == digest(tmp_path / "three" / "site")


def test_many_reports_are_read_on_a_pool_with_the_same_result(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_SITE_CACHE", "")
    seeds = many_seeds(tmp_path / "seeds")
    pooled, pooled_figures, pooled_words, _ = read_reports(seeds, workers=2)
    alone, alone_figures, alone_words, _ = read_reports(seeds, workers=1)
    assert [r.slug for r in pooled] == [r.slug for r in alone] and len(pooled) == 9
    assert pooled_figures == alone_figures and pooled == alone and pooled_words == alone_words


def test_a_bad_file_read_on_the_pool_is_one_error_naming_it(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_SITE_CACHE", "")
    seeds = many_seeds(tmp_path / "seeds")
    (seeds / "c4" / "2024.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(InputError) as caught:
        read_reports(seeds, workers=2)
    assert caught.value.file.endswith("c4/2024.txt") and "PDF" in str(caught.value)


def test_a_rebuild_from_the_cache_loads_no_segmenter_and_converts_no_names(tmp_path):
    """The segmenter's work on a report (terms, named things) is kept with the report, and the
    names' pinyin with the cache: a rebuild of unchanged reports loads neither jieba nor pypinyin."""
    import os
    import subprocess
    import sys

    from conftest import CONFIG, ROOT, prepare_docs

    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(FIXTURE_REPORTS, seeds / "fixtures")
    probe = ("import sys; from pathlib import Path; from generator.pipeline import build; "
             f"build(Path({str(seeds)!r}), Path(sys.argv[1]), Path(sys.argv[2]), Path({str(CONFIG)!r})); "
             "print(sorted(m for m in ('jieba', 'jieba.posseg', 'pypinyin') if m in sys.modules))")
    env = dict(os.environ, REPORT_SITE_CACHE=str(tmp_path / "cache"))

    def loaded(n):
        docs = prepare_docs(tmp_path / f"b{n}" / "docs")
        done = subprocess.run([sys.executable, "-c", probe, str(docs), str(tmp_path / f"b{n}" / "site")],
                              cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        return done.stdout.strip().splitlines()[-1]

    # the first build reads every report, on forked processes: the segmenter loads there, not
    # here; the names it converts to pinyin (paths, topics) are converted here
    first = loaded(1)
    assert "'pypinyin'" in first and ("'jieba'" in first) == ((os.cpu_count() or 1) == 1)
    assert loaded(2) == "[]"
    assert digest(tmp_path / "b2" / "site") == digest(tmp_path / "b1" / "site")
