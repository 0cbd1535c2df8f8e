"""Tables of indicators: an annex's rows, read by the columns its header names.

    指标名称 ⇥ 单位 ⇥ 2021年完成 ⇥ 增长(%) ⇥ 全市增幅(%) ⇥ 2022年目标增长(%)
    地区生产总值 ⇥ 亿元 ⇥ 116.8 ⇥ 8.7 ⇥ 7.7 ⇥ 7左右

A report's annex (主要经济指标完成情况及预期目标表), or a post that copies one, sets each indicator on a
row, its cells apart by tabs or by runs of spaces. A sentence's rules cannot read it (a row has no
verbs and its numbers stand in columns); the header can: each column is a level or a growth, of a
result, an estimate or a target, of a year it names (or the report's). Columns of another region
(全市增幅), of several years (年均增长), of ranks or shares are no figure of the row's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.headings import ROW_NUMBER, TABLE_MIN_CELLS, table_cells
from generator.numbers import DIGIT, UNIT
from generator.script import to_analysis

# 指标名称, 项目, 主要指标: the first cell of a header row
_HEADER_FIRST = re.compile(r"^\s*(?:主要)?(?:经济)?(?:指标|项目|名称)")
_UNIT_COLUMN = re.compile(r"^\s*(?:计量)?单位")
# another region's column (全市增幅), several years' (年均增长), a rank, a share or a change in points
_NOT_ITS_OWN = re.compile(r"全市|全省|全州|全盟|全国|省|市均|排名|位次|名次|排序|年均|占比|比重|上年|同期|去年|"
                          r"增减|百分点|差距|累计")
_LAST_YEARS_OWN = re.compile(r"^\s*(?:上年|去年)(?:实绩|完成|实际|完成数|实绩数|快报数|预计)\s*$")
_ITS_GROWTH_BASE = re.compile(r"(?:比|较)(?:上年|去年)(?:同期)?|同比")
_GROWTH_COLUMN = re.compile(r"增长|增幅|增速|[%％]")
_TARGET_COLUMN = re.compile(r"目标|预期|计划")
_ESTIMATE_COLUMN = re.compile(r"预计")
_VALUE_COLUMN = re.compile(r"完成|实绩|绝对|总量|数值|实际|目标|预计|预期|计划|\d{4}\s*年")
_YEAR = re.compile(r"(\d{4})\s*年")
# 116.8, -3.4, 7左右, 3%左右: a cell that is one number, with a bound
# (50亿元以上: a level cell that holds its unit)
_CELL_NUMBER = re.compile(rf"^\s*(?P<sign>[-−+])?(?P<n>\d+(?:\.\d+)?)\s*(?:%|％|(?P<unit>{UNIT}))?\s*"
                          r"(?P<q>左右|以上|以内|以下)?\s*$")
# 地区生产总值（亿元）: the unit in brackets after the name
_UNIT_IN_NAME = re.compile(r"\s*[（(]\s*(?P<unit>[^（）()]{1,6})\s*[）)]\s*$")
_ASIDE_LEAD = re.compile(r"^\s*(?:其中|内含)\s*[：:]?\s*")
_NUMBER_COLUMN = re.compile(r"^\s*(?:序号|编号|序)\s*$")
# 序号  指标名称: the number's column only two spaces from the name's, one cell to the split
_NUMBER_THEN_NAME = re.compile(r"^\s*(?:序号|编号)\s+(?=\S)")
# 亿元, 万吨, 元, %: a unit the catalogue can scale (a cell or a bracket that says anything else is no unit)
_A_UNIT = re.compile(UNIT)


@dataclass(frozen=True)
class Column:
    role: str  # "unit", "value" or "growth"
    kind: str = ""  # "actual", "estimate" or "target" ("" for the unit)
    year: int | None = None


@dataclass(frozen=True)
class Cell:
    """A number read from a row: its column, the number (sign applied), its bound, where it is in the row."""

    column: Column
    number: str
    qualifier: str
    start: int
    end: int
    unit: str = ""  # the cell's own (50亿元以上), over the row's


@dataclass(frozen=True)
class Table:
    """What a header row says: each column's meaning (None for the name's and for columns no figure
    of the row's is in), and whether the rows open with their number (序号 ⇥ 指标名称 ⇥ …)."""

    columns: list[Column | None]
    numbered: bool = False


