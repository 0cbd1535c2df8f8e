"""Read a report file and its sidecars: bytes in, decoded lines out."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from generator.diagnostics import InputError
from generator.ingest.errata import load_errata
from generator.model import SourceText

# Tried in order. GB18030 is a superset of GBK and GB2312, so one entry covers all three.
ENCODINGS = ("utf-8-sig", "gb18030")

SIDECAR_FIELDS = {
    "region", "year", "province", "city", "code", "source_url", "speaker", "speaker_title",
    "meeting", "meeting_date", "title", "slug",
}


def sidecar_paths(path: Path) -> tuple[Path, Path]:
    """The metadata and errata files that sit beside a report: <stem>.meta.yml, <stem>.errata.yml."""
    return path.with_name(path.stem + ".meta.yml"), path.with_name(path.stem + ".errata.yml")


def decode(data: bytes, shown: str) -> tuple[str, str]:
    """Decode report bytes: UTF-8 with or without BOM, else GB18030; normalise line endings."""
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n"), encoding.replace("-sig", "")
    raise InputError("not UTF-8 or GB18030 text", file=shown,
                     hint="save the report as UTF-8 and build again")


def read_source(path: Path, shown: str) -> SourceText:
    """Read one report file with its optional sidecar metadata and errata."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the report: {err.strerror}", file=shown) from None
    text, encoding = decode(data, shown)
    if "\x00" in text:
        raise InputError("contains NUL bytes, so it is not a text report", file=shown,
                         hint="remove the file from seeds/ or replace it with the report text")
    meta_path, errata_path = sidecar_paths(path)
    lines = tuple(text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return SourceText(
        path=shown,
        lines=lines,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        sidecar=load_sidecar(meta_path, shown_beside(shown, meta_path)),
        errata=load_errata(errata_path, shown_beside(shown, errata_path)),
    )


def shown_beside(shown: str, sidecar: Path) -> str:
    return str(Path(shown).with_name(sidecar.name))


def load_sidecar(path: Path, shown: str) -> dict:
    """Optional metadata that adds to or overrides what the text says."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        line = getattr(getattr(err, "problem_mark", None), "line", -1) + 1
        raise InputError("invalid YAML", file=shown, line=line,
                         hint="fix the metadata file's syntax") from None
    if not isinstance(data, dict):
        raise InputError("expected a mapping of field: value", file=shown)
    unknown = sorted(set(data) - SIDECAR_FIELDS)
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r}", file=shown,
                         hint="known fields: " + ", ".join(sorted(SIDECAR_FIELDS)))
    return {key: ("" if value is None else value) for key, value in data.items()}
