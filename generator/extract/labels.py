"""Label rules: what a figure is called, as a reader would name it.

They read the simplified analysis text and cut labels from the original at the same
offsets, so a traditional-script report keeps its script in every label.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from generator.extract.context import PLAN_END
from generator.headings import BULLET, SUBTITLE_TIMES
from generator.indicators import match_label
from generator.numbers import DIGIT
from generator.script import to_analysis

if TYPE_CHECKING:
    from generator.extract.scan import Raw

# Generic words in front of a label that do not change what it measures (属地地区生产总值: the
# district's whole territory, as Shanghai writes it; 面对上半年…下降: the situation faced), one at a
# time, so that a name beginning with one (全口径财政收入) can stop the cut.
_LEAD = re.compile(r"^(?:(?:(?:建议|力争|确保|争取|努力)(?:将|把)|"  # (建议将…: a proposal, not 将乐县)
                   r"全县|全区|全市|全旗|全州(?!县)|全盟|全镇|全乡|我县|我区|我市|我旗|本县|本区|本市|本旗|"
                   r"辖区|县域|属地|面对|这一年|"
                   r"全域口径|全域|"
                   r"我们|即|分别是|分别为|依次是|依次为|"
                   r"全年|今年|明年|去年|上年|当年|年度|(?:按)?(?:同|可比)口径|"
                   r"前[一二三]季度|[一二三]季度|上半年|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月份?|"
                   r"其中|特别是|尤其是|实现|完成|达到|力争|确保|(?:初步)?预计|(?:初步)?核算|争取|推动|促进|全口径|累计|共|"
                   r"(?:设定|提出|确定)了?|"  # (设定了地区生产总值增长5.5%左右等主要预期目标)
                   r"(?:计划\s*|到\s*|至\s*)?\d{4}\s*年(?:度|底|末)?|"  # (计划2023年…, 到2016年…; not 计划投资)
                   r"[（(]\s*下同\s*[）)])\s*)")
# 三是…, 一要…, 1.…, 01/…, ①…: an enumerating lead of the sentence, not part of any label
# (not 一、二、三产增加值: a list of the three sectors)
_ORDINAL = re.compile(r"^(?:第?[一二三四五六七八九十]{1,3}[是要]|[一二三四五六七八九十]{1,3}、(?![一二三]、|[二三]产)"
                      r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、/／](?!\d)|\d{1,2}\s+(?=[\u4e00-\u9fff])(?![月年日万亿千百元个家项])|[①-⑳]"
                      # (1️⃣ 地区…: a keycap; 00:24 …: a subtitle's time)
                      r"|\d\ufe0f?\u20e3\s*|\d{1,2}:\d{2}(?::\d{2})?\s+)")
_TRAIL = re.compile(r"(?:同比|(?:比|较)(?:上年|去年)(?:同期)?|与(?:上年|去年)同期相比|分别|总量|总?规模|同口径"
                    # (社会消费品零售总额预计今年达到…, 预计(下同); 地区生产总值初步核算为…)
                    r"|(?:初步)?预计(?:全年|今年)?|(?:经)?初步核算|[（(]\s*下同\s*[）)]"
                    r"|预期|(?<=[\u4e00-\u9fff])(?<!增长)预期目标"  # (地区生产总值预期增长8%; …预期目标为增长5%左右;
                    # not 今年预期目标增长5%, a rate named by its goal alone, nor 经济增长预期目标为9.5%)
                    r"|自然|实际|名义|首次|连续|已经|已|将|有望|仍然|仍|依然|则|亦|全年|(?<!许)可|(?<![主需重])要|先后|全县|全区|全市|全旗|(?:按|自然|同|可比|按可比|按自然)口径(?:计算)?"
                    r"|按?[原新]?统计口径(?:计算)?"
                    r"|(?:按)?(?:可比价|现价)(?:计算)?"
                    r"|(?:在全[省市国区州盟])?(?:县域)?率先|历史性地?"
                    rf"|[由从]\s*(?:\d{{4}}\s*年(?:底|末)?|{PLAN_END})?\s*的?|(?<=[\u4e00-\u9fff])\s?\d{{4}}\s*年(?:度|底|末)?)+$")
# A label that names only a measure, whose subject the previous label in the sentence gave:
# 粮食面积稳定在 50 万亩以上、总产量 1.7 亿公斤 → 粮食总产量 (完成粮食播种 11 万亩，总产量… too).
_GENERIC = ("总产量", "产量", "总产", "总量", "总额", "增加值", "产值", "总产值")  # (总产 6.4 万吨: 总产量, short)
_MEASURE_WORDS = re.compile(r"(?:种植面积|播种面积|面积|播种|产量|总产量|总量|总额|规模|增加值|产值|总产值|数量)$")
_TRIM = "　 ，,、：:"
_COMPARED = re.compile(rf"(?:比|较|相比)\s*(?:\d{{4}}\s*年|上年|去年|上一年|{PLAN_END})")
# 国民经济全年实现地区生产总值, 服务业完成社会消费品零售总额: what precedes the verb is
# the sentence's subject, not part of what is measured.
_LAST_VERB = re.compile(r"^.*(?:实现|完成|达到|累计完成|全年完成|力争|确保|争取|目标(?:主要)?(?:是|为))")
# "城镇、农村", "A和B", "A与B", "A及B": how a label lists its items
ITEMS = re.compile(r"[、和与及]")
# A sector of the economy and the scope words that narrow it (规上工业, 限上…)
_SCOPE = "规模以上|规上|限额以上|限上"
_SECTOR = "工业|服务业|第三产业|第二产业|第一产业|农业|建筑业"
# …规模以上工业 before 实现总产值: a subject the bare measure after the verb belongs to
# (61户规模以上工业企业预计完成…: a count of the firms first, an estimate's 预计 before the verb)
_SUBJECT_BEFORE = re.compile(rf"^(?:\d+\s*[户家个])?(?:(?P<scope>{_SCOPE})?"
                             rf"(?P<sector>{_SECTOR})(?:企业)?|(?P<firms>(?:{_SCOPE})企业))"
                             r"(?=(?:全年)?(?:初步)?(?:预计)?(?:实现|完成|达到|累计完成|全年完成))")
# The parts of a region that report their own figures: 经开区, 高新区, 综保区, 片区…
ZONES = (r"经济技术开发区|经济开发区|经开区|开发区|高新区|工业园区|产业园区|园区|工业园|产业园|集中区|集聚区|"
         r"化工园|科技园|物流园|创业园|生态园|经济区|"
          r"科学城|科技城|医学城|大学城|生态城|"
          r"综合保税区|综保区|保税区|加工区|片区|基地|示范区|试验区|合作区")
# 某某综保区实现…, 某某片区完成…: a part of the region before the verb, the subject of what follows
_AREA_BEFORE = re.compile(rf"^(?P<area>[\u4e00-\u9fffA-Za-z]{{1,12}}?(?:{ZONES}))"
                          r"(?:全年|今年|去年|共)?(?:实现|完成|累计完成|全年完成|达到)$")
# 全县, 全区, 全市, 全旗 in front of a label: the report's region, or a wider one (foreign_scope)
# (全州, 全盟: an autonomous prefecture or a league, wider than any county in it)
WHOLE = re.compile(r"全县|全区|全市|全旗|全州|全盟")
# …；我区实现…, 本县…, 县域经济…: the report's own region as the subject (of the figures after it)
OWN_REGION = r"全县|全区|全市|全旗|我县|我区|我市|我旗|本县|本区|县域"


class Verbs(tuple):
    """Words for strip_verbs, longest first so 不超过 wins over 超过, 增加到 over 增加; with their
    lengths and their set, which strip_verbs looks them up by (made once, not per call)."""

    lengths: tuple[int, ...]
    words: frozenset[str]


def longest_first(*groups) -> Verbs:
    verbs = Verbs(sorted({word for group in groups for word in group}, key=lambda w: (-len(w), w)))
    verbs.lengths = tuple(sorted({len(verb) for verb in verbs}, reverse=True))
    verbs.words = frozenset(verbs)
    return verbs


def strip_verbs(text: str, verbs: Verbs) -> tuple[str, list[str]]:
    """Remove `verbs` (longest first) from the end of `text` repeatedly; return the rest
    and what was removed. (A set looked up once per length, not every verb tried in turn.)"""
    lengths, words = verbs.lengths, verbs.words
    removed = []
    changed = True
    while changed:
        changed = False
        text = text.rstrip()
        for size in lengths:
            if len(text) >= size and (verb := text[-size:]) in words:
                text, changed = text[:-size], True
                removed.append(verb)
                break
    return text, removed


@cache
def _name_leads() -> frozenset[str]:
    """The lead words a catalogue name begins with (全口径财政收入): there the cut stops."""
    from generator.indicators import catalogue

    return frozenset(lead.group().strip() for indicator in catalogue().values() for name in indicator.names
                     if (lead := _LEAD.match(to_analysis(name))) and lead.end())


# Words that ran into a name from before it: G+ G地区生产总值, a forum page's scrambled marks (not
# a year, 2023年…); 责任单位：市发改委 ⏎ 2.规上工业增加值…, a list's next item run into the line before;
# …经济社会发展的主要预期目标 ⏎ 地区生产总值…, 主要预期目标建议为地区生产总值…, the words that introduce
# a list of goals, ahead of its first item's name
_ASCII_JUNK = re.compile(r"(?=[\d\s]*[\x21-\x2f\x3a-\x7e])[\x21-\x7e\s]+(?=[\u4e00-\u9fff])")
_NUMBERED_ITEM = re.compile(r"(?<![\d.])\d{1,2}\s*[.．、](?!\d)\s*")
_GOALS_NAMED = re.compile(r"(?:预期目标|主要目标|发展目标|远期目标|远景目标|中期目标)(?:建议)?(?:是|为)?\s*[：:]?\s*")


def _lead_ins(analysis: str) -> Iterator[int]:
    """Where a name may begin after words that ran into it (each test is cheap before its regex)."""
    if analysis[:1].isascii() and (junk := _ASCII_JUNK.match(analysis)):
        yield junk.end()
    if ("." in analysis or "、" in analysis or "．" in analysis) \
            and (listed := list(_NUMBERED_ITEM.finditer(analysis))) and listed[-1].start() > 0:
        yield listed[-1].end()
    if "目标" in analysis and (goals := _GOALS_NAMED.search(analysis)):
        yield goals.end()


def marks_before(text: str) -> int:
    """How many characters of `text` are marks a post sets before a name (📈, 🏗️, ✅, ◆, ·): symbols,
    the joiners and variation selectors of emoji, a list's dots, and spaces between them."""
    at = 0
    while at < len(text) and (text[at].isspace() or text[at] in BULLET or text[at] in "·・"
                              or unicodedata.category(text[at])[0] == "S"
                              or unicodedata.category(text[at]) in ("Mn", "Cf")):
        at += 1
    return at if at < len(text) else 0


