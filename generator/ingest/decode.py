"""Read a report file and its sidecars: bytes in, decoded lines out."""

from __future__ import annotations

import codecs
import hashlib
import re
import stat
from datetime import date
from pathlib import Path

import ftfy
import yaml

from generator.diagnostics import InputError
from generator.ingest.errata import load_errata, read_yaml
from generator.model import Repair, SourceText

# A report is 40–150 KB; past this, a file is not one report's text (and a file of figures
# this size already takes a minute and a gigabyte through every stage).
MAX_BYTES = 2 * 1024 * 1024
# … and a line past this is not a paragraph: rendering one of figures takes minutes
MAX_LINE = 100_000
# Line ends besides \n: CR LF, CR alone, and the Unicode line and paragraph separators; NEL
# (U+0085) too, but only once mojibake is mended: it is also a byte of UTF-8 read as Latin-1.
_LINE_ENDS = re.compile("\r\n|[\r\u2028\u2029]")
_CJK = re.compile(r"[\u3400-\u9fff]")
# Bidirectional overrides and isolates: they reorder what a reader sees (‮ spoofs a name)
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
# Letters of Latin-1 that UTF-8 Chinese read as Windows-1252 or Latin-1 is made of (ç»›åŽ¿)
_MOJIBAKE_HINT = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff\u0152-\u02dc\u2013-\u203a\u20ac\u2122]")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

SIDECAR_BYTES = 64 * 1024
SIDECAR_FIELDS = {
    "region", "year", "province", "city", "code", "source_url", "speaker", "speaker_title",
    "meeting", "meeting_date", "title", "slug",
}


def sidecar_paths(path: Path) -> tuple[Path, Path]:
    """The metadata and errata files that sit beside a report: <stem>.meta.yml, <stem>.errata.yml."""
    return path.with_name(path.stem + ".meta.yml"), path.with_name(path.stem + ".errata.yml")


def decode(data: bytes, shown: str) -> tuple[str, str, list[Repair]]:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030,
    Big5, or lines of UTF-8 and GB18030 mixed; normalise every kind of line end. What had to be
    mended to read it (a character cut off at the end, a line in another encoding, mojibake)
    comes back as repairs. Anything that is not a Chinese text is one clear error."""
    if not data.strip():
        raise InputError("empty file" if not data else "no text, only blank lines", file=shown,
                         hint="put the report's text in the file, or remove it from the folder")
    if len(data) > MAX_BYTES:
        raise too_large(len(data), shown)
    if data.startswith(b"%PDF-"):
        raise InputError("a PDF file, not text", file=shown,
                         hint="copy the report's text out of the PDF (e.g. with pdftotext) and add that")
    text, encoding, repairs = _decode(data, shown)
    if re.match(r"\s*<(?:!doctype\s+html|html[\s>])", text[:1024], re.I):
        raise InputError("an HTML page, not the report's text", file=shown,
                         hint="save the page's text (or copy it) into a .txt file and add that")
    if "\x00" in text:
        raise InputError("contains NUL bytes, so it is not a text report", file=shown,
                         hint="remove the file from seeds/ or replace it with the report text")
    if not _CJK.search(text):
        raise InputError("no Chinese text", file=shown,
                         hint="a report must be the Chinese text, saved as UTF-8")
    lines = _LINE_ENDS.sub("\n", text).split("\n")
    text = "\n".join(_mended(lines, repairs)).replace("\u0085", "\n")
    longest = max(text.split("\n"), key=len)
    if len(longest) > MAX_LINE:  # a paragraph is a few thousand characters at most
        raise InputError(f"a line of {len(longest):,} characters: no report has one (the longest paragraphs run to "
                         f"a few thousand)", file=shown, line=text.split("\n").index(longest) + 1,
                         hint="check that the file is one report's text, with its line breaks")
    return text, encoding, repairs


def too_large(size: int, shown: str) -> InputError:
    return InputError(f"too large for one report ({size / 1024 / 1024:.0f} MiB; the limit is "
                      f"{MAX_BYTES // 1024 // 1024} MiB)", file=shown,
                      hint="check that the file holds one report's text, and split it if it holds several")


def _decode(data: bytes, shown: str) -> tuple[str, str, list[Repair]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding.removesuffix("-le").removesuffix("-be"), []
            except UnicodeDecodeError:
                break
    if (utf16 := _utf16_without_bom(data)) is not None:
        return utf16, "utf-16", []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(data) - 3:
            cut = data[err.start:]
            text = data[:err.start].decode("utf-8")
            line = text.count("\n") + 1
            return text, "utf-8", [Repair("encoding", line, repr(cut), "",
                                          f"文件在一个字符中间结束（下载不完整？），去掉了残缺的 {len(cut)} 个字节")]
    lines = data.split(b"\n")
    wide = [line for line in lines if max(line, default=0) >= 0x80]  # lines ASCII alone cannot tell
    if sum(1 for line in wide if _is_utf8(line)) > len(wide) / 2:  # mostly UTF-8: the others one by one
        return _lines_apart(lines, "utf-8")
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and _looks_big5(data):
            continue
        return text, encoding, []
    # GB18030 with a few broken bytes: read it, each broken place replaced and listed
    broken = [line for line in wide if not _decodes(line, "gb18030")]
    if len(broken) <= max(1, len(wide) // 100) and len(broken) * 4 < len(wide):  # a few, among many
        return _lines_apart(lines, "gb18030")
    raise InputError("not UTF-8, UTF-16, GB18030 or Big5 text", file=shown,
                     hint="save the report as UTF-8 and build again")


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _is_utf8(line: bytes) -> bool:
    return _decodes(line, "utf-8")


def _lines_apart(lines: list[bytes], main: str) -> tuple[str, str, list[Repair]]:
    """A file mostly in `main`, read line by line: a line in the other Chinese encoding is read
    in it, a line in neither has its broken bytes replaced (�); each such line is a repair."""
    other = "gb18030" if main == "utf-8" else "utf-8"
    out, repairs = [], []
    for number, line in enumerate(lines, 1):
        if _decodes(line, main):
            out.append(line.decode(main))
        elif _decodes(line, other) and _CJK.search(line.decode(other)):
            out.append(line.decode(other))
            said = f"这一行是 {other.upper()} 编码，与全文（{main.upper()}）不同，已按 {other.upper()} 读出"
            repairs.append(Repair("encoding", number, other.upper(), main.upper(), said))
        else:
            text = line.decode(main, errors="replace")
            out.append(text)
            repairs.append(Repair("encoding", number, repr(line[:24]), text[:24],
                                  f"这一行有 {text.count(chr(0xFFFD))} 处无法识别的字节，已换成 �"))
    return "\n".join(out), main, repairs


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no byte-order mark: its line ends and ASCII leave NUL bytes on one side."""
    if len(data) % 2 or b"\x00" not in data[:4096]:
        return None
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    encoding = "utf-16-be" if even > 3 * odd else "utf-16-le" if odd > 3 * even else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _CJK.search(text) and "\x00" not in text else None


