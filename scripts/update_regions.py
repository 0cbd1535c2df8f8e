#!/usr/bin/env python3
"""Build regions.csv (province / city / county, 6-digit GB/T 2260 codes).

Input: data/2024.txt from https://github.com/yescallop/areacodes (CC0 1.0),
       one "CODE NAME" pair per line, 民政部 县级以上行政区划代码 as of 2024-12-31.

Usage:
    python3 convert.py SOURCE [OUT]
      SOURCE  either the 2024.txt file itself, or a git directory of
              yescallop/areacodes (then data/2024.txt is read with `git show`
              at the pinned commit below)
      OUT     output CSV path (default: regions.csv next to this script)

Requires: pypinyin (pip install pypinyin).
"""
import csv
import os
import re
import subprocess
import sys

from pypinyin import lazy_pinyin

SOURCE_COMMIT = "eed219a0678d36bacaa717f62443b10e869f0291"  # yescallop/areacodes HEAD used
SOURCE_PATH = "data/2024.txt"

# Provincial-level units listed by 民政部 with no subdivisions in the dataset;
# left out so the file covers the 31 mainland provincial-level units.
SKIP_PROVINCES = {"710000", "810000", "820000"}  # 台湾省, 香港, 澳门


def read_source(src):
    if os.path.isdir(src):
        text = subprocess.run(
            ["git", "--git-dir", src, "show", f"{SOURCE_COMMIT}:{SOURCE_PATH}"],
            check=True, capture_output=True).stdout.decode("utf-8")
    else:
        with open(src, encoding="utf-8") as f:
            text = f.read()
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        code, name = line.split(None, 1)
        assert re.fullmatch(r"\d{6}", code), line
        rows.append((code, name.strip()))
    return rows


def pinyin(name):
    return re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(name)).lower())


def main():
    src = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "regions.csv")
    rows = read_source(src)
    codes = {c for c, _ in rows}
    assert len(codes) == len(rows), "duplicate codes in source"

    result = []
    for code, name in sorted(rows):
        prov = code[:2] + "0000"
        if prov in SKIP_PROVINCES:
            continue
        if code == prov:
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "city", prov
        else:
            level = "county"
            city = code[:4] + "00"
            # Counties directly under a province (北京/天津/上海/重庆 districts,
            # 省直辖县级行政区划 such as 429004 仙桃市) have no city row:
            # the 市辖区/县/省直辖 placeholders (110100, 500200, 429000, ...)
            # are not in the source and are never emitted.
            parent = city if city in codes else prov
        result.append((code, name, level, parent, pinyin(name)))

    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "level", "parent", "pinyin"])
        w.writerows(result)

    counts = {}
    for r in result:
        counts[r[2]] = counts.get(r[2], 0) + 1
    print(out, counts, "total", len(result))


if __name__ == "__main__":
    main()
