"""How the scorecard fares on real pairs of consecutive reports kept outside the repo.

    python scripts/evaluate_scorecard.py FOLDER [--split dev|test|all]

FOLDER holds `<pair>-<Y>.txt` and `<pair>-<Y+1>.txt` for each pair, an
`expected-scorecard.csv` a person wrote by reading them (pair, region, year, indicator,
target, qualifier, result, result_kind, status) and optionally `dev.txt`/`test.txt` (one
pair id per line). Each pair is built the way `report-site add --region R --year Y` would
file it, then compared. Printed: every disagreement, and

- decided right: of the statuses the build decided (met, close, not_met) for the person's
  rows, how many the person agrees with — a wrong one here is the worst error there is;
  targets the person did not list (a detail section's) are counted apart, to be read by eye;
- agreement: of the person's rows, how many got exactly the person's status;
- left out: rows the person decided that the build left undecided (uncertain, awaiting,
  not_comparable) — the cost of precision.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.compare import compare  # noqa: E402
from generator.diagnostics import GeneratorError  # noqa: E402
from generator.extract import extract_report  # noqa: E402
from generator.pipeline import extract_file, load_reports  # noqa: E402

DECIDED = {"met", "close", "not_met"}


def pairs_of(folder: Path, split: str) -> list[str]:
    if split == "all":
        return sorted({line.strip() for name in ("dev.txt", "test.txt") if (folder / name).exists()
                       for line in (folder / name).read_text(encoding="utf-8").split() if line.strip()})
    return [line.strip() for line in (folder / f"{split}.txt").read_text(encoding="utf-8").split() if line.strip()]


def compare_pair(folder: Path, pair: str, region: str):
    """The comparison of a pair `<stem>-<Y>` filed as `report-site add --region R --year Y` would."""
    stem, year = pair.rsplit("-", 1)
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp)
        for y in (int(year), int(year) + 1):
            source = folder / f"{stem}-{y}.txt"
            try:
                detected = extract_file(source, source.name)[0].metadata.year
            except GeneratorError:
                detected = None
            if detected != y:
                print(f"note     {source.name}: the text gives year {detected}, filed as {y}")
            shutil.copy(source, seeds / source.name)
            (seeds / f"{stem}-{y}.meta.yml").write_text(f"region: {region}\nyear: {y}\n", encoding="utf-8")
        reports = load_reports(seeds)
        figures = {r.slug: extract_report(r) for r in reports}
        return compare(reports, figures)


def read_pairs(argv=None) -> tuple[argparse.Namespace, list[dict]]:
    """The command line (FOLDER [--split]) and the person's rows in FOLDER/expected-scorecard.csv."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", default="all", choices=["dev", "test", "all"])
    args = parser.parse_args(argv)
    with open(args.folder / "expected-scorecard.csv", encoding="utf-8", newline="") as f:
        return args, list(csv.DictReader(f))


def main(argv=None) -> int:
    args, expected_rows = read_pairs(argv)
    pairs = pairs_of(args.folder, args.split)
    expected = {(r["pair"], r["indicator"]): r for r in expected_rows if r["pair"] in pairs}
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for pair in pairs:
        year = pair.rsplit("-", 1)[1]
        region = next(r["region"] for r in expected_rows if r["pair"] == pair)
        card = compare_pair(args.folder, pair, region).scorecard
        for _, row in card[card["year"] == int(year)].iterrows():
            found[(pair, row["indicator"])] = (row["status"], row["reason"])
    counts = Counter()
    for key in sorted(set(expected) | set(found)):
        want = expected[key]["status"] if key in expected else "—"
        got, reason = found.get(key, ("—", ""))
        if got in DECIDED and want != "—":
            counts["decided"] += 1
            counts["decided_right"] += got == want
        elif got in DECIDED:
            counts["extra"] += 1  # a target the person did not list (a detail section's)
        if want != "—":
            counts["expected"] += 1
            counts["agree"] += got == want
            counts["left_out"] += want in DECIDED and got not in DECIDED
        if got != want:
            label = "extra" if want == "—" else "WRONG" if got in DECIDED else "differs"
            print(f"{label:8} {key[0]:16} {key[1]:24} "
                  f"expected {want:15} got {got:15} {reason}")
    decided = counts["decided"] or 1
    print(f"\n{len(pairs)} pairs, {counts['expected']} expected rows, {len(found)} found")
    print(f"decided right {counts['decided_right']}/{counts['decided']} ({counts['decided_right'] / decided:.1%}); "
          f"agreement {counts['agree']}/{counts['expected']} ({counts['agree'] / (counts['expected'] or 1):.1%}); "
          f"left out {counts['left_out']}; {counts['extra']} decided for targets the person did not list")
    return 0


if __name__ == "__main__":
    sys.exit(main())
