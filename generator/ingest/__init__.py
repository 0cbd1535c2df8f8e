"""Ingest: the only reader of seeds/. Source file in, clean paragraphs and metadata out.

Every change to the text is recorded as a Repair with its source line, in this order:
errata (reviewed by a person) → safe OCR repairs → page furniture → title block →
paragraph joins → duplicate passages (flagged only).
"""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import InputError
from generator.ingest.decode import read_source
from generator.ingest.duplicates import find_duplicates
from generator.ingest.errata import apply_errata
from generator.ingest.furniture import strip_furniture
from generator.ingest.joins import join_blocks
from generator.ingest.ocr import find_number_splits, repair_ocr, split_escaped_breaks
from generator.ingest.titleblock import build_metadata, lift_title_block
from generator.model import Ingested, SourceText

REPORT_SUFFIXES = (".txt", ".md")


def find_reports(seeds: Path) -> list[Path]:
    """Every report file under `seeds`, in a stable order. Sidecars are not reports."""
    if not seeds.is_dir():
        raise InputError("no such folder", file=str(seeds),
                         hint="pass --seeds with the folder that holds the report files")
    # a broken link named like a report is kept, so reading it says what is wrong with it
    paths = sorted(p for p in seeds.rglob("*")
                   if (p.is_file() or p.is_symlink() and not p.exists())
                   and p.suffix in REPORT_SUFFIXES and not p.name.startswith("."))
    if not paths:
        raise InputError("no report files (*.txt, *.md) found", file=str(seeds),
                         hint="copy a report's text into the folder")
    return paths


def ingest_text(source: SourceText, lenient: bool = False) -> Ingested:
    """Clean one report's text; never raises on noisy text, only on missing metadata
    (unless `lenient`: then the file name and the text's years stand in)."""
    lines = list(enumerate(source.lines, 1))
    lines, errata, diagnostics = apply_errata(lines, source.errata, source.path)
    lines, escaped = split_escaped_breaks(lines)
    lines, ocr = repair_ocr(lines)
    ocr = escaped + ocr
    lines, furniture = strip_furniture(lines)
    lines, found, title = lift_title_block(lines)
    metadata = build_metadata(found, source.sidecar, source.path, lenient)
    splits, split_diagnostics = find_number_splits(lines, source.path)
    blocks, joins = join_blocks(lines)
    duplicates = find_duplicates(blocks)
    repairs = sorted(list(source.repairs) + errata + ocr + furniture + title + splits + joins + duplicates,
                     key=lambda r: (r.line, r.kind))
    return Ingested(source=source, metadata=metadata, blocks=tuple(blocks),
                    repairs=tuple(repairs), diagnostics=tuple(diagnostics + split_diagnostics))


def ingest_file(path: Path, shown: str | None = None, lenient: bool = False) -> Ingested:
    return ingest_text(read_source(path, shown or str(path)), lenient)