def clean_label(text: str) -> str:
    """The label as a reader would name it: without 全县/全年/2022年 in front, 同比 behind.

    The rules read the simplified analysis text; the cut is made in `text`, as printed.
    """
    if marks := marks_before(text):
        text = text[marks:]  # (📈 地区生产总值: a post's picture before the name)
    if ":" in text and (times := SUBTITLE_TIMES.search(text)):  # (全市地区生产总值[00:22] 达到…: a subtitle's time)
        text = text[:times.start()] + SUBTITLE_TIMES.sub("", text[times.start():])
    analysis = to_analysis(text)
    for cut in _lead_ins(analysis):
        if match_label(named := clean_label(text[cut:])):
            return named  # (what ran into the name: the name after it)
    start, end = 0, len(analysis)
    if (compared := _COMPARED.search(analysis)) and compared.start() > 0:
        end = compared.start()  # 一般公共预算收入比2019年调整预算收入: the base is no part of it
    elif compared and not analysis[compared.end():].strip(_TRIM + " "):
        return ""  # …100 亿元，比2011年增长 13.8%: only the base, the figure before's growth
    while True:
        rest = analysis[start:end]
        lead = _ORDINAL.match(rest) or _LEAD.match(rest)
        stripped = len(rest) - len(rest.lstrip(_TRIM))
        verb = _LAST_VERB.search(rest)
        if lead and lead.end():
            if lead.group().strip() in _name_leads() and (
                    match_label(rest) or match_label(ITEMS.split(rest, maxsplit=1)[0])):
                # 全口径财政收入 (、本级财政收入…): a name that begins with a lead word, alone or first of a list
                return text[start:end]
            if lead.group().strip() in _name_leads() and (trail := _TRAIL.search(rest)) and trail.start() \
                    and match_label(rest[:trail.start()]):
                return text[start:start + trail.start()]  # 全口径财政收入连续跨越…: and a word after it
            start += lead.end()
        elif verb and verb.end() < len(rest.rstrip(_TRIM)) and rest[verb.end():].strip(_TRIM) in _GENERIC \
                and (subject := _SUBJECT_BEFORE.search(rest[:verb.end()])):
            # 规模以上工业实现总产值 1106 亿元: the measure's subject stands before the verb
            # (其中，规模以上企业实现总产值…: the firms of the scope, whose 总产值 is industry's)
            begin = start + subject.start("scope" if subject["scope"] else "firms" if subject["firms"] else "sector")
            return text[begin:start + subject.end()] + text[start + verb.end():end].strip(_TRIM)
        elif verb and (subject := _SUBJECT_BEFORE.search(rest[:verb.end()])) and subject["scope"] \
                and subject["sector"] and rest[verb.end():].strip(_TRIM).startswith(subject["sector"]):
            # 61户规模以上工业企业预计完成工业增加值 102 亿元: the firms' scope, then the measure named in full
            return text[start + subject.start("scope"):start + subject.end("scope")] \
                + text[start + verb.end():end].strip(_TRIM)
        elif verb and rest[verb.end():].strip(_TRIM) == "额" and match_label(rest[:verb.end()] + "额"):
            return text[start:end]  # 固定资产投资完成额: the name's own 完成, no verb before it
        elif verb and verb.end() < len(rest.rstrip(_TRIM)) and (area := _AREA_BEFORE.search(rest[:verb.end()])):
            # 盐田综保区实现进出口额 1121 亿元: a part of the region is the subject, and stays in the name
            return text[start:start + area.end("area")] + text[start + verb.end():end].strip(_TRIM)
        elif verb and verb.end() < len(rest.rstrip(_TRIM)):
            start += verb.end()
        elif stripped:
            start += stripped
        elif rest.startswith("的"):
            start += 1
        elif (trail := _TRAIL.search(rest)) and trail.start() < len(rest):
            end = start + trail.start()
        elif rest != rest.rstrip(_TRIM):
            end = start + len(rest.rstrip(_TRIM))
        else:
            return text[start:end]


