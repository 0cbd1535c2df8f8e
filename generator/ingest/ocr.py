"""OCR repairs that are safe to make without a person, and OCR slips that need one."""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostic
from generator.model import Repair
from generator.numbers import DIGIT, NUMBER_SPLIT, UNIT
from generator.script import NARROW_SPACES, to_analysis

HAN = r"\u4e00-\u9fff"

# "党风廉政建设 and 反腐败斗争", "养老机构 and 2 所": an English "and" amid Chinese is 和.
AND_BETWEEN_HAN = re.compile(
    rf"(?:(?<=[{HAN}])\s*\b(?:and|AND|And)\b\s*(?=[{HAN}\d])"
    rf"|(?<=\d)\s*\b(?:and|AND|And)\b\s*(?=[{HAN}]))")



# "地區(qū)生產(chǎn)總值": a mirror site's pinyin annotation after a character, in brackets.
# Only tone-marked lowercase pinyin, so "(GDP)" or "(试行)" are never touched.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_NOTE = re.compile(rf"[（(](?=[a-z{_TONED}ü]*[{_TONED}])[a-z{_TONED}ü]{{1,7}}[）)]")
PINYIN_NOTE = re.compile(rf"(?<=[{HAN}]){_NOTE.pattern}")

# "預(" at a line's end and "yù)計" at the next one's start: a note that a copy wrapped at a fixed
# width cut in two
_NOTE_HEAD = re.compile(rf"(?<=[{HAN}])[（(]?[a-z{_TONED}ü]{{0,7}}$")
_NOTE_TAIL = re.compile(rf"^[（(]?[a-z{_TONED}ü]{{0,7}}[）)]")


def cut_notes(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Repair]]:
    """Pinyin notes cut across a line break, dropped from both lines."""
    out, repairs = list(lines), []
    for index in range(len(out) - 1):
        (number, text), (after, following) = out[index], out[index + 1]
        head, tail = _NOTE_HEAD.search(text), _NOTE_TAIL.match(following)
        if head and tail and _NOTE.fullmatch(head.group() + tail.group()):
            repairs.append(Repair("ocr", number, head.group() + tail.group(), "", "删除镜像站注音残留 1 处（跨行）"))
            out[index], out[index + 1] = (number, text[:head.start()]), (after, following[tail.end():])
    return out, repairs


# "2 016 年", "20 16年": a year the OCR broke with a space. Four digits that read 1949–2100
# before 年 are a year whatever the spaces; joining them is safe (an amount is never followed
# by 年, and "1 7 亿公斤" is left for a person).
SPLIT_YEAR = re.compile(r"(?<![\d.])[12](?:\s?\d){3}(?=\s*年)")


def join_split_years(text: str) -> tuple[str, list[str]]:
    """The text with its broken years joined, and each broken year as printed."""
    found = []

    def join(match: re.Match) -> str:
        joined = re.sub(r"\s", "", match.group())
        if " " not in match.group().strip() or not 1949 <= int(joined) <= 2100:
            return match.group()
        found.append(match.group())
        return joined

    return SPLIT_YEAR.sub(join, text), found


# Control characters (form feeds, stray NULs from a PDF extract) are not text; nor is a
# line break left inside a line (a lone CR, NEL, U+2028/9), which Markdown would read as
# a new line and so lose track of where the paragraph came from.
# Zero-width characters too (8\u200b6.5 is 86.5), and bidi overrides, which reorder what shows.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029"
                     r"\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u180e]+")


# "…提出意见。\r\n一、2017年工作回顾\r\n…": a text exported from JSON or a database keeps its
# line breaks as the two characters \ and n. Two or more in a line are line breaks, never text.
ESCAPED_BREAK = re.compile(r"(?:\\r)?\\n|\\r")


def split_escaped_breaks(lines: list[tuple[int, str]]):
    """Lines holding escaped line breaks (\\r\\n as text), split where they stand; each piece
    keeps its source line's number."""
    out, repairs = [], []
    for number, text in lines:
        breaks = ESCAPED_BREAK.findall(text)
        if len(breaks) < 2:
            out.append((number, text))
            continue
        repairs.append(Repair("ocr", number, breaks[0], "⏎",
                              f"把 {len(breaks)} 处写成文字的换行符（{breaks[0]}）当作换行"))
        out.extend((number, piece) for piece in ESCAPED_BREAK.split(text))
    return out, repairs


