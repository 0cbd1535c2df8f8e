"""Runs the stages in order: ingest → parse → extract → render → write → site (→ bundle).
No logic of its own."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from generator import search
from generator.bundle import USAGE_FILE, bundle_name, usage_text, write_zip
from generator.compare import Comparison, ReportWords, compare, report_words
from generator.diagnostics import Diagnostic, GeneratorError, InputError, LostTextError, SiteError
from generator.extract import extract_report
from generator.forked import forked_map
from generator.ingest import find_reports, ingest_text
from generator.ingest.decode import read_source
from generator.linkcheck import LinkReport, check_site
from generator.model import Figure, Report
from generator.naming import region_key, report_dir, report_slug
from generator.parse import parse_report
from generator.render import render_site
from generator.site import build_site
from generator.verify import write_manifest
from generator.write import publish_docs, publish_site, stage_docs


@dataclass
class BuildResult:
    reports: list[Report]
    pages: dict[str, str]
    diagnostics: list[Diagnostic]
    figures: dict[str, list[Figure]] = field(default_factory=dict)  # report slug → its figures
    comparison: Comparison | None = None
    site_warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    links: LinkReport | None = None
    search_index_bytes: int = 0
    cached: int = 0  # reports read from the cache (generator/cache.py), not from their files
    bundle: Path | None = None  # the zip, for `bundle`
    bundle_files: int = 0
    bundle_unpacked_bytes: int = 0


def shown_path(path: Path, seeds: Path) -> str:
    """A report's path as people see it: from the seeds folder's name down
    (`seeds/shanxi/yuncheng/jiangxian/2023.txt`), wherever that folder is, so pages do not depend
    on where the build ran."""
    # not resolved: a report that is a link shows its own name, wherever the link points
    return (Path(seeds.resolve().name) / path.absolute().relative_to(seeds.absolute())).as_posix()


def read_report(path: Path, shown: str, lenient: bool = False, overrides: dict | None = None) -> Report:
    """ingest → parse for one report file; `overrides` (add's --region, --year) stand over
    its text and sidecar."""
    source = read_source(path, shown)
    if overrides:
        source = replace(source, sidecar={**source.sidecar, **overrides})
    ingested = ingest_text(source, lenient)
    slug = report_slug(ingested.metadata, ingested.source.sidecar)
    return Report(slug, ingested, parse_report(ingested, slug), report_dir(ingested.metadata))


def extract_file(path: Path | str, shown: str | None = None) -> tuple[Report, list[Figure]]:
    """ingest → parse → extract for one report file, any name, anywhere: the file name and
    the text's years stand in for metadata it lacks."""
    report = read_report(Path(path), shown or str(path), lenient=True)
    return report, extract_report(report)


def _read_extract(job: tuple[str, str]):
    """One report file read and extracted, with what the words' comparisons read in it alone
    (the segmenter's work, done once per report), in a worker: the result, or the error's
    fields (an error with keyword fields does not survive pickling whole)."""
    path, shown = job
    try:
        report = read_report(Path(path), shown)
        return "ok", (report, extract_report(report), report_words(report))
    except GeneratorError as err:
        return "error", (type(err).__name__, err.message, err.file, err.line, err.hint)


ERRORS = {cls.__name__: cls for cls in (GeneratorError, InputError, LostTextError, SiteError)}


def read_reports(seeds: Path, workers: int | None = None) -> tuple[list[Report], dict[str, list[Figure]],
                                                                  dict[str, ReportWords], int]:
    """ingest → parse → extract of every report in `seeds`: from the cache where the file,
    its sidecars and the code are unchanged, the others on forked processes (independent
    reports, one at a time each). Returns the reports, their figures and their words by slug,
    and how many came from the cache. The first unreadable file, in file order, stops the build."""
    from generator import cache

    jobs = [(path, shown_path(path, seeds)) for path in find_reports(seeds)]
    keys = [cache.report_key(path, shown) for path, shown in jobs]
    done = [cache.load("reports", key) for key in keys]
    todo = [n for n, got in enumerate(done) if got is None]
    # on forked processes, even for one report, while this process waits: the segmenter's
    # dictionaries (190 MB) then never load in the process that goes on to build the site
    outcomes = forked_map(_read_extract, [(str(jobs[n][0]), jobs[n][1]) for n in todo], least=1, here=False,
                          processes=workers)
    for n, (status, value) in zip(todo, outcomes, strict=True):
        if status == "error":
            kind, message, file, line, hint = value
            raise ERRORS.get(kind, GeneratorError)(message, file=file, line=line, hint=hint)
        done[n] = value
        cache.store("reports", keys[n], value)
    reports = [report for report, _, _ in done]
    check_distinct(reports)
    figures = {report.slug: found for report, found, _ in done}
    words = {report.slug: own for report, _, own in done}
    return sorted(reports, key=lambda r: r.folder), figures, words, len(jobs) - len(todo)


def load_reports(seeds: Path) -> list[Report]:
    reports: list[Report] = []
    for path in find_reports(seeds):
        reports.append(read_report(path, shown_path(path, seeds)))
    check_distinct(reports)
    # by place and year, not by file name: where a file sits in seeds/ changes no page
    return sorted(reports, key=lambda r: r.folder)


def check_distinct(reports: list[Report]) -> None:
    """One report per region and year; distinct regions never share a name on the site."""
    seen: dict[tuple, Report] = {}
    for report in reports:
        meta = report.metadata
        for key, problem, hint in (
                ((region_key(meta), meta.year), f"a second report for {meta.region} {meta.year}",
                 "remove one, or replace it with `report-site add FILE --replace`"),
                (("slug", report.slug), f"two regions named {report.slug}",
                 "give one its 'code' (GB/T 2260), 'city' or a 'slug' in its .meta.yml"),
                (("folder", report.folder), f"two regions at {report.folder}",
                 "give one its 'code' (GB/T 2260) or 'city' in its .meta.yml")):
            if key in seen:
                raise InputError(f"{problem} (the first is {seen[key].source.path})",
                                 file=report.source.path, hint=hint)
            seen[key] = report
        # two regions must never share a folder, whatever their years (测试县, 策试县: ceshixian)
        folder = report.folder.rsplit("/", 1)[0]
        other = seen.setdefault(("region folder", folder), report)
        if region_key(other.metadata) != region_key(meta):
            raise InputError(f"{meta.region} and {other.metadata.region} would share the pages at {folder}",
                             file=report.source.path, hint="give each its 'code' (GB/T 2260) in its .meta.yml")


def build_epoch(reports: list[Report]) -> int:
    """The newest meeting date stands in for "now", so builds are reproducible."""
    days = [date.fromisoformat(r.metadata.meeting_date) if r.metadata.meeting_date
            else date(r.metadata.year, 1, 1) for r in reports]
    newest = max(days)
    # within what zip (from 1980) and gzip (32 bits) can store: a report of 1950 still builds
    return min(max(int(datetime(newest.year, newest.month, newest.day, tzinfo=UTC).timestamp()), 315532800),
               2**32 - 1)


def generate(seeds: Path, strict: bool, place: str = "") -> BuildResult:
    """Ingest, parse and render every report (or those of one `place`): the pages, not yet
    written anywhere."""
    started = time.perf_counter()
    reports, figures, words, cached = read_reports(seeds)
    if place:
        reports = reports_of_place(reports, place, seeds)
        figures = {r.slug: figures[r.slug] for r in reports}
    diagnostics = [d for r in reports for d in r.ingested.diagnostics]
    if strict and diagnostics:
        first = diagnostics[0]
        raise InputError(f"{first.name}: {first.message} ({len(diagnostics)} warning(s) in all)",
                         file=first.file, line=first.line,
                         hint=f"{first.hint}; or build without --strict")
    compared = time.perf_counter()
    comparison = compare(reports, figures, words=words)
    result = BuildResult(reports, {}, diagnostics, figures=figures, comparison=comparison, cached=cached)
    rendered = time.perf_counter()
    result.pages = render_site(reports, figures, comparison)
    done = time.perf_counter()
    result.timings.update({"read": compared - started,
                           "compare": rendered - compared, "render": done - rendered, "generator": done - started})
    return result


def reports_of_place(reports: list[Report], place: str, seeds: Path) -> list[Report]:
    """The reports of a county, a city or a province, named as the reports name it (绛县,
    运城市, 山西省) or by its code; a name no report has is an error listing the names."""
    wanted = place.strip()
    mine = [r for r in reports if wanted and wanted in (r.metadata.region, r.metadata.city, r.metadata.province,
                                                        r.metadata.code)]
    if not mine:
        names = sorted({n for r in reports for n in (r.metadata.region, r.metadata.city) if n})
        shown = "、".join(names[:12]) + ("…" if len(names) > 12 else "")
        raise InputError(f"no report in {seeds} is of the place {place!r}",
                         hint=f"name a county or city as the reports do: {shown or 'no reports'}")
    return mine


# Built files the offline bundle leaves out: a sitemap lists no addresses without a
# site_url; the 404 page's root-absolute paths point at the disk's root from file://;
# source maps serve only developer tools and would be 40% of the bundle.
OFFLINE_UNUSED = ("404.html", "sitemap.xml*", "**/*.map")


def build_checked_site(result: BuildResult, config: Path, docs: Path, site: Path, *,
                       offline: bool, site_url: str | None = None, extra: dict[str, str] | None = None) -> None:
    """MkDocs builds `site` from the staged `docs`; `extra` files are added to it (the bundle's
    使用说明), the manifest of it all is written, then every link in it is checked."""
    started = time.perf_counter()
    search.LAST.clear()  # filled by the hooks during this build (a config without them leaves it empty)
    result.site_warnings, used_url = build_site(config, docs, site, build_epoch(result.reports),
                                                site_url)
    result.timings["mkdocs"] = time.perf_counter() - started
    result.timings["search"] = search.LAST.get("seconds", 0.0)  # within MkDocs' time: its hooks build it
    for pattern in OFFLINE_UNUSED if offline else ():
        for unused in site.glob(pattern):
            unused.unlink()
    for name, text in (extra or {}).items():
        (site / name).write_text(text, encoding="utf-8", newline="")
    write_manifest(site, result.reports)
    base_path = urlsplit(used_url).path or "/"
    checked = time.perf_counter()
    result.links = check_site(site, offline=offline, base_path=base_path)
    result.timings["links"] = time.perf_counter() - checked
    if result.links.problems:
        raise SiteError(f"{len(result.links.problems)} broken link(s) in the built site, "
                        f"the first: {result.links.problems[0]}", file=str(config),
                        hint="a generator template writes a wrong link; the site was not replaced")
    result.search_index_bytes = search.LAST.get("bytes", 0)


def staging(path: Path) -> Path:
    return path.parent / f".{path.name}.staging"


def check_outputs(seeds: Path, **outputs: Path) -> None:
    """No output folder may be, hold or sit inside the seeds or another output: a build
    replaces its outputs whole (--site seeds would have put the site in place of the reports)."""
    places = {"seeds": seeds.resolve(), **{name: path.resolve() for name, path in outputs.items()}}
    names = list(places)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if places[a].is_relative_to(places[b]) or places[b].is_relative_to(places[a]):
                raise InputError(f"--{b} and --{a} overlap ({places[b]} and {places[a]})",
                                 file=str(outputs.get(b, seeds)),
                                 hint="give the site, docs and dist folders of their own, apart from the reports")
    for name, path in outputs.items():
        if path.exists() and not path.is_dir():
            raise InputError(f"--{name} is a file, not a folder", file=str(path), hint="give a folder")


def build(seeds: Path, docs: Path, site: Path, config: Path, *, strict: bool = False,
          with_site: bool = True, site_url: str | None = None) -> BuildResult:
    check_outputs(seeds, docs=docs, **({"site": site} if with_site else {}))
    result = generate(seeds, strict)
    stage_docs(result.pages, docs, staging(docs))
    if with_site:
        build_checked_site(result, config, staging(docs), staging(site), offline=False,
                           site_url=site_url)
    publish_docs(result.pages, docs)
    if with_site:
        publish_site(staging(site), site)
    return result


def bundle(seeds: Path, docs: Path, dist: Path, config: Path, *,
           strict: bool = False, place: str = "") -> BuildResult:
    """The offline variant of the site, zipped into `dist/` with a 使用说明 at its root; with
    `place`, of that county's (city's, province's) reports only."""
    check_outputs(seeds, docs=docs, dist=dist)
    result = generate(seeds, strict, place)
    stage_docs(result.pages, docs, staging(docs))
    epoch = build_epoch(result.reports)
    name = bundle_name(result.reports, epoch, place)
    folder = staging(dist) / name
    if folder.parent.exists():
        shutil.rmtree(folder.parent)
    build_checked_site(result, config, staging(docs), folder, offline=True,
                       extra={USAGE_FILE: usage_text(result.reports, name, epoch)})
    files = [p for p in folder.rglob("*") if p.is_file()]
    result.bundle_files = len(files)
    result.bundle_unpacked_bytes = sum(p.stat().st_size for p in files)
    partial = staging(dist) / f"{name}.zip"
    write_zip(folder, partial, name, epoch)
    if not place:  # docs/ stays the whole site's: a bundle of one place leaves it as it was
        publish_docs(result.pages, docs)
    dist.mkdir(parents=True, exist_ok=True)
    result.bundle = dist / f"{name}.zip"
    partial.replace(result.bundle)
    shutil.rmtree(staging(dist))
    return result