_POPULATION = re.compile(r"农村牧区|农牧区|城镇|城市|农村|牧区")
# (农村家庭人均可支配收入: households, as 城镇居民家庭 are)
_PEOPLE = re.compile(r"(?:农村牧区|农牧区|城镇|城市|农村|牧区)(?:(?:常住)?居民(?:家庭)?|家庭)|农牧民|农民")
# 农民, 农村居民, 城镇, 贫困户…: a part of the people, whose income a bare 人均可支配收入 after it is
SOME_PEOPLE = re.compile(rf"{_PEOPLE.pattern}|{_POPULATION.pattern}|贫困|脱贫|低收入")


_INDUSTRY_NUMBER = re.compile(r"第?[一二三]")
_INDUSTRY = re.compile(r"第?(?P<n>[一二三])(?=产业)")


def split_labels(label: str, count: int) -> list[str] | None:
    """城乡居民收入 → 城镇居民收入, 农村居民收入; 城镇、农村居民收入 → the same; 三次产业增加值 →
    第一、第二、第三产业增加值; else None."""
    plain = to_analysis(label)
    town, village = ("城镇", "农村") if plain == label else ("城鎮", "農村")  # in the label's script
    if count == 2 and plain.startswith("城乡"):
        return [town + label[2:], village + label[2:]]
    if count == 2 and re.match(r"城[、和]乡", plain):  # 城、乡居民…
        return [town + label[3:], village + label[3:]]
    if count == 3 and plain.startswith("三次产业"):  # 三次产业增加值分别…: the three sectors in order
        return [f"第{n}{label[2:]}" for n in "一二三"]  # (产业 or 產業, as printed)
    # (split where the analysis text has 、和与及: 城鎮與農村… as printed splits as 城镇与农村… does)
    bounds = [-1, *(m.start() for m in ITEMS.finditer(plain)), len(label)]
    parts = [p for p in (label[a + 1:b] for a, b in itertools.pairwise(bounds)) if p]
    if len(parts) != count:
        return None
    last = parts[-1]
    industry = _INDUSTRY.match(to_analysis(last))
    if industry and all(_INDUSTRY_NUMBER.fullmatch(to_analysis(part)) for part in parts[:-1]):
        # 一、二、三产业增加值 (第一、二、三产业…): each industry by its number
        tail = last[industry.end("n"):]
        return ["第" + to_analysis(part)[-1] + tail for part in parts[:-1]] + ["第" + industry["n"] + tail]
    out = []
    group = _POPULATION.match(to_analysis(last))
    people = _PEOPLE.match(to_analysis(last))
    for part in parts[:-1]:
        if len(part) <= 3 < len(last) and not match_label(part):  # (GDP、规上工业总产值…: a name of its own)
            # 城镇、农村居民…: a modifier borrows the last one's tail
            # (城镇和农村牧区常住居民…: the tail after the last one's own population word)
            out.append(part + last[group.end() if group else len(part):])
        elif people and _PEOPLE.fullmatch(to_analysis(part)):
            # 城镇居民和农村居民人均可支配收入: a group of people borrows what the last one's have
            out.append(part + last[people.end():])
        else:  # 一般公共预算收入和支出: the last item borrows the first one's head
            out.append(part)
    if out and len(parts[0]) > len(last) and len(last) <= 3:  # 收入和支出: 支出 borrows 一般公共预算
        last = parts[0][: len(parts[0]) - len(last)] + last
    return out + [last]


