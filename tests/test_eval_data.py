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


SYNTHETIC = EVAL / "synthetic"


def test_every_synthetic_figure_is_of_a_text_there_and_every_text_has_figures():
    for batch in sorted(SYNTHETIC.glob("batch*")):
        with (batch / "expected.csv").open(encoding="utf-8", newline="") as handle:
            expected = list(csv.DictReader(handle))
        texts = {path.name for path in batch.glob("*.txt")}
        assert texts and {row["file"] for row in expected} == texts, batch
        for row in expected:
            assert row["kind"] in ("actual", "estimate", "target") and row["period"].isdigit(), row
            assert row["value"] or row["growth_pct"], row


def test_no_synthetic_batch_reads_worse_than_its_floor():
    """The invented texts (tests/eval/synthetic) as a guard: each batch's recall and precision stay
    at or above the floor recorded when it was last measured (floors.csv; raised, never lowered,
    as rules improve). A rule that breaks a phrasing written there fails here."""
    import re
    import subprocess
    import sys

    floors = {row["batch"]: row for row in csv.DictReader((SYNTHETIC / "floors.csv").read_text("utf-8").splitlines())}
    batches = sorted(path.name for path in SYNTHETIC.glob("batch*"))
    assert batches and set(batches) == set(floors)
    for batch in batches:
        done = subprocess.run([sys.executable, str(EVAL.parent.parent / "scripts" / "evaluate.py"),
                               str(SYNTHETIC / batch)], capture_output=True, text=True, check=True)
        line = next(line for line in done.stdout.splitlines() if line.startswith("all "))
        recall, precision = (float(x) for x in re.findall(r"(\d+\.\d)%", line))
        assert recall >= float(floors[batch]["recall"]) and precision >= float(floors[batch]["precision"]), \
            (batch, line)
