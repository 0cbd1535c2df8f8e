"""Recall and precision of headline figures on real report excerpts kept outside the repo.

    python scripts/evaluate.py FOLDER [--split dev|test|all] [--show] [--present] [--variant NAME]

FOLDER holds the excerpt files (*.txt). What a person read in them is committed:
tests/eval/expected.csv (file, indicator, kind, period, value, unit, growth_pct, qualifier)
and tests/eval/manifest.csv (file, split, region, province, year, kind of text, page address,
a query that finds the page again). A FOLDER with its own expected.csv is read instead.

Each file is read as `report-site extract` reads any file: no sidecar, the year from the text.
Figures whose period rests on nothing but a default, or whose number is in doubt, are flagged
and kept out of headlines and comparisons, so they are not counted as found. A found catalogue
figure is right when indicator, kind, period, value and growth agree (numbers
compared as numbers). Printed per kind (actual, estimate, target): recall and precision; and
for each miss, its failure class: kind (read as another kind), period (another year), value
(the numbers differ), or missed (no figure of that indicator at all).

--variant reads every file rewritten first: in traditional script, with ASCII punctuation,
wrapped at 38 characters a line, or with a space each side of every number (the rules read one
analysis text, so the figures found should not change); or without its title block (fewer
files can be placed in a year, but no figure should take a wrong one).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.diagnostics import GeneratorError  # noqa: E402
from generator.pipeline import extract_file  # noqa: E402

KINDS = ("actual", "estimate", "target")


def number(text: str) -> str:
    try:
        return format(Decimal(text).normalize(), "f") if text else ""
    except InvalidOperation:
        return text


# A mass written down as printed (粮食产量 3 亿斤), in the catalogue's 万吨. Written apart from
# generator.extract.canonical on purpose: what a reader wrote down is not converted by the code
# being measured, so a wrong factor there cannot hide by being applied to both sides.
IN_WAN_TONNES = {"万吨": Decimal(1), "吨": Decimal("0.0001"), "亿斤": Decimal(5),
                 "万斤": Decimal("0.0005"), "亿公斤": Decimal(10), "万公斤": Decimal("0.001")}


def key(row) -> tuple:
    value = row["value"]
    if value and row.get("unit") in IN_WAN_TONNES:
        value = str(Decimal(value) * IN_WAN_TONNES[row["unit"]])
    return (row["file"], row["indicator"], row["kind"], row["period"], number(value),
            number(row["growth_pct"]))


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def failure(miss: tuple, found: set[tuple]) -> str:
    """Why an expected figure was not found: the nearest thing that was."""
    file, indicator, kind, period, value, growth = miss
    same = [f for f in found if f[0] == file and f[1] == indicator]
    if any(f[3] == period and f[4:] == (value, growth) for f in same):
        return "kind"
    if any(f[2] == kind and f[4:] == (value, growth) for f in same):
        return "period"
    if any(f[2] == kind and f[3] == period for f in same):
        return "value"
    return "missed"


def fuller_only(figures: set[tuple]) -> set[tuple]:
    """Without a figure that repeats part of a fuller one (增长 73.2% again after 42.9 亿元，增长
    73.2%): it adds nothing a headline table would show twice. Applied alike to what was found
    and to what a reader wrote down (one row per place the figure is said)."""
    with_value = {(f[:4], f[5]) for f in figures if f[4]}  # (figure, its growth) where a value came too
    with_growth = {(f[:4], f[4]) for f in figures if f[5]}  # (figure, its value) where a growth came too
    return {f for f in figures if not (not f[4] and (f[:4], f[5]) in with_value
                                       or not f[5] and (f[:4], f[4]) in with_growth)}


def traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2tw").convert(text)


# ，；：（） as ASCII punctuation, as many web pages print them
_HALF = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"})


def wrapped(text: str, width: int = 38) -> str:
    """Every line cut at a fixed width, as a PDF's text or a narrow newspaper column is."""
    return "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


# 完成 391 亿元, 比 2019 年: a space each side of a number, as newspapers set it
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=[\d%])(?=[\u4e00-\u9fff])")
def untitled(text: str) -> str:
    """The title block lost: the first four short lines (under 60 characters) dropped, as an
    excerpt that starts in the body has none; the year must come from the text, or not at all."""
    lines, dropped = [], 0
    for line in text.split("\n"):
        if dropped < 4 and len(line.strip()) < 60:
            dropped += 1
            continue
        lines.append(line)
    return "\n".join(lines)