def expand_respectively(figures: list[Raw]) -> None:
    """Give each value of a 分别 list its own label."""
    i = 0
    while i < len(figures):
        j = i + 1
        if figures[i].respectively:
            while j < len(figures) and figures[j].respectively and not figures[j].label:
                j += 1
        members = figures[i:j]
        if len(members) > 1:
            labels = split_labels(members[0].label, len(members))
            for number, member in enumerate(members):
                if labels:
                    member.label = labels[number]
                else:
                    member.label = members[0].label
                    member.flags.append(f"分别 list: item {number + 1} of {len(members)}")
        i = j


# 新建 2 所幼儿园: an action in front of a count; what was counted follows the unit.
ACTION = re.compile(r"(?:新|再|累计|共|先后|全年|今年)?(?:建|建成|建设|新建|改建|改造|增|新增|实施|培育|引进|打造|创建|"
                    r"开工|完成|落地|签约|招引|培训|帮扶|解决|发放|争取|获批|创成|认定|招|扶持|谋划|储备|"
                    r"推进|开展|举办|组织|安置|救助|转移|成立|设立|命名|评为|获评|认证|备案|入库|上报|"
                    r"有|达|达到|突破|超过)?")


_SPACES = re.compile(r"\s+")


def to_plain(text: str) -> str:
    return _SPACES.sub("", text)


