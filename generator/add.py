"""`report-site add`: file a report into seeds/ the way the build reads it.

The file is read exactly as `build` reads it (same decoding, ingest, parse, extraction);
region and year come from the text unless given. It is then copied byte for byte to
seeds/<province>/<city>/<county>/<year>.txt beside a .meta.yml of what was detected and an
errata template. Everything is checked before anything is written: a bad file, an unknown
region or year, or a second report for the same region and year (without --replace)
writes nothing. The input file is never modified.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.diagnostics import InputError
from generator.extract import extract_report
from generator.ingest import find_reports, ingest_text
from generator.ingest.decode import read_source, sidecar_paths
from generator.model import Figure, Report
from generator.naming import region_dir, region_key
from generator.render.figures import HeadlineRow, headline

# A region name is a place name: Chinese characters, perhaps a middle dot; never a path.
REGION_NAME = re.compile(r"^[\u3400-\u9fff·]{1,20}$")
FIRST_YEAR, LAST_YEAR = 1949, 2100

ERRATA_TEMPLATE = """\
# Corrections a person confirmed against the printed report, applied at every build and
# shown on the report's data-quality page. Never edit the report file itself.
# Each entry: find (exact text), replace, reason, and optionally line (the source line).
#
# - line: 91
#   find: "1 7 亿公斤"
#   replace: "1.7 亿公斤"
#   reason: "OCR dropped the decimal point; the printed page reads 1.7"
"""


@dataclass
class Filing:
    """What `add` found in a file, and where it would go."""

    report: Report
    figures: list[Figure]
    heads: list[HeadlineRow]
    target: Path  # the report's new path under seeds/
    replaces: list[Path] = field(default_factory=list)  # an existing report (and sidecars) to remove

    @property
    def meta_path(self) -> Path:
        return sidecar_paths(self.target)[0]

    @property
    def errata_path(self) -> Path:
        return sidecar_paths(self.target)[1]


def check_overrides(region: str | None, year: int | None) -> dict:
    overrides: dict = {}
    if region is not None:
        if not REGION_NAME.match(region):
            raise InputError(f"--region {region!r} is not a region name",
                             hint="give the county's Chinese name, e.g. --region 绛县")
        overrides["region"] = region
    if year is not None:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise InputError(f"--year {year} is not a report year", hint="give the year the report was delivered")
        overrides["year"] = year
    return overrides


def read_for_filing(path: Path, region: str | None, year: int | None) -> Report:
    """Ingest and parse `path` as the build does, with --region/--year over the text."""
    from generator.pipeline import read_report

    overrides = check_overrides(region, year)
    if not path.exists():
        raise InputError("no such file", file=str(path), hint="give the path of a report's text file")
    try:
        return read_report(path, str(path), overrides=overrides)
    except InputError as err:
        if not err.message.startswith("cannot tell the report's"):
            raise
        flag = "--region" if "region" in err.message else "--year"
        raise InputError(err.message, file=str(path), hint=f"pass {flag}") from None


def plan_filing(path: Path, seeds: Path, *, region: str | None = None, year: int | None = None,
                replace_existing: bool = False) -> Filing:
    """Everything `add` would do, checked; nothing written."""
    if seeds.exists() and not seeds.is_dir():
        raise InputError("is not a folder", file=str(seeds), hint="pass --seeds with the folder of report files")
    report = read_for_filing(path, region, year)
    figures = extract_report(report)
    meta = report.metadata
    target = seeds / region_dir(meta).removeprefix("regions/") / f"{meta.year}.txt"
    existing = existing_report(seeds, region_key(meta), meta.year) if seeds.is_dir() else None
    replaces: list[Path] = []
    if existing is not None:
        if not replace_existing:
            raise InputError(f"a report for {meta.region} {meta.year} is already in {seeds}: {existing}",
                             file=str(path), hint="pass --replace to replace it")
        replaces = [existing, *(p for p in sidecar_paths(existing) if p.exists())]
    elif target.exists():  # another region's report where this one would go: never overwritten
        raise InputError(f"{target} already holds another report", file=str(path),
                         hint="give the report its 'code' in a .meta.yml beside it, then add it again")
    if path.resolve() == target.resolve():
        raise InputError("the file is already where add would put it", file=str(path),
                         hint="run `report-site build`")
    return Filing(report, figures, headline(report, figures), target, replaces)


def existing_report(seeds: Path, key: str, year: int) -> Path | None:
    """The report in seeds/ for this region and year, if there is one."""
    try:
        paths = find_reports(seeds)
    except InputError:  # an empty seeds folder holds no report yet
        return None
    for path in paths:
        try:
            ingested = ingest_text(read_source(path, str(path)))
        except InputError:
            continue  # a broken seed is the build's to report, not add's
        if region_key(ingested.metadata) == key and ingested.metadata.year == year:
            return path
    return None


def meta_text(report: Report) -> str:
    """The .meta.yml of a filed report: what was detected, and whatever the input's own
    .meta.yml said, for a person to check."""
    meta = report.metadata
    fields = {"region": meta.region, "year": meta.year, "province": meta.province, "city": meta.city,
              "code": meta.code}
    fields |= {k: v for k, v in report.source.sidecar.items() if k not in fields}
    body = yaml.safe_dump({k: v for k, v in fields.items() if v}, allow_unicode=True, sort_keys=False)
    return ("# Detected by `report-site add` from the report's text and the GB/T 2260 table.\n"
            "# Check these; a value here overrides the text. Add source_url if you have it.\n" + body)


def write_filing(filing: Filing, source: Path) -> None:
    """Copy the report byte for byte with its sidecars, then remove what it replaces.

    Errata a person confirmed beside the input come along (their lines fit the same bytes);
    else an existing errata file stays, else a template is written."""
    data = source.read_bytes()
    errata = sidecar_paths(source)[1]
    filing.target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(filing.target, data)
    write_atomic(filing.meta_path, meta_text(filing.report).encode("utf-8"))
    if errata.is_file():
        write_atomic(filing.errata_path, errata.read_bytes())
    elif not filing.errata_path.exists():
        write_atomic(filing.errata_path, ERRATA_TEMPLATE.encode("utf-8"))
    kept = {p.resolve() for p in (filing.target, filing.meta_path, filing.errata_path)}
    for old in filing.replaces:
        if old.resolve() not in kept:
            old.unlink()


def write_atomic(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)