def header(text: str, year: int, review_year: int) -> Table | None:
    """The table a header row opens, or None when the row is no header. A column that names no year
    or kind of its own (增长(%) after 2021年完成) is of the column before it; else a target's is the
    report's year, a result's the year it reviews."""
    row = [to_analysis(cell) for _, _, cell in table_cells(text)]
    numbered = bool(row) and bool(_NUMBER_COLUMN.match(row[0]))
    if numbered:
        row = row[1:]
    elif row and (joined := _NUMBER_THEN_NAME.match(row[0])):
        numbered, row = True, [row[0][joined.end():], *row[1:]]
    if len(row) < TABLE_MIN_CELLS or not _HEADER_FIRST.match(row[0]) or any(_CELL_NUMBER.match(c) for c in row):
        return None
    columns: list[Column | None] = [None]
    last: Column | None = None
    # 上年实绩 ⇥ … ⇥ 今年目标: beside this year's targets, last year's results are the year reviewed
    planned = any(_TARGET_COLUMN.search(cell) or "今年" in cell for cell in row[1:])
    for cell in row[1:]:
        if _UNIT_COLUMN.match(cell):
            columns.append(Column("unit"))
            continue
        if planned and _LAST_YEARS_OWN.match(cell):
            last = Column("value", "actual", review_year)
            columns.append(last)
            continue
        if _NOT_ITS_OWN.search(_ITS_GROWTH_BASE.sub("", cell)):  # (比上年增长: the row's own growth)
            columns.append(None)
            continue
        said = _YEAR.search(cell)
        own_kind = "target" if _TARGET_COLUMN.search(cell) else "estimate" if _ESTIMATE_COLUMN.search(cell) else ""
        inherits = last is not None and not said and not own_kind
        kind = own_kind or (last.kind if inherits else "actual")
        when = int(said.group(1)) if said else last.year if inherits else year if kind == "target" else review_year
        if _GROWTH_COLUMN.search(cell):
            last = Column("growth", kind, when)
        elif _VALUE_COLUMN.search(cell):
            last = Column("value", kind, when)
        else:
            columns.append(None)
            continue
        columns.append(last)
    return Table(columns, numbered) if any(c and c.role != "unit" for c in columns) else None


def unit_of(text: str) -> str:
    """`text` as a unit when it is one the catalogue scales (亿元, 万吨), else ""."""
    return text if _A_UNIT.fullmatch(to_analysis(text)) else ""


def row_figures(text: str, table: Table) -> tuple[str, str, list[list[Cell]]] | None:
    """The row's name, its unit, and its numbers grouped by (kind, year): one group per figure."""
    row = table_cells(text)
    if table.numbered and row and ROW_NUMBER.fullmatch(row[0][2]):
        row = row[1:]  # (1 ⇥ 地区生产总值 ⇥ …: the row's number; a row without one, 其中：…, has none to skip)
    if len(row) < 2 or DIGIT.search(row[0][2]):
        return None  # (地区生产总值3003亿元 ⇥ 8.8: a level in the name's cell, which the sentence rules read)
    name = _ASIDE_LEAD.sub("", row[0][2])
    unit = ""
    if bracket := _UNIT_IN_NAME.search(name):
        unit, name = unit_of(bracket["unit"]), name[:bracket.start()]
    groups: dict[tuple[str, int | None], list[Cell]] = {}
    for (start, end, cell), column in zip(row[1:], table.columns[1:], strict=False):
        if column is None:
            continue
        if column.role == "unit":
            unit = unit or unit_of(cell)
            continue
        plain = to_analysis(cell)
        if not (number := _CELL_NUMBER.match(plain)):
            continue  # (—, 与经济增长同步: no number)
        sign = "-" if number["sign"] in ("-", "−") else ""
        groups.setdefault((column.kind, column.year), []).append(
            Cell(column, sign + number["n"], number["q"] or "", start + number.start("n"), end, number["unit"] or ""))
    return (name, unit, list(groups.values())) if groups else None
