"""Restore the evaluation corpus's files that come from public Git repositories.

    python scripts/restore_corpus.py CORPUS --mirror DIR

The report texts are never committed: tests/eval/manifest.csv gives each file's address. Where
that address is a file in a public GitHub repository (owner/name/path@commit, or a cell of a
spreadsheet there: …xlsx@commit sheet1 row R col C), this script writes the file again from a
local copy of the repository, DIR/owner+name/repo (a bare git directory at any later commit).
Every other file is a stored web page: the manifest's query finds it again, to read; the store's
terms do not allow saving a verbatim copy, so those stay absent unless a copy is at hand. The script
lists how many of them are absent from CORPUS.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# owner/name/path, the commit, a note in brackets, or a spreadsheet's cell
_ADDRESS = re.compile(r"(?P<repo>[\w.-]+/[\w.-]+)/(?:blob/(?P<at>[0-9a-f]{40})/)?(?P<path>.+?)"
                      r"(?:@(?P<commit>[0-9a-f]{40}))?(?: \((?P<note>[^)]*)\))?"
                      r"(?: sheet1 row (?P<row>\d+) col (?P<col>[A-Z]))?"
                      r"(?: \((?P<label>[^)]*)\))?$")


def address(url: str) -> re.Match | None:
    """The parts of a repository address as the manifest writes it (its three spellings)."""
    url = re.sub(r"^(?:https://github\.com/|github:)", "", url.strip())
    url = re.sub(r"#Sheet1!([A-Z])(\d+)$", r" sheet1 row \2 col \1", url)  # a spreadsheet's cell, linked
    url = re.sub(r"^(\S+?\.\w+)( .*)(@[0-9a-f]{40})$", r"\1\3\2", url)  # path (partial)@commit
    return _ADDRESS.match(url) if "/" in url and not url.startswith("http") else None


def text_of(git_dir: Path, found: re.Match) -> str:
    commit = found["at"] or found["commit"] or "HEAD"
    data = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{found['path']}"],
                          capture_output=True, check=True).stdout
    if found["path"].endswith(".xlsx"):
        import openpyxl  # (only for these rows: not a dependency of the project)

        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        return str(sheet[f"{found['col']}{found['row']}"].value or "")
    return data.decode("gbk" if "GBK" in (found["note"] or "") else "utf-8-sig", errors="replace")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--mirror", type=Path, required=True, help="holds owner+name/repo git directories")
    args = parser.parse_args(argv)
    args.corpus.mkdir(parents=True, exist_ok=True)
    restored, failed, pages = 0, 0, 0
    with (ROOT / "tests" / "eval" / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found = address(row["url"] or "")
            if Path(row["file"]).name != row["file"]:  # (a name, never a path out of CORPUS)
                print(f"{row['file']}: not a file name; fix the manifest row", file=sys.stderr)
                failed += 1
                continue
            if found is None:
                pages += not (args.corpus / row["file"]).exists()
                continue
            git_dir = args.mirror / found["repo"].replace("/", "+") / "repo"
            try:
                text = text_of(git_dir, found)
            except (subprocess.CalledProcessError, FileNotFoundError, KeyError, ValueError) as err:
                print(f"{row['file']}: not restored from {found['repo']} ({type(err).__name__}); "
                      f"fetch the repository into {git_dir}", file=sys.stderr)
                failed += 1
                continue
            (args.corpus / row["file"]).write_text(text, encoding="utf-8")
            restored += 1
    print(f"{restored} files restored from repositories, {failed} not; "
          f"{pages} stored web pages still absent (search for the manifest's query)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