# what was counted: up to the next punctuation, number or 和 (新建 1 所幼儿园和 2 所小学)
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,12}?(?=[和及与]|[^\u4e00-\u9fffA-Za-z]|$)")


def following_noun(original: str, analysis: str, end: int) -> str:
    """新建 2 所城区幼儿园: a count's label is the noun after it."""
    match = _NOUN_AFTER.match(analysis, end)
    return original[match.start():match.end()] if match else ""


# 居民人均可支配收入 24000 元，其中城镇居民 35000 元、农村居民 15000 元
_INCOME_GROUP = re.compile(r"^(?:城镇|农村)(?:常住)?(?:居民)?$|^农民$")
_INCOME = "人均可支配收入"


# 服务业提档升级快速推进，实现增加值 91.2 亿元: a sentence that opens naming a sector in a clause of
# words, then gives only the measure — the sector is its subject (so is 粮食: 同时，粮食生产再传捷报，
# 总产183万吨)
_SECTOR_OPENS = re.compile(rf"\s*(?:(?:同时|此外|另外)\s*[，,]?\s*)?(?:全县|全区|全市|全旗)?"
                           rf"(?P<s>(?:{_SCOPE})?(?:{_SECTOR}|粮食))(?=[^，,；;。\d]{{2,16}}[，,])")


