"""Runs the stages in order: ingest → parse → render → write → site. No logic of its own."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from generator.diagnostics import Diagnostic, InputError
from generator.ingest import find_reports, ingest_file
from generator.model import Report
from generator.naming import report_slug
from generator.parse import parse_report
from generator.render import render_site
from generator.site import build_site
from generator.write import publish_docs, publish_site, stage_docs


@dataclass
class BuildResult:
    reports: list[Report]
    pages: dict[str, str]
    diagnostics: list[Diagnostic]
    site_warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def shown_path(path: Path) -> str:
    """A report's path as people see it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_reports(seeds: Path) -> list[Report]:
    reports: list[Report] = []
    seen: dict[str, str] = {}
    for path in find_reports(seeds):
        shown = shown_path(path)
        ingested = ingest_file(path, shown)
        slug = report_slug(ingested.metadata, ingested.source.sidecar)
        if slug in seen:
            raise InputError(f"a second report for {ingested.metadata.region} "
                             f"{ingested.metadata.year} (the first is {seen[slug]})", file=shown,
                             hint="remove one, or give one a 'slug' in its .meta.yml")
        seen[slug] = shown
        reports.append(Report(slug, ingested, parse_report(ingested, slug)))
    return reports


def build_epoch(reports: list[Report]) -> int:
    """The newest meeting date stands in for "now", so builds are reproducible."""
    days = [date.fromisoformat(r.metadata.meeting_date) if r.metadata.meeting_date
            else date(r.metadata.year, 1, 1) for r in reports]
    newest = max(days)
    return int(datetime(newest.year, newest.month, newest.day, tzinfo=UTC).timestamp())


def build(seeds: Path, docs: Path, site: Path, config: Path, *, strict: bool = False,
          with_site: bool = True) -> BuildResult:
    started = time.perf_counter()
    reports = load_reports(seeds)
    diagnostics = [d for r in reports for d in r.ingested.diagnostics]
    if strict and diagnostics:
        first = diagnostics[0]
        raise InputError(f"{first.name}: {first.message} ({len(diagnostics)} warning(s) in all)",
                         file=first.file, line=first.line,
                         hint=f"{first.hint}; or build without --strict")
    pages = render_site(reports)
    result = BuildResult(reports, pages, diagnostics)
    result.timings["generator"] = time.perf_counter() - started
    staged_docs = docs.parent / f".{docs.name}.staging"
    staged_site = site.parent / f".{site.name}.staging"
    stage_docs(pages, docs, staged_docs)
    if with_site:
        started = time.perf_counter()
        result.site_warnings = build_site(config, staged_docs, staged_site, build_epoch(reports))
        result.timings["mkdocs"] = time.perf_counter() - started
    publish_docs(pages, docs)
    if with_site:
        publish_site(staged_site, site)
    return result
