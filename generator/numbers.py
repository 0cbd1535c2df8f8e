"""How reports write numbers: the units that follow them, and the OCR slip that splits one.

Shared by ingest (which flags a split number) and extraction (which reads quantities), so
both agree on what a number is. Patterns match analysis text (simplified script, ASCII
digits; see generator.script).
"""

from __future__ import annotations

import re
from decimal import Decimal

DIGIT = re.compile(r"\d")  # (a text without one holds no figure)
# 33,524 (thousands separated) or 86.34; the commas are dropped before the value is read
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# "705亿 元": a layout space (a PDF copy's line end) may fall between magnitude and measure;
# 1.3万亿元 is 13000 亿元 (a city's or a large district's output)
_MAGNITUDE = r"(?:(?:万亿|亿|万|千) ?)?"
_MEASURES = ("美元|元|吨|公斤|千克|斤|平方公里|平方米|公顷|亩|公里|千米|米|千瓦时|千瓦|兆瓦|度|立方米|"
             "人次|人|户|家|个|所|座|条|项|套|台|辆|处|间|张|批|件|场|次|只|头|株|棵|名|位|床|"
             "栋|幢|孔|眼|口|宗|笔|篇|部|支|盏|艘|架|标箱|车次|元/人|倍|岁|天")
UNIT = rf"(?:%|‰|个百分点|{_MAGNITUDE}(?:{_MEASURES})|万亿|亿|万)"

# "总产量 1 7 亿公斤": a space inside a number before a unit. Is it 1.7 or 17? Only a person
# can tell, so it is flagged, never guessed; an errata entry resolves it.
NUMBER_SPLIT = re.compile(rf"(?<![\d.])\d{{1,4}} \d{{1,3}}(?![\d.])(?=\s*{UNIT})")


def number(text: str | None) -> str:
    """A decimal string without float noise or exponent: 4.0962, 86.34, 13622."""
    if text is None:
        return ""
    value = Decimal(text).normalize()
    return format(value, "f")