def opening_sector(analysis: str, original: str) -> str:
    """The sector a sentence opens with, in a clause of words only (as printed), or ""."""
    match = _SECTOR_OPENS.match(analysis)
    return original[match.start("s"):match.end("s")] if match else ""


# 全区规模工业发展到169户: the verb of a count, after the subject a later measure belongs to
_COUNTED_TO = re.compile(r"(?:发展到|增加到|增至|达到)$")


def group_income(label: str, group: str) -> str:
    """其中城镇居民 → 城镇居民人均可支配收入, 农民 → 农民人均可支配收入: a population group's income."""
    return label[len(label) - len(group):] + ("" if group.endswith("民") else "居民") + _INCOME


def income_groups_after(figures: list[Raw], previous: str) -> None:
    """…人均可支配收入38410元，增长5.9%；其中城镇居民45620元、农村居民22870元: population groups that open
    the clause after an income figure's take the income (inherit_subjects, across the ；)."""
    if _INCOME not in to_analysis(previous):
        return
    for raw in figures:
        group = to_analysis(raw.label).removeprefix("其中")
        if _INCOME_GROUP.match(group):
            raw.label = group_income(raw.label, group)


def inherit_subjects(figures: list[Raw], opening: str = "") -> None:
    """A label that names only a measure takes its subject from the label before it, or the
    first from the sector the sentence opens with (`opening`; and 支出 after a 收入, its budget);
    a population group after an income figure takes the income (其中城镇居民 35000 元)."""
    previous, revenue = opening, ""
    for raw in figures:
        group = to_analysis(raw.label).removeprefix("其中")
        if _INCOME_GROUP.match(group) and _INCOME in to_analysis(previous):
            raw.label = group_income(raw.label, group)
            continue
        label = to_analysis(raw.label)  # the rules read simplified script; the label keeps its own
        if label == "支出" and revenue:
            # 一般公共预算收入 37.52 亿元，(其中税收收入…,) 支出 80.35 亿元: the same budget's spending
            raw.label = revenue[:-2] + raw.label
        elif label.startswith(_GENERIC) and previous:
            measure = _MEASURE_WORDS.search(to_analysis(previous))
            subject = previous[:measure.start()] if measure else previous
            if verb := _COUNTED_TO.search(to_analysis(subject)):
                subject = subject[:verb.start()]  # 规模工业发展到169户，完成增加值…: 规模工业's 增加值
            if subject and subject != previous or subject and not label.startswith(to_analysis(subject)):
                raw.label = subject + raw.label
        if raw.label:
            previous = raw.label
            if label.endswith("收入") and (found := match_label(raw.label)) and found.id.endswith("_revenue"):
                revenue = raw.label


# 天易经开区实现技工贸总收入 1200 亿元；完成地区生产总值 430 亿元: a park, town or new district
# opening a clause as its subject; the figures after it, to the full stop, are the area's (not
# 省级以上工业园区达到 5 个: parks counted)
SUB_AREA = re.compile(r"\s*(?:其中|同时|另外|[从分][\u4e00-\u9fff]{1,4}看)?[，,]?\s*"  # (从板块看，高新区完成…)
                      r"(?!省级|国家级|市级|县级|各|全县|全区|全市|[^，,；;]{0,6}以上)"
                      rf"(?P<area>[\u4e00-\u9fffA-Za-z]{{2,12}}?(?:{ZONES}|新区|街道|(?<![城村乡])[镇乡])"
                      # (胡集镇、磷矿镇两个工业重镇完成…: towns listed, then counted)
                      rf"(?:[、和][\u4e00-\u9fff]{{1,8}}?(?:{ZONES}|街道|(?<![城村乡])[镇乡]))*"
                      r"(?:[两二三四五六七八九十\d]{1,2}个[\u4e00-\u9fff]{0,6}?)?"
                      # (高新区全年实现…: the district's one zone)
                      r"|高新区|经开区|开发区|综保区|工业园区|产业园区|产业集聚区)"
                      r"(?:\s*[（(][^（）()，,；;]{1,10}[）)])?\s*"  # (嵊州经济开发区（高新区）实现…: its other name)
                      # (…开发区2016年实现…: its year between its name and the verb; 凯里经济开发区力争完成…)
                      r"(?:\d{4}\s*年|全年|今年|去年|共|合计|共计)?(?:力争|确保|争取|预计)?"
                      r"(?:实现|完成|累计完成|引进|完成了|实现了|新增)")
