"""Command line: arguments, printing, exit codes. The only place that exits."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections import Counter
from pathlib import Path

from generator.diagnostics import GeneratorError

# Beyond this many warnings of one kind, the rest are summarised in one line.
SHOWN_PER_CODE = 5


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="report-site",
        description="Build a searchable static site from Chinese government work reports.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="generate docs/ from seeds/ and build site/")
    build.add_argument("--seeds", type=Path, default=Path("seeds"), help="report folder")
    build.add_argument("--docs", type=Path, default=Path("docs"), help="generated pages")
    build.add_argument("--site", type=Path, default=Path("site"), help="built site")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config")
    build.add_argument("--strict", action="store_true", help="treat report warnings as fatal")
    build.add_argument("--no-site", action="store_true", help="generate docs/ only")
    # Also accepted after the command; SUPPRESS keeps the subparser from resetting a
    # `--debug` given before it.
    build.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="show tracebacks")
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


def run_build(args: argparse.Namespace) -> int:
    from generator.pipeline import build

    if not args.config.exists():
        print(f"{args.config}: error: no MkDocs configuration here "
              "(run from the project folder or pass --config)", file=sys.stderr)
        return 2
    result = build(args.seeds, args.docs, args.site, args.config, strict=args.strict,
                   with_site=not args.no_site)
    print_diagnostics(result.diagnostics)
    repairs = Counter(r.kind for report in result.reports for r in report.ingested.repairs)
    for report in result.reports:
        meta = report.metadata
        print(f"report  {report.source.path}: {meta.region} {meta.year} "
              f"({len(report.ingested.blocks)} paragraphs, {len(report.ingested.repairs)} repairs)")
    print("repairs " + ", ".join(f"{kind} {n}" for kind, n in sorted(repairs.items())))
    print(f"pages   {len(result.pages)} written to {args.docs}/")
    print(f"warnings {len(result.diagnostics)} in reports, {len(result.site_warnings)} from MkDocs")
    timing = f"generator {result.timings['generator']:.2f}s"
    if "mkdocs" in result.timings:
        timing += f", mkdocs {result.timings['mkdocs']:.2f}s"
        print(f"site    {args.site}/")
    print(f"time    {timing}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command == "build":
            return run_build(args)
    except GeneratorError as err:
        if args.debug:
            traceback.print_exc()
        print(str(err), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 2