VARIANTS = {"traditional": traditional, "halfwidth": lambda text: text.translate(_HALF), "wrapped": wrapped,
            "spaced": lambda text: _SPACED.sub(" ", text), "untitled": untitled}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", default="all", choices=["dev", "test", "all"])
    parser.add_argument("--show", action="store_true", help="list every miss and extra")
    parser.add_argument("--present", action="store_true",
                        help="measure only the files FOLDER holds (a corpus partly rebuilt from the manifest)")
    parser.add_argument("--reviewed", action="store_true",
                        help="also print the figures with tests/eval/second_reading.csv: extras a second "
                             "reader found right in the text count as expected, unclear ones neither way")
    parser.add_argument("--variant", choices=sorted(VARIANTS),
                        help="read each file rewritten this way first: the rules should not care")
    args = parser.parse_args(argv)
    own = args.folder / "expected.csv"
    expected_rows = read(own if own.exists() else ROOT / "tests" / "eval" / "expected.csv")
    manifest = ROOT / "tests" / "eval" / "manifest.csv"
    splits = {row["file"]: row["split"] for row in read(manifest)} if manifest.exists() and not own.exists() else {}
    # every file of the split, those where a reader found no headline figure too (what is
    # found in them can only be wrong)
    files = sorted({name for name in [*splits, *(row["file"] for row in expected_rows)]
                    if args.split == "all" or splits.get(name, "dev") == args.split})
    if args.present:
        present = [name for name in files if (args.folder / name).exists()]
        print(f"{len(files) - len(present)} files of the split are not in {args.folder}: not measured")
        files = present
    expected = {key(row) for row in expected_rows if row["file"] in files}
    found: set[tuple] = set()
    rewritten = Path(tempfile.mkdtemp(prefix="evaluate-")) if args.variant else None
    for name in files:
        path = args.folder / name
        if rewritten:
            (rewritten / name).write_text(VARIANTS[args.variant](path.read_text(encoding="utf-8")), encoding="utf-8")
            path = rewritten / name
        try:
            _, figures = extract_file(path, name)
        except GeneratorError as err:
            print(f"{name}: {err}")
            continue
        # what the site presents as headline figures: placed ones of one year (a figure whose
        # number is in doubt is flagged on the data-quality page instead; a five-year sum or a
        # baseline of no stated year is no year's figure, and no comparison takes it)
        found |= {(name, f.indicator, f.kind, f.period, number(f.value), number(f.growth_pct))
                  for f in figures if f.headline}
    found, expected = fuller_only(found), fuller_only(expected)
    hits = expected & found
    if args.show:
        for miss in sorted(expected - found):
            print("missed  ", failure(miss, found).ljust(7), *miss)
        for extra in sorted(found - expected):
            print("extra   ", *extra)
    print(f"{len(files)} files ({args.split}), {len(expected)} expected, {len(found)} found, {len(hits)} right")
    scores(expected, found)
    classes = Counter(failure(miss, found) for miss in expected - found)
    print("misses  " + ", ".join(f"{name} {count}" for name, count in classes.most_common()))
    if args.reviewed:
        # the extras a second reader judged from the text: those right are figures the first
        # reading left out; those the text leaves open count neither way. (Only extras were read
        # again, never misses: this can only raise the figures, and is printed beside them.)
        verdicts = {key(row): row["verdict"] for row in read(ROOT / "tests" / "eval" / "second_reading.csv")
                    if row["file"] in files}
        right = {figure for figure, verdict in verdicts.items() if verdict == "correct"}
        open_ = {figure for figure, verdict in verdicts.items() if verdict == "unclear"}
        print(f"with the second reading of {len(verdicts)} extras ({len(right)} right, {len(open_)} unclear, "
              f"{len(verdicts) - len(right) - len(open_)} wrong):")
        scores((expected | right) - open_, found - open_)
    return 0


def scores(expected: set[tuple], found: set[tuple]) -> None:
    for kind in (*KINDS, "all"):
        want = {e for e in expected if kind in ("all", e[2])}
        got = {f for f in found if kind in ("all", f[2])}
        right = want & got
        recall = len(right) / len(want) if want else 1.0
        precision = len(right) / len(got) if got else 1.0
        print(f"{kind:<9} recall {recall:6.1%} ({len(right)}/{len(want)})  precision {precision:6.1%} "
              f"({len(right)}/{len(got)})")


if __name__ == "__main__":
    sys.exit(main())
