"""Every commitment the build rates on real pairs of consecutive reports, for a person to read.

    python scripts/review_commitments.py FOLDER [--split dev|test|all]

FOLDER is the one scripts/evaluate_scorecard.py reads. Printed per pair: how many items were
found and rated, then each rated item with its status, reason and evidence sentences — a status
set without evidence, or on evidence that does not say it, is the error to look for.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate_scorecard import compare_pair, pairs_of, read_pairs  # noqa: E402


def main(argv=None) -> int:
    args, rows = read_pairs(argv)
    regions = {r["pair"]: r["region"] for r in rows}
    total: Counter = Counter()
    for pair in pairs_of(args.folder, args.split):
        comparison = compare_pair(args.folder, pair, regions[pair])
        year = int(pair.rsplit("-", 1)[1])
        items = [c for cs in comparison.commitments.values() for c in cs if c.year == year]
        statuses = Counter(c.status for c in items)
        total.update(statuses)
        total["items"] += len(items)
        total["with evidence"] += sum(bool(c.evidence) for c in items)
        print(f"\n## {pair}: {len(items)} items ({sum(c.source == 'list' for c in items)} 民生实事), "
              + ", ".join(f"{s} {n}" for s, n in sorted(statuses.items())))
        for c in items:
            if c.status == "not_rated" and not any(e.decides for e in c.evidence):
                continue
            print(f"  [{c.status}] {c.text[:60]}  — {c.reason}")
            for e in c.evidence:
                print(f"      {e.says:6} {e.decides or '-':9} {e.where.text[:80]}")
    print("\n" + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