def _looks_big5(data: bytes) -> bool:
    """Does text that GB18030 reads look like Big5 instead? Chinese in GB18030 is nearly all in
    GB2312's common area (both bytes from 0xA1); Big5's second bytes are 0x40–0x7E as often."""
    pairs = re.findall(rb"[\x81-\xfe][\x40-\xfe]", data[:65536])
    if not pairs:
        return False
    common = sum(1 for pair in pairs if pair[0] >= 0xA1 and pair[1] >= 0xA1)
    if common / len(pairs) >= 0.9:
        return False
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return False
    return True


def _mended(lines: list[str], repairs: list[Repair]) -> list[str]:
    """Lines written as UTF-8 once read as Windows-1252 or Latin-1 (绛县 → ç»›åŽ¿), mended."""
    out = []
    number = 1  # the line's number once NEL ends lines too
    for line in lines:
        if _MOJIBAKE_HINT.search(line) and not _CJK.search(line):
            fixed = ftfy.fix_encoding(line)
            if fixed != line and _CJK.search(fixed):
                repairs.append(Repair("encoding", number, line[:40], fixed[:40],
                                      "乱码：UTF-8 文字被当作西文编码读过，已还原"))
                line = fixed
        out.append(line)
        number += 1 + line.count("\u0085")
    return out


def read_source(path: Path, shown: str) -> SourceText:
    """Read one report file with its optional sidecar metadata and errata."""
    if any(ord(c) < 32 or ord(c) == 127 for c in shown):
        raise InputError("the file's name holds a control character (a line break, a tab…)", file=repr(shown),
                         hint="rename the file")
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a device or a pipe would be read forever
            raise InputError("not a regular file", file=shown, hint="give the path of a report's text file")
        if status.st_size > MAX_BYTES:  # said before reading it all
            raise too_large(status.st_size, shown)
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as err:
        raise InputError(f"cannot read the report: {err.strerror}", file=shown) from None
    text, encoding, repairs = decode(data, shown)
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
        repairs=tuple(repairs),
    )


def shown_beside(shown: str, sidecar: Path) -> str:
    return str(Path(shown).with_name(sidecar.name))


def load_sidecar(path: Path, shown: str) -> dict:
    """Optional metadata that adds to or overrides what the text says."""
    if not path.exists():
        return {}
    if not path.is_file():  # a pipe or a device would be read for ever
        raise InputError("not a regular file", file=shown, hint="a .meta.yml is a small text file")
    if path.stat().st_size > SIDECAR_BYTES:
        raise InputError(f"too large for a metadata file ({path.stat().st_size // 1024} KiB)", file=shown,
                         hint="a .meta.yml holds a few fields: region, year, …")
    try:
        data = read_yaml(path.read_text(encoding="utf-8"), shown) or {}
    except UnicodeDecodeError:
        raise InputError("not UTF-8", file=shown, hint="save the metadata file as UTF-8") from None
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
    "slug": "write it as lower-case letters, digits and hyphens, e.g. slug: jiangxian",
    "source_url": "write the page's address, e.g. source_url: https://www.example.gov.cn/zfgzbg.html",
}


def sidecar_problem(key: str, value) -> str:
    """Why a sidecar value cannot be used, or "" if it can."""
    if isinstance(value, (list, dict)):
        return "a list or mapping where a single value belongs"
    text = str(value)
    if any(ord(c) < 32 or ord(c) == 127 or c in _BIDI for c in text):
        return "contains control characters"
    if key in ("region", "province", "city") and not text.strip() and text:
        return "is blank"
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
    if key == "source_url" and text and not re.fullmatch(r"https?://[^\s<>\"'`]+", text):
        return f"{text[:60]!r} is not a web address (http:// or https://)"
    if key == "slug" and text and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}", text):
        return f"{text!r} is not a slug (lower-case letters, digits and hyphens)"
    if len(text) > 500:
        return "longer than 500 characters"
    return ""


def key_lines(text: str) -> dict[str, int]:
    """The line each top-level key of a YAML mapping stands on."""
    node = yaml.compose(text)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
