"""A nation's reports through `extract`: folders of report files in, one dataset out (a row
per figure, with the file, region, code and year beside `extract`'s columns).

The work per report is one pure function, `rows_of(path)`, run on a local process pool by
default, or on a Dask cluster (`pip install 'report-site[dask]'`, `--scheduler ADDRESS`) for
corpora past one machine. Rows come out in file order, each file's in reading order, whatever
order the workers finish in, so the dataset is the per-file outputs put end to end.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.diagnostics import GeneratorError, InputError
from generator.extract import COLUMNS, figure_row

WHERE = ["file", "region", "code", "province", "city", "year"]
DATASET_COLUMNS = WHERE + [c for c in COLUMNS if c not in WHERE]
FORMATS = (".csv", ".parquet")


def report_files(paths: Iterable[Path]) -> list[Path]:
    """Every report file under the given folders, and the given files, in a stable order."""
    from generator.ingest import find_reports

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += find_reports(path)
        elif path.exists():
            found.append(path)
        else:
            raise InputError("no such file or folder", file=str(path),
                             hint="give report files or folders that hold them")
    return list(dict.fromkeys(found))


def rows_of(path: str) -> tuple[str, list[dict], str]:
    """(file, its figures as dataset rows, '' or the one line saying why it was skipped)."""
    from generator.pipeline import extract_file

    try:
        report, figures = extract_file(Path(path), path)
    except GeneratorError as err:
        return path, [], str(err)
    meta = report.metadata
    # a region the text does not name is left empty, not the file's name that `extract` shows
    region = "" if meta.origin.get("region") == "file name" else meta.region
    where = {"file": path, "region": region, "code": meta.code, "province": meta.province,
             "city": meta.city, "year": meta.year}
    return path, [where | {c: v for c, v in figure_row(f).items() if c not in WHERE} for f in figures], ""


def on_pool(files: list[str], workers: int | None) -> Iterator[tuple[str, list[dict], str]]:
    if workers == 1 or len(files) < 2:
        yield from map(rows_of, files)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, min(16, len(files) // (4 * (workers or os.cpu_count() or 1))))
        yield from pool.map(rows_of, files, chunksize=chunk)


def on_dask(files: list[str], scheduler: str) -> Iterator[tuple[str, list[dict], str]]:
    try:
        from distributed import Client
    except ImportError:
        raise GeneratorError("--scheduler needs Dask distributed",
                             hint="pip install 'report-site[dask]'") from None
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, ValueError, TypeError) as err:
        raise GeneratorError(f"cannot reach the Dask scheduler: {err}", file=scheduler,
                             hint="give the scheduler's address, e.g. tcp://10.0.0.5:8786") from None
    try:
        futures = client.map(rows_of, files, pure=False)
        for future in futures:  # in file order; the cluster runs them in any order
            yield future.result()
    finally:
        client.close()


class Progress:
    """A bar on a terminal; on a pipe or in CI, a plain line every `every` files."""

    def __init__(self, total: int, stream=None, every: int = 100):
        self.total, self.done, self.figures, self.skipped = total, 0, 0, 0
        self.stream = stream or sys.stderr
        self.every, self.started = every, time.perf_counter()
        self.bar = None
        if self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=self.stream, desc="extract")

    def step(self, figures: int, skipped: bool) -> None:
        self.done += 1
        self.figures += figures
        self.skipped += skipped
        if self.bar is not None:
            self.bar.update(1)
        elif self.done % self.every == 0 or self.done == self.total:
            print(self.line(), file=self.stream, flush=True)

    def line(self) -> str:
        rate = self.done / max(time.perf_counter() - self.started, 1e-9)
        return (f"extract  {self.done}/{self.total} files, {self.figures} figures, {self.skipped} skipped, "
                f"{rate:.0f} files/s")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


INTEGERS = {"year", "line"}


class Sink:
    """Where the rows go as they come, so memory stays flat however many files there are:
    CSV rows written at once, Parquet in row groups, or nothing kept (counting only)."""

    BATCH = 50_000

    def __init__(self, out: Path | None, stream=None):
        self.out, self.rows, self.batch = out, 0, []
        self.partial = out.with_name(f".{out.name}.partial") if out else None
        self.file = self.writer = None
        if out is None:
            self.writer = csv.DictWriter(stream or sys.stdout, DATASET_COLUMNS, lineterminator="\n")
            self.writer.writeheader()
        elif out.suffix == ".csv":
            out.parent.mkdir(parents=True, exist_ok=True)
            self.file = open(self.partial, "w", encoding="utf-8", newline="")
            self.writer = csv.DictWriter(self.file, DATASET_COLUMNS, lineterminator="\n")
            self.writer.writeheader()
        else:
            import pyarrow as pa

            out.parent.mkdir(parents=True, exist_ok=True)
            self.schema = pa.schema([(c, pa.int64() if c in INTEGERS else pa.string()) for c in DATASET_COLUMNS])

    def add(self, rows: list[dict]) -> None:
        self.rows += len(rows)
        if self.writer is not None:
            self.writer.writerows(rows)
            return
        self.batch += rows
        if len(self.batch) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.writer is None and self.file is None:
            self.file = pq.ParquetWriter(self.partial, self.schema)
        def typed(column: str, value):
            if column in INTEGERS:
                return int(value) if value not in ("", None) else None
            return None if value is None else str(value)

        self.file.write_table(pa.table({c: [typed(c, row[c]) for row in self.batch] for c in DATASET_COLUMNS},
                                       schema=self.schema))
        self.batch = []

    def close(self) -> None:
        if self.out is None:
            return
        if self.out.suffix == ".parquet" and (self.batch or self.file is None):
            self._flush()
        self.file.close()
        self.partial.replace(self.out)  # a run cut short leaves no half-written dataset under the name


def extract_dataset(paths: list[Path], out: Path | None, *, workers: int | None = None,
                    scheduler: str | None = None, say: Callable[[str], None] = print) -> dict:
    """Walk `paths`, extract every report, and write the dataset to `out` (.csv or .parquet;
    None: CSV on stdout) as the rows come. Returns counts; a file that cannot be read is
    skipped with its one line said."""
    if out is not None and out.suffix not in FORMATS:
        raise InputError(f"cannot write {out.suffix or 'a file without a suffix'}", file=str(out),
                         hint="name the output FILE.csv or FILE.parquet")
    files = [str(p) for p in report_files(paths)]
    if not files:
        raise InputError("no report files (*.txt, *.md) found", file=" ".join(map(str, paths)),
                         hint="give report files or folders that hold them")
    progress = Progress(len(files))
    sink = Sink(out)
    skipped = 0
    results = on_dask(files, scheduler) if scheduler else on_pool(files, workers)
    try:
        for _, found, error in results:
            if error:
                skipped += 1
                say(f"skipped  {error}")
            sink.add(found)
            progress.step(len(found), bool(error))
        sink.close()
    finally:
        progress.close()
    return {"files": len(files), "figures": sink.rows, "skipped": skipped}
