"""Read a report file and its sidecars: bytes in, decoded lines out."""

from __future__ import annotations

import hashlib
import re
from datetime import date
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
    unknown = sorted(set(data) - SIDECAR_FIELDS, key=str)
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r}", file=shown,
                         hint="known fields: " + ", ".join(sorted(SIDECAR_FIELDS)))
    lines = key_lines(path.read_text(encoding="utf-8"))
    fields = {key: ("" if value is None else value) for key, value in data.items()}
    for key, value in fields.items():
        if problem := sidecar_problem(key, value):
            raise InputError(f"{key}: {problem}", file=shown, line=lines.get(key, 0),
                             hint=SIDECAR_HINTS.get(key, "write it as plain text"))
    return {key: (str(value) if key != "year" or value == "" else int(value)) for key, value in fields.items()}


# What each sidecar field must look like: outside input, checked before anything reads it.
SIDECAR_HINTS = {
    "year": "write the year the report was delivered, e.g. year: 2024",
    "code": "write the 6-digit GB/T 2260 code in quotes, e.g. code: \"140826\"",
    "meeting_date": "write it as YYYY-MM-DD, e.g. meeting_date: 2024-01-18",
    "region": "write the county's Chinese name, e.g. region: 绛县",
}


def sidecar_problem(key: str, value) -> str:
    """Why a sidecar value cannot be used, or "" if it can."""
    if isinstance(value, (list, dict)):
        return "a list or mapping where a single value belongs"
    text = str(value)
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        return "contains control characters"
    if key == "year" and value != "" and not (re.fullmatch(r"\d{4}", text) and 1949 <= int(text) <= 2100):
        return f"{text!r} is not a year"
    if key == "code" and text and not re.fullmatch(r"\d{6}", text):
        return f"{text!r} is not a 6-digit code"
    if key == "meeting_date" and text:
        try:
            date.fromisoformat(text)
        except ValueError:
            return f"{text!r} is not a date"
    if key in ("region", "province", "city") and re.search(r"[<>/\\&\"`|*#\[\]]", text):
        return f"{text!r} is not a place name"
    if len(text) > 500:
        return "longer than 500 characters"
    return ""


def key_lines(text: str) -> dict[str, int]:
    """The line each top-level key of a YAML mapping stands on."""
    node = yaml.compose(text)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
