"""Commitments: what a report promised for its year, and what the next report says about it.

Two kinds of promise are tracked: the numbered items of a 民生实事 list ("全力办好 10 件民生实事：
一是…；二是…"), and figures the plan commits to with 力争/确保/达到 that are not catalogue
indicators (those are the scorecard's). The report of the year after is searched for evidence:

- a statement covering the whole list ("10 件民生实事全部办结"): the list is kept, if the count
  agrees;
- a result with the same label and unit as a number in the item ("建成老年日间照料中心 5 所"
  for "建设 5 所老年日间照料中心"): reached or missed;
- sentences of its look back on the same thing (a shared name of four characters or more):
  shown, deciding nothing.

A status is set only where the evidence decides it; evidence that disagrees leaves the item
`not_rated` with every piece shown. Pure: reports and figures in, commitments out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher

from generator.compare.phrases import STOP_WORDS
from generator.compare.text import blocks_with_roles, paragraphs_with_roles, sentence_texts
from generator.compare.topics import LEAD_WORDS
from generator.forked import forked_map
from generator.model import Figure, Node, Report
from generator.naming import region_key

STATUS_NAMES = {"kept": "已兑现", "partly": "部分兑现", "not_kept": "未兑现", "not_rated": "未评定"}

_NUMERALS = "一二三四五六七八九十"
_COUNT = rf"[\d{_NUMERALS}两]+"
# What a county's list of livelihood projects is called
_LIST_NAME = r"(?:民生实事|惠民实事|为民办实事|民心工程|实事项目|件实事)"
# "10 件民生实事", "十件民生实事", "12件惠民实事", "民生实事：" — the sentence that opens a list
_LIST_OPENS = re.compile(rf"(?:({_COUNT})\s*(?:大)?(?:件|项|类)[^。；：:]{{0,8}})?{_LIST_NAME}")
# 一是…；二是…  （一）…  1．…  ①… — where an item starts; each list keeps to its first item's kind
_MARKERS = {
    "shi": rf"[{_NUMERALS}]{{1,3}}是",
    "paren": rf"[（(][{_NUMERALS}\d]{{1,3}}[）)]",
    "digit": r"\d{1,2}[．.、](?!\d)",
    "circled": r"[\u2460-\u2473]",
}
_MARK_BEFORE = r"(?:(?<=^)|(?<=[：:；;。，,\s]))\s*"
_MARKER = re.compile(_MARK_BEFORE + "(?:" + "|".join(_MARKERS.values()) + ")")
# The next report on the whole list: "10 件民生实事全部办结", "民生实事全部高标准完成"
_ALL_DONE = re.compile(rf"(?:({_COUNT})\s*(?:大)?(?:件|项)[^。；，,]{{0,8}})?{_LIST_NAME}[^。；，,]{{0,6}}"
                       r"(?:全部|全面|均已|均|如期|圆满|件件)[^。；，,]{0,4}(?:完成|办结|兑现|落实|建成|完工|落地)")
# … unless it is said of something else: a list not done (未能全部完成), with an exception
# (除…外), another government's list (市定, 省定), or every year's (历年, 五年来)
_NOT_ALL = re.compile(r"未|没有|尚未|不能|难以|除[^。；]{1,20}外|历年|每年|五年|累计")
_OTHER_LIST = re.compile(r"[省市]定|省市")  # … unless the county's own is named beside it (县定)
_OWN_LIST = re.compile(r"[县区旗]定|本级")
_DONE_WORDS = re.compile(rf"{_LIST_NAME}[^。；，,]{{0,12}}(?:基本完成|完成|办结|兑现|落实)")
# A plan figure is a commitment when its sentence pledges it (力争, 确保) or its clause says
# what is to be reached (达到, 突破)
_PLEDGE = re.compile(r"力争|确保")
_REACH = re.compile(r"达到|突破")
# 建成后将达到存栏 6 万头: what a project will do once built, not this year's promise
_CAPACITY = re.compile(r"(?:建成|投产|达产|完工|运营)后")
_NOTE_MARK = re.compile(r"\[\d{1,3}\]|〔\d{1,3}〕")  # footnote marks: 上云企业[14]
_CLAUSE_END = re.compile(r"[，,；;：:]")
# Labels agree when they share a run this long (in characters, spaces removed) …
LABEL_RUN = 4
# … that covers at least this share of the longer label (新建项目开工率一季度前 is not 签约项目开工率)
LABEL_SHARE = 0.6
_EVERYDAY = re.compile("|".join(sorted(STOP_WORDS, key=len, reverse=True)))
# What every project does and every amount is counted in: no sign that two sentences speak
# of the same thing (投入使用, 建成通车, 万平方米)
_GENERIC_RUN = re.compile(r"投入使用|建成投用|投入运营|建成通车|开工建设|全面完成|改造提升|提质改造|改扩建|"
                          r"万平方米|平方米|万千瓦|万亩|公里|万元|亿元|个百分点")
# A count target missed is partly kept when at least this share of it was reached
PARTLY_SHARE = Decimal("0.5")
# Sentences shown as evidence of the same thing, at most
TOPIC_EVIDENCE = 3


@dataclass(frozen=True)
class Where:
    """A sentence of a report, and where it is."""

    year: int
    text: str
    anchor: str
    page: str


@dataclass(frozen=True)
class Evidence:
    where: Where
    says: str  # all | number | topic
    decides: str  # a status, or "" when it decides nothing
    reason: str  # in words, for the page
    target: str = ""  # for a number: the id of the item's figure it answers


@dataclass(frozen=True)
class Commitment:
    region: str
    region_key: str
    code: str
    year: int  # the year it is for: the report's year
    report: str  # report slug
    source: str  # list (民生实事) | pledge (力争/确保)
    number: int  # its place in the report's commitments, from 1
    text: str
    where: Where
    status: str
    reason: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class _Item:
    source: str
    text: str
    node: Node
    page: str
    start: int
    end: int
    list_size: int | None  # the count the list opened with, for list items


_DIGITS = {c: n for n, c in enumerate(_NUMERALS[:9], start=1)} | {"两": 2}


def numeral(text: str | None) -> int | None:
    """10 → 10, 十 → 10, 十二 → 12, 两 → 2; None if absent or not a count."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    digits = _DIGITS
    if len(text) == 1 and text in digits:
        return digits[text]
    tens, sep, ones = text.partition("十")
    if not sep or any(c not in digits for c in tens + ones) or len(tens) > 1 or len(ones) > 1:
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def _paragraphs(report: Report, role: str) -> list[tuple[str, Node]]:
    """(page, paragraph) of the report's look back (review) or plan."""
    return [(page, node) for _, page, node, said in paragraphs_with_roles(report) if said == role]


