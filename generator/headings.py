"""Shapes of the outline lines of a 政府工作报告, shared by ingest (joins) and parse.

Reports number their parts 一、二、, their sections （一）（二）, and open topics with a
lead sentence: bold in the seed (`**抓项目增总量，锻造发展强引擎。**`), or plain
`一要…。` / `二是…。` in reports without markup.
"""

from __future__ import annotations

import re
import unicodedata

from generator.script import to_analysis

NUMERAL = "一二三四五六七八九十"

PART = re.compile(rf"^[{NUMERAL}]{{1,3}}\s*、")
SECTION = re.compile(rf"^[（(]\s*[{NUMERAL}]{{1,3}}\s*[）)]")
# "一要推动农业由传统向现代转变。" at the start of an unmarked paragraph
PLAIN_TOPIC = re.compile(rf"^(?:第?[{NUMERAL}]{{1,3}}[是要])[^。！？]{{3,38}}[。！？]")
BOLD_LEAD = re.compile(r"^\*\*(?P<lead>[^*]+)\*\*")

# "一、", "第一部分": how a part heading is numbered, when it is
_NUMBERED = r"(?:[一二三四五六七八九十]+\s*、|第[一二三四五六七八九十]+部分)"
# (【2023年主要预期目标】: a post's heading in brackets; PART 1  2018年 这样走过: a long image's part)
_PART_NUMBER = rf"^[#*\s【]*(?:{_NUMBERED}|(?i:part)\s*\d{{1,2}})?\s*"
# "一、精彩的2012年", "二、奋进2023年：矢志赶超、开创新局", "二、2019年主要工作": a numbered part named
# by a year alone, or by a year's work (whether it looks back or plans, its neighbour a year apart
# tells, or else its number: the first part of a report looks back, a later one plans)
YEAR_PART_HEADING = re.compile(rf"^[#*\s]*(?P<n>{_NUMBERED})\s*[^。，,；;：:\d]{{0,8}}?\s*(?P<y>\d{{4}})\s*年\s*"
                               r"(?:的?(?:主要)?工作)?\s*(?:[：:][^。，,；;：:\d]{0,16})?$")
# "一、2014年主要工作", "第二部分 2015年工作": a part named for one year's work and nothing else, whose
# role its year gives (not 二、奋进2023年：矢志赶超…, whose plan may open on a look back over twenty years)
YEARS_WORK_HEADING = re.compile(_PART_NUMBER + r"(?P<y>\d{4})\s*年\s*(?:的)?(?:主要)?工作\s*$")
# "一、2022年工作回顾": the review year, when no meeting line gives the date
# (numbered or not: "回顾2023年工作成果" heads some reports; "第一部分 2022年工作情况",
# "一、2020年主要工作和“十三五”发展成就", "一、“十三五”发展成就和2020年主要工作" others;
# "回顾2017年" alone, as a news digest heads its figures, as long as it names no plan;
# not "2003年以来的工作回顾", a term's look back from its first year)
REVIEW_HEADING = re.compile(_PART_NUMBER +
                            r"(?:(?P<look>回顾|回眸|回首)|(?P<lead>[^。，,；;\d]{0,14}(?:成就|成绩|回顾)\s*[和与及]))?\s*"
                            r"(?P<y>\d{4})\s*年(?!\s*以?来)(?(lead)(?![^。，,；;]{0,10}(?:安排|目标|任务|计划))[^。，,；;]{0,10}"
                            r"|(?(look)(?![^。，,；;]{0,16}(?:安排|目标|任务|计划|展望|回顾))[^。，,；;\d]{0,16}"
                            r"|[^。，,；;]{0,16}?(?:回顾|成果|总结|成就|成绩|工作情况|完成情况|走过|答卷)[^。，,；;]{0,4}))$")