# "同 比增长5%", "7.9亿 元": a copy that kept its page's line ends as spaces puts them inside
# words. Where a document does so again and again in its body, a single space between two
# Chinese characters is layout, not text (short lines — 政 府 工 作 报 告, 县长 李翔 — are left).
# A line of prose is long, or a narrow column's line that holds a clause stop (入和农村居民 人 均可
# 支 配收入,预 计 分别 增 长): a row of a table set with spaces holds none.
LAYOUT_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
# (A space between digits stays, even there: an OCR'd copy has such spaces too, and 1 7亿公斤 is
# flagged for a person to settle, never joined.)
LAYOUT_LINE_CHARS = 40
COLUMN_LINE_CHARS = 20
_CLAUSE_STOP = re.compile(r"[，,。；;、]")
LAYOUT_SPACES_MIN = 5


def _prose(text: str) -> bool:
    size = len(text.strip())
    return size >= LAYOUT_LINE_CHARS or size >= COLUMN_LINE_CHARS and bool(_CLAUSE_STOP.search(text))


# "完成 27 .4 亿元", "15 . 1 亿元": a space before a decimal point (a number never begins with a
# point), so the two sides are one number; unlike "1 7 亿公斤", nothing is left to guess
SPACED_POINT = re.compile(r"(?<=\d)\s+\.\s*(?=\d)")
# "分别增长9.9%、-4.2%和26。8%": a decimal point the OCR read as a full stop, between a rate's whole
# part and its one decimal digit (not 位居全市第3。98%以上的群众…, nor 2019。95%…: a sentence may open
# on a rate, but not on one digit of it)
STOP_AS_POINT = re.compile(r"(?<![第\d.])(\d{1,3})。(\d)(?=\s*[%％‰])")


# "生产总值223 961万元", "收入 9 081万元": an old typeset copy groups a number's thousands with a
# space (a head of one to three digits, then groups of three, before a unit). Where a text does so
# again and again it is that copy's style, and the groups are one number; a lone "1 7 亿公斤" (or
# a lone "1 700万元": 1.700 or 1700?) is still left for a person.
THOUSANDS_SPACED = re.compile(rf"(?<![\d.])\d{{1,3}}(?: \d{{3}})+(?![\d.])(?=\s*{UNIT})")
THOUSANDS_SPACED_MIN = 3
_GROUP_SPACE = re.compile(f"[ {NARROW_SPACES}]")  # (the plain space, or a typesetter's narrow one)


def _join_thousands(text: str, following: str = "") -> tuple[str, list[re.Match]]:
    """`text` with its space-grouped numbers joined (found in the analysis script: 萬元 is 万元;
    a unit may open the `following` line, when a copy wrapped at a fixed width cut it off), and
    the matches."""
    found = [m for m in THOUSANDS_SPACED.finditer(to_analysis(text + "\n" + following[:4]))
             if m.end() <= len(text)]
    for match in reversed(found):
        text = text[:match.start()] + _GROUP_SPACE.sub("", text[match.start():match.end()]) + text[match.end():]
    return text, found


# "同比增长7.2;一般公共预算收入353亿元,增长8.8;…分别增长8.7、10.5", "涨幅控制在1.8": a copy that
# lost every % sign (a page's markup ate them). Where a text prints none at all and reads so at least
# LOST_PERCENT_MIN times, a bare number right after a word of growth and before a stop is a rate
# (a level has its unit; 增长1倍, 提高2个百分点 say theirs): its % is put back.
LOST_PERCENT = re.compile(r"(?:增长|下降|增幅|涨幅|增速|回落)(?:控制在|为|达到?)?\s*"
                          r"(?:-?\d{1,3}(?:\.\d+)?)(?:\s*[、和]\s*-?\d{1,3}(?:\.\d+)?)*(?=\s*(?:[;；，,。）)]|$))")
LOST_PERCENT_MIN = 2
PERCENT_SIGN = re.compile("[%％﹪℅]")  # (in any of the forms the analysis script reads as %)
_BARE_RATE = re.compile(r"\d{1,3}(?:\.\d+)?(?=\s*(?:[、和;；，,。）)]|$))")


def _percent_back(text: str) -> tuple[str, int]:
    """`text` with a % after each rate LOST_PERCENT finds (in the analysis script), and how many."""
    count = 0
    for match in reversed(list(LOST_PERCENT.finditer(to_analysis(text)))):
        for rate in reversed(list(_BARE_RATE.finditer(text, match.start(), match.end()))):
            text = text[:rate.end()] + "%" + text[rate.end():]
            count += 1
    return text, count


# "城鎮,、農村居民…分別增長10%,、12%", "隆重開幕,。": a mirror site's comma before another stop.
# A comma that another stop follows at once is never text; dropping it keeps the list a list.
DOUBLED_STOP = re.compile(r"[,，](?=[,，、。；])")