def list_items(report: Report, plan: list[tuple[str, Node, str]] | None = None) -> list[_Item]:
    """The items of the report's 民生实事 lists: after the opener in its own paragraph
    ("全力办好 10 件民生实事：一是…；二是…"), or in the blocks after it that start with a
    marker. A list keeps to its first marker's kind and ends with its count, or where the
    numbering stops."""
    items: list[_Item] = []
    if plan is None:
        plan = _plan_blocks(report)
    for i, (page, node, text) in enumerate(plan):
        opener = _opener(text)
        if opener is None:
            continue
        size, at = opener
        found = _split(node, page, text, at, size)
        if not found and text[at:].strip(" ：:。") == "":
            kind = None
            for next_page, following, line in plan[i + 1:]:
                mark = _MARKER.match(line)
                kind = kind or (mark and _marker_kind(mark.group()))
                if not mark or _marker_kind(mark.group()) != kind or (size and len(found) >= size):
                    break
                found.append(_Item("list", _first_sentence(line.strip()), following, next_page, 0, len(line), size))
        items.extend(found)
    return items


def _plan_blocks(report: Report) -> list[tuple[str, Node, str]]:
    """(page, node, text) of the plan's paragraphs and headings, in reading order."""
    return [(page, node, text) for page, node, text, role in blocks_with_roles(report) if role == "plan"]


