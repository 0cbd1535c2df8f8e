"""Command line: arguments, printing, exit codes. The only place that exits."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections import Counter
from pathlib import Path

from generator.diagnostics import GeneratorError
from generator.lock import exclusive

# Beyond this many warnings of one kind, the rest are summarised in one line.
SHOWN_PER_CODE = 5


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="report-site",
        description="Build a searchable static site from Chinese government work reports.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)
    # Accepted after the command too; SUPPRESS keeps a subparser from resetting a `--debug`
    # given before it.
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    # What `build` and `bundle` both read.
    site = argparse.ArgumentParser(add_help=False, parents=[debug])
    site.add_argument("--seeds", type=Path, default=Path("seeds"), help="report folder")
    site.add_argument("--docs", type=Path, default=Path("docs"), help="generated pages")
    site.add_argument("--strict", action="store_true", help="treat report warnings as fatal")

    build = commands.add_parser("build", parents=[site], help="generate docs/ from seeds/ and build site/")
    build.add_argument("--site", type=Path, default=Path("site"), help="built site")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config")
    build.add_argument("--no-site", action="store_true", help="generate docs/ only")
    build.add_argument("--site-url", help="the hosted address, e.g. https://user.github.io/repo/ "
                       "(default: SITE_URL or mkdocs.yml)")
    bundle = commands.add_parser("bundle", parents=[site],
                                 help="build the offline site and zip it into dist/")
    bundle.add_argument("--dist", type=Path, default=Path("dist"), help="where the zip goes")
    bundle.add_argument("--config", type=Path, default=Path("mkdocs.offline.yml"),
                        help="MkDocs config of the offline variant")
    bundle.add_argument("--region", default="", metavar="PLACE",
                        help="only the reports of this county, city or province (e.g. 绛县, 运城市), or its code")
    add = commands.add_parser("add", parents=[debug], help="file a report into seeds/ (detects region and year)")
    add.add_argument("file", type=Path, help="a report's text (any name, anywhere; it is not modified)")
    add.add_argument("--seeds", type=Path, default=Path("seeds"), help="report folder")
    add.add_argument("--region", help="the county's name, if the text does not say it (e.g. 绛县)")
    add.add_argument("--year", type=int, help="the year the report was delivered, if the text does not say it")
    add.add_argument("--replace", action="store_true", help="replace a report already filed for this region and year")
    add.add_argument("--dry-run", action="store_true", help="show what would be filed; write nothing")
    verify = commands.add_parser("verify", parents=[debug],
                                 help="check a built site or bundle against its manifest (and the seeds)")
    verify.add_argument("site", type=Path, help="the site/ folder or the bundle's .zip")
    verify.add_argument("--seeds", type=Path, help="the report folder it was built from: check every sentence too")
    extract = commands.add_parser("extract", parents=[debug],
                                  help="print every figure of a report file, or write a dataset of many")
    extract.add_argument("file", type=Path, nargs="+",
                         help="a report's text (any name, anywhere), or folders of them")
    extract.add_argument("--format", choices=["csv", "json"], default="csv", help="for one file on stdout")
    extract.add_argument("--out", type=Path, help="write one dataset of every file: FILE.csv or FILE.parquet")
    extract.add_argument("--workers", type=int, help="local processes (default: one per core)")
    extract.add_argument("--scheduler", help="run on a Dask cluster: its scheduler's address "
                         "(pip install 'report-site[dask]')")
    return parser.parse_args(argv)


def print_diagnostics(diagnostics) -> None:
    per_code: Counter = Counter()
    for diagnostic in diagnostics:
        per_code[diagnostic.code] += 1
        if per_code[diagnostic.code] <= SHOWN_PER_CODE:
            print(diagnostic, file=sys.stderr)
    for code, count in sorted(per_code.items()):
        if count > SHOWN_PER_CODE:
            print(f"… and {count - SHOWN_PER_CODE} more {code} warnings", file=sys.stderr)


def size(count: int) -> str:
    return f"{count / 1024:.0f} KiB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MiB"


def print_summary(args: argparse.Namespace, result) -> None:
    """What was read and written, in the same lines for `build` and `bundle`."""
    print_diagnostics(result.diagnostics)
    repairs = Counter(r.kind for report in result.reports for r in report.ingested.repairs)
    for report in result.reports:
        meta = report.metadata
        print(f"report  {report.source.path}: {meta.region} {meta.year} "
              f"({len(report.ingested.blocks)} paragraphs, {len(report.ingested.repairs)} repairs)")
    print("repairs " + ", ".join(f"{kind} {n}" for kind, n in sorted(repairs.items())))
    print(f"pages   {len(result.pages)} written to {args.docs}/")
    print(f"warnings {len(result.diagnostics)} in reports, {len(result.site_warnings)} from MkDocs")
    if result.links:
        print(f"links   {result.links.links} checked in {result.links.pages} pages, "
              f"{len(result.links.problems)} broken, {len(result.links.external)} external")
        print(f"search  index {size(result.search_index_bytes)}")
    timing = f"generator {result.timings['generator']:.2f}s"
    if "mkdocs" in result.timings:
        timing += f", mkdocs {result.timings['mkdocs']:.2f}s"
    stages = ("read", "compare", "render", "search", "links")
    timing += " (" + ", ".join(f"{k} {result.timings[k]:.2f}s" for k in stages if k in result.timings) + ")"
    print(f"time    {timing}; {result.cached} of {len(result.reports)} report(s) read from the cache")


def config_missing(config: Path) -> bool:
    if config.exists():
        return False
    print(f"{config}: error: no MkDocs configuration here "
          "(run from the project folder or pass --config)", file=sys.stderr)
    return True


def run_build(args: argparse.Namespace) -> int:
    from generator.pipeline import build

    if config_missing(args.config):
        return 2
    with exclusive(args.docs, "build"):
        result = build(args.seeds, args.docs, args.site, args.config, strict=args.strict,
                       with_site=not args.no_site, site_url=args.site_url)
    print_summary(args, result)
    if not args.no_site:
        print(f"site    {args.site}/")
    return 0


def run_bundle(args: argparse.Namespace) -> int:
    from generator.pipeline import bundle

    if config_missing(args.config):
        return 2
    with exclusive(args.docs, "bundle"):
        result = bundle(args.seeds, args.docs, args.dist, args.config, strict=args.strict, place=args.region)
    print_summary(args, result)
    print(f"bundle  {result.bundle}: {size(result.bundle.stat().st_size)} zipped, "
          f"{size(result.bundle_unpacked_bytes)} in {result.bundle_files} files unpacked")
    return 0


def run_extract(args: argparse.Namespace) -> int:
    import csv
    import json

    from generator.extract import COLUMNS, figure_row
    from generator.pipeline import extract_file

    if args.out or args.scheduler or len(args.file) > 1 or args.file[0].is_dir():
        return run_dataset(args)
    report, figures = extract_file(args.file[0], str(args.file[0]))
    print_diagnostics(report.ingested.diagnostics)
    rows = [figure_row(f) for f in figures]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        writer = csv.DictWriter(sys.stdout, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return 0


def print_filing(filing) -> None:
    """What `add` found: metadata, parts, figures, headline indicators."""
    from generator.render.figures import summary

    report, meta = filing.report, filing.report.metadata
    from generator.regions import counties_named

    where = " ".join(filter(None, [meta.province, meta.city, meta.region]))
    if meta.code:
        note = f" ({meta.code})"
    elif len(counties_named(meta.region)) > 1:
        note = (f" ({len(counties_named(meta.region))} counties have this name: "
                "add city or code to the .meta.yml after filing)")
    else:
        note = " (not in the GB/T 2260 table)"
    print(f"region  {where}{note}")
    print(f"year    {meta.year} (reviews {meta.review_year})" +
          (f", meeting {meta.meeting_date}" if meta.meeting_date else "") +
          (f", {meta.speaker_title} {meta.speaker}" if meta.speaker else ""))
    parts = [p.title or "（开篇）" for p in report.tree.children]
    print(f"parts   {len(parts)}: " + " / ".join(parts))
    catalogue_figures = [f for f in filing.figures if f.indicator]
    print(f"figures {len(filing.figures)}, {len(catalogue_figures)} of catalogue indicators")
    for row in filing.heads:
        result = summary(row.result) if row.result else "—"
        target = summary(row.target) if row.target else "—"
        print(f"  {row.indicator.name}: {meta.review_year} {result} · {meta.year} 目标 {target}")
    print_diagnostics(report.ingested.diagnostics)
    print(f"warnings {len(report.ingested.diagnostics)}")


def run_add(args: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from generator.add import plan_filing, write_filing

    # a dry run writes nothing; a filing is planned and written under the lock, so no other
    # add can file the same region and year in between
    with nullcontext() if args.dry_run else exclusive(args.seeds, "add"):
        filing = plan_filing(args.file, args.seeds, region=args.region, year=args.year,
                             replace_existing=args.replace)
        print_filing(filing)
        for old in filing.replaces:
            print(f"replace {old}")
        if args.dry_run:
            print(f"would file {filing.target} (dry run: nothing written)")
            return 0
        write_filing(filing, args.file)
    print(f"filed   {filing.target}, with {filing.meta_path.name} and {filing.errata_path.name}")
    print("next    check the .meta.yml, then run `report-site build`")
    return 0


def run_dataset(args: argparse.Namespace) -> int:
    from generator.dataset import extract_dataset

    if args.workers is not None and args.workers < 1:
        print(f"error: --workers {args.workers} is not a number of processes (give 1 or more)", file=sys.stderr)
        return 2
    counts = extract_dataset(args.file, args.out, workers=args.workers, scheduler=args.scheduler,
                             say=lambda line: print(line, file=sys.stderr))
    where = f" → {args.out}" if args.out else ""
    print(f"dataset  {counts['files']} files, {counts['figures']} figures, {counts['skipped']} skipped{where}",
          file=sys.stderr)
    return 0 if counts["skipped"] < counts["files"] else 1


def run_verify(args: argparse.Namespace) -> int:
    from generator.verify import verify

    problems, counts = verify(args.site, args.seeds)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{args.site}: error: {len(problems)} problem(s): the site is not the one its manifest describes",
              file=sys.stderr)
        return 1
    checked = f"{counts['files']} files unaltered, {counts['anchors']} paragraph anchors found"
    if "seeds" in counts:
        checked += f", {counts['sentences']} sentences of {counts['seeds']} reports on their pages"
    print(f"verified {args.site}: {checked}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command == "build":
            return run_build(args)
        if args.command == "bundle":
            return run_bundle(args)
        if args.command == "extract":
            return run_extract(args)
        if args.command == "add":
            return run_add(args)
        if args.command == "verify":
            return run_verify(args)
    except GeneratorError as err:
        if args.debug:
            traceback.print_exc()
        print(str(err), file=sys.stderr)
        return 1
    except OSError as err:  # a folder that cannot be written, a disk that is full
        if args.debug:
            traceback.print_exc()
        where = f"{err.filename}: " if err.filename else ""
        print(f"{where}error: {err.strerror or err} (check the path and its permissions)", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `report-site extract … | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 2
