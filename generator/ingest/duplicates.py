"""Passages printed twice: flagged for a reader to judge, never silently removed."""

from __future__ import annotations

import re

from generator.model import Block, Repair

SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")
# Short sentences ("各位代表！", "为他们点赞！") recur by design; a repeated sentence this long
# is a layout or OCR slip.
MIN_CHARS = 12


def normalise(sentence: str) -> str:
    return re.sub(r"[\s*]+", "", sentence)


def find_duplicates(blocks: list[Block]) -> list[Repair]:
    """One repair per run of consecutive sentences that already appeared earlier."""
    first_seen: dict[str, int] = {}
    repairs = []
    for block in blocks:
        run: list[str] = []
        run_first = 0
        for match in SENTENCE.finditer(block.text):
            key = normalise(match.group(0))
            if len(key) >= MIN_CHARS and key in first_seen and first_seen[key] != block.line_start:
                if not run:
                    run_first = first_seen[key]
                run.append(match.group(0).strip().replace("**", ""))
                continue
            if run:
                repairs.append(_duplicate(block, run, run_first))
                run = []
            if len(key) >= MIN_CHARS:
                first_seen.setdefault(key, block.line_start)
        if run:
            repairs.append(_duplicate(block, run, run_first))
    return repairs


def _duplicate(block: Block, run: list[str], first_line: int) -> Repair:
    return Repair("duplicate", block.line_start, "".join(run), "",
                  f"与第 {first_line} 行的文字重复，按原样保留",
                  first_line)
