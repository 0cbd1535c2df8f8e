"""Whole builds at 1, 40 and 200 reports, side by side with a plain MkDocs site of the same text.

    python scripts/bench_sites.py [--sizes 1,40,200] [--check-search]

Each size is the seed and the test reports copied under real county names (two years each,
from generator/regions/regions.csv), generated into a scratch folder for the run only. Each
build runs in a process of its own, so its peak memory is its own. Printed per size: the
stages (read, compare, render, MkDocs with the search index, link check) and the total, peak memory,
pages, the largest page and how many are over 200 KB, the site's size, the search index; then
the anchor: plain MkDocs + Material + its jieba search over the same text, 17 pages a report.
Each size is built with an empty cache (every report read, every chart drawn), then rebuilt
with one report added, from that cache (only the new report read), then rebuilt as it was
(warm: everything from the cache; the median of 5 builds at 1 report, of 3 at 40). The anchor
is built as often, and its median is the one compared. Memory is the peak of the largest process
or of all the build's processes together (proportional set size), whichever is more.
"""

from __future__ import annotations

import argparse
import collections
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {2023: [ROOT / "seeds/shanxi/yuncheng/jiangxian/2023.txt", ROOT / "tests/fixtures/reports/wenxi-2023.txt",
                  ROOT / "tests/fixtures/reports/yuanqu-2023.txt"],
           2024: [ROOT / "tests/fixtures/reports/jiangxian-2024.txt", ROOT / "tests/fixtures/reports/wenxi-2024.txt"]}
REPEATS = {1: 5, 40: 3}  # warm builds (and anchor builds) per size, of which the median is shown
PAGES_PER_REPORT = 17  # the anchor's pages per report, as a plain site of the seed would have
MEASURE = """
import os, resource, subprocess, sys, threading, time

def tree(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found

def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
    except OSError:
        return 0

started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
outputs = {}
reader = threading.Thread(target=lambda: outputs.update(zip(("out", "err"), child.communicate())))
reader.start()
peak_pss = 0
while child.poll() is None:
    peak_pss = max(peak_pss, sum(pss(pid) for pid in tree(child.pid)))
    time.sleep(0.05)
reader.join()
wall = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"@@ {wall:.3f} {peak} {peak_pss} {child.returncode}")
print(outputs["out"])
print(outputs["err"], file=sys.stderr)
"""

def counties() -> list[dict]:
    rows = list(csv.DictReader(open(ROOT / "generator/regions/regions.csv", encoding="utf-8")))
    names = collections.Counter(r["name"] for r in rows)
    return [r for r in rows if r["level"] == "county" and r["name"].endswith("县") and names[r["name"]] == 1]


