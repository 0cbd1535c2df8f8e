"""Script normalisation for analysis: simplified script, ASCII digits, the same length as the original.

Matching runs on the analysis text; labels and sentences are cut from the original at the
same offsets, so a traditional-script report is analysed in simplified script and still
shown as printed.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# Full-width digits and the signs that travel with numbers; nothing else, so Chinese
# punctuation (which delimits clauses) is left alone. ﹪ (small) and ℅ (care of, which input
# methods offer beside ％ and county sites print as one: 增长15℅) read as %. The small and
# vertical forms of the clause stops (﹔﹐﹑﹕, ︔︐︑︓, and ︒ for 。), which big5 copies and
# vertical layouts carry, read as the stops every rule knows (糧食總產量保持在10.42萬噸以上﹔).
# The narrow spaces a typeset copy groups digits with (no-break, thin, figure, narrow no-break:
# 136 250万元) read as the plain space, so a number they break is seen as broken.
NARROW_SPACES = "\u00a0\u2007\u2009\u202f"
_WIDE = "０１２３４５６７８９．％﹪℅＋－～﹐﹑﹔﹕﹖﹗︐︑︒︓︔︕︖" + NARROW_SPACES
_FULL_WIDTH = str.maketrans(_WIDE, "0123456789.%%%+-~，、；：？！，、。：；！？" + " " * len(NARROW_SPACES))
_ANY_WIDE = re.compile(f"[{_WIDE}]")  # (a search is ten times faster than a translate that changes nothing)


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_analysis(text: str) -> str:
    """Simplified script, ASCII digits and %, character for character."""
    return _short(text) if len(text) <= SHORT else _convert(text)


# Labels and clauses come back again and again (every figure reads its label more than once):
# short texts are converted once.
SHORT = 64


@lru_cache(maxsize=32_768)
def _short(text: str) -> str:
    return _convert(text)


@cache
def _converts() -> re.Pattern:
    """Any of the characters t2s changes on their own (about 4,200 of the CJK blocks); a text with
    none of them is already simplified, and OpenCC need not read it (the only change it could
    still make is a phrase's, 反覆 → 反复, which no rule reads)."""
    han = "".join(map(chr, [*range(0x3400, 0xA000), *range(0xF900, 0xFB00)]))
    changed = "".join(a for a, b in zip(han, _simplified(han), strict=True) if a != b)
    return re.compile(f"[{re.escape(changed)}]")


def _simplified(text: str) -> str:
    """t2s, character for character in length."""
    converted = _t2s().convert(text)
    if len(converted) != len(text):  # a phrase rule changed the length: convert per character
        converted = "".join(_t2s().convert(char) for char in text)
    return converted


def _convert(text: str) -> str:
    converted = _simplified(text) if _converts().search(text) else text
    if _ANY_WIDE.search(converted):
        converted = converted.translate(_FULL_WIDTH)
    if "年" in converted and _HAN_YEAR.search(converted):
        converted = _HAN_YEAR.sub(lambda m: m.group().translate(_HAN_DIGITS), converted)
    return converted


# 二○二二年工作安排, 一九九八年: a year in Chinese numerals, digit for digit (the same length)
_HAN_DIGITS = str.maketrans("○〇零一二三四五六七八九", "000123456789")
_HAN_YEAR = re.compile(r"(?<![一二三四五六七八九十○〇零])[一二](?:[○〇零一二三四五六七八九]){3}(?=\s*年)")
