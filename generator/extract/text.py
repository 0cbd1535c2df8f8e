"""Sentences of a paragraph, as offsets into its analysis text."""

from __future__ import annotations

import re

from generator.script import to_analysis

__all__ = ["last_stop", "sentences", "to_analysis"]

# A sentence ends at 。！？ or ；: each carries its own figures and its own time.
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`."""
    spans, start = [], 0
    for piece in _SENTENCE_END.split(text):
        if piece.strip():
            spans.append((start, start + len(piece)))
        start += len(piece)
    return spans


def last_stop(text: str, stops: str, end: int | None = None, start: int = 0) -> int:
    """Offset of the last of the characters `stops` in `text[start:end]`, or -1."""
    end = len(text) if end is None else end
    return max(text.rfind(stop, start, end) for stop in stops)