def _opener(text: str) -> tuple[int | None, int] | None:
    """(the list's count, where its items start) if `text` opens a 民生实事 list: the opener
    nearest the first marker, with a count or a colon, and not itself a statement that a
    list was done (去年 10 件民生实事全部完成)."""
    best = None
    for opens in _LIST_OPENS.finditer(text):
        sentence_end = min((i for mark in "。；" if (i := text.find(mark, opens.end())) >= 0), default=len(text))
        sentence_start = max(text.rfind(mark, 0, opens.start()) for mark in "。；") + 1
        if _ALL_DONE.search(text[sentence_start:sentence_end]):
            continue
        colon = re.match(r"[^。；：:]{0,12}[：:]", text[opens.end():])
        if opens.group(1) or colon:
            best = (numeral(opens.group(1)), opens.end() + (colon.end() if colon else 0))
    return best


def _marker_kind(mark: str) -> str:
    mark = mark.strip(" ：:；;。，,")
    return next(kind for kind, pattern in _MARKERS.items() if re.match(pattern, mark))


def _first_sentence(text: str) -> str:
    end = text.find("。")
    return (text[:end] if end >= 0 else text).strip().rstrip("；;")


def _split(node: Node, page: str, text: str, offset: int, size: int | None) -> list[_Item]:
    """The items of a list that runs on in the paragraph after `offset`."""
    first = _MARKER.search(text, offset)
    gap = text[offset:first.start()].strip(" ：:，,") if first else ""
    if not first or gap and not (size and len(gap) <= 40 and gap.count("。") == 1 and gap.endswith("。")):
        return []  # the items follow the opener, or the rest of its sentence (确定了 12 件惠民实事，提请票决。一是…)
    kind = _marker_kind(first.group())
    pattern = re.compile(_MARK_BEFORE + _MARKERS[kind])
    starts = [m.start() for m in pattern.finditer(text, first.start())]
    if size:
        starts = starts[:size + 1]  # the one after the last item only ends it
    out = []
    for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
        if size and len(out) == size:
            break
        item = text[begin:end].strip(" ，,")
        if end == len(text) or len(out) + 1 == size:
            item = _first_sentence(item)  # the last item ends with its sentence
        item = item.rstrip("；;。，,")
        if item:
            out.append(_Item("list", item, node, page, begin, begin + len(item), size))
    return out


def pledges(report: Report, figures: list[Figure], listed: list[_Item],
            plan: list[tuple[str, Node, str]] | None = None) -> list[_Item]:
    """Plan figures pledged with 力争/确保/达到 that are not catalogue indicators and not in a
    民生实事 list, one item per clause."""
    in_lists = {(item.node.anchor, item.start, item.end) for item in listed}
    by_anchor = {node.anchor: (page, node) for page, node, _ in (plan if plan is not None else _plan_blocks(report))
                 if node.kind == "paragraph"}
    items: dict[tuple[str, int], _Item] = {}
    for f in figures:
        if (f.indicator or f.kind != "target" or f.period != str(report.metadata.year) or not f.value
                or f.anchor not in by_anchor or f.start < 0):
            continue
        if any(a == f.anchor and s <= f.start < e for a, s, e in in_lists):
            continue
        page, node = by_anchor[f.anchor]
        begin, end = _sentence_around(node.text, f.start)
        lead = node.text[begin:f.start]
        clause_begin = begin + max((m.end() for m in _CLAUSE_END.finditer(lead)), default=0)
        if not (_PLEDGE.search(lead) or _REACH.search(node.text[clause_begin:f.start])) or _CAPACITY.search(lead):
            continue
        stop = _CLAUSE_END.search(node.text[f.end:end])
        clause_end = f.end + stop.start() if stop else end
        text = _NOTE_MARK.sub("", node.text[clause_begin:clause_end]).strip().rstrip("。；;")
        items.setdefault((f.anchor, clause_begin), _Item("pledge", text, node, page, clause_begin, clause_end, None))
    return list(items.values())


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    begin = max(text.rfind(mark, 0, at) for mark in "。！？；") + 1
    ends = [i for mark in "。！？；" if (i := text.find(mark, at)) >= 0]
    return begin, (min(ends) + 1 if ends else len(text))


