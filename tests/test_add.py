"""`report-site add`: detect, summarise, file beside a .meta.yml and an errata template;
refuse a second report for a region and year; never touch the input; bad input writes nothing."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_REPORTS, SEEDS, build_into

from generator.cli import main

NEXT_YEAR = FIXTURE_REPORTS / "jiangxian-2024.txt"
EXPECTED = Path(__file__).resolve().parent / "fixtures" / "expected-scorecard.csv"


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def seeds(tmp_path) -> Path:
    return shutil.copytree(SEEDS, tmp_path / "seeds")


@pytest.fixture
def incoming(tmp_path) -> Path:
    """The next year's report, somewhere outside seeds/, under a name that says nothing."""
    path = tmp_path / "download" / "报告.txt"
    path.parent.mkdir()
    shutil.copy(NEXT_YEAR, path)
    return path


def test_add_files_the_report_with_what_it_detected(seeds, incoming, capsys):
    before = incoming.read_bytes()
    assert main(["add", str(incoming), "--seeds", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert "山西省 运城市 绛县 (140826)" in out and "2024 (reviews 2023)" in out
    assert "地区生产总值: 2023 92.6 亿元 +6.6%" in out and "figures " in out
    folder = seeds / "shanxi" / "yuncheng" / "jiangxian"
    assert (folder / "2024.txt").read_bytes() == before == incoming.read_bytes()
    meta = (folder / "2024.meta.yml").read_text(encoding="utf-8")
    assert "region: 绛县" in meta and "year: 2024" in meta and "code: '140826'" in meta
    assert "find:" in (folder / "2024.errata.yml").read_text(encoding="utf-8")


def test_a_second_add_of_the_same_region_and_year_is_refused(seeds, incoming, capsys):
    assert main(["add", str(incoming), "--seeds", str(seeds)]) == 0
    after_first = files(seeds)
    copy = incoming.with_name("again.txt")
    shutil.copy(incoming, copy)
    capsys.readouterr()
    assert main(["add", str(copy), "--seeds", str(seeds)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "already" in err[0] and "--replace" in err[0]
    assert files(seeds) == after_first


def test_replace_files_the_new_text_in_place_of_the_old(seeds, incoming):
    assert main(["add", str(incoming), "--seeds", str(seeds)]) == 0
    revised = incoming.with_name("revised.txt")
    revised.write_text(incoming.read_text(encoding="utf-8").replace("92.6 亿元", "92.7 亿元"), encoding="utf-8")
    assert main(["add", str(revised), "--seeds", str(seeds), "--replace"]) == 0
    filed = seeds / "shanxi" / "yuncheng" / "jiangxian" / "2024.txt"
    assert filed.read_bytes() == revised.read_bytes()


def test_the_seed_itself_is_refused_as_a_second_2023(seeds, tmp_path, capsys):
    copy = tmp_path / "copy.txt"
    shutil.copy(SEEDS / "shanxi" / "yuncheng" / "jiangxian" / "2023.txt", copy)
    before = files(seeds)
    assert main(["add", str(copy), "--seeds", str(seeds)]) == 1
    assert "a report for 绛县 2023 is already" in capsys.readouterr().err
    assert files(seeds) == before


def test_dry_run_writes_nothing(seeds, incoming, capsys):
    before = files(seeds)
    assert main(["add", str(incoming), "--seeds", str(seeds), "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out
    assert files(seeds) == before


def test_flags_name_what_the_text_does_not(seeds, tmp_path):
    bare = tmp_path / "bare.txt"
    bare.write_text("全年地区生产总值增长 6%。\n", encoding="utf-8")
    assert main(["add", str(bare), "--seeds", str(seeds), "--region", "闻喜县", "--year", "2021"]) == 0
    filed = seeds / "shanxi" / "yuncheng" / "wenxixian" / "2021.txt"
    assert filed.read_bytes() == bare.read_bytes()


@pytest.mark.parametrize(("content", "argv", "says"), [
    (b"\x00\x01\x02binary", [], "NUL"),
    ("全年地区生产总值增长 6%。\n".encode(), [], "--year"),
    ("**一、2022年工作回顾**\n\n全年地区生产总值增长 6%。\n".encode(), [], "--region"),
    ("全年地区生产总值增长 6%。\n".encode(), ["--region", "../../etc"], "not a region name"),
    ("全年地区生产总值增长 6%。\n".encode(), ["--region", "闻喜县", "--year", "20"], "not a report year"),
])
def test_bad_input_is_one_line_and_writes_nothing(seeds, tmp_path, capsys, content, argv, says):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    before = files(seeds)
    assert main(["add", str(path), "--seeds", str(seeds), *argv]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and says in err[0] and "Traceback" not in err[0], err
    assert files(seeds) == before and path.read_bytes() == content


def test_add_then_build_scores_the_2023_targets(seeds, incoming, tmp_path):
    """The issue's test: add next year's report for the seed's county, build, and the 2023
    scorecard is right for every target, with no code change."""
    assert main(["add", str(incoming), "--seeds", str(seeds)]) == 0
    build_into(tmp_path / "out", seeds=seeds)
    with open(tmp_path / "out" / "site" / "downloads" / "scorecard.csv", encoding="utf-8", newline="") as f:
        found = {(r["region"], r["year"], r["indicator"]): r for r in csv.DictReader(f)}
    with open(EXPECTED, encoding="utf-8", newline="") as f:
        expected = [r for r in csv.DictReader(f) if r["region"] == "绛县"]
    assert len(expected) == 9
    for row in expected:
        got = found[(row["region"], row["year"], row["indicator"])]
        assert (got["status"], got["target"], got["result"]) == (row["status"], row["target"], row["result"]), row
    page = (tmp_path / "out" / "site" / "regions" / "shanxi" / "yuncheng" / "jiangxian" / "2023" / "index.html")
    html = page.read_text(encoding="utf-8")
    assert "2023 年目标 9 项：完成 4 项，接近 3 项，未完成 1 项，不可比 1 项" in html


def test_the_input_sidecars_come_along(seeds, tmp_path):
    """Errata a person confirmed beside the file, and its .meta.yml fields, are filed with it."""
    source = tmp_path / "in" / "x.txt"
    source.parent.mkdir()
    source.write_text("**一、2020年工作回顾**\n\n全年地区生产总值增长 6%，粮食总产量 1 7 亿公斤。\n", encoding="utf-8")
    (source.parent / "x.meta.yml").write_text("region: 闻喜县\nsource_url: https://example.org/r\n",
                                              encoding="utf-8")
    errata = "- find: \"1 7 亿公斤\"\n  replace: \"1.7 亿公斤\"\n  reason: \"printed page reads 1.7\"\n"
    (source.parent / "x.errata.yml").write_text(errata, encoding="utf-8")
    assert main(["add", str(source), "--seeds", str(seeds)]) == 0
    folder = seeds / "shanxi" / "yuncheng" / "wenxixian"
    assert (folder / "2021.errata.yml").read_text(encoding="utf-8") == errata
    assert "source_url: https://example.org/r" in (folder / "2021.meta.yml").read_text(encoding="utf-8")


def test_seeds_that_is_a_file_is_one_line(tmp_path, incoming, capsys):
    not_a_folder = tmp_path / "seeds.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    assert main(["add", str(incoming), "--seeds", str(not_a_folder)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not a folder" in err[0]
