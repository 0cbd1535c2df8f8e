"""The evaluation's committed facts: the manifest, the first reading (expected.csv) and the second
reading of the extras (second_reading.csv) agree with each other."""

from __future__ import annotations

import csv
from pathlib import Path

EVAL = Path(__file__).parent / "eval"
VERDICTS = {"correct", "unclear", "wrong-kind", "wrong-period", "wrong-value", "wrong-indicator",
            "not-single-year"}
KEY = ("file", "indicator", "kind", "period", "value", "growth_pct")


def rows(name: str) -> list[dict]:
    with (EVAL / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_second_reading_is_of_a_corpus_file_and_says_why():
    files = {row["file"] for row in rows("manifest.csv")}
    second = rows("second_reading.csv")
    assert second
    for row in second:
        assert row["file"] in files, row
        assert row["verdict"] in VERDICTS, row
        assert row["reason"].strip(), row
        assert row["kind"] in ("actual", "estimate", "target") and row["period"].isdigit(), row


def test_the_second_reading_only_reads_figures_the_first_left_out_once_each():
    first = {tuple(row[k] for k in KEY) for row in rows("expected.csv")}
    second = [tuple(row[k] for k in KEY) for row in rows("second_reading.csv")]
    assert len(second) == len(set(second))
    assert not set(second) & first
