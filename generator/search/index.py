"""Pages → the search index files.

Every file is a script that calls rsSearch.load(name, data), so a <script> tag loads it from a
web server and from file:// alike (a browser refuses fetch() on file://). Under search-index/:

    meta.js             the pages [address, title, region, year, chunk starts], the regions,
                        the years, the number of buckets
    b/<k>.js            {bigram: postings} for the bigrams that hash to bucket k
    u/<k>.js            {character: postings} for single characters, the same buckets
    t/<page>-<c>.js     chunk c of a page's text: [[offset, anchor, text], …], for snippets

A page's text is its blocks joined by a line break; positions count code points of that text.
A bigram's postings, page after page: page id (as the gap from the previous page id), number
of positions, first position, the gaps between the next ones. A character's: page gap, count,
first position. The numbers are written as a string of base-64 digits, five bits each, the
sixth bit saying "more digits follow" (small numbers take one character, not three or four).

Text is folded one character at a time by a fixed table (full-width forms to ASCII, then A–Z to
a–z: ２０２３ → 2023, ＧＤＰ → gdp), so a position in the folded text is a position in the text
shown, and the browser folds a query exactly so (Unicode's own case and NFKC tables change from
version to version: Chromium's and Python's differ on 154 characters). White space is a fixed
set too (SPACE); pairs that hold it are not indexed, so no match runs across two blocks.
"""

from __future__ import annotations

import json
import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
CHUNK = 2000          # characters of text a snippet file holds, at most (a longer block alone)
BUCKET_BYTES = 6000   # the size a bucket file aims at


# search.js holds the same two definitions
SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
        "\u2028\u2029\u202f\u205f\u3000\ufeff\x1c\x1d\x1e\x1f\x85"
WORDS = re.compile(f"[^{SPACE}]+")


def _folded_code(code: int) -> int:
    code = code - 0xFEE0 if 0xFF01 <= code <= 0xFF5E else 0x20 if code == 0x3000 else code
    return code + 32 if 0x41 <= code <= 0x5A else code


FOLD = {code: _folded_code(code) for code in [*range(0x41, 0x5B), *range(0xFF01, 0xFF5F), 0x3000]}


def fold(char: str) -> str:
    """The character as searched: full-width forms as ASCII, capitals as small letters."""
    return char.translate(FOLD)


def folded(text: str) -> str:
    return text.translate(FOLD)


