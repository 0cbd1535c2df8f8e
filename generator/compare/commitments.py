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
from generator.compare.text import paragraphs_with_roles, sentence_texts
from generator.compare.topics import _LEAD
from generator.model import Figure, Node, Report
from generator.naming import region_key

STATUSES = ("kept", "partly", "not_kept", "not_rated")
STATUS_NAMES = {"kept": "已兑现", "partly": "部分兑现", "not_kept": "未兑现", "not_rated": "未评定"}

_NUMERALS = "一二三四五六七八九十"
# "10 件民生实事", "十件民生实事", "民生实事：" — the sentence that opens a list
_LIST_OPENS = re.compile(rf"(?:([\d{_NUMERALS}]+)\s*(?:件|项|类)[^。；：:]{{0,8}})?民生实事")
# 一是…；二是…  （一）…  1．… — where an item starts
_MARKER = re.compile(rf"(?:(?<=^)|(?<=[：:；;。\s]))\s*(?:[{_NUMERALS}]{{1,3}}是|[（(][{_NUMERALS}\d]{{1,3}}[）)]|"
                     rf"\d{{1,2}}[．.、](?!\d))")
# The next report on the whole list: "10 件民生实事全部办结", "民生实事全面完成"
_ALL_DONE = re.compile(rf"(?:([\d{_NUMERALS}]+)\s*(?:件|项)[^。；，,]{{0,8}})?民生实事[^。；，,]{{0,6}}"
                       r"(?:全部|全面|均已|均|如期|圆满)[^。；，,]{0,2}(?:完成|办结|兑现|落实|建成|完工)")
_DONE_WORDS = re.compile(r"民生实事.{0,12}(?:基本完成|完成|办结|兑现|落实)")
# A plan figure is a commitment when its sentence pledges it (力争, 确保) or its clause says
# what is to be reached (达到, 突破)
_PLEDGE = re.compile(r"力争|确保")
_REACH = re.compile(r"达到|突破")
_CLAUSE_END = re.compile(r"[，,；;：:]")
# Labels agree when they share a run this long (in characters, spaces removed) …
LABEL_RUN = 4
# … that covers at least this share of the longer label (新建项目开工率一季度前 is not 签约项目开工率)
LABEL_SHARE = 0.6
_EVERYDAY = re.compile("|".join(sorted(STOP_WORDS, key=len, reverse=True)))
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


def numeral(text: str | None) -> int | None:
    """10 → 10, 十 → 10, 十二 → 12; None if absent."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    tens, _, ones = text.partition("十")
    if "十" not in text:
        return _NUMERALS.index(text) + 1 if len(text) == 1 else None
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


def _plan_paragraphs(report: Report, role: str) -> list[tuple[str, Node]]:
    return [(page, node) for _, page, node, said in paragraphs_with_roles(report) if said == role]


def list_items(report: Report) -> list[_Item]:
    """The items of the report's 民生实事 lists: in the paragraph that opens the list, or in
    the paragraphs after it that start with a marker."""
    items: list[_Item] = []
    plan = _plan_paragraphs(report, "plan")
    for i, (page, node) in enumerate(plan):
        opens = _LIST_OPENS.search(node.text)
        if not opens or _ALL_DONE.search(node.text):
            continue
        size = numeral(opens.group(1))
        rest = node.text[opens.end():]
        found = _split(node, page, opens.end(), size) if _MARKER.search(rest) else []
        if not found and node.text.rstrip().endswith(("：", ":")):
            for next_page, following in plan[i + 1:]:
                if not _MARKER.match(following.text):
                    break
                found.append(_Item("list", following.text.strip(), following, next_page, 0, len(following.text), size))
        items.extend(found)
    return items


def _split(node: Node, page: str, offset: int, size: int | None) -> list[_Item]:
    starts = [m.start() for m in _MARKER.finditer(node.text, offset)]
    out = []
    for begin, end in zip(starts, [*starts[1:], len(node.text)], strict=True):
        text = node.text[begin:end].strip().rstrip("；;。")
        if text:
            out.append(_Item("list", text, node, page, begin, end, size))
    return out


def pledges(report: Report, figures: list[Figure], listed: list[_Item]) -> list[_Item]:
    """Plan figures pledged with 力争/确保/达到 that are not catalogue indicators and not in a
    民生实事 list, one item per clause."""
    in_lists = {(item.node.anchor, item.start, item.end) for item in listed}
    by_anchor = {node.anchor: (page, node) for page, node in _plan_paragraphs(report, "plan")}
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
        if not (_PLEDGE.search(lead) or _REACH.search(node.text[clause_begin:f.start])):
            continue
        stop = _CLAUSE_END.search(node.text[f.end:end])
        clause_end = f.end + stop.start() if stop else end
        text = node.text[clause_begin:clause_end].strip().rstrip("。；;")
        items.setdefault((f.anchor, clause_begin), _Item("pledge", text, node, page, clause_begin, clause_end, None))
    return list(items.values())


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    begin = max(text.rfind(mark, 0, at) for mark in "。！？；") + 1
    ends = [i for mark in "。！？；" if (i := text.find(mark, at)) >= 0]
    return begin, (min(ends) + 1 if ends else len(text))


def core(label: str) -> str:
    """A label without spaces and without the verbs that open it (建设, 新增, 力争…)."""
    text = re.sub(r"\s+", "", label)
    return _LEAD.sub("", text).rstrip("等")


def same_label(a: str, b: str) -> bool:
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


def reached(target: Figure, result: Figure) -> tuple[str, str] | None:
    """(status, reason) of a result against a target with the same label, or None."""
    t, r = scaled(target.value, target.unit), scaled(result.value, result.unit)
    if not t or not r or t[1] != r[1] or target.value_high:
        return None
    said = f"目标 {target.value} {target.unit}{target.qualifier}，结果 {result.value} {result.unit}"
    if target.bound == "max":
        return ("kept", said) if r[0] <= t[0] else ("not_kept", said)
    if r[0] >= t[0]:
        return "kept", said
    return ("partly", said) if r[0] > 0 else ("not_kept", said)


def commitments(reports: list[Report], figures: dict[str, list[Figure]]) -> dict[str, list[Commitment]]:
    """Report slug → its commitments, each with the next report's evidence and a status."""
    by_year = {(region_key(r.metadata), r.metadata.year): r for r in reports}
    out = {}
    for report in sorted(reports, key=lambda r: r.folder):
        meta = report.metadata
        listed = list_items(report)
        items = listed + pledges(report, figures[report.slug], listed)
        following = by_year.get((region_key(meta), meta.year + 1))
        review = _review_of(following, figures) if following else None
        tracked = []
        for number, item in enumerate(items, start=1):
            mine = [f for f in figures[report.slug] if f.anchor == item.node.anchor and item.start <= f.start < item.end
                    and f.value and not f.indicator]
            evidence = _evidence(item, mine, review, meta.year) if review else ()
            status, reason = _status(item, evidence, following is not None)
            tracked.append(Commitment(meta.region, region_key(meta), meta.code, meta.year, report.slug, item.source,
                                      number, item.text, Where(meta.year, item.text, item.node.anchor, item.page),
                                      status, reason, evidence))
        if tracked:
            out[report.slug] = tracked
    return out


