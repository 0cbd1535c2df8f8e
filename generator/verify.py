"""A site anyone can check: every build writes `downloads/manifest.json` (each file's SHA-256,
the seeds' SHA-256s, the generator's version), and `report-site verify` checks a built site
or bundle against it: every file present and unaltered, every figure's anchor on its page,
and, given the seeds, every sentence of every report on its pages."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

from generator import __version__
from generator.diagnostics import GeneratorError
from generator.model import Report

MANIFEST = "downloads/manifest.json"
# A bundle of 200 reports is about 3,000 files and 250 MiB unpacked; past these, it is no bundle
MAX_MEMBERS, MAX_UNPACKED = 200_000, 4 * 2**30
# Downloads whose rows point at a paragraph: (file, column holding "page#anchor" or the anchor)
ANCHORED = (("downloads/indicators.csv", "anchor"), ("downloads/topics.csv", "anchor"),
            ("downloads/commitments.csv", "anchor"))


def sha256(path: Path) -> str:
    with open(path, "rb") as f:  # streamed: a large file is not read whole
        return hashlib.file_digest(f, "sha256").hexdigest()


def write_manifest(site: Path, reports: list[Report]) -> None:
    """The manifest of a built site: written last, so it covers every other file."""
    files = {p.relative_to(site).as_posix(): sha256(p) for p in sorted(site.rglob("*"))
             if p.is_file() and p.relative_to(site).as_posix() != MANIFEST}
    seeds = [{"path": r.source.path, "sha256": r.source.sha256, "region": r.metadata.region,
              "year": r.metadata.year, "folder": r.folder} for r in sorted(reports, key=lambda r: r.folder)]
    manifest = {"format": 1, "generator": f"report-site {__version__}", "seeds": seeds, "files": files}
    target = site / MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")


@contextmanager
def opened(path: Path) -> Iterator[Path]:
    """The site's root folder: `path` itself, or the folder a bundle's zip unpacks to."""
    if path.is_dir():
        yield path
        return
    if not zipfile.is_zipfile(path):
        raise GeneratorError("neither a built site's folder nor a bundle's zip", file=str(path),
                             hint="pass the site/ folder or the .zip that `report-site bundle` wrote")
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        unpacked = sum(member.file_size for member in members)
        if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED:  # a zip bomb is not a bundle
            raise GeneratorError(f"unpacks to {len(members)} files, {unpacked / 2**20:.0f} MiB: far more than a bundle",
                                 file=str(path), hint="pass the .zip that `report-site bundle` wrote")
        for member in members:
            target = (Path(tmp) / member.filename).resolve()
            if not target.is_relative_to(Path(tmp).resolve()):
                raise GeneratorError(f"the zip holds a path outside itself: {member.filename}", file=str(path))
        archive.extractall(tmp)
        found = sorted(Path(tmp).glob(f"*/{MANIFEST}")) or sorted(Path(tmp).glob(MANIFEST))
        yield found[0].parent.parent if found else Path(tmp)


def verify(path: Path, seeds: Path | None = None) -> tuple[list[str], dict[str, int]]:
    """(one line per problem, counts of what was checked) for a site folder or bundle zip; a
    site or zip too damaged to read is one problem, not a crash."""
    try:
        return _verify(path, seeds)
    except (UnicodeDecodeError, zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError,
            RuntimeError, ValueError, TypeError, KeyError, AttributeError) as err:
        return [f"{path}: cannot be read as a built site ({type(err).__name__}: {str(err)[:120]}): "
                "altered or damaged"], {}


def _verify(path: Path, seeds: Path | None = None) -> tuple[list[str], dict[str, int]]:
    with opened(path) as site:
        manifest_file = site / MANIFEST
        if not manifest_file.exists():
            return [f"{path}: no {MANIFEST} (not built by report-site, or the manifest was removed)"], {}
        try:
            manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
            files, listed_seeds = dict(manifest["files"]), list(manifest["seeds"])
        except (ValueError, KeyError, TypeError):
            return [f"{MANIFEST}: not a manifest report-site can read (altered?)"], {}
        problems = check_files(site, files)
        anchors, anchor_problems = check_anchors(site)
        problems += anchor_problems
        counts = {"files": len(files), "anchors": anchors}
        if seeds is not None:
            seed_problems, counts["seeds"], counts["sentences"] = check_seeds(site, seeds, listed_seeds)
            problems += seed_problems
    return problems, counts


def check_files(site: Path, files: dict[str, str]) -> list[str]:
    problems = []
    for name, digest in sorted(files.items()):
        if not isinstance(name, str) or name.startswith("/") or ".." in Path(name).parts:
            problems.append(f"{MANIFEST}: lists {name!r}, a path outside the site (altered?)")
            continue
        path = site / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif sha256(path) != digest:
            problems.append(f"{name}: altered since the build (its SHA-256 is not the manifest's)")
    present = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    problems += [f"{name}: not in the manifest (added after the build)"
                 for name in sorted(present - set(files) - {MANIFEST})]
    return problems


def page_file(site: Path, page: str) -> Path | None:
    """The HTML file of a docs page (regions/…/part-1.md): hosted or offline URL style."""
    stem = page.removesuffix(".md")
    for candidate in (site / stem / "index.html", site / f"{stem}.html"):
        if candidate.is_file():
            return candidate
    return None


def check_anchors(site: Path) -> tuple[int, list[str]]:
    """Every row of a download that points at a paragraph: its page holds that anchor."""
    problems, checked, ids = [], 0, {}
    for name, column in ANCHORED:
        table = site / name
        if not table.is_file():
            continue
        with open(table, encoding="utf-8", newline="") as f:
            for number, row in enumerate(csv.DictReader(f), 2):
                page, _, anchor = (row.get(column) or "").partition("#")
                if not anchor:  # indicators.csv: page and anchor in two columns
                    page, anchor = row.get("page", ""), row.get(column, "")
                if not page or not anchor:
                    continue
                checked += 1
                html = page_file(site, page)
                if html is None:
                    problems.append(f"{name}:{number}: page {page} is not in the site")
                    continue
                if html not in ids:
                    ids[html] = set(re.findall(r'\bid="([^"]+)"', html.read_text(encoding="utf-8")))
                if anchor not in ids[html]:
                    problems.append(f"{name}:{number}: #{anchor} is not on {html.relative_to(site).as_posix()}")
    return checked, problems


class _Article(HTMLParser):
    """The visible text of a page's article, as a reader sees it."""

    def __init__(self):
        super().__init__()
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def article_text(html_file: Path) -> str:
    """The visible text of a built page's article (its navigation and footer left out)."""
    parser = _Article()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_seeds(site: Path, seeds: Path, listed: list[dict]) -> tuple[list[str], int, int]:
    """Each seed the manifest lists is the file it was built from, and every sentence of its
    body stands on its report's pages."""
    from generator.compare.text import sentence_texts
    from generator.ingest import find_reports
    from generator.pipeline import read_report, shown_path

    def below(shown: str) -> str:  # the path inside the seeds folder, whatever it is called
        return shown.split("/", 1)[-1]

    problems, sentences = [], 0
    on_disk = {below(shown_path(p, seeds)): p for p in find_reports(seeds)}
    for entry in listed:
        path = on_disk.get(below(entry["path"]))
        if path is None:
            problems.append(f"{entry['path']}: not in {seeds}")
            continue
        if sha256(path) != entry["sha256"]:
            problems.append(f"{entry['path']}: changed since the site was built (its SHA-256 is not the manifest's)")
            continue
        report = read_report(path, entry["path"])
        pages = sorted((site / report.folder).glob("part-*/index.html")) or sorted(
            (site / report.folder).glob("part-*.html"))
        text = "".join(squash(article_text(page)) for page in pages)
        for node in report.tree.walk():
            if node.kind != "paragraph":
                continue
            for sentence in sentence_texts(node.text):
                sentences += 1
                if squash(sentence.replace("**", "")) not in text:
                    problems.append(f"{entry['path']}:{node.line_start}: a sentence is not on the report's pages: "
                                    f"{sentence[:30]}")
    built_from = {below(e["path"]) for e in listed}
    problems += [f"{seeds / name}: a report the site was not built from" for name in sorted(set(on_disk) - built_from)]
    return problems, len(listed), sentences