def bucket_of(key: str, buckets: int) -> int:
    """FNV-1a over the code points (search.js computes the same)."""
    h = 2166136261
    for char in key:
        h = ((h ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return h % buckets


def encode(values: np.ndarray) -> tuple[str, np.ndarray]:
    """The values as base-64 digits (five bits each, low first, 32 = more follow), and how
    many digits each value took."""
    values = values.astype(np.uint64)
    bits = np.zeros(len(values), dtype=np.int64)
    rest = values.copy()
    while rest.any():
        bits += rest > 0
        rest >>= np.uint64(5)
    counts = np.maximum(bits, 1)
    owner = np.repeat(np.arange(len(values)), counts)
    first = np.cumsum(counts) - counts
    place = np.arange(len(owner)) - first[owner]
    digit = (values[owner] >> (np.uint64(5) * place.astype(np.uint64))) & np.uint64(31)
    digit += np.where(place < counts[owner] - 1, 32, 0).astype(np.uint64)
    table = np.frombuffer(DIGITS.encode("ascii"), dtype=np.uint8)
    return table[digit.astype(np.int64)].tobytes().decode("ascii"), counts


@dataclass
class SearchIndex:
    """Collects pages in any order; `write` numbers them by address, so output is deterministic."""

    pages: dict[str, tuple[str, str, int, list[tuple[str, str]]]] = field(default_factory=dict)
    seconds: float = 0.0  # spent reading the pages' text, on every process that built pages

    def add(self, url: str, title: str, region: str, year: int, blocks: list[tuple[str, str]]) -> None:
        self.pages[url] = (title, region, year, blocks)

    def write(self, folder: Path) -> int:
        """Write the index under `folder`; return its size in bytes."""
        folder.mkdir(parents=True, exist_ok=True)
        for sub in ("b", "u", "t"):
            (folder / sub).mkdir(exist_ok=True)
        urls = sorted(self.pages)
        regions = sorted({self.pages[u][1] for u in urls if self.pages[u][1]})
        region_id = {name: n for n, name in enumerate(regions)}
        grams: dict[str, array] = {}
        last: dict[str, int] = {}
        singles: dict[str, array] = {}
        single_last: dict[str, int] = {}
        entries = []
        written = 0
        for page, url in enumerate(urls):
            title, region, year, blocks = self.pages[url]
            starts, chunks = self._chunks(blocks)
            for number, chunk in enumerate(chunks):
                written += _script(folder / "t" / f"{page}-{number}.js", f"t/{page}-{number}", chunk)
            entries.append([url, title, region_id.get(region, -1), year, starts])
            text = folded("\n".join(text for _, text in blocks))
            self._add_grams(page, text, grams, last)
            self._add_singles(page, text, singles, single_last)
        sizes = sum(len(v) for v in grams.values()) + sum(len(v) for v in singles.values())
        buckets = 8
        while buckets < 4096 and sizes * 1.3 / buckets > BUCKET_BYTES:
            buckets *= 2
        for sub, table in (("b", grams), ("u", singles)):
            written += self._write_buckets(folder / sub, sub, table, buckets)
        meta = {"version": 1, "buckets": buckets, "pages": entries, "regions": regions,
                "years": sorted({y for _, _, y, _ in self.pages.values() if y})}
        written += _script(folder / "meta.js", "meta", meta)
        return written

    @staticmethod
    def _chunks(blocks):
        starts, chunks, offset, current, size = [], [], 0, [], 0
        for anchor, text in blocks:
            if current and size + len(text) > CHUNK:
                chunks.append(current)
                current, size = [], 0
            if not current:
                starts.append(offset)
            current.append([offset, anchor, text])
            size += len(text) + 1
            offset += len(text) + 1
        if current:
            chunks.append(current)
        return starts, chunks

    @staticmethod
    def _add_grams(page: int, text: str, grams: dict, last: dict) -> None:
        found: dict[str, list[int]] = {}
        for start, run in _runs(text):
            for i in range(len(run) - 1):
                key = run[i:i + 2]
                spot = found.get(key)
                if spot is None:
                    found[key] = [start + i]
                else:
                    spot.append(start + i)
        for key, spots in found.items():
            values = grams.get(key)
            if values is None:
                values = grams[key] = array("I")
            values.append(page - last.get(key, 0))
            last[key] = page
            values.append(len(spots))
            values.append(spots[0])
            values.extend([b - a for a, b in zip(spots, spots[1:], strict=False)])

    @staticmethod
    def _add_singles(page: int, text: str, singles: dict, last: dict) -> None:
        counts = Counter(text)
        for char, count in counts.items():
            if char in SPACE:
                continue
            values = singles.get(char)
            if values is None:
                values = singles[char] = array("I")
            values.append(page - last.get(char, 0))
            last[char] = page
            values.append(count)
            values.append(text.index(char))

    @staticmethod
    def _write_buckets(folder: Path, name: str, table: dict[str, array], buckets: int) -> int:
        keys: list[list[str]] = [[] for _ in range(buckets)]
        for key in sorted(table):
            keys[bucket_of(key, buckets)].append(key)
        written = 0
        for number, members in enumerate(keys):
            if not members:  # written all the same: a missing script is an error on file://
                written += _script(folder / f"{number}.js", f"{name}/{number}", {})
                continue
            lengths = np.array([len(table[k]) for k in members])
            stream = np.concatenate([np.frombuffer(table[k], dtype=np.uint32) for k in members])
            digits, counts = encode(stream)
            ends = np.cumsum(counts)[np.cumsum(lengths) - 1]
            cuts = np.concatenate([[0], ends])
            data = {k: digits[cuts[i]:cuts[i + 1]] for i, k in enumerate(members)}
            written += _script(folder / f"{number}.js", f"{name}/{number}", data)
        return written


def _runs(text: str):
    """(offset, run) of the stretches of text between white space."""
    for match in WORDS.finditer(text):
        yield match.start(), match.group()


def _script(path: Path, name: str, data) -> int:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "</" would end an inline script; U+2028/9 end a line in older JavaScript
    body = body.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    text = f"rsSearch.load({json.dumps(name)},{body});\n"
    path.write_text(text, encoding="utf-8", newline="")
    return len(text.encode("utf-8"))


def read_script(path: Path):
    """The data of one index file (for checks and tests: the browser runs the scripts)."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1:text.rindex(");")])


def indexed_pages(folder: Path) -> list[str]:
    """The addresses of the pages the index at `folder` holds."""
    return [entry[0] for entry in read_script(folder / "meta.js")["pages"]]


def indexed_text(folder: Path) -> str:
    """All the text the index at `folder` shows in snippets."""
    return "\n".join(block[2] for chunk in sorted((folder / "t").glob("*.js")) for block in read_script(chunk))
