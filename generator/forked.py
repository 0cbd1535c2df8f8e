"""Independent work on every core: forked copies of this process take shares of a list.

A forked copy already holds everything this process holds, so nothing is sent to it but the
positions of its items; only results come back (pickled). This process does its own share
meanwhile, and results are returned in the items' order, so the answer is the one a plain
loop gives. A share that fails on a forked copy is done again here, where its error is raised
as the plain loop would raise it. The collector is frozen while the copies run: its full
collections write to every object they visit, which would copy the shared memory page by
page. Below `least` items, or on one core, it is that plain loop.
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
_work: dict = {}  # what the forked copies read: the function and the items
AWAY: Counter = Counter()  # items done on forked copies, by the function's name (for tests)


def _share(start: int, stop: int) -> list:
    fn, items = _work["fn"], _work["items"]
    return [fn(items[n]) for n in range(start, stop)]


def workers() -> int:
    """Forked copies to start beside this process: one per other core (none where a process
    cannot fork, as on Windows)."""
    return max((os.cpu_count() or 1) - 1, 0) if can_fork() else 0


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(fn: Callable[[T], R], items: Sequence[T], *, least: int, share: int = 4, here: bool = True,
               processes: int | None = None) -> list[R]:
    """[fn(item) for item in items], on every core when there are at least `least` items.
    `fn` must leave nothing behind but its result (what it changes in a copy stays there).
    `processes` (every core by default) do the work; with `here` false, this process is not
    one of them and only waits (what `fn` loads, it then never holds)."""
    processes = (os.cpu_count() or 1) if processes is None else processes
    helpers = (processes - 1 if here else processes) if can_fork() else 0
    if len(items) < least or helpers < 1 or not here and processes < 2:
        return [fn(item) for item in items]
    share = max(1, min(share, len(items) // (helpers + here)))  # a short list is still spread
    shares = [(start, min(start + share, len(items))) for start in range(0, len(items), share)]
    stays = (lambda n: n % (helpers + 1) == 0) if here else (lambda n: False)
    _work.update(fn=fn, items=items)
    results: list[list | None] = [None] * len(shares)
    gc.freeze()  # the copies' collector leaves what is shared alone: a full collection would copy it all
    try:
        with ProcessPoolExecutor(max_workers=min(helpers, len(shares)), mp_context=get_context("fork")) as pool:
            away = {n: pool.submit(_share, *shares[n]) for n in range(len(shares)) if not stays(n)}
            for n, (start, stop) in enumerate(shares):
                if n not in away:
                    results[n] = [fn(items[i]) for i in range(start, stop)]
            for n, future in away.items():
                try:
                    results[n] = future.result()
                    AWAY[fn.__name__] += len(results[n])
                except Exception:  # noqa: BLE001 - done again here, where a real error is raised as it is
                    results[n] = None
    finally:
        _work.clear()
        gc.unfreeze()
    out: list[R] = []
    for n, (start, stop) in enumerate(shares):
        out.extend(results[n] if results[n] is not None else [fn(items[i]) for i in range(start, stop)])
    return out