# "“十四五”", 十三五: a five-year plan by name; in PLAN_NAME its numeral is the group `plan`
# (for plan_end_year), in ANY_PLAN_NAME, for patterns whose groups are years, it is not caught
_PLAN_NUMERALS = "一二三四五六七八九"
_PLAN = "[“\"「『]?十{}五[”\"」』]?"  # (「十四五」: quoted as Taiwan and Hong Kong print it)
PLAN_NAME = _PLAN.format(f"(?P<plan>[{_PLAN_NUMERALS}])")
ANY_PLAN_NAME = _PLAN.format(f"[{_PLAN_NUMERALS}]")


def plan_name(numeral: str) -> str:
    """The pattern of one plan by name: “十四五”, 十四五."""
    return _PLAN.format(numeral)


# "一、“十三五”时期工作回顾": a look back on a five-year plan that has ended (a report of the
# plan's first year; a new term's autumn report looks back on 本届, not on a plan)
PERIOD_REVIEW_HEADING = re.compile(_PART_NUMBER + PLAN_NAME + r"(?:时期|期间)?(?:政府)?(?:工作)?(?:回顾|总结)$")
# "一、过去五年工作回顾", "一、“十三五”时期发展回顾", "一、本届政府工作回顾": a part that looks back on a
# term, after which a part named for a year's work may be the term's last year, looked back on too
TERM_REVIEW_HEADING = re.compile(_PART_NUMBER + r"[^。，,；;\d]{0,8}?(?:过去五年|五年来|本届政府|本届|"
                                 + ANY_PLAN_NAME + r"(?:时期|期间)?)[^。，,；;\d]{0,10}(?:回顾|总结)$")


def plan_end_year(numeral: str) -> int:
    """十一五 ends in 2010, 十四五 in 2025 (the Nth plan ends in 1955 + 5N)."""
    return 1955 + 5 * (10 + _PLAN_NUMERALS.index(numeral) + 1)


# "二、2023年工作安排", "二、2024年主要目标和重点任务": the report's year
# (or "“十四五”时期和2021年形势任务": a plan for the term, then the year's; not "…和二〇三五年远景
# 目标", a vision fifteen years out)
PLAN_HEADING = re.compile(_PART_NUMBER + r"(?P<ahead>展望)?\s*(?:[^。，,；;：:\d]{0,12}[和与及])?\s*"
                          r"(?P<y>\d{4})\s*年(?![^。，,；;]{0,4}远景)"
                          r"(?(ahead)(?![^。，,；;]{0,12}(?:回顾|展望))[^。，,；;\d]{0,12}"
                          r"|[^。，,；;]{0,12}(?:(?:安排|目标|任务|重点|计划)[^。，,；;]{0,4}|预期))$")


# "今年政府工作重点", "新的一年工作安排": a plan heading that names no year (or "今后5年发展目标", the
# five years' goals, which extract reads as a horizon)
PLAN_HEADING_NO_YEAR = re.compile(r"^[#*\s]*(?:[一二三四五六七八九十]+\s*、)?\s*"
                                  r"(?:今年|本年度|新的一年|明年|(?:今后|未来)[五5]年)(?![^。，,；;：:]*完成)"
                                  # (今年·小目标: a post's, a dot between)
                                  r"(?:\s*[·•・]\s*(?:小|大)?)?"
                                  r"的?(?:政府)?(?:工作|发展)?的?(?:主要)?(?:重点|安排|任务|目标|总体要求|工作思路)[^。，,；;：:]{0,8}"
                                  r"(?:[，,]\s*(?:这样定|这样干|怎么干|定了)[！!]?)?$")  # (今年目标，这样定)


# A heading without a body is short: longer all-bold runs (e.g. "**主要预期目标是：…**") are
# emphasised paragraphs, not headings.
MAX_HEADING_CHARS = 40

TERMINAL = set("。！？!?；;：:…")
# "…不断增强. 经济总量稳步增长.预计…": a copy that prints its full stops as ASCII points; one after
# Chinese (or a rate, a bracket, a quote) and before Chinese or a year ends a sentence, as 。 does
# (not a decimal point, nor 1. numbering a list)
ASCII_STOP = re.compile(r"(?<=[\u4e00-\u9fff%）)”\"])\.(?=\s*(?:[\u4e00-\u9fff（(“\"]|\d{4}\s*年|$))")
CLOSERS = "”’」』）)】》\"'*"