# The verbs and generic words that open a label (建设, 新增, 力争…): no part of what is counted
_LEAD = re.compile(rf"^(?:{LEAD_WORDS})+")


def core(label: str) -> str:
    """A label without spaces and without the verbs that open it (建设, 力争…)."""
    text = re.sub(r"\s+", "", label)
    return _LEAD.sub("", text).rstrip("等")



# What a label counts: the year's additions (新增 20 家) or the standing total (达到 112 家)
_INCREMENT = re.compile(r"新增|新培育|新引进|新认定|新签约|净增|新发展|新创建|新入库|新评定")
# Whose it is: 国家级, 省级… must agree (新增省级龙头企业 is not 新增市级龙头企业)
_LEVEL = re.compile(r"国家级|国字号|省级|市级|县级|区级|省市级|市级以上|省级以上")


def same_label(a: str, b: str, a_said: str = "", b_said: str = "") -> bool:
    """Do two labels name the same count: the same kind (an addition or a total), the same
    level, and a shared run of LABEL_RUN characters covering LABEL_SHARE of the longer?
    `a_said`, `b_said`: the words around each label that say which kind (力争新增 1 个孵化基地:
    the label comes after the number)."""
    a_words, b_words = a_said or a, b_said or b
    if (bool(_INCREMENT.search(a_words)) != bool(_INCREMENT.search(b_words))
            or set(_LEVEL.findall(a_words)) != set(_LEVEL.findall(b_words))):
        return False
    a, b = core(a), core(b)
    if not a or not b:
        return False
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return run >= LABEL_RUN and run >= LABEL_SHARE * max(len(a), len(b))


def scaled(value: str, unit: str) -> tuple[Decimal, str] | None:
    """(value, unit) with a leading 万 folded in, so 3.16 万户 and 31460 户 compare."""
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        return None
    if unit.startswith("万") and len(unit) > 1:
        return number * 10_000, unit[1:]
    return number, unit


# A result that is no exact level (不足 1500 户, 近 300 座, 约 50 个) or no result at all
# (新增市场主体目标 1500 户) decides nothing
_NOT_A_RESULT = re.compile(r"不足|不到|未达|近|约|左右|余|以下|以内|目标|任务|计划")


def reached(target: Figure, result: Figure) -> tuple[str, str] | None:
    """(status, reason) of a result against a target with the same label, or None."""
    t, r = scaled(target.value, target.unit), scaled(result.value, result.unit)
    if not t or not r or t[1] != r[1] or target.value_high or result.value_high:
        return None
    if _NOT_A_RESULT.search(result.qualifier + result.label):
        return None
    said = f"目标 {target.value} {target.unit}{target.qualifier}，结果 {result.value} {result.unit}"
    if target.bound == "max":
        return ("kept", said) if r[0] <= t[0] else ("not_kept", said)
    if r[0] >= t[0]:
        return "kept", said
    # a count half reached is partly kept; a rate (参保率 94.9% of 95%) is kept or not
    return ("partly", said) if t[1] != "%" and r[0] >= t[0] * PARTLY_SHARE else ("not_kept", said)


