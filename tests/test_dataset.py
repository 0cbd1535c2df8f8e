"""A nation's reports through `extract`: folders in, one dataset out, the same on a local
process pool and on a Dask cluster as file by file."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import FIXTURE_REPORTS, SEEDS

from generator.cli import main


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seed and the test reports, in nested folders, with one file that cannot be read."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(FIXTURE_REPORTS, folder / "more" / "fixtures")
    (folder / "more" / "broken.txt").write_bytes(b"\x00\x01")
    return folder


def per_file(path: Path, capsys) -> list[dict]:
    """What `extract FILE` prints for one file, as rows."""
    assert main(["extract", str(path)]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_the_dataset_is_the_per_file_outputs_end_to_end(corpus, capsys, tmp_path):
    out = tmp_path / "figures.csv"
    assert main(["extract", str(corpus), "--out", str(out), "--workers", "2"]) == 0
    err = capsys.readouterr().err
    assert "skipped  " in err and "broken.txt" in err  # one line for the file it could not read …
    assert "dataset  6 files" in err and "1 skipped" in err  # … and the rest written
    dataset = pd.read_csv(out, dtype=str, keep_default_na=False)
    files = sorted(p for p in corpus.rglob("*.txt") if p.name != "broken.txt")
    expected = []
    for path in files:
        for row in per_file(path, capsys):
            expected.append(row)
    assert len(dataset) == len(expected) > 100
    assert dataset["file"].tolist() == [str(p) for p in files for _ in per_file(p, capsys)]
    columns = list(expected[0])
    got = dataset[columns].to_dict("records")
    assert got == expected  # every column `extract` prints, row for row, in file order
    seed = dataset[dataset["file"].str.endswith("2023.txt") & (dataset["region"] == "绛县")]
    assert set(seed["year"]) == {"2023"} and set(seed["code"]) == {"140826"}


def test_parquet_holds_the_same_rows(corpus, capsys, tmp_path):
    assert main(["extract", str(corpus), "--out", str(tmp_path / "a.csv"), "--workers", "1"]) == 0
    assert main(["extract", str(corpus), "--out", str(tmp_path / "a.parquet")]) == 0
    capsys.readouterr()
    text = pd.read_csv(tmp_path / "a.csv", dtype=str, keep_default_na=False)
    table = pd.read_parquet(tmp_path / "a.parquet").astype(str).replace({"<NA>": "", "nan": ""})
    assert table.columns.tolist() == text.columns.tolist()
    assert table.to_dict("records") == text.to_dict("records")


def test_on_a_local_dask_cluster_the_dataset_is_the_same(corpus, capsys, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        assert main(["extract", str(corpus), "--out", str(tmp_path / "dask.csv"),
                     "--scheduler", cluster.scheduler_address]) == 0
    assert main(["extract", str(corpus), "--out", str(tmp_path / "pool.csv")]) == 0
    capsys.readouterr()
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "pool.csv").read_bytes()


def test_progress_is_plain_lines_off_a_terminal_and_bad_options_are_one_line(corpus, capsys, tmp_path):
    assert main(["extract", str(corpus), "--out", str(tmp_path / "x.csv")]) == 0
    err = capsys.readouterr().err
    assert "extract  6/6 files" in err and "files/s" in err
    assert main(["extract", str(corpus), "--out", str(tmp_path / "x.xlsx")]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "x.xlsx: error: cannot write .xlsx" in lines[0]
    assert main(["extract", str(corpus), "--scheduler", "tcp://127.0.0.1:9", "--out", str(tmp_path / "y.csv")]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0]