def plain(text: str) -> str:
    """Text without the bold markers."""
    return text.replace("**", "").strip()


def is_terminated(text: str) -> bool:
    """Does the block end a sentence (ignoring closing quotes, brackets and bold markers)?"""
    stripped = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in TERMINAL


# ●地区生产总值完成…: an item of a bulleted digest (a news page's list of a report's figures)
BULLET = "●■◆▲★•◎▶☆◇▪►▸➤✔✅☑👉▌"  # (the last ones as posts on social media set their lists)
# 1、地区生产总值增长6%, 01/一般公共预算收入…, （2）…, ③…: a numbered item of a list
# (not 1.5%…, a number a wrap cut, nor 2023年…)
# (1️⃣ 聚力招商引资…: a keycap's digit, as a post numbers its items)
ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[、/／](?!\d)|[（(]\d{1,2}[）)]|[①-⑳]|\d\ufe0f?\u20e3)")


# "00:24 全县预计完成地区生产总值263亿元": a video's subtitle, a line of its own after its time
SUBTITLE_TIME = re.compile(r"^\[?\d{1,2}:\d{2}(?::\d{2})?(?:\]\s*|\s+)(?=\D)")
# the same anywhere in a paragraph (subtitle lines joined: 这一年 全市地区生产总值[00:22] 达到438.5亿元)
SUBTITLE_TIMES = re.compile(r"(?:^|(?<=[^\d:.]))\[?\d{1,2}:\d{2}(?::\d{2})?(?:\]\s*|\s+)(?=\S)")
# —— 亮点 ——, ━━ 2023 我们这样干 ━━, —— P8　2021，这样干 ——, ＝＝＝ 海报一：2018 成绩单 ＝＝＝: a poster's
# heading, a few words between dashes on a line of their own
_DASHES = r"(?:—{1,2}|-{2,}|━+|─+|＝+|={2,})"
DASHED_HEADING = re.compile(rf"^{_DASHES}\s*[^—\-━─＝=。；;]{{1,20}}?\s*{_DASHES}$")
# 2020 · 目标已定, 2019 · 我们一起走过, 2024 我们这样干, 2024·某县目标: a post's heading, a year without 年
# and a few words
# (not 1200 亿元: a number and its unit)
POST_YEAR_HEADING = re.compile(r"^(?P<y>(?:19|20)\d{2})(?:\s*[·•・|｜]\s*|\s+)(?![^\n]*(?:元|%|吨|亿|万|个|家))"
                               r"[\u4e00-\u9fff][^\d。，,；;！？!?]{1,11}$")
# ■ 到2021年: a horizon on a line of its own, over the goals of the years to it
HORIZON_ALONE = re.compile(r"(?:到|至)\s*(?P<y>\d{4})\s*年(?:底|末)?")
# 关键词一：稳, 关键词7｜2030: a digest's heading, the keyword it reads the report by
KEYWORD_HEADING = re.compile(r"^关键词\s*[一二三四五六七八九十\d]{0,3}\s*[：:｜|丨]\s*[^。，,；;！？]{1,12}$")
# a table's cells apart by tabs, by three spaces or more, or by ideographic ones (in a row that has a
# run of them somewhere: 城镇居民人均可支配收入（元）　33185　　　　　4.6)
_CELL_GAP = re.compile(r"\t+|[ \u00a0]{3,}|\u3000+")
# "1" on a line of its own, or first in a row: the number of a table's row
ROW_NUMBER = re.compile(r"\d{1,3}[.、．]?")