def commitments(reports: list[Report], figures: dict[str, list[Figure]]) -> dict[str, list[Commitment]]:
    """Report slug → its commitments, each with the next report's evidence and a status."""
    by_year = {(region_key(r.metadata), r.metadata.year): r for r in reports}
    ordered = sorted(reports, key=lambda r: r.folder)

    def tracked_in(report: Report) -> list[Commitment]:
        return _tracked(report, figures, by_year.get((region_key(report.metadata), report.metadata.year + 1)))

    # each report with the next alone: on every core when there are many
    made = forked_map(tracked_in, ordered, least=FORK_FROM, share=8)
    return {report.slug: tracked for report, tracked in zip(ordered, made, strict=True) if tracked}


FORK_FROM = 48  # reports before working on every core pays for the forks


def _tracked(report: Report, figures: dict[str, list[Figure]], following: Report | None) -> list[Commitment]:
    """A report's commitments, with the evidence of the report that follows it (if any)."""
    meta = report.metadata
    plan = _plan_blocks(report)
    listed = list_items(report, plan)
    items = listed + pledges(report, figures.get(report.slug, []), listed, plan)
    review = _review_of(following, figures) if following else None
    promised = [f for f in figures.get(report.slug, []) if f.value and not f.indicator
                and f.kind == "target" and f.period == str(meta.year)]
    tracked = []
    for number, item in enumerate(items, start=1):
        mine = [f for f in promised if f.anchor == item.node.anchor and item.start <= f.start < item.end]
        evidence = _evidence(item, mine, review) if review else ()
        status, reason = _status(item, evidence, following is not None, len(mine))
        tracked.append(Commitment(meta.region, region_key(meta), meta.code, meta.year, report.slug, item.source,
                                  number, item.text, Where(meta.year, item.text, item.node.anchor, item.page),
                                  status, reason, evidence))
    return tracked


@dataclass(frozen=True)
class _Review:
    year: int
    sentences: list[Where]
    results: list[Figure]


def _review_of(report: Report, figures: dict[str, list[Figure]]) -> _Review:
    year = report.metadata.year
    paras = _paragraphs(report, "review")
    anchors = {node.anchor for _, node in paras}
    sentences = [Where(year, s, node.anchor, page) for page, node in paras for s in sentence_texts(node.text)]
    results = [f for f in figures[report.slug] if f.anchor in anchors and f.kind == "actual"
               and f.period == str(year - 1) and f.value and not f.indicator]
    return _Review(year, sentences, results)


def _evidence(item: _Item, mine: list[Figure], review: _Review) -> tuple[Evidence, ...]:
    found: list[Evidence] = []
    if item.source == "list":
        for where in review.sentences:
            if (done := _ALL_DONE.search(where.text)) and not_the_whole_list(where.text[:done.end()]):
                found.append(Evidence(where, "all", "", "说到清单，但说的是未全部完成、有例外，或别的清单"))
            elif done:
                count = _count_of(where.text, done)
                if count is not None and item.list_size is not None and count != item.list_size:
                    found.append(Evidence(where, "all", "", f"说 {count} 件全部完成，计划列了 {item.list_size} 件"))
                else:
                    found.append(Evidence(where, "all", "kept", "整份清单全部完成"))
            elif _DONE_WORDS.search(where.text):
                found.append(Evidence(where, "all", "", "说到清单的完成情况，未说全部完成"))
    seen = {e.where for e in found}
    for target in mine:
        said = _clause_of(target)
        matches = [(result, decided) for result in review.results
                   if same_label(target.label, result.label, said, _clause_of(result))
                   and (decided := reached(target, result))]
        agree = len({scaled(result.value, result.unit) for result, _ in matches}) <= 1
        for result, (status, reason) in matches:
            where = Where(review.year, result.text, result.anchor, result.page)
            found.append(Evidence(where, "number", status if agree else "",
                                  reason if agree else f"{reason}（下一年报告里同名的数字不止一个，互不相同）",
                                  target.id))
            seen.add(where)
    for where, run in _same_topic(item.text, review.sentences, seen):
        found.append(Evidence(where, "topic", "", f"可能相关：同样说到“{run}”"))
    return tuple(found)


