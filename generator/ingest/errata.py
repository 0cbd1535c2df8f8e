"""Reviewed corrections a person must make, kept beside the seed and applied with provenance.

The file `<stem>.errata.yml` is a list of entries:

    - line: 91            # optional: only this source line
      find: "1 7 亿公斤"
      replace: "1.7 亿公斤"
      reason: "OCR dropped the decimal point"
      times: 2            # optional: the places it is found in (1 if not said)

An entry that matches nothing is a warning; one that matches in more (or fewer) places than
`times` is an error: the person confirmed a correction of the places they saw.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.diagnostics import Diagnostic, InputError
from generator.model import Erratum, Repair

REQUIRED = ("find", "replace", "reason")
ERRATA_BYTES = 1024 * 1024


def yaml_error_line(err: yaml.YAMLError) -> int:
    """The line a YAML error is at: where the unclosed thing opened (a [ never closed), else
    where the parser stopped."""
    mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
    return mark.line + 1 if mark else 0


def read_yaml(text: str, shown: str):
    """A sidecar's YAML, every value as written (a string: 5:20 stays 5:20, 86.50 stays
    86.50, no stays no), with no anchors or aliases (a few hundred bytes of them can expand
    to gigabytes)."""
    try:
        if any(isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) for event in yaml.parse(text)):
            raise InputError("uses YAML anchors or aliases (& and *)", file=shown,
                             hint="write each value out in full")
        return yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as err:
        raise InputError("invalid YAML", file=shown, line=yaml_error_line(err),
                         hint="fix the file's syntax") from None


def load_errata(path: Path, shown: str) -> tuple[Erratum, ...]:
    if not path.exists():
        return ()
    if not path.is_file() or path.stat().st_size > ERRATA_BYTES:  # a pipe would be read for ever
        raise InputError("not a regular file" if not path.is_file() else "too large for an errata file",
                         file=shown, hint="an .errata.yml is a short list of reviewed corrections")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("not UTF-8", file=shown, hint="save the errata file as UTF-8") from None
    data = read_yaml(text, shown) or []
    nodes = yaml.compose(text)
    if not isinstance(data, list):
        raise InputError("expected a list of entries", file=shown,
                         hint="each entry has find, replace, reason and optionally line")
    errata = []
    for index, entry in enumerate(data):
        entry_line = nodes.value[index].start_mark.line + 1
        if not isinstance(entry, dict):
            raise InputError("entry is not a mapping", file=shown, line=entry_line)
        missing = [key for key in REQUIRED if not str(entry.get(key) or "").strip()]
        if "replace" in missing and "replace" in entry:  # an empty replacement deletes text
            missing.remove("replace")
        if missing:
            raise InputError(f"entry lacks {missing[0]!r}", file=shown, line=entry_line,
                             hint="each entry needs find, replace and reason")
        if any(mark in str(entry.get(key) or "") for key in ("find", "replace") for mark in "\r\n"):
            raise InputError("an erratum corrects text within one line: 'find' or 'replace' holds a line break",
                             file=shown, line=entry_line, hint="correct each line with an entry of its own")
        line = str(entry.get("line", "0") or "0")
        if not line.isdigit() or not line.isascii():
            raise InputError("'line' must be a positive line number", file=shown, line=entry_line)
        line = int(line)
        times = str(entry.get("times", "1"))
        if not times.isdigit() or not times.isascii() or int(times) < 1:
            raise InputError("'times' must be a count of places, 1 or more", file=shown, line=entry_line)
        times = int(times)
        errata.append(Erratum(find=str(entry["find"]), replace=str(entry["replace"] or ""),
                              reason=str(entry["reason"]), line=line, file=shown,
                              entry_line=entry_line, times=times))
    return tuple(errata)


def apply_errata(lines: list[tuple[int, str]], errata, source: str):
    """Apply every erratum to the raw lines; an erratum that matches nothing is a warning, one
    that matches more than one place is an error (which one did the person mean?)."""
    repairs: list[Repair] = []
    diagnostics: list[Diagnostic] = []
    out = []
    used = [0] * len(errata)
    for number, text in lines:
        for index, erratum in enumerate(errata):
            if erratum.line and erratum.line != number:
                continue
            count = text.count(erratum.find)
            if count:
                text = text.replace(erratum.find, erratum.replace)
                used[index] += count
                repairs.append(Repair("errata", number, erratum.find, erratum.replace,
                                      f"{erratum.reason}（勘误表 {erratum.file}:{erratum.entry_line}）"))
        out.append((number, text))
    for erratum, count in zip(errata, used, strict=True):
        if count and count != erratum.times:  # the person confirmed the places they saw, no others
            raise InputError(f"{erratum.find!r} matches {count} places of {source}, not {erratum.times}",
                             file=erratum.file, line=erratum.entry_line,
                             hint="add 'line:' to say which line it is for, or 'times:' if every place is wrong")
        if not count:
            where = f"line {erratum.line}" if erratum.line else "any line"
            diagnostics.append(Diagnostic(
                "W201", "errata-unmatched", erratum.file, erratum.entry_line,
                f"{erratum.find!r} is not on {where} of {source}",
                "fix or remove the entry"))
    return out, repairs, diagnostics
