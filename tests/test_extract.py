"""Extraction: one case file per phrasing (tests/cases/extract/*.yml), the seed's headline
figures against a reviewed golden file, and the `extract` command."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, seed_reports

from generator.extract import COLUMNS, figure_row
from generator.extract.labels import own_name_stripped
from generator.pipeline import extract_file

CASES = sorted((Path(__file__).parent / "cases" / "extract").glob("*.yml"))
GOLDEN = Path(__file__).parent / "golden"
# Columns the golden file pins: what a reader compares, not the sentence text.
HEADLINE_COLUMNS = ["indicator", "label", "kind", "period", "value", "unit", "growth_pct",
                    "qualifier", "bound", "anchor", "line"]


def write_case(tmp_path: Path, case: dict) -> Path:
    report = tmp_path / "report.txt"
    report.write_text(case["input"], encoding="utf-8")
    if "meta" in case:
        (tmp_path / "report.meta.yml").write_text(yaml.safe_dump(case["meta"], allow_unicode=True),
                                                  encoding="utf-8")
    if "errata" in case:
        (tmp_path / "report.errata.yml").write_text(case["errata"], encoding="utf-8")
    return report


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, tmp_path: Path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    _, figures = extract_file(write_case(tmp_path, case), "report.txt")
    expected = case["expect"]["figures"]
    rows = [figure_row(f) for f in figures]
    got = [{key: str(row[key]) for key in want} for row, want in zip(rows, expected, strict=False)]
    assert got == [{k: str(v) for k, v in want.items()} for want in expected], case["title"]
    assert len(rows) == len(expected), (case["title"], [r["label"] for r in rows])
    for figure in figures:  # provenance: every figure's sentence is in its paragraph
        assert figure.anchor and figure.line >= 1 and figure.text


def headline_rows(figures) -> list[dict]:
    return [{k: str(figure_row(f)[k]) for k in HEADLINE_COLUMNS} for f in figures if f.indicator]


@pytest.mark.parametrize("path", seed_reports(), ids=lambda p: p.stem)
def test_seed_headline_figures_match_the_reviewed_golden_file(path: Path):
    report, figures = extract_file(path)
    golden = GOLDEN / f"{report.slug}.indicators.csv"
    rows = headline_rows(figures)
    if os.environ.get("UPDATE_GOLDEN"):
        with open(golden, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, HEADLINE_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    with open(golden, encoding="utf-8", newline="") as f:
        assert rows == list(csv.DictReader(f))


def test_figures_link_to_text_that_holds_them():
    for path in seed_reports():
        report, figures = extract_file(path)
        nodes = {n.anchor: n for n in report.tree.walk()}
        assert figures
        for figure in figures:
            node = nodes[figure.anchor]
            assert figure.text in (node.text or node.title)
            if figure.start >= 0:  # the span a link covers lies in the figure's sentence
                span = node.text[figure.start:figure.end]
                assert span.strip() and span in figure.text


def run_extract(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "extract", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_extract_command_prints_csv_and_json(tmp_path):
    path = seed_reports()[0]
    as_csv = run_extract(str(path))
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert list(rows[0]) == COLUMNS and len(rows) > 20
    as_json = run_extract(str(path), "--format", "json")
    assert json.loads(as_json.stdout) == [
        {k: int(v) if k == "line" else v == "True" if k == "headline" else v for k, v in row.items()} for row in rows]


def test_extract_says_which_figures_are_headline_figures(tmp_path):
    """The `headline` column: a catalogue figure of one year whose number is sure. A number an
    OCR space split, and a quantity of no catalogue indicator, are rows but no headline figures."""
    path = tmp_path / "report.txt"
    path.write_text("一、2023年工作回顾\n全县地区生产总值完成 52 亿元，增长 5%。粮食总产量 1 7 万吨。新建学校 3 所。\n",
                    encoding="utf-8")
    done = run_extract(str(path))
    assert done.returncode == 0, done.stderr
    rows = {row["label"]: row for row in csv.DictReader(io.StringIO(done.stdout))}
    assert {label: row["headline"] for label, row in rows.items()} == {
        "地区生产总值": "True", "粮食总产量": "False", "新建学校": "False"}
    assert rows["粮食总产量"]["flags"]


def test_extract_command_on_a_file_with_no_title_block(tmp_path):
    path = tmp_path / "somewhere" / "county report.txt"
    path.parent.mkdir()
    path.write_text("一、2023年工作回顾\n全县地区生产总值完成 52 亿元，增长 5%。\n", encoding="utf-8")
    done = run_extract(str(path))
    assert done.returncode == 0, done.stderr
    (row,) = csv.DictReader(io.StringIO(done.stdout))
    assert (row["indicator"], row["period"], row["value"]) == ("gdp", "2023", "52")


def test_extract_command_on_a_missing_file_is_one_line():
    done = run_extract("no/such/report.txt")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_a_rate_read_into_a_level_is_flagged(tmp_path):
    """地区生产总值、第三产业增加值分别为4.4%和5.8%: a rate (a share, or a growth whose verb was
    lost) where a money level belongs is flagged, never shown or compared as a level in %."""
    from generator.indicators import catalogue

    case = {"meta": {"region": "癸县", "year": 2025},
            "input": "一、2024年工作回顾\n全县地区生产总值、第三产业增加值分别为4.4%和5.8%。\n"}
    _, figures = extract_file(write_case(tmp_path, case), "report.txt")
    levels_in_percent = [f for f in figures if f.indicator and f.unit == "%"
                         and catalogue()[f.indicator].unit != "%"]
    assert levels_in_percent and all("a rate where a level belongs" in f.flags for f in levels_in_percent)
    assert {f.indicator for f in levels_in_percent} == {"gdp", "services_value_added"}


def test_a_short_county_name_is_the_report_s_own_only_where_the_region_is_known():
    # 全州 is a county (全州县) and a prefecture's word for itself: with no region known it is neither
    assert own_name_stripped("全州地区生产总值", "r", region_known=False) is None
    assert own_name_stripped("武宣经济", "武宣县", region_known=True) == "经济"
    assert own_name_stripped("全州地区生产总值", "武宣县", region_known=True) is None