def table_cells(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell of a table's row, without the spaces around it. Where tabs set the
    cells apart, two tabs hold an empty cell between them (地区生产总值⇥亿元⇥222.6⇥17.2⇥⇥16: no target level,
    then the target's growth), kept so that each cell stays under its column."""
    out, at = [], 0
    tabbed = "\t" in text
    for gap in [*(_ONE_TAB.finditer(text) if tabbed else _CELL_GAP.finditer(text)), None]:
        end = gap.start() if gap else len(text)
        raw = text[at:end]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append((at + lead, at + lead + len(raw.strip()), raw.strip()))
        elif tabbed and out and gap:  # (an empty cell inside the row; not an indent, nor a tab at its end)
            out.append((at, at, ""))
        if gap:
            at = gap.end()
    while out and not out[-1][2]:
        out.pop()
    return out


_ONE_TAB = re.compile(r"\t")


TABLE_MIN_CELLS = 3


def is_table_row(text: str) -> bool:
    """A row of a table: three cells or more, apart by tabs or runs of spaces (the block's text, stripped)."""
    return ("\t" in text or "   " in text or "\u3000\u3000" in text) \
        and sum(1 for cell in table_cells(text) if cell[2]) >= TABLE_MIN_CELLS


# "00:30" ⏎ 预计全年地区生产总值 ⏎ 88.2亿元: a subtitle's time on a line of its own, above its words
SUBTITLE_ALONE = re.compile(r"^\[?\d{1,2}:\d{2}(?::\d{2})?\]?$")


def is_bullet(char: str) -> bool:
    """A mark a list's item opens with: one of BULLET, or any pictograph (🔸, 📈, 🛍, ✅: a post
    sets its items with emoji)."""
    return bool(char) and (char in BULLET or unicodedata.category(char) == "So")


# 💡【2023年 主要预期目标】, 📊【2022年 成绩单】, 2024年，凤凰这样干👉: a post's heading, with marks
# before it, brackets around it, a pointer after it
def _a_mark(char: str) -> bool:
    return char.isspace() or char in BULLET or char in "：:—→＝=" or unicodedata.category(char) in ("So", "Mn", "Cf")


# The labels a post sets on its pages, posters and cards: a number (一, 2, 十二), what it numbers (第2张,
# 第3屏), the word for a card (卡片01, 海报二, 图3)
_LABEL_NUMBER = r"[一二三四五六七八九十\d]{1,3}"
_LABEL_UNIT = r"(?:张|页|屏|幕|图|帧)"
_CARD_WORD = r"(?:海报|卡片|图)"
# 【海报四】, 【第2页】, ［卡片01］, 海报一：, P8, 第3屏: the label of a post's page, poster or card, before its heading
_PAGE_LABEL = re.compile(rf"^(?:[【［\[]\s*(?:{_CARD_WORD}|第|重点|亮点|看点)?\s*{_LABEL_NUMBER}\s*{_LABEL_UNIT}?"
                         r"\s*[】］\]]"
                         rf"|{_CARD_WORD}\s*{_LABEL_NUMBER}\s*(?:[：:｜|]|\s)"
                         rf"|[Pp]\s*\d{{1,2}}(?=\s)|第\s*{_LABEL_NUMBER}\s*{_LABEL_UNIT})\s*(?=\S)")
# （第2张）, （第1张·封面）, (图3), （第14张·2019 这样干）: a card's label in brackets on a line of its own,
# with the words of a heading after it or not
CARD_LABEL = re.compile(rf"[（(]\s*(?:第\s*{_LABEL_NUMBER}\s*{_LABEL_UNIT}|图\s*\d{{1,2}})"
                        r"(?:\s*[·•・|｜:：]\s*(?P<words>[^（）()]{1,16})|[^（）()]{0,8})[）)]")
# 卡片01, 海报二, 卡片A: a card's label alone, without brackets
BARE_CARD_LABEL = re.compile(rf"{_CARD_WORD}\s*(?:[A-Z]|{_LABEL_NUMBER})")


def heading_words(text: str) -> tuple[str, bool]:
    """A heading line without the marks a post sets around it or the label of its page, and whether
    it stood in 【】."""
    begin, end = 0, len(text)
    while begin < end and _a_mark(text[begin]):
        begin += 1
    while end > begin and _a_mark(text[end - 1]):
        end -= 1
    core = text[begin:end]
    if label := _PAGE_LABEL.match(core):
        core = core[label.end():]
    if (label := CARD_LABEL.fullmatch(core)) and label["words"]:
        return label["words"].strip(), True  # (（第14张·2019 这样干）: the words after a card's label)
    if core.startswith("【") and core.endswith("】") and "【" not in core[1:]:
        # (【卡片06｜2026主要预期目标】: the words after a card's number)
        return re.split(r"[｜|]", core[1:-1])[-1].strip(), True
    return core, False


# 【回看2025】, 【往远看】: a post's heading, a few words in brackets on a line of their own
BRACKETED_HEADING = re.compile(r"^(?:【[^】]{1,24}】|［[^］]{1,24}］)$")  # (［卡片01］: a card's label, alone)
_MARKS_BEFORE = re.compile(r"^[^\w【［]+")


def _year_heading(text: str) -> bool:
    return bool(REVIEW_HEADING.match(text) or PLAN_HEADING.match(text))


# ▲5.2%, ▼1.3%: a card's growth under its name, marked as rising or falling (no bullet)
_A_RISE = re.compile(r"^[▲▼↑↓]\s*\d[\d.]*\s*[%％]")


def opens_unit(text: str) -> bool:
    """Does the block start a part, section or topic (so it cannot continue a cut sentence)?"""
    stripped = text.lstrip("#").strip()
    bare = plain(stripped)
    return bool(
        text.startswith("#")
        or bool(stripped) and is_bullet(stripped[0]) and not _A_RISE.match(stripped)
        or bool(SUBTITLE_TIME.match(stripped) or SUBTITLE_ALONE.match(stripped))
        or bool(DASHED_HEADING.match(stripped) or KEYWORD_HEADING.match(bare)
                or POST_YEAR_HEADING.match(heading_words(bare)[0]))  # (【海报四】2024·某县目标)
        or PART.match(bare) and len(bare) <= MAX_HEADING_CHARS
        or SECTION.match(bare)
        or BOLD_LEAD.match(stripped)
        or PLAIN_TOPIC.match(bare)
        # a whole line that heads a year's review or plan (2016年主要经济指标完成情况 above an annex's table)
        or len(bare) <= MAX_HEADING_CHARS and _year_heading(to_analysis(heading_words(bare)[0]))
        or len(bare) <= MAX_HEADING_CHARS and bool(BRACKETED_HEADING.match(_MARKS_BEFORE.sub("", bare)))
        or labelled_heading(bare)
    )


def labelled_heading(bare: str) -> bool:
    """【图1】经济总量, 【海报二】消费与开放: a page's or a card's label and a few words with no figure."""
    return bool(label := _PAGE_LABEL.match(bare)) and bare[:1] in "【［[" \
        and 0 < len(bare) - label.end() <= 16 and not re.search(r"\d|[。；;，,]", bare[label.end():])


def is_heading(text: str) -> bool:
    """Is the whole block a heading (no body text after it)?"""
    stripped = text.strip()
    bare = plain(stripped.lstrip("#"))
    if stripped.startswith("#"):
        return True
    if len(bare) > MAX_HEADING_CHARS:
        return False
    if labelled_heading(bare):
        return True
    whole_bold = stripped.startswith("**") and stripped.endswith("**") and stripped.count("**") == 2
    simplified = to_analysis(heading_words(bare)[0])  # (■ 2016年：主要预期目标: without a post's marks)
    return bool(PART.match(bare) or SECTION.match(bare) or whole_bold
                or _year_heading(simplified) or bool(POST_YEAR_HEADING.match(simplified))
                or PLAN_HEADING_NO_YEAR.match(simplified)
                or BRACKETED_HEADING.match(_MARKS_BEFORE.sub("", bare))
                or DASHED_HEADING.match(bare) or KEYWORD_HEADING.match(simplified))
