"""Recall and precision of headline figures on reports kept outside the repo.

    python scripts/evaluate.py FOLDER

FOLDER holds report files (*.txt) and one `expected.csv` a person wrote by reading them,
with columns file, indicator, kind, period, value, growth_pct (value in the canonical unit,
empty when the report gives none). A found figure matches an expected one when all six
agree; catalogue figures found but not expected count against precision.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.diagnostics import GeneratorError  # noqa: E402
from generator.pipeline import extract_file  # noqa: E402

KEY = ("indicator", "kind", "period", "value", "growth_pct")


def main(argv=None) -> int:
    folder = Path((argv or sys.argv[1:])[0])
    with open(folder / "expected.csv", encoding="utf-8", newline="") as f:
        expected = {(row["file"], *(row[k] for k in KEY)) for row in csv.DictReader(f)}
    found = set()
    for path in sorted(folder.glob("*.txt")):
        try:
            _, figures = extract_file(path, path.name)
        except GeneratorError as err:
            print(f"{path.name}: {err}")
            continue
        found |= {(path.name, *(str(getattr(f, k)) for k in KEY)) for f in figures if f.indicator}
    hits = expected & found
    for miss in sorted(expected - found):
        print("missed  ", *miss)
    for extra in sorted(found - expected):
        print("extra   ", *extra)
    recall = len(hits) / len(expected) if expected else 1.0
    precision = len(hits) / len(found) if found else 1.0
    print(f"\n{len(expected)} expected, {len(found)} found, {len(hits)} right: "
          f"recall {recall:.1%}, precision {precision:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
