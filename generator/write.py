"""Write: the only writer of docs/ and site/. Nothing is replaced until everything built.

Pages are staged in a scratch folder with the hand-written pages of docs/, MkDocs builds
the staged site, and only then are docs/ and site/ updated. A failed build leaves the
previous docs/ and site/ as they were.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

MANIFEST = ".generated"


def generated_paths(docs: Path) -> set[str]:
    manifest = docs / MANIFEST
    if not manifest.exists():
        return set()
    return set(manifest.read_text(encoding="utf-8").split("\n")) - {""}


def stage_docs(pages: dict[str, str], docs: Path, stage: Path) -> None:
    """A complete docs folder in `stage`: hand-written pages plus the generated ones."""
    if stage.exists():
        shutil.rmtree(stage)
    old = generated_paths(docs) | {MANIFEST}
    if docs.is_dir():
        for path in sorted(docs.rglob("*")):
            relative = path.relative_to(docs).as_posix()
            if path.is_file() and relative not in old:
                target = stage / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    write_pages(pages, stage)


def write_pages(pages: dict[str, str], root: Path) -> None:
    for relative, text in sorted(pages.items()):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")


def publish_docs(pages: dict[str, str], docs: Path) -> None:
    """Replace the previously generated pages in docs/ by the new ones."""
    for relative in sorted(generated_paths(docs) - set(pages)):
        path = docs / relative
        if path.is_file():
            path.unlink()
    for relative, text in sorted(pages.items()):
        target = docs / relative
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    prune_empty_dirs(docs)
    (docs / MANIFEST).write_text("\n".join(sorted(pages)) + "\n", encoding="utf-8")


def prune_empty_dirs(root: Path) -> None:
    for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def publish_site(staged: Path, site: Path) -> None:
    """Swap the freshly built site in place of the old one."""
    old = site.with_name(f".{site.name}.old-{os.getpid()}")  # never a folder of the user's
    if site.exists():
        site.rename(old)
    staged.rename(site)
    if old.exists():
        shutil.rmtree(old)