# 产业园区持续增效，完成规上工业总产值…: the parks, named by their kind alone, then a few words
# on them, then their figures (not 推进工业园区循环化改造，完成…, where the clause's subject is a deed)
# (not 园区和镇街齐头并进，完成…: the parks with the rest of the county)
_PARKS_THEN = re.compile(r"\s*(?:其中|同时|另外)?[，,]?\s*"
                         r"(?P<area>高新区|经开区|开发区|综保区|工业园区|产业园区|园区|产业集聚区"
                         # (兰州新区综合保税区封关运行以来，实现…: a zone by its name, not a deed done to one)
                         r"|(?!推进|加快|建设|打造|完善|实施|推动|支持|引导|依托|围绕|做强|做大|提升|培育|争创|创建|申报)"
                         r"[\u4e00-\u9fff]{2,10}?(?:综合保税区|保税区|经济技术开发区|经济开发区|高新技术产业开发区))"
                         r"(?![^，,；;。：:]{0,8}?(?:[和与及、同]|协同|共同|一道))"
                         r"[^，,；;。：:\d]{1,12}[，,]\s*(?:\d{4}\s*年|全年|今年|去年|共|合计)?"
                         r"(?:实现|完成|累计完成|引进|完成了|实现了)")
# …；全县完成… or …；我区实现…: the report's own region speaking again
_WHOLE_SUBJECT = re.compile(rf"\s*(?:{OWN_REGION})")


@cache
def _wider_names() -> tuple[frozenset[str], tuple[int, ...]]:
    from generator.regions import province_names

    names = frozenset({"全国", "全省", "我省", "全自治区", *province_names()})
    return names, tuple(sorted({len(name) for name in names}, reverse=True))


@cache
def _wider_subject() -> re.Pattern:
    """The GDP's names in the catalogue (经济 among them), which a province's figures follow."""
    from generator.indicators import catalogue

    names = sorted((to_analysis(name) for name in catalogue()["gdp"].names), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(map(re.escape, names)) + ")")


# 今年广西经济增长预期目标6.5%以上，一般公共预算收入增长3%: the province's (or the nation's)
# figures retold in a county's story, from its name to the full stop; the name opens a clause

_CLAUSE_OPENS = re.compile(r"(?:^|[，,；;：:])\s*(?:今年|明年|去年|\d{4}\s*年)?[，,]?\s*$")


def wider_area(clause: str) -> tuple[int, int, int] | None:
    """Where a province or the nation opens a clause (analysis text) as the subject of its own
    figure (今年广西经济增长预期目标6.5%以上, not 全国经济稳中向好): the name's start and end, and
    where its figures end (the county speaking again: …，我县地区生产总值…); None when none does."""
    names, sizes = _wider_names()
    for subject in _wider_subject().finditer(clause):
        at = subject.start()
        for size in sizes:
            if size <= at and clause[at - size:at] in names and _CLAUSE_OPENS.search(clause, 0, at - size):
                own = CLAUSE_END.search(clause, at)
                if not DIGIT.search(clause, at, own.start() if own else len(clause)):
                    return None
                back = _OWN_AGAIN.search(clause, at)
                return at - size, at, back.start() if back else len(clause)
    return None


CLAUSE_END = re.compile(r"[，,；;]")
# …；全县完成…, …，我县地区生产总值…, …，县域经济…: the report's own region speaking again
_OWN_AGAIN = re.compile(rf"[，,；;：:]\s*(?:{OWN_REGION})")


def opening_area(clause: str) -> tuple[int, int, int | None] | None:
    """Where the sub-area a clause (analysis text) opens with as its subject stands, and, for parks
    named by their kind alone (who say less of themselves than a named zone), where the clause of
    their verb starts: their figures are those of that clause only (产业园区持续增效，完成规上工业总产值
    39.7亿元、增加值11.8亿元，…); (0, 0, None) when the clause opens with the whole region again;
    None when it names no subject."""
    if "实现" in clause or "完成" in clause or "引进" in clause or "新增" in clause:
        if match := SUB_AREA.match(clause):
            return (*match.span("area"), None)
        if "区" in clause and (match := _PARKS_THEN.match(clause)):
            return (*match.span("area"), match.end())
    return (0, 0, None) if _WHOLE_SUBJECT.match(clause) else None


