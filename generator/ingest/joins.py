"""Turn cleaned lines into paragraphs, re-joining sentences cut by page breaks.

A paragraph that stops without ending its sentence (`…表示衷`) continues in the next body
paragraph (`心的感谢…`), however many blank, furniture or title-block lines lie between.
Where the join itself looks wrong (`…在` + `质齐升…`: no word spans the break and the next
page starts inside a word) text has evidently been lost, and the join is flagged as a gap.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from generator.headings import (
    ASCII_STOP,
    BARE_CARD_LABEL,
    BULLET,
    CARD_LABEL,
    ITEM_NUMBER,
    MAX_HEADING_CHARS,
    ROW_NUMBER,
    SUBTITLE_ALONE,
    SUBTITLE_TIME,
    SUBTITLE_TIMES,
    heading_words,
    is_bullet,
    is_heading,
    is_table_row,
    is_terminated,
    opens_unit,
)
from generator.indicators import catalogue, label_key
from generator.model import Block, Repair
from generator.numbers import DIGIT, NUM, UNIT
from generator.script import to_analysis
from generator.segment import FUNCTION_CHARS, is_word, words

HAN = re.compile(r"[\u4e00-\u9fff]")


# A news story's subheading ("GDP增长9% 新年小目标:涨8%") stops without ending a sentence
# too; it is no cut sentence when it is short, a blank line follows, and what comes next opens
# a sentence of its own.
SUBHEAD_CHARS = 24
OPENS_SENTENCE = re.compile(r"^(?:初步预计|据初步统计|据统计|预计|今年|去年|过去一年|一年来|各位代表|"
                            r"\d{4}\s*年\s*[，,])")


# "5.52亿元——财政收支平稳运行": an infographic's caption, a figure and a dash before its
# theme, on a line of its own above the sentence that gives the figure again
CAPTION = re.compile(r"^\s*[\d.,]+\s*(?:[%‰]|[万亿千百]?(?:元|吨|人次|人|户|个|家|项|亩|公里|平方米)|[万亿])"
                     r"\s*(?:——|－－|--)\s*[^。！？；;，,]{2,24}$")


# "综合实力实现新提升" above "地区生产总值实现358亿元": a theme line that lost its stop, or a
# run-in subheading, ends in the words a report uses for progress; a sentence never runs from
# such an ending straight into a figure's label, so the next line opening with an indicator
# and its verb or number starts a sentence of its own
_THEME_END = re.compile(r"(?:新(?:提升|突破|跨越|进展|成效|台阶|高度|水平|局面|成绩|气象|变化|活力|动能|优势|篇章|"
                        r"面貌|飞跃|增长极|高地|引擎)|(?:稳步|持续|显著|明显|不断|大幅|全面|稳定)(?:提升|增强|改善|提高|壮大|向好)|"
                        r"稳中有进|稳中向好|稳中有升|量质齐升|提质增效)$")
_FIGURE_VERB = r"(?:实现|完成|达到|达|为|突破|同比|比上年|较上年|增长|预计|\d)"


@cache
def _opens_figure() -> re.Pattern:
    names = sorted({label_key(name) for indicator in catalogue().values() for name in indicator.names
                    if len(name) >= 4}, key=lambda n: (-len(n), n))
    return re.compile(r"^(?:全县|全区|全市|全旗|全年|\d{4}年)?(?:" + "|".join(map(re.escape, names)) + ")"
                      + rf"(?:{_FIGURE_VERB}|$)")  # (or the name alone: an infographic's card, its figure below)


def is_theme_line(last: str, text: str) -> bool:
    return bool(_THEME_END.search(to_analysis(last).rstrip())) and bool(_opens_figure().match(label_key(text)))


def is_subhead(last: str, text: str, adjacent: bool) -> bool:
    """(抓运行、稳增长，经济向好态势更加稳固 ⏎⏎ 固定资产投资增长12.3%…: a short line, a blank line, then a
    paragraph that opens with an indicator and its figure — a subheading, whatever words it ends in)"""
    if not adjacent and len(last.strip()) <= MAX_HEADING_CHARS and _NEWS_LEAD.match(to_analysis(text)):
        return True  # (a story's headline, a blank line, then its lead: 记者1月22日从…获悉，…)
    return not adjacent and len(last.strip()) <= SUBHEAD_CHARS and (
        bool(OPENS_SENTENCE.match(to_analysis(text))) or bool(_opens_figure().match(label_key(text))))


_NEWS_LEAD = re.compile(r"^[（(【\[]?\s*(?:本报讯|本台讯|记者|通讯员|新华社|中新网|央广网"
                        r"|\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,上下])")


# "交通新面貌。通讯员 供图", "县长作报告。记者 王明 摄": a photo's caption and credit, no cut sentence
PHOTO_CREDIT = re.compile(r"(?:(?:通讯员|记者|本报|摄影|图片|图\s*[/／])[^。！？!?]{0,12}"
                          r"|(?<=[。\s])[\u4e00-\u9fff]{2,4}\s*)(?:供图|摄)\s*$")


def next_item(last: str, text: str) -> bool:
    """01/地区生产总值增长5% ⏎ 02/一般公共预算收入增长5.5%左右: the next item of a numbered list, one
    item a line, after a short item of its own (not a page's number that a cut sentence runs
    into: 1、…回顾…其 ⏎ 2、中第三产业增加值…, whose first line is a page long)."""
    return len(last.strip()) <= MAX_HEADING_CHARS and bool(ITEM_NUMBER.match(last)) \
        and bool(ITEM_NUMBER.match(to_analysis(text)))


_UNIT_FIRST = re.compile(rf"\s*(?:{UNIT})")  # (112 ⏎ 亿元稀土产业集群产值: a poster's number, its unit below)


# 34625元 / 13089元 above 城镇居民人均可支配收入34625元…: a post's callout, numbers only, each
# apart from the next by a mark or a space (so that a run of digits is one number, read one way)
_CALLOUT_NUMBER = rf"{NUM}\s*(?:{UNIT}|元|人次|人|家|个|项)?"
_CALLOUT = re.compile(rf"\s*{_CALLOUT_NUMBER}(?:(?:\s*[/／、|｜]\s*|\s+){_CALLOUT_NUMBER})*\s*")


def is_callout(last: str, text: str) -> bool:
    """Is `last` numbers alone that the line after it says again (a post's callout over its caption)?"""
    return bool(DIGIT.search(last) and _CALLOUT.fullmatch(last)) and \
        set(re.findall(NUM, last)) <= set(re.findall(NUM, text))


def stands_apart(last: str, text: str, adjacent: bool) -> bool:
    """A line that ends without ending its sentence but is no cut sentence: a caption (adjacent
    or not) or a photo's credit, a news subheading, a theme line or a topic above a figure, a post's
    callout of numbers alone, a poster's card, or a row of a table (its cells apart by tabs or runs of
    spaces: 地区生产总值3003亿元⇥8.8⇥8.5-9.0; or one cell a line, after its row's number)."""
    plain = to_analysis(last)
    return bool(CAPTION.match(plain) or PHOTO_CREDIT.search(plain)) \
        or is_subhead(last, text, adjacent) or is_theme_line(last, text) or next_item(plain, text) \
        or "\t" in last or "\t" in text or is_table_row(last) or is_table_row(text) \
        or bool(ROW_NUMBER.fullmatch(last) and not _UNIT_FIRST.match(text)) or bool(ROW_NUMBER.fullmatch(text)) \
        or is_callout(last, text) or is_aside_line(last) or is_aside_line(text) or leads_with_a_mark(last) \
        or len(last.strip()) <= SUBHEAD_CHARS and bool(_TIME_OPENS.match(to_analysis(text))) \
        or not adjacent and (opens_card(text) or is_topic_after_figure(last, text)
                             or is_figure_after_figure(last, text)) \
        or is_topic_line(last, text)


# two nouns joined (投资与消费, 财政与民生): a page's topic, where 全年实现 or 全县城乡居民 above a name is a
# cut sentence; after a figure and a blank line, any few words with no figure
_TOPIC = re.compile(r"[\u4e00-\u9fff]{2,4}[与和及][\u4e00-\u9fff]{2,4}")
TOPIC_CHARS = 8


def is_topic_line(last: str, text: str) -> bool:
    """财政与民生 ⏎ 一般公共预算收入预计10.35亿元…: a page's or card's topic on a line of its own (the
    block so far), above a line that opens on an indicator and its figure."""
    return bool(_TOPIC.fullmatch(last.strip())) and bool(_opens_figure().match(label_key(to_analysis(text))))


def is_topic_after_figure(last: str, text: str) -> bool:
    """…增长6.2% ⏎⏎ 财政与民生: a topic after a blank line, below a block that ended on a figure."""
    short = text.strip()
    return _ends_on_figure(last) and len(short) <= TOPIC_CHARS and not DIGIT.search(short) \
        and not is_terminated(short)


def is_figure_after_figure(last: str, text: str) -> bool:
    """…地区生产总值增长8%左右 ⏎⏎ 规模以上工业增加值增长9%: after a blank line, a line that opens on an
    indicator and its figure below a block that ended on a figure or on a lead (…主要预期目标是——) — a
    subtitle's cues, a list's items set apart — starts a block of its own."""
    key = label_key(to_analysis(text))
    return (_ends_on_figure(last) or last.rstrip().endswith(("——", "：", ":"))) \
        and bool(_opens_figure().match(key) or _PAIR_OPENS.match(key))


# 城镇和农村常住居民人均可支配收入分别增长8.5%和9.5%: the two incomes named as one, then their figures
_PAIR_OPENS = re.compile(r"(?:城乡|城镇[和、与及]农村)(?:常住)?居民人均可支配收入(?:分别|预计|增长|达到)")


def _ends_on_figure(text: str) -> bool:
    end = text.rstrip()
    return end[-1:] in "%％" or end[-1:].isdigit() or end.endswith(("元", "左右", "以上"))


# 277.86 ⏎ 亿元 ⏎ 地区生产总值 ⏎ 增长4.9%, or 地区生产总值 ⏎ 增长7%: a poster's card, its number or its
# name alone on its first line; after a blank line that line opens a card (a sentence a page cut
# runs on in prose, never in a bare number or a name alone)
_BARE_NUMBER = re.compile(rf"\s*{_CALLOUT_NUMBER}\s*")


def opens_card(text: str) -> bool:
    return bool(_BARE_NUMBER.fullmatch(to_analysis(text))) or names_alone(text)


def names_alone(text: str) -> bool:
    """固定资产投资 ⏎ 增长11.2%: a card's name on a line of its own, whose figure is the line below
    (even in a list set one item a line; 👨‍👩‍👧 城乡居民人均可支配收入: after the emoji a post sets before it)."""
    key = label_key(to_analysis(heading_words(text)[0]))
    return bool(key and (name := _opens_figure().match(key)) and name.end() == len(key))


# 新昌去年经济总量跨上400亿元台阶 ⏎ 今年GDP预期增长7%左右: a headline's second line, on a time of its own
_TIME_OPENS = re.compile(r"\s*(?:今年|去年|明年)")


# （画面二：蒙阳蔬菜市场）, （片尾）: a script's direction, a line wholly in brackets, no part of a sentence
_ASIDE_LINE = re.compile(r"[（(][^（）()]*[\u4e00-\u9fff]{2}[^（）()]{0,28}[）)]")


# ——————————, ━━━━━━: a rule across a poster's text
_RULE_LINE = re.compile(r"[—\-━─＝=_~～·•]{4,}")


def is_aside_line(line: str) -> bool:
    """A script's direction, a card's label or a rule: no part of a sentence, before or after it."""
    stripped = line.strip()
    return line[:1] in "（(" and bool(_ASIDE_LINE.fullmatch(stripped) or CARD_LABEL.fullmatch(stripped)) \
        or bool(_RULE_LINE.fullmatch(stripped) or BARE_CARD_LABEL.fullmatch(stripped))


def leads_with_a_mark(line: str) -> bool:
    """2025年，彭州定下这些小目标🎯, 今年要这样干👇: a post's short lead that ends on a pictograph,
    pointing at what follows; it ends there. So does 💰钱袋子鼓起来了, a topic a pictograph opens, a few
    words with no figure (not 📈 地区生产总值, a card's name above its figure)."""
    stripped = line.strip()
    if not stripped or not any("\u4e00" <= c <= "\u9fff" for c in stripped):
        return False
    return len(stripped) <= MAX_HEADING_CHARS and unicodedata.category(stripped[-1]) in ("So", "Mn") \
        or len(stripped) <= SUBHEAD_CHARS and unicodedata.category(stripped[0]) == "So" \
        and not DIGIT.search(stripped) and not is_terminated(stripped) and not names_alone(stripped)


# "（一）整体经济运行情况稳中向好。预计全" then "年地区生产总值…": a numbered lead sentence and the
# start of its paragraph, wrapped at a fixed width — not a heading, whatever its length
_RUNS_ON = re.compile(r"[。！？!?][^。！？!?]*[\u4e00-\u9fff\d][^。！？!?]*$")


def runs_on(text: str) -> bool:
    return bool(_RUNS_ON.search(ASCII_STOP.sub("。", text.rstrip())))  # (增强. 经济总量…: a stop too)


# A copy wrapped at a fixed width (a PDF's text, a narrow column): most long lines have one
# length. There a full-width line that happens to end on 。 still runs on into the next line,
# unless that one is indented or opens a part — the paragraph goes on; only its last line is short.
WRAP_MIN_LINES = 8
WRAP_MIN_CHARS = 20


def wrap_width(lines: list[tuple[int, str]]) -> int | None:
    """The width a copy was wrapped at, when at least half its long lines (and 8) share it."""
    lengths = Counter(len(text.strip()) for _, text in lines if len(text.strip()) >= WRAP_MIN_CHARS)
    if not lengths:
        return None
    width, count = lengths.most_common(1)[0]
    return width if count >= WRAP_MIN_LINES and 2 * count >= sum(lengths.values()) else None


# 地区生产总值增长5.8%左右 ⏎ 地方一般公共预算收入增长3% ⏎ … ⏎ 粮食产量稳定在14.05万吨以上: a list set one
# item a line with no stops (a digest's, an infographic's). A run of LIST_RUN lines or more, each
# short, opening with a word, one clause ending no sentence, half of them or more holding a number, of
# lengths that vary (a narrow column wraps at one width): its lines are items, no cut sentence.
LIST_RUN = 4
LIST_LINE_CHARS = 32
_OPENS_WORD = re.compile(rf"^[\u4e00-\u9fff{BULLET}\U0001F300-\U0001FAFF\u2600-\u27BF]")  # (or a pictograph)
_CLAUSE_STOP = re.compile(r"[，,；;。]")  # (an item is one clause: a wrapped line of prose holds its commas)
# (二)主要目标：地区生产总值增长11%；…, (一)指导思想：坚持…，: a lead word and its text, or clauses of figures,
# which no heading of that length holds (二、锚定目标，奋力推动… does not run on)
_FIGURE_CLAUSES = re.compile(r"[；;：:]|\d\s*[%％]")


_TIME_ALONE = re.compile(r"(?:到|至)?\s*\d{4}\s*年(?:底|末)?")


def listed_lines(lines: list[tuple[int, str]]) -> set[int]:
    """The numbers of the lines that are items of a list set one a line."""
    listed: set[int] = set()
    run: list[tuple[int, str]] = []  # (line number, analysis text)
    for number, raw in [*lines, (0, "。")]:  # (a stop at the end closes the last run)
        plain = to_analysis(raw.strip())
        if not plain or _TIME_ALONE.fullmatch(plain):  # (到2020年 ⏎ 地区生产总值达到200亿元: its time)
            continue
        if len(plain) <= LIST_LINE_CHARS and not is_terminated(plain) and not _CLAUSE_STOP.search(plain) \
                and (_OPENS_WORD.match(plain) or ITEM_NUMBER.match(plain)):
            run.append((number, plain))
            continue
        lengths = Counter(len(item) for _, item in run)
        if len(run) >= LIST_RUN and 2 * sum(bool(DIGIT.search(item)) for _, item in run) >= len(run) \
                and 2 * lengths.most_common(1)[0][1] < len(run):
            listed.update(n for n, _ in run)
        run = []
    return listed


def join_blocks(lines: list[tuple[int, str]]):
    """Group lines into blocks; join blocks whose sentence was cut. Returns blocks and repairs."""
    blocks: list[Block] = []
    repairs: list[Repair] = []
    previous_number = None
    width, previous_full = wrap_width(lines), False
    listed = listed_lines(lines)
    for number, raw in lines:
        text = raw.strip()
        if not text:
            continue
        last = blocks[-1] if blocks else None
        adjacent = previous_number == number - 1
        wrapped_on = (previous_full and adjacent and is_terminated(last.text) and not raw[:1].isspace()
                      and not opens_unit(text) and not is_heading(text) and not is_heading(last.text))
        # （二）主要目标：地区生产总值增长11%；…；公共财 ⏎ 政预算收入…: a numbered line of clauses cut at
        # the copy's width is the start of its paragraph, not a heading
        cut_at_width = previous_full and adjacent and bool(_FIGURE_CLAUSES.search(last.text))
        previous_full = width is not None and len(text) == width
        if last and (wrapped_on or not is_terminated(last.text)) \
                and not (is_heading(last.text) and not runs_on(last.text) and not cut_at_width) \
                and (not opens_unit(text) or continues_subtitle(last.text, text)) \
                and not stands_apart(last.text, text, adjacent) \
                and not heads_after_item(last, text, width) \
                and not (number in listed and last.lines[-1] in listed and not names_alone(last.text)
                         and not text.startswith("分别")):  # (分别增长…: the rest of the pair's item)
            repairs.append(classify_join(last, text, number, adjacent))
            blocks[-1] = Block(last.text + glue(last.text, text) + text, last.line_start, number,
                               last.lines + (number,))
        else:
            blocks.append(Block(text, number, number, (number,)))
        previous_number = number
    return blocks, repairs


def continues_subtitle(last: str, text: str) -> bool:
    """[00:19] 这一年 全市地区生产总值 ⏎ [00:22] 达到438.5亿元: a subtitle that goes on from the one
    before, which said no figure (a name, a lead), is the rest of its sentence."""
    if not ((time := SUBTITLE_TIME.match(text)) and SUBTITLE_TIME.match(last)):
        return False
    return not DIGIT.search(SUBTITLE_TIMES.sub("", last)) and bool(_ITS_NUMBER.match(text, time.end()))


# 136.9亿元, 达到438.5亿元: a subtitle that opens on a number, or on the verb before one
_ITS_NUMBER = re.compile(r"\s*(?:(?:达到|完成|实现|突破|达)\s*)?\d")


def heads_after_item(last: Block, text: str, width: int | None) -> bool:
    """●坚持不懈构筑“最幸福”家园，民生福祉持续增强 ⏎ 2023年 这样干 ⏎ 主要预期目标 ⏎ ●地区生产总值增长6%:
    a short line after a one-line item of a bulleted digest, ending no sentence, is the digest's
    next heading, not the rest of the item (an item wrapped at the copy's width runs on)."""
    return is_bullet(last.text.lstrip()[:1]) and len(last.lines) == 1 and len(last.text) != width \
        and len(last.text) <= MAX_HEADING_CHARS and len(text) <= MAX_HEADING_CHARS and not is_terminated(text) \
        and not (_CARDS_FIGURE.fullmatch(to_analysis(text)) and names_alone(last.text))


# 📊 地区生产总值 ⏎ 236.4 亿元, 🏭 规模以上工业增加值 ⏎ 同比增长 6.8%: a card's number or growth (or both
# of a pair's, 分别…) under its name, which an emoji opens (the card's figure, never the digest's next heading)
_CARDS_FIGURE = re.compile(rf"\s*(?:{_CALLOUT_NUMBER}|(?:同比)?(?:增长|下降)\s*[-−]?\d[\d.]*\s*%"
                           # (336.8亿元｜同比增长3.9%, 112.4亿元（受疫情冲击，下降1.8%）: its level, then its growth)
                           rf"|{NUM}\s*(?:{UNIT}|元)\s*[｜|（(，,][^。；;]{{0,30}}"
                           r"|分别(?:达到|为|增长)[^。；;]{0,40})\s*")  # (城乡居民人均可支配收入 ⏎ 分别达到…)


def glue(tail: str, head: str) -> str:
    """Chinese joins without a space; two Latin words ("G241" "and") keep one. A number cut by
    the line's end ("2" "017年", "8.0" "2亿元": a copy wrapped at a fixed width) is one number."""
    if SUBTITLE_ALONE.match(tail):
        return " "  # (00:30 ⏎ 预计全年…: the subtitle's time, set apart from its words as on one line)
    a, b = tail[-1:], head[:1]
    if a.isdigit() and b.isdigit() and not re.search(r"[A-Za-z]\w*$", tail):
        return ""
    return " " if a.isascii() and b.isascii() and a.isalnum() and b.isalnum() else ""


def classify_join(last: Block, head: str, number: int, adjacent: bool) -> Repair:
    tail = last.text.rstrip("*")
    head_bare = head.lstrip("*")
    shown_before = f"{tail[-8:]} ⏎ {head_bare[:8]}"
    shown_after = f"{tail[-8:]}{head_bare[:8]}"
    if adjacent:
        return Repair("join", last.line_end, shown_before, shown_after,
                      "句中换行，已接续", number)
    if suspected_gap(tail, head_bare):
        return Repair("gap", last.line_end, shown_before, shown_after,
                      "跨页接续，但此处似有文字缺失，请核对印刷原件", number)
    return Repair("join", last.line_end, shown_before, shown_after,
                  "句子被分页截断，已接续", number)


def suspected_gap(tail: str, head: str) -> bool:
    """True when the break falls between two Chinese characters that cannot be neighbours."""
    if not (tail and head and HAN.match(tail[-1]) and HAN.match(head[0])):
        return False
    if tail.count("“") > tail.count("”"):
        return False  # inside a quoted name or slogan, words need not be in any dictionary
    for left in range(1, 4):
        for right in range(1, 4):
            if is_word(tail[-left:] + head[:right]):
                return False  # a word spans the break: "衷" + "心" is 衷心
    first = words(head[:12])[0]
    return len(first) == 1 and first not in FUNCTION_CHARS
