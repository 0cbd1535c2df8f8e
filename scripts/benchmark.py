"""Benchmark: time per report for each stage (ingest, parse, extract), and the whole build.

    python scripts/benchmark.py [REPORT ...] [--repeat N] [--no-site]

With no reports given, every report under seeds/ is measured. Times are the median of
--repeat runs (after one warm-up run that loads jieba, OpenCC and the catalogue); extraction
also shows its best run, which a shared machine's noise moves least (as timeit advises); memory
is the peak Python allocation (tracemalloc) of one extraction and the process's peak RSS.

The compare stage (figures and words apart) is timed on the seed and the test reports (tests/fixtures/reports),
copied under 1, 4, 16 and 40 made-up regions (5 to 200 reports): its time per report
should stay flat, since it only joins consecutive years of a region and one year's regions.
"""

from __future__ import annotations

import argparse
import functools
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract import extract_report  # noqa: E402
from generator.ingest import find_reports, ingest_file  # noqa: E402
from generator.model import Report  # noqa: E402
from generator.naming import report_slug  # noqa: E402
from generator.parse import parse_report  # noqa: E402


def runs(function, repeat: int) -> tuple[list[float], object]:
    """The times of `repeat` runs, each cold (the script conversion's cache of short texts is
    emptied first, so no run profits from the one before), and the last run's result."""
    from generator.script import _short

    times, result = [], None
    for _ in range(repeat):
        _short.cache_clear()
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return times, result


def timed(function, repeat: int):
    """Median time of `repeat` cold runs, and the result."""
    times, result = runs(function, repeat)
    return statistics.median(times), result


def measure(path: Path, repeat: int) -> dict:
    t_ingest, ingested = timed(lambda: ingest_file(path, str(path), lenient=True), repeat)
    slug = report_slug(ingested.metadata, ingested.source.sidecar)
    t_parse, tree = timed(lambda: parse_report(ingested, slug), repeat)
    report = Report(slug, ingested, tree)
    # (extraction takes tens of milliseconds: at least 21 runs, so the best and the median mean something)
    times, figures = runs(lambda: extract_report(report), max(repeat, 21))
    tracemalloc.start()
    extract_report(report)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    chars = sum(len(line) for line in ingested.source.lines)
    return {"report": slug, "chars": chars, "figures": len(figures),
            "indicators": sum(1 for f in figures if f.indicator), "ingest": t_ingest,
            "parse": t_parse, "extract": statistics.median(times), "extract_best": min(times), "extract_peak": peak}


def copies(reports, figures, count: int):
    """`count` copies of the reports and figures, each under a region of its own."""
    from dataclasses import replace

    out_reports, out_figures = [], {}
    for n in range(count):
        for report in reports:
            meta = replace(report.metadata, region=f"{report.metadata.region}{n}",
                           code=f"9{n:02d}{report.metadata.code}")
            slug = f"{report.slug}-{n}"
            ingested = replace(report.ingested, metadata=meta)
            out_reports.append(Report(slug, ingested, report.tree, f"{report.folder}-{n}"))
            out_figures[slug] = [replace(f, report=slug) for f in figures[report.slug]]
    return out_reports, out_figures


def compare_scaling(repeat: int) -> None:
    import shutil

    from generator.compare import compare_figures, compare_words
    from generator.pipeline import load_reports

    with tempfile.TemporaryDirectory() as scratch:
        seeds = shutil.copytree(ROOT / "seeds", Path(scratch) / "seeds")
        shutil.copytree(ROOT / "tests" / "fixtures" / "reports", seeds / "fixtures")
        reports = load_reports(seeds)
    figures = {r.slug: extract_report(r) for r in reports}
    print(f"\n{'compare stage':<24}{'reports':>8}{'regions':>9}{'targets':>9}{'figures ms':>11}{'words ms':>10}"
          f"{'ms/report':>11}")
    for count in (1, 4, 16, 40):
        many, their_figures = copies(reports, figures, count)
        runs = max(1, repeat // 2)
        seconds, result = timed(functools.partial(compare_figures, many, their_figures), runs)
        words, _ = timed(functools.partial(compare_words, many, their_figures), runs)
        regions = len({r.metadata.code for r in many})
        print(f"{'':<24}{len(many):>8}{regions:>9}{len(result[1]):>9}{seconds * 1000:>11.0f}{words * 1000:>10.0f}"
              f"{(seconds + words) * 1000 / len(many):>11.1f}")
    pair = [r for r in reports if r.metadata.region == reports[0].metadata.region]
    words, _ = timed(functools.partial(compare_words, pair, {r.slug: figures[r.slug] for r in pair}), repeat)
    years = "、".join(str(r.metadata.year) for r in sorted(pair, key=lambda r: r.metadata.year))
    print(f"words stage for the seed's region ({len(pair)} reports, {years}): {words * 1000:.0f} ms")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-site", action="store_true", help="skip the whole-build timing")
    args = parser.parse_args(argv)
    paths = args.reports or find_reports(ROOT / "seeds")
    measure(paths[0], 1)  # warm-up: jieba's dictionary, OpenCC, the catalogue
    print(f"{'report':<24}{'chars':>8}{'figures':>9}{'catalogue':>10}"
          f"{'ingest ms':>11}{'parse ms':>10}{'extract ms':>12}{'ms/1k chars':>13}{'best':>7}{'peak KiB':>10}")
    for path in paths:
        m = measure(path, args.repeat)
        per_k = 1_000_000 / max(m["chars"], 1)  # seconds → ms per 1,000 characters
        print(f"{m['report']:<24}{m['chars']:>8}{m['figures']:>9}{m['indicators']:>10}"
              f"{m['ingest'] * 1000:>11.1f}{m['parse'] * 1000:>10.1f}{m['extract'] * 1000:>12.1f}"
              f"{m['extract'] * per_k:>13.2f}{m['extract_best'] * per_k:>7.2f}{m['extract_peak'] / 1024:>10.0f}")
    if not args.no_site:
        from generator.pipeline import build

        with tempfile.TemporaryDirectory() as scratch:
            docs = Path(scratch) / "docs"
            import shutil

            for name in ("guide", "assets"):
                shutil.copytree(ROOT / "docs" / name, docs / name)
            started = time.perf_counter()
            result = build(ROOT / "seeds", docs, Path(scratch) / "site", ROOT / "mkdocs.yml")
            total = time.perf_counter() - started
        print(f"\nwhole build of seeds/: {total:.2f} s (generator {result.timings['generator']:.2f} s, "
              f"of which compare {result.timings['compare']:.2f} s; mkdocs {result.timings['mkdocs']:.2f} s), "
              f"{len(result.pages)} pages")
    compare_scaling(args.repeat)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS of this process: {rss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
