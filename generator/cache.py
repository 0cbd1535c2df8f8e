"""What a build keeps between runs, in the user's cache folder ($REPORT_SITE_CACHE, else
~/.cache/report-site; an empty $REPORT_SITE_CACHE turns it off):

    charts/    rendered charts, by the hash of their spec (render/charts.py)
    templates/ Jinja's compiled templates, the generator's and the theme's, each checked
               against its source's hash before use (half a second of every build)
    reports/   each report file read (ingest → parse → extract), by the hash of its bytes, its
               sidecars' bytes, the path it is shown under and the generator's own code: a
               rebuild after adding one report reads only that report

Nothing in it is needed: a missing, stale or unreadable entry is read again from the file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def cache_folder(kind: str) -> Path | None:
    """The folder for one kind of entry; None if the cache is off or cannot be written."""
    folder = os.environ.get("REPORT_SITE_CACHE")
    if folder == "":
        return None
    path = (Path(folder) if folder else Path.home() / ".cache" / "report-site") / kind
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path


@cache
def code_fingerprint() -> str:
    """The generator's code and tables: any change to them makes every cached report stale."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".csv", ".txt", ".json"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def report_key(path: Path, shown: str) -> str | None:
    """The key of a report file: its bytes, its sidecars' (report.meta.yml, report.errata.yml,
    any file named after it), its shown path, the code. None if a file cannot be read."""
    digest = hashlib.sha256(code_fingerprint().encode() + b"\0" + shown.encode() + b"\0")
    try:
        if not path.is_file():
            return None
        digest.update(path.read_bytes())
        for sidecar in sorted(path.parent.glob(f"{path.stem}.*")):
            if sidecar != path and sidecar.is_file():
                digest.update(b"\0" + sidecar.name.encode() + b"\0" + sidecar.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def load(kind: str, key: str | None):
    folder = cache_folder(kind)
    if folder is None or key is None:
        return None
    try:
        with open(folder / f"{key}.pickle", "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None


def store(kind: str, key: str | None, value) -> None:
    folder = cache_folder(kind)
    if folder is None or key is None:
        return
    partial = folder / f".{key}.{os.getpid()}.partial"
    try:
        with open(partial, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(folder / f"{key}.pickle")
    except OSError:
        partial.unlink(missing_ok=True)


def templates():
    """Jinja's cache of compiled templates in the cache folder, or None."""
    folder = cache_folder("templates")
    if folder is None:
        return None
    import jinja2

    return jinja2.FileSystemBytecodeCache(str(folder))
