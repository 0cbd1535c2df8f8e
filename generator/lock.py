"""One build at a time: `build`, `bundle` and `add` hold a lock in the folder they write to
(the one holding docs/ or seeds/), so a second run there stops with one clear line instead
of writing over the first. The lock is the operating system's (flock): a build that is
killed lets go of it with its process, so it is never left stuck."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from generator.diagnostics import GeneratorError

LOCK_NAME = ".report-site.lock"


class BusyError(GeneratorError):
    """Another build, bundle or add holds the lock."""


@contextmanager
def exclusive(output: Path, what: str) -> Iterator[None]:
    """Hold the lock of the folder `output` sits in while the block runs."""
    folder = output.absolute().parent
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / LOCK_NAME, timeout=0)
    who = folder / (LOCK_NAME + ".who")  # the lock file itself is emptied by every try
    try:
        lock.acquire()
    except Timeout:
        holder = who.read_text(encoding="utf-8").strip() if who.exists() else ""
        raise BusyError(f"another report-site run is writing here{f' ({holder})' if holder else ''}",
                        file=str(folder / LOCK_NAME),
                        hint="wait for it to finish, then run this again") from None
    try:
        who.write_text(f"{what}, pid {os.getpid()}\n", encoding="utf-8")
        yield
    finally:
        who.unlink(missing_ok=True)
        lock.release()
