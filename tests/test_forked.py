"""Work on every core (generator/forked.py): the answer of a plain loop, in its order, with
its errors."""

from __future__ import annotations

import os

import pytest

from generator import forked
from generator.diagnostics import InputError


@pytest.fixture
def three_cores(monkeypatch):
    monkeypatch.setattr(forked.os, "cpu_count", lambda: 3)
    forked.AWAY.clear()


def square_where(x):
    return x * x, os.getpid()


def test_results_come_back_in_order_from_forked_copies(three_cores):
    out = forked_map_of(square_where, range(40))
    assert [value for value, _ in out] == [x * x for x in range(40)]
    # (this process and at least one copy: which of the two copies takes which share is the
    # pool's affair, and on a loaded machine one copy may take them all)
    assert len({pid for _, pid in out}) >= 2 and os.getpid() in {pid for _, pid in out}
    assert forked.AWAY["square_where"] == 40 - sum(1 for _, pid in out if pid == os.getpid())


def forked_map_of(fn, items, least=1):
    return forked.forked_map(fn, list(items), least=least, share=2)


def test_what_a_forked_copy_changes_stays_there(three_cores):
    seen = []

    def note(x):
        seen.append(x)
        return x

    assert forked_map_of(note, range(12)) == list(range(12))
    assert 0 < len(seen) < 12  # only this process's share was noted here


def test_an_error_on_a_forked_copy_is_raised_as_the_plain_loop_raises_it(three_cores):
    def fails_at_30(x):
        if x == 30:
            raise InputError("a bad report", file="c30.txt", line=3, hint="fix it")
        return x

    with pytest.raises(InputError) as caught:
        forked_map_of(fails_at_30, range(40))
    assert (caught.value.file, caught.value.line, caught.value.hint) == ("c30.txt", 3, "fix it")


def test_a_short_list_or_one_core_stays_in_this_process(three_cores, monkeypatch):
    assert {pid for _, pid in forked_map_of(square_where, range(5), least=6)} == {os.getpid()}
    monkeypatch.setattr(forked.os, "cpu_count", lambda: 1)
    assert {pid for _, pid in forked_map_of(square_where, range(40))} == {os.getpid()}
    assert forked.AWAY["square_where"] == 0


def test_where_a_process_cannot_fork_the_work_stays_here(three_cores, monkeypatch):
    """Windows has no fork: the same answers, from this process alone."""
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert forked.workers() == 0
    assert {pid for _, pid in forked_map_of(square_where, range(40))} == {os.getpid()}


def test_with_here_false_this_process_only_waits(three_cores):
    """The reports are read this way: what the work loads (the segmenter) stays in the copies."""
    out = forked.forked_map(square_where, list(range(9)), least=1, here=False, processes=2)
    assert [value for value, _ in out] == [x * x for x in range(9)]
    assert os.getpid() not in {pid for _, pid in out} and forked.AWAY["square_where"] == 9
    one = forked.forked_map(square_where, [3], least=1, here=False, processes=2)
    assert one[0][0] == 9 and one[0][1] != os.getpid()  # even a single item
    assert {pid for _, pid in forked.forked_map(square_where, list(range(9)), least=1, here=False,
                                                processes=1)} == {os.getpid()}