def _mend(pattern: re.Pattern, replacement: str, text: str, number: int, note: str, after: int,
          repairs: list[Repair]) -> str:
    """`text` with every match of `pattern` replaced; one repair for the line, showing the first
    match with 4 characters before it and `after` after, and how many (`note`'s {})."""
    first = pattern.search(text)
    if first is None:
        return text
    context = text[max(0, first.start() - 4):first.end() + after]
    mended, count = pattern.subn(replacement, text)
    repairs.append(Repair("ocr", number, context, pattern.sub(replacement, context), note.format(count)))
    return mended


def repair_ocr(lines: list[tuple[int, str]]):
    """Drop control characters, mirror-site pinyin notes, commas doubling another stop and spaces
    before a decimal point, and layout spaces where a copy is full of them; Latin "and" amid
    Chinese → 和."""
    lines, repairs = cut_notes(lines)
    out = []
    layout = sum(len(LAYOUT_SPACE.findall(text)) for _, text in lines if _prose(text)) >= LAYOUT_SPACES_MIN
    following = [text for _, text in lines[1:]] + [""]
    # each line with its space-grouped numbers joined, read once (most lines have none)
    joins = [_join_thousands(text, after) if _GROUP_SPACE.search(text) and DIGIT.search(text) else (text, [])
             for (_, text), after in zip(lines, following, strict=True)]
    grouped = sum(len(found) for _, found in joins) >= THOUSANDS_SPACED_MIN
    lost = not any(PERCENT_SIGN.search(text) for _, text in lines) and \
        sum(len(LOST_PERCENT.findall(to_analysis(text))) for _, text in lines) >= LOST_PERCENT_MIN
    for (number, text), (joined, found) in zip(lines, joins, strict=True):
        if grouped and found:
            context = text[max(0, found[0].start() - 4):found[0].end() + 2]
            printed = text[found[0].start():found[0].end()]
            repairs.append(Repair("ocr", number, context, context.replace(printed, _GROUP_SPACE.sub("", printed)),
                                  f"数字按千位用空格分节，已连写 {len(found)} 处"))
            text = joined
        if layout and _prose(text):
            text = _mend(LAYOUT_SPACE, "", text, number, "删除词语中间的版式空格 {} 处", 4, repairs)
        if CONTROL.search(text):
            repairs.append(Repair("ocr", number, repr(text[:16]), "", "删除不可见的控制字符"))
            text = CONTROL.sub("", text)
        if PINYIN_NOTE.search(text):
            notes = PINYIN_NOTE.findall(text)
            repairs.append(Repair("ocr", number, "".join(notes), "",
                                  f"删除镜像站注音残留 {len(notes)} 处"))
            text = PINYIN_NOTE.sub("", text)
        if lost and (found := LOST_PERCENT.search(to_analysis(text))):
            context = text[max(0, found.start() - 4):found.end() + 1]
            text, count = _percent_back(text)
            repairs.append(Repair("ocr", number, context, _percent_back(context)[0],
                                  f"全文没有百分号，增长率后已补回 % {count} 处"))
        text = _mend(DOUBLED_STOP, "", text, number, "删除紧挨另一标点的多余逗号 {} 处", 2, repairs)
        text = _mend(SPACED_POINT, ".", text, number, "小数点前有空格，已连写 {} 处", 2, repairs)
        text = _mend(STOP_AS_POINT, r"\1.\2", text, number, "数字中间的句号应为小数点，已改 {} 处", 3, repairs)
        text, years = join_split_years(text)
        for year in years:
            repairs.append(Repair("ocr", number, f"{year}年", "".join(year.split()) + "年",
                                  "年份数字中间有空格，已连写"))
        for match in AND_BETWEEN_HAN.finditer(text):
            context = text[max(0, match.start() - 4):match.end() + 4]
            repairs.append(Repair("ocr", number, context,
                                  context.replace(match.group(0), "和"),
                                  "中文之间的英文 and 应为“和”"))
        out.append((number, AND_BETWEEN_HAN.sub("和", text)))
    return out, repairs


def find_number_splits(lines: list[tuple[int, str]], source: str):
    """Flag numbers broken by a space; they stay as printed until an erratum resolves them."""
    repairs, diagnostics = [], []
    for number, text in lines:
        for match in NUMBER_SPLIT.finditer(to_analysis(text)):  # 1 7 億元 too
            found = text[match.start():match.end() + 3]
            repairs.append(Repair("number-split", number, found, "",
                                  "数字中间有空格，数值存疑，需人工勘误确认"))
            diagnostics.append(Diagnostic(
                "W101", "number-split", source, number,
                f"{found!r} has a space inside a number",
                "add an entry to the .errata.yml file beside the report"))
    return repairs, diagnostics