def not_the_whole_list(said: str) -> bool:
    """Does a whole-list statement (up to its verb) say the list was not all done, make an
    exception, or speak of another government's list or of many years?"""
    return bool(_NOT_ALL.search(said) or _OTHER_LIST.search(said) and not _OWN_LIST.search(said))


def _clause_of(figure: Figure) -> str:
    """The clause a figure stands in (its label and the words that say what it counts)."""
    text = figure.text
    at = text.find(figure.label) if figure.label else -1
    if at < 0:
        return figure.label
    begin = max(text.rfind(mark, 0, at) for mark in "，,；;：:") + 1
    ends = [i for mark in "，,；;。" if (i := text.find(mark, at + len(figure.label))) >= 0]
    return text[begin:min(ends) if ends else len(text)]


def _count_of(text: str, done: re.Match) -> int | None:
    """The count of the list a whole-list statement speaks of: the one next to 民生实事 when it
    names several (市定 20 件、县定 10 件民生实事全部完成 → 10)."""
    counts = list(re.finditer(rf"({_COUNT})\s*(?:大)?(?:件|项)", text[:done.end()]))
    return numeral(counts[-1].group(1)) if counts else None


def _same_topic(text: str, sentences: list[Where], seen: set[Where]) -> list[tuple[Where, str]]:
    """Review sentences sharing a run of four characters or more with the item that is more
    than the report's everyday words (工率达到 is 达到 and a fragment), longest first; with the run."""
    key = core(_GENERIC_RUN.sub("|", re.sub(rf"^[{_NUMERALS}]{{1,3}}是|[\d.]+|[（）()]", "", text)))
    scored = []
    for where in sentences:
        if where in seen:
            continue
        matcher = SequenceMatcher(None, key, where.text, autojunk=False)
        block = matcher.find_longest_match(0, len(key), 0, len(where.text))
        run = core(key[block.a:block.a + block.size])
        if re.fullmatch(r"[\u4e00-\u9fff]+", run) and len(_EVERYDAY.sub("", run)) >= LABEL_RUN:
            scored.append((-len(run), where, run))
    return [(where, run) for _, where, run in sorted(scored, key=lambda s: s[0])[:TOPIC_EVIDENCE]]


def _status(item: _Item, evidence: tuple[Evidence, ...], has_next: bool, targets: int) -> tuple[str, str]:
    """The item's status from its evidence: a whole-list statement and the numbers must agree,
    and without a whole-list statement every number of the item must have its answer."""
    if not has_next:
        return "not_rated", "下一年的报告尚未收入"
    whole = {e.decides for e in evidence if e.says == "all" and e.decides}
    numbers = {e.target: e.decides for e in evidence if e.says == "number" and e.decides}
    reasons = "；".join(e.reason for e in evidence if e.decides)
    if any(e.says == "number" and not e.decides and e.target for e in evidence):
        return "not_rated", "证据不一致：" + "；".join(e.reason for e in evidence if e.says == "number")
    if whole and (numbers and set(numbers.values()) != whole
                  or any(e.says == "all" and not e.decides for e in evidence)):
        return "not_rated", "证据不一致：" + reasons
    if whole:
        return whole.pop(), reasons
    if numbers and len(numbers) < targets:
        return "not_rated", f"只有 {len(numbers)} 个数字有对照（共 {targets} 个）：" + reasons
    if numbers:
        found = set(numbers.values())
        return (found.pop() if len(found) == 1 else "partly"), reasons
    if evidence:
        return "not_rated", "下一年报告可能说到此事，但没有可据以判定的数字或“全部完成”"
    return "not_rated", "下一年报告的回顾中没有找到相关的句子"