@dataclass(frozen=True)
class _Review:
    year: int
    sentences: list[Where]
    results: list[Figure]


def _review_of(report: Report, figures: dict[str, list[Figure]]) -> _Review:
    year = report.metadata.year
    paras = _plan_paragraphs(report, "review")
    anchors = {node.anchor for _, node in paras}
    sentences = [Where(year, s, node.anchor, page) for page, node in paras for s in sentence_texts(node.text)]
    results = [f for f in figures[report.slug] if f.anchor in anchors and f.kind == "actual"
               and f.period == str(year - 1) and f.value and not f.indicator]
    return _Review(year, sentences, results)


def _evidence(item: _Item, mine: list[Figure], review: _Review, year: int) -> tuple[Evidence, ...]:
    found: list[Evidence] = []
    if item.source == "list":
        for where in review.sentences:
            if (done := _ALL_DONE.search(where.text)):
                count = numeral(done.group(1))
                if count is not None and item.list_size is not None and count != item.list_size:
                    found.append(Evidence(where, "all", "", f"说 {count} 件全部完成，计划列了 {item.list_size} 件"))
                else:
                    found.append(Evidence(where, "all", "kept", "整份清单全部完成"))
            elif _DONE_WORDS.search(where.text):
                found.append(Evidence(where, "all", "", "说到清单的完成情况，未说全部完成"))
    seen = {e.where for e in found}
    for target in mine:
        matches = [(result, decided) for result in review.results
                   if same_label(target.label, result.label) and (decided := reached(target, result))]
        agree = len({scaled(result.value, result.unit) for result, _ in matches}) <= 1
        for result, (status, reason) in matches:
            where = Where(review.year, result.text, result.anchor, result.page)
            found.append(Evidence(where, "number", status if agree else "",
                                  reason if agree else f"{reason}（下一年报告里同名的数字不止一个，互不相同）"))
            seen.add(where)
    for where, run in _same_topic(item.text, review.sentences, seen):
        found.append(Evidence(where, "topic", "", f"可能相关：同样说到“{run}”"))
    return tuple(found)


def _same_topic(text: str, sentences: list[Where], seen: set[Where]) -> list[tuple[Where, str]]:
    """Review sentences sharing a run of four characters or more with the item that is more
    than the report's everyday words (工率达到 is 达到 and a fragment), longest first; with the run."""
    key = core(re.sub(rf"^[{_NUMERALS}]{{1,3}}是|[\d.]+|[（）()]", "", text))
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


def _status(item: _Item, evidence: tuple[Evidence, ...], has_next: bool) -> tuple[str, str]:
    if not has_next:
        return "not_rated", "下一年的报告尚未收入"
    decided = {e.decides for e in evidence if e.decides}
    if len(decided) == 1:
        status = decided.pop()
        return status, "；".join(e.reason for e in evidence if e.decides)
    if len(decided) > 1:
        return "not_rated", "证据不一致：" + "；".join(e.reason for e in evidence if e.decides)
    if evidence:
        return "not_rated", "下一年报告可能说到此事，但没有可据以判定的数字或“全部完成”"
    return "not_rated", "下一年报告的回顾中没有找到相关的句子"