def add_one(count: int, folder: Path) -> None:
    """One more report beside `count`: the seed county's next year, or a county not yet in."""
    if count == 1:
        shutil.copy(SOURCES[2024][0], folder / "next-2024.txt")
        return
    county = counties()[count // 2]
    place = folder / "added"
    place.mkdir()
    shutil.copy(SOURCES[2024][0], place / "2024.txt")
    (place / "2024.meta.yml").write_text(f"region: {county['name']}\nyear: 2024\ncode: \"{county['code']}\"\n",
                                         encoding="utf-8")


def make_seeds(count: int, folder: Path) -> None:
    """`count` reports: the seed's and the test reports' texts under real county names."""
    if count == 1:
        shutil.copytree(ROOT / "seeds", folder)
        return
    for i, county in enumerate(counties()[:count // 2]):
        place = folder / f"c{i:03d}"
        place.mkdir(parents=True)
        for year, sources in SOURCES.items():
            shutil.copy(sources[i % len(sources)], place / f"{year}.txt")
            (place / f"{year}.meta.yml").write_text(
                f"region: {county['name']}\nyear: {year}\ncode: \"{county['code']}\"\n", encoding="utf-8")


def measured(argv: list[str], cwd: Path, env: dict) -> tuple[float, int, str]:
    """(wall seconds, peak memory KiB, stdout) of a command in a process of its own. The memory
    is the larger of the largest process's peak resident size and the peak of the proportional
    set sizes of all its processes together (forked copies share pages: each is counted once)."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *argv], cwd=cwd, env=env, capture_output=True, text=True)
    head, _, out = done.stdout.partition("\n")
    _, wall, peak, together, code = head.split()
    if code != "0":
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    return float(wall), max(int(peak), int(together)), out


def site_figures(site: Path) -> dict:
    pages = [p for p in site.rglob("*.html")]
    sizes = sorted(p.stat().st_size for p in pages)
    index = site / "search" / "search_index.json"  # Material's, on the anchor
    ours = [f for f in (site / "search-index").rglob("*") if f.is_file()]
    return {"pages": len(pages), "largest": sizes[-1] if sizes else 0,
            "over200": sum(1 for s in sizes if s > 200 * 1024),
            "site": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
            "search": sum(f.stat().st_size for f in ours) if ours else index.stat().st_size if index.exists() else 0}


def anchor_docs(seeds: Path, docs: Path) -> None:
    """The plain site: each report's text as it is, cut into PAGES_PER_REPORT pages of
    paragraphs, no generator, no comparisons."""
    reports = sorted(p for p in seeds.rglob("*.txt"))
    for n, report in enumerate(reports):
        paragraphs = [line for line in report.read_text(encoding="utf-8").splitlines() if line.strip()]
        size = -(-len(paragraphs) // PAGES_PER_REPORT)
        for page in range(PAGES_PER_REPORT):
            chunk = paragraphs[page * size:(page + 1) * size]
            path = docs / f"r{n:03d}" / f"p{page:02d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"# 第 {page + 1} 页\n\n" + "\n\n".join(chunk) + "\n", encoding="utf-8")
    (docs / "index.md").write_text("# 报告\n", encoding="utf-8")


ANCHOR_CONFIG = """site_name: anchor
theme:
  name: material
  language: zh
  font: false
plugins:
  search:
    lang: zh
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,40,200")
    parser.add_argument("--no-anchor", action="store_true", help="skip the plain MkDocs build (346 s at 200)")
    parser.add_argument("--check-search", action="store_true",
                        help="then type every term of tests/search_terms.txt into each site in Chromium "
                             "(scripts/check_search.py): exact results, time to first result, bytes")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; each size built cold (an empty "
          f"cache: every report read, every chart drawn), rebuilt with one report added, then rebuilt as it was "
          f"(warm); memory: the largest process or all of them together (PSS), whichever is more")
    print(f"{'reports':>7} {'what':<8} {'total s':>8} {'peak MiB':>9} {'pages':>6} {'largest KB':>11} "
          f"{'>200KB':>7} {'site MB':>8} {'search MB':>10}  stages")
    for size in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as scratch:
            scratch = Path(scratch)
            make_seeds(size, scratch / "seeds")
            (scratch / "project").mkdir()
            for name in ("guide", "assets"):
                shutil.copytree(ROOT / "docs" / name, scratch / "project" / "docs" / name)
            env = dict(os.environ, REPORT_SITE_CACHE=str(scratch / "cache"))
            build = [sys.executable, "-m", "generator", "build", "--seeds", str(scratch / "seeds"),
                     "--docs", "docs", "--site", "site", "--config", str(ROOT / "mkdocs.yml")]
            wall, peak, out = measured(build, scratch / "project", env)
            figures = site_figures(scratch / "project" / "site")
            stages = re.search(r"^time\s+(.*)$", out, re.M).group(1)
            print(f"{size:>7} {'project':<8} {wall:>8.1f} {peak / 1024:>9.0f} {figures['pages']:>6} "
                  f"{figures['largest'] / 1024:>11.0f} {figures['over200']:>7} {figures['site'] / 1e6:>8.1f} "
                  f"{figures['search'] / 1e6:>10.1f}  {stages}", flush=True)
            if args.check_search:
                done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_search.py"),
                                       str(scratch / "project" / "site"), str(scratch / "project" / "docs")],
                                      capture_output=True, text=True)
                print("\n".join(f"{size:>7} search   {line}" for line in done.stdout.splitlines()
                                if not line.startswith(" ") and ("terms" in line or "searchable" in line
                                                                 or done.returncode)), flush=True)
            add_one(size, scratch / "seeds")
            r_wall, r_peak, r_out = measured(build, scratch / "project", env)
            stages = re.search(r"^time\s+(.*)$", r_out, re.M).group(1)
            print(f"{size:>7} {'+1 report':<8} {r_wall:>8.1f} {r_peak / 1024:>9.0f}  {stages}", flush=True)
            shutil.rmtree(scratch / "seeds" / "added", ignore_errors=True)
            (scratch / "seeds" / "next-2024.txt").unlink(missing_ok=True)
            repeats = REPEATS.get(size, 1)
            warm = [measured(build, scratch / "project", env) for _ in range(repeats)]
            w_wall, w_peak, w_out = sorted(warm)[len(warm) // 2]
            stages = re.search(r"^time\s+(.*)$", w_out, re.M).group(1)
            print(f"{size:>7} {'warm':<8} {w_wall:>8.1f} {w_peak / 1024:>9.0f}  median of {repeats}: {stages}",
                  flush=True)
            if args.no_anchor:
                continue
            (scratch / "anchor" / "docs").mkdir(parents=True)
            anchor_docs(scratch / "seeds", scratch / "anchor" / "docs")
            (scratch / "anchor" / "mkdocs.yml").write_text(ANCHOR_CONFIG, encoding="utf-8")
            anchor = [measured([sys.executable, "-m", "mkdocs", "build", "-q"], scratch / "anchor", env)
                      for _ in range(repeats)]
            a_wall, a_peak, _ = sorted(anchor)[len(anchor) // 2]
            a = site_figures(scratch / "anchor" / "site")
            print(f"{size:>7} {'anchor':<8} {a_wall:>8.1f} {a_peak / 1024:>9.0f} {a['pages']:>6} "
                  f"{a['largest'] / 1024:>11.0f} {a['over200']:>7} {a['site'] / 1e6:>8.1f} {a['search'] / 1e6:>10.1f}"
                  f"  median of {repeats}; ratio cold {wall / a_wall:.2f}×, warm {w_wall / a_wall:.2f}×", flush=True)
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"benchmark took {time.perf_counter() - started:.0f} s")
    sys.exit(code)