def foreign_scope(scope: str, region: str, region_known: bool = True) -> bool:
    """Whether 全县/全区/全市/全旗 in front of a label names a wider region than the report's
    own: 全市 in a county's report is the prefecture city; in a 县级市's, the county itself.
    An unknown region (a file name standing in for it) is taken as the report's own. 县域 is a
    county's own territory, and in a city's report (a region no county bears the name of) its
    counties together, a part of it."""
    if scope == "县域":
        from generator.regions import is_county_name

        return region_known and region[-1:] in ("市", "州", "盟") and not is_county_name(region)
    if scope and not WHOLE.fullmatch(scope):
        # 500万元以上…: a threshold narrows the indicator; 天易经开区…: a part of the region;
        # not the region itself (上海浦东新区 in 浦东新区's report), nor a 新区 in a report whose
        # region is unknown (a national new district reports as a region of its own)
        area, own = to_analysis(scope), to_analysis(region)
        if region_known:
            return not (own and (area.endswith(own) or own.endswith(area)))
        return not area.endswith("新区") or area.endswith("高新区")  # (a 高新区 is always a zone)
    return bool(scope) and region[-1:] in ("县", "区", "市", "旗") and not region.endswith(scope[-1]) \
        and not region.startswith(scope)  # (全州县's 全州…: its own name)


_SOURCED = re.compile(r"(?:来源于|来自)?")  # (来源于湛江财政总收入: the revenue raised in 湛江)


def own_name_stripped(label: str, region: str, region_known: bool) -> str | None:
    """二七区生产总值 in 二七区's report: the label without the county's own name in front, or
    None when the label does not start with a county's name or starts with another county's
    (a neighbour's figure is not the report's). A county name is one of the GB/T 2260 table's;
    when the report's region is not known (a file name stands in), the name is taken as its own
    (a city's is not: a story with no region may quote its city beside its county)."""
    from generator.regions import is_county_name, place_heads

    analysis = to_analysis(label)
    if analysis[:2] not in place_heads() and not analysis.startswith("该") and not (
            region_known and len(region) > 2 and region[:2] in analysis[:6]):
        return None  # (most labels start with no place's name: each test below would fail)
    for size in range(2, min(7, len(analysis))):
        name = analysis[:size]
        if name[-1] in "县区市旗" and is_county_name(name):
            own = not region_known or name == region or region.startswith(name)
            return clean_label(label[size:]) if own else None  # 同安区预计地区生产总值 → 地区生产总值
        if analysis[size:size + 1] == "的" and any(is_county_name(name + kind) for kind in "县区市旗"):
            # 历城的地区生产总值: the county's name without 区, then 的
            own = not region_known or region.startswith(name)
            return clean_label(label[size + 1:]) if own else None
        if region_known and region.startswith(name) and any(is_county_name(name + kind) for kind in "县区市旗") \
                and match_label(label[size:]):
            # 武宣经济增长… in 武宣县's story: the county's short name, then the indicator (only where
            # the region is known: 全州, 平原, 南部 are words as well as counties' names)
            return clean_label(label[size:])
        if WHOLE.match(analysis, size) and any(is_county_name(name + kind) for kind in "县区市旗"):
            # 万源全市地区生产总值: the county's short name, then 全市 (no word runs on so)
            own = not region_known or region.startswith(name)
            return clean_label(label[size:]) if own else None
    if region_known and region and analysis.startswith("该" + region[-1]) and (rest := clean_label(label[2:])) \
            and match_label(rest):
        return rest  # 该市地区生产总值 in a city's story (not 该县… there: a county of it)
    if region_known and len(region) > 2 and region[-1] in "县区市旗盟州":
        # 湛江居民人均可支配收入, 来源于湛江财政总收入 in 湛江市's report: the region's own name,
        # whatever its level (a city's is in no county table)
        at = _SOURCED.match(analysis).end()
        for name in (region, region[:-1]):
            if analysis.startswith(name, at) and (rest := clean_label(label[at + len(name):].lstrip("的"))) \
                    and match_label(rest):
                return rest
    return None

