"""Extract: every figure of a parsed report, as rows that link back to their paragraph.

    report tree → sentences → scan (figures with labels) → context (kind, period)
               → catalogue (indicator) → canonical units → Figure rows
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from generator.extract.checks import checked, with_flag
from generator.extract.context import (
    ESTIMATE,
    ESTIMATE_OPENS,
    ESTIMATE_WORDS,
    HEADING_CHARS,
    MULTI_YEAR,
    PLAN_END,
    RESTATED,
    TARGET,
    YEAR_OF_ITS_OWN,
    heads_targets,
    introduces_targets,
    kind_and_period,
    line_role,
    own_clause,
    part_roles,
    said_lead,
    several_years,
    span_back,
    stated_year,
    title_role,
)
from generator.extract.labels import (
    CLAUSE_END,
    SOME_PEOPLE,
    WHOLE,
    ZONES,
    clean_label,
    foreign_scope,
    income_groups_after,
    opening_area,
    own_name_stripped,
    wider_area,
)
from generator.extract.scan import (
    APPROXIMATE,
    CAUSE,
    COUNTS,
    MAX_WORDS,
    MILESTONE_WORDS,
    MIN_WORDS,
    QUALIFIERS_BEFORE,
    TOTAL_OF_IT,
    Raw,
    numeral_value,
    scan_sentence,
)
from generator.extract.tables import header, row_figures
from generator.extract.text import last_stop, sentences, to_analysis
from generator.headings import (
    ASCII_STOP,
    HORIZON_ALONE,
    PLAN_NAME,
    SUBTITLE_TIME,
    SUBTITLE_TIMES,
    heading_words,
    is_bullet,
    is_table_row,
    is_terminated,
    plan_end_year,
)
from generator.indicators import Indicator, catalogue, match_label
from generator.model import Figure, Report
from generator.naming import part_file
from generator.numbers import DIGIT, number
from generator.regions import place_heads

# 力争, 确保 say a figure is a target; they do not bound it.
_KIND_WORDS = {"力争", "确保"}
_MAGNITUDES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(1000),
               "": Decimal(1)}



# (in 亿元: 30万亿元, more than any province's GDP, so no county's or city's level of anything)
_MOST_YUAN = Decimal(300_000)
_MONEY = re.compile(r"^(?P<magnitude>万亿|亿|万|千)?(?P<base>美元|元)$")
# 粮食总产量 3 亿斤, 17.5 万吨, 1.7 亿公斤: one mass, in 万吨 (a 斤 is half a kilogram)
_MASS = re.compile(r"^(?P<magnitude>亿|万)?(?P<base>斤|公斤|千克|吨)$")
_IN_TONNES = {"斤": Decimal("0.0005"), "公斤": Decimal("0.001"), "千克": Decimal("0.001"), "吨": Decimal(1)}


CUT_OFF = "the text stops mid-sentence here"
_NUMBERS = re.compile(r"\d+(?:\.\d*)?")
_GROWTH_ONLY = re.compile(r"\s*(?:同比|比上年|较上年)?\s*(?:增长|下降|增幅|增速|提高|减少|回落)")
_ENDS_ON_NUMBER = re.compile(r"(?<![第\d.])(?<!第\s)\d+(?:\.\d*)?\s*$")  # (not a rank, 居全市第3)
# 增长5%, 41230元, 7%左右: a figure said whole, as a post's last item or a table's last row ends
# without a stop (not 1.37亿, a unit cut short)
_ENDS_ON_A_WHOLE_FIGURE = re.compile(r"\d\s*(?:[%％‰]|亿元|万元|元|万吨|吨)\s*(?:左右|以上|以内)?\s*$"
                                     # (9% ⏎ 固定资产投资增长: a card, its rate first, its caption after)
                                     r"|^\s*\d[\d.]*\s*[%％][^，,；;。]{2,20}(?:增长|增速|增幅)\s*$")


def canonical(value: str | None, unit: str, indicator: Indicator | None,
              per_capita: bool = False) -> tuple[str | None, str]:
    """亿元 for money aggregates, 元 per capita, 亿美元 for dollars, 万吨 for a mass the catalogue
    keeps in 万吨; other units as printed."""
    if value is not None and indicator is not None and indicator.unit == "万吨" \
            and (mass := _MASS.match(unit)):
        tonnes = Decimal(value) * _MAGNITUDES[mass["magnitude"] or ""] * _IN_TONNES[mass["base"]]
        return format((tonnes / _MAGNITUDES["万"]).normalize(), "f"), "万吨"
    if indicator is not None and indicator.unit in ("亿元", "元") and unit and unit in _MAGNITUDES:
        unit += "元"  # 突破10亿, 人均1.2万: a sum of money whose 元 went unsaid
    money = _MONEY.match(unit)
    if value is None or not money:
        return value, unit
    amount = Decimal(value) * _MAGNITUDES[money["magnitude"] or ""]
    if money["base"] == "元" and (per_capita or indicator is not None and indicator.unit == "元"):
        return str(amount), "元"
    if not money["magnitude"]:
        return value, unit  # plain 元 or 美元: per-capita or small sums, as printed
    return str(amount / _MAGNITUDES["亿"]), "亿" + money["base"]


def qualifier_text(words: list[str]) -> tuple[str, str]:
    if not words:
        return "", ""
    shown = list(dict.fromkeys(w for w in words if w not in _KIND_WORDS))  # (左右 of value and growth: once)
    before = [w for w in shown if w in QUALIFIERS_BEFORE]
    after = [w for w in shown if w not in QUALIFIERS_BEFORE]
    text = "…".join(filter(None, ["".join(before), "".join(after)]))
    if set(shown) & MAX_WORDS:
        bound = "max"
    elif set(shown) & MIN_WORDS:
        bound = "min"
    elif {"左右", "上下"} & set(shown):
        bound = "about"
    else:
        bound = ""
    return text, bound


# 经济实力稳步增强全年…: a lead that says something (not 保税物流全年…, a part of the region)
# 控制在3%以内, 不超过3%: a bound, as a result no exact level (not 控制在1.8%, the level held to)
_AT_MOST = MAX_WORDS - {"控制在"}
_CROSSED_WORDS = (APPROXIMATE - {"约"}) | {"突破", "超过", *MILESTONE_WORDS}  # (约 5300 亿元: a level, about)
_BOUND_WORDS = _CROSSED_WORDS | _AT_MOST
_YEAR_LEAD = re.compile(r"全年|\d{4}\s*年")


def whole_word(label: str, rest: str) -> str:
    """全县/全区/全市/全旗 standing right before `rest` at the end of `label`, or ""."""
    before = to_analysis(label[:max(0, label.rfind(rest))])
    return before[-2:] if len(before) >= 2 and WHOLE.fullmatch(before[-2:]) else ""


def after_lead(label: str) -> str:
    """经济实力稳步增强全年地区生产总值, 综合实力稳步增强2020年全市生产总值: a section's lead run into
    its paragraph, then the year and the figure's name — the name; or ""."""
    plain = to_analysis(label)
    lead = next((m for m in reversed(list(_YEAR_LEAD.finditer(plain))) if m.start() > 0), None)
    return clean_label(label[lead.end():]) if lead and _LEAD_SAID.search(plain, 0, lead.start()) else ""
_LEAD_SAID = re.compile(r"(?:增强|提升|提高|加快|壮大|向好|显著|明显|稳定|增长|发展|跃升|攀升|突破|优化|改善|成效)$")


# 拉动全县规上工业产值…, 占全区地区生产总值…: words that make what follows another figure's measure
# (截至十一月底全县…, 四季度全县…, 上年同期全县…: a time the figure is of, which the name must keep)
_QUALIFYING_LEAD = re.compile(r"拉动|带动|推动|占|高于|低于|超过|相当于|比|贡献|创造|月|季|截|以来|同期|期间|年|旬")


# 在抗旱减灾中粮食总产量仍达到…: the circumstance a figure was reached in, before its name
_DURING = re.compile(r"在[^，,；;。在中]{2,10}中")


def to_figure(raw: Raw, report: Report, kind: str, period: str, basis: str, node, page: str,
              sentence: str, offset: int, number_in_report: int) -> Figure:
    region_known = report.metadata.origin.get("region") != "file name"
    foreign = foreign_scope(raw.scope, report.metadata.region, region_known)
    indicator = None if foreign else match_label(raw.label)
    if indicator is None and not foreign and (
            rest := own_name_stripped(raw.label, report.metadata.region, region_known)):
        indicator = match_label(rest)
    if indicator is None and not foreign and "年" in raw.label and (rest := after_lead(raw.label)) \
            and not foreign_scope(whole_word(raw.label, rest), report.metadata.region, region_known) \
            and (indicator := match_label(rest)):
        raw.label = rest  # (not …2023年全市生产总值 in a county's report: the city's)
    if indicator is None and not foreign and (whole := WHOLE.search(raw.label, 1)) \
            and not DIGIT.search(raw.label, 0, whole.start()) \
            and not _QUALIFYING_LEAD.search(raw.label, 0, whole.start()) \
            and not (whole.start() >= 2 and to_analysis(raw.label[:2]) in place_heads()) \
            and not foreign_scope(whole.group(), report.metadata.region, region_known) \
            and (indicator := match_label(clean_label(raw.label[whole.start():]))):
        # 2019圆满完成目标任务 ⏎ 全市地区生产总值增长7.5%: a heading run into its paragraph; the
        # name starts where the region's own 全市 does (not 青岛全市生产总值: a place's whole)
        raw.label = raw.label[whole.start():]
    if indicator is None and not foreign and "中" in raw.label and (during := _DURING.match(to_analysis(raw.label))) \
            and (indicator := match_label(clean_label(raw.label[during.end():]))):
        raw.label = clean_label(raw.label[during.end():])  # (在连续干旱中粮食总产量…: what it was said in)
    label = raw.scope + raw.label if foreign else raw.label  # 全市社会消费品零售总额: the city's
    value, unit, growth = raw.value, raw.unit, raw.growth
    rate_as_value = indicator is not None and indicator.value_is_rate and value is None and growth is not None
    if rate_as_value:
        value, unit, growth = growth, raw.growth_unit or "%", None  # CPI 涨幅 3%: the rate is the value
    if indicator is not None and unit == "名次":  # 固定资产投资增速居全市第二位: a rank, no level
        value, unit = None, ""
    per_capita = "人均" in to_analysis(raw.label)
    value, unit = canonical(value, unit, indicator, per_capita)
    if indicator is not None and value is not None and unit == "%" and indicator.unit != "%" \
            and "a rate where a level belongs" not in raw.flags:
        # 三产增加值分别增长4.4%5.9%: a rate read into a money or income level
        raw.flags.append("a rate where a level belongs")
    if indicator is not None and value is not None and unit in ("亿元", "亿美元") and Decimal(value) > _MOST_YUAN:
        # 生产总值5500万亿元: more than any province makes, a unit misprinted (5500亿元)
        raw.flags.append(f"an implausible level ({number(value)}{unit}): a unit misprinted?")
    if indicator is not None and value is not None and unit == "倍":
        raw.flags.append("a multiple where a level belongs")  # 进出口总额…分别增长 1.2 倍
    if indicator is not None and not indicator.value_is_rate and growth is not None and raw.growth_unit == "个百分点":
        # 社会消费品零售总额增幅提高1.8个百分点: how much faster it grew than the year before,
        # not its growth; a level said with it (…35.6亿元，增幅提高1.8个百分点) stands without it
        if value is not None:
            growth = None
        else:
            raw.flags.append("a change of its growth rate (个百分点), not its growth")
    if indicator is not None and value is not None and unit in COUNTS:
        raw.flags.append("a count where a level belongs")  # 农村居民人均可支配收入4项主要指标…
    elif indicator is not None and value is not None and unit not in (indicator.unit, "%", "倍") \
            and not (indicator.unit == "亿元" and unit == "亿美元"):
        # 规模以上工业总产值 1.3 万: a magnitude whose measure was lost (or never converted), so
        # no level in the indicator's unit
        raw.flags.append(f"a level in {unit or 'no unit'} where {indicator.unit} belongs")
    high, _ = canonical(raw.value_high, raw.unit, indicator, per_capita)
    if any(w in _KIND_WORDS for w in raw.qualifier) and kind == "actual":
        kind, basis = "target", "words"
    qualifier, bound = qualifier_text(raw.qualifier)
    value_words = raw.qualifier
    if raw.growth_words and not rate_as_value:  # (增幅超过68%: the growth's)
        value_words = list((Counter(raw.qualifier) - Counter(raw.growth_words)).elements())
    if kind != "target" and value and not _BOUND_WORDS.isdisjoint(value_words):
        # 一般公共预算收入超 6 亿元, 突破 400 亿元, 居民消费价格涨幅控制在3%以内: a result given only as a
        # bound has no exact level; the amount stays in the qualifier as printed
        words = [w for w in value_words if w in _BOUND_WORDS or w == "控制在"]
        qualifier = "".join(w for w in words if w in QUALIFIERS_BEFORE or w in _CROSSED_WORDS) \
            + f"{number(value)}{unit}" + "".join(w for w in words if w not in QUALIFIERS_BEFORE
                                                 and w not in _CROSSED_WORDS)
        value, high, bound, unit = None, None, "", ""
    return Figure(
        id=f"{report.slug}-{number_in_report:04d}", report=report.slug,
        indicator=indicator.id if indicator else "", label=label,
        kind=kind, period=period, basis=basis, value=number(value), unit=unit, growth_pct=number(growth),
        qualifier=qualifier, bound=bound, anchor=node.anchor, page=page, line=node.line_start,
        text=sentence.strip(), value_high=number(high),
        growth_unit=raw.growth_unit if growth is not None else "",
        average_growth_pct=number(raw.average_growth), rank=raw.rank, flags="; ".join(raw.flags),
        start=offset + raw.span[0] if offset >= 0 else -1,
        end=offset + raw.span[1] if offset >= 0 else -1)


# (预计，同比，下同), (2021年预计数，下同): other notes may stand beside it in the brackets
_NOTE = r"(?:同比|可比价|现价|按可比价计算|按现价计算|初步统计)"
# (数据为预计数，下同): the data said to be estimates
_ESTIMATE_NOTE = (rf"(?:{_NOTE}\s*[，,、]\s*)?(?:\d{{4}}\s*年\s*)?(?:(?:数据|数字)\s*(?:均|都)?\s*[为是]\s*)?"
                  rf"(?:预计数?|预计值|快报数)(?:\s*[，,、]\s*{_NOTE})?")


# "同比（下同）增长", "地区生产总值（GDP）": an aside that would cut a label from its verb
# or number; blanked, same length.
_ASIDE = re.compile(r"[（(](?:下同|下同口径|现价|可比价|按可比价计算|[A-Za-z]{2,6}|不?含[\u4e00-\u9fff]{1,8}"
                    # (公共财政预算收入（可比口径）, 财政总收入（全口径）)
                    r"|(?:按)?(?:可比|同|自然|全|大)口径(?:计算)?|省市县收入"
                    r"|(?:法人)?在地(?:口径|统计)?|属地口径"  # 固定资产投资（法人在地）: the basis counted on
                    r"|单位|企业)[）)]"  # 限额以上企业（单位）消费品零售额: the statistics' own wording, inside a name
                    r"|[（(]\s*(?:以下简称|下称|简称)[^（）()]{1,10}[）)]"  # 同比增长(下称“增长”)11.9%
                    rf"|[（(]\s*{_ESTIMATE_NOTE}\s*(?:[，,、]?\s*下同)?\s*[）)]"
                    r"|[\[〔［]\d{1,2}[\]〕］]")  # 地方生产总值[1]202亿元: a footnote mark


# A result is stated, often with a verb of completion; a target is bounded (以上, 左右, 以内…)
_DONE = re.compile(r"完成|实现|达到|达")
_TARGET_QUALIFIERS = {"以上", "左右", "以内", "控制在", "不低于", "不超过"}
_YEARS = re.compile(r"(?<!\d)(\d{4})\s*年")
_FROM_YEAR = re.compile(r"[由从]\s*\d{4}\s*年(?:底|末)?")


def blank(match) -> str:
    return " " * len(match.group())


# 突破“2000亿”达到…: quotes around a number hold no label, but would cut one off its number
_QUOTED_NUMBER = re.compile(r"[“‘「\"](?P<inner>\s*\d[\d.,]*\s*[\u4e00-\u9fff%]{0,3})[”’」\"]")


def blank_asides(analysis: str) -> str:
    # (a test for the marks first: most paragraphs have neither quotes nor brackets)
    if any(mark in analysis for mark in "“‘「\""):
        analysis = _QUOTED_NUMBER.sub(lambda m: f" {m['inner']} ", analysis)
    if any(mark in analysis for mark in "（([〔［"):
        analysis = _ASIDE.sub(lambda m: " " * len(m.group()), analysis)
    return analysis


# 某县两会：去年生产总值186.4亿元 今年力争增长10%, 晒出去年“成绩单” 今年…: a headline turns to
# another year after a space, where prose would have a comma
_HEADLINE_GAP = re.compile(r"(?<=[%％”元吨斤])[ \u3000]+(?=今年|明年|去年)")


def headline_breaks(analysis: str) -> str:
    """The text with each space where a headline turns to another year read as a comma; the same length."""
    if " " not in analysis and "\u3000" not in analysis:
        return analysis
    return _HEADLINE_GAP.sub(lambda m: "，" + " " * (len(m.group()) - 1), analysis)


LOOK_BACK = 500
# A line of a list of targets is short: 地区生产总值增长 6%左右；
LIST_ITEM_CHARS = 60
# 263.5 亿元（预计数，下同）: the figure before it is an estimate, and with 下同 every later
# one of the paragraph too; （以下数据均为预计）: every one after it
_ESTIMATE_ASIDE = re.compile(rf"[（(]\s*{_ESTIMATE_NOTE}\s*(?P<on>[，,、]?\s*下同)?\s*[）)]"
                            r"|预计\s*[（(]\s*(?P<after>下同)\s*[）)]"
                            r"|[（(]\s*(?P<below>以下(?:数据|数字|指标)?\s*(?:均|都|皆)?\s*(?:为|是)\s*预计(?:数|值|数据)?)"
                            r"\s*[）)]")


# 907.5 亿元（不含嘉兴港区、嘉兴电厂，实现生产总值698.5亿元，…；…）: figures inside brackets that leave
# part of the region out are of that narrower scope (to the closing bracket, over ； too)
_EXCLUDING = re.compile(r"[（(]\s*(?P<scope>(?:不含|不包括)[^（）()，,：:；;。\d]{1,24})[^（）()]*(?:[）)]|$)")


def excluding(analysis: str) -> list[tuple[int, int, int, int]]:
    """The brackets of `analysis` that leave a part out: (start, end, scope start, scope end)."""
    if "不" not in analysis:
        return []
    return [(m.start(), m.end(), m.start("scope"), m.end("scope")) for m in _EXCLUDING.finditer(analysis)]


# 未来五年，…: the goals that follow are the five years', not the coming year's (记者从会上了解到，
# 今后五年…的主要目标是: after the words a story quotes the report with)
_AHEAD_FIVE = re.compile(r"^[\s，,]*(?:(?:[^。，,；;]{0,16}(?:了解到|获悉|提出|指出|明确|强调)[，,：:]\s*)?"
                         rf"(?:未来|今后)[五5]年|今后一个时期|{PLAN_NAME}(?:时期|期间))")
# 展望2035年 on a line of its own: the goals under it are that year's (a vision, not the plan year's)
_FAR_AHEAD = re.compile(r"^\s*展望\s*(\d{4})\s*年")
# 今年…, 明年…, 新的一年…: a sentence of the five years' goals' paragraph that turns to one year
_ONE_YEAR_AHEAD = re.compile(r"^[\s，,]*(?:今年|明年|新的一年|本年度|全年)")
# 累计完成 208.4 亿元, 累计投入…: a sum, in a look back over several years over those years
_CUMULATIVE_VALUE = re.compile(r"累计(?!增长|提高|增加|下降)[^，,；;。：:]{0,24}$")
# 2019年前三季度，…; 1-11月份…; 上半年…: figures of part of a year, until the full stop or 全年
# (降幅较上半年收窄, 比一季度提高: the part a change is measured from, not the period)
_MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"  # (a month in digits or in Chinese numerals)
_PART_OF_YEAR = re.compile(r"(?P<q>前[一二三]季度|第?[一二三四]季度|上半年|前\s*\d{1,2}\s*个?月)"
                           rf"|(?P<m>[1一]\s*[-—–~至到]\s*(?P<to>{_MONTH})\s*月份?"
                           rf"|(?:截至|截止到?)\s*(?P<upto>{_MONTH})\s*月(?:底|末|份)?)")

_ESTIMATE_FIRST = re.compile(rf"\s*(?:{ESTIMATE_WORDS})")
_PART_OPENS = re.compile(rf"\s*(?:\d{{4}}\s*年)?\s*(?:{_PART_OF_YEAR.pattern})")  # 2022年一季度，…
_COMPARED_FROM = re.compile(r"[较比]前?$")  # just before the part: 较上半年, 比前三季度
# 获得二季度全省投资激励, 一季度获评…: a part of the year an award was for, no period of figures
# “决战四季度、大干一百天”: a campaign's name, no period of the figures after it
_CAMPAIGN = re.compile(r"(?:决战|冲刺|奋战|大干|攻坚|鏖战)\s*$")
_AWARDED = re.compile(r"(?:获得|获评|荣获|获|评为|入选|列入|授予)[^，,；;。\d]{0,4}$")
_WHOLE_YEAR = re.compile(r"全年|年底|年末")


LIST_SENTENCE_CHARS = 40
_FULL_STOP = re.compile(r"(?<=[。！？!?])")


def listing(paragraph: str) -> int:
    """Where a list of one-figure sentences that a 预计 opens ends (预计地区生产总值同比增长5.2%。
    服务业增加值增长7.5%。…), or 0: three or more short sentences with a number each, from the
    one that estimates to the first that is not such (营商环境全面优化。); the 预计 holds for every item."""
    stops = [m.start() for m in _FULL_STOP.finditer(paragraph)]
    pieces = [(a, b) for a, b in zip([0, *stops], [*stops, len(paragraph)], strict=True) if paragraph[a:b].strip()]
    first = next((i for i, (a, b) in enumerate(pieces) if ESTIMATE.search(paragraph, a, b)), None)
    if first is None:
        return 0
    # (short counted without spaces: a newspaper sets one each side of a number)
    run = list(itertools.takewhile(
        lambda piece: len("".join(paragraph[piece[0]:piece[1]].split())) <= LIST_SENTENCE_CHARS
        and DIGIT.search(paragraph, *piece), pieces[first:]))
    # (not where 预计 stands again in a later sentence: then it marks its items one by one)
    if len(run) < 3 or len(ESTIMATE.findall(paragraph, run[0][0], run[-1][1])) != 1:
        return 0
    return run[-1][1]


_ESTIMATE_INTRO = re.compile(rf"(?:{ESTIMATE_WORDS}|据初步统计|初步统计)(?:全年)?\s*(?:[：:]|——)\s*$")
_PART_LEAD = re.compile(rf"(?:\d{{4}}\s*年)?\s*(?:{_PART_OF_YEAR.pattern})\s*(?:[：:]|——)")  # 1—11月——


# …稳增长促发展取得新成效预计全年实现生产总值…: 预计全年 opens the estimates after words that
# name no indicator (a heading run into its paragraph), not after a label (生产总值预计全年…)
_ESTIMATE_YEAR = re.compile(rf"(?:{ESTIMATE_WORDS})(?:全年|年末|到年底)")
_LAST_BREAK = re.compile(r"[，,；;：:。][^，,；;：:。]*$")


def opens_estimates(clause: str) -> bool:
    if "预" not in clause or not ESTIMATE.search(clause):  # most clauses: no word of estimating at all
        return False
    if ESTIMATE_OPENS.search(clause):
        return True
    if not (match := _ESTIMATE_YEAR.search(clause)):
        return False
    before = clause[max(0, match.start() - 24):match.start()]
    if cut := _LAST_BREAK.search(before):
        before = before[cut.start() + 1:]
    return not any(match_label(clean_label(before[i:])) for i in range(len(before)))


_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")  # (扣除2022年…外): an aside's year is no figure's
# a year that opens a figure's own comma-clause as its time (2021年全市实现…), not the start or
# end of a change (2015年的…), a day, a base (在2023年基础上) or a 年度 title
_OWN_YEAR = re.compile(r"\s*(?:而|同时|另外|此外)?\s*(?P<plans>计划|力争|争取|确保)?\s*(?:在|截至|截止)?\s*"
                       r"(?P<y>\d{4})\s*年(?![度代底末])"
                       r"(?!\s*(?:的|以来|相比|比较|同期|基础上|水平|\d{1,2}\s*月))")


# 其中四季度增长9.2%, 前三季度一度达到10.5%: a part of the year given as an item of the figure
# before it, or a while in it, to its comma;
# 四季度当季增速由负转正；: one that is the subject of words with no figure, to its semicolon
_ITEM_OF = re.compile(r"其中\s*$")
_ONCE = re.compile(r"\s*一度")  # (前三季度一度达到10.5%: for a while, said in passing)
_ITEM_END = re.compile(r"[，,；;。！？!?]")
_SAYING_END = re.compile(r"[；;。！？!?]")


_ASIDE_CLOSE = re.compile(r"[^（）()。；;]{0,24}[）)]")


_ESTIMATE_CLAUSE = re.compile(r"[^，,；;。\d]{0,16}预计")


def parts_of_year(text: str) -> list[tuple[int, str | None]]:
    """(where, the part of a year in force from there: 前三季度, 1–11月, '' for the whole year
    again after 全年 or 年底, or None for the one in force before the last part named) for each
    mark of `text`, in order. Read once per clause.

    A part that opens what follows (1-11月，…; 一季度全县…增长5%，…) holds to the full stop; one
    named in passing holds for its own words only: an item after 其中 or a while (一度) to its
    comma, the subject of words with no figure (四季度当季增速由负转正；) to its semicolon."""
    if "年" not in text and "季" not in text and "月" not in text:
        return []
    events: list[tuple[int, str | None]] = []
    for m in _PART_OF_YEAR.finditer(text):
        if _COMPARED_FROM.search(text, 0, m.start()) or _AWARDED.search(text, max(0, m.start() - 8), m.start()) \
                or _CAMPAIGN.search(text, max(0, m.start() - 4), m.start()):
            continue
        part = m["q"].replace(" ", "").removeprefix("第") if m["q"] else \
            f"1–{last}月" if (last := int(numeral_value(m["to"] or m["upto"]))) < 12 else ""  # (1-12月: the year)
        events.append((m.start(), part))
        if (close := _ASIDE_CLOSE.match(text, m.end())) and "（" in text[max(0, m.start() - 12):m.start()] \
                or close and "(" in text[max(0, m.start() - 12):m.start()]:
            # （截至11月底已入库19.2亿元）: a part named in an aside holds within it
            events.append((close.end(), None))
            continue
        item = _ITEM_OF.search(text, max(0, m.start() - 4), m.start()) or _ONCE.match(text, m.end())
        end = (_ITEM_END if item else _SAYING_END).search(text, m.end())
        end = end.start() if end else len(text)
        if not _ITEM_END.match(text, m.end()) and (item or not DIGIT.search(text, m.end(), end)):
            events.append((end, None))
    events += [(m.start(), "") for m in _WHOLE_YEAR.finditer(text)]
    return sorted(events, key=lambda event: event[0])


def part_of_year(events: list[tuple[int, str | None]], at: int, carried: str = "") -> str:
    """The part of a year in force at `at`, given the one in force before the clause."""
    held = before = carried
    for where, part in events:
        if where >= at:
            break
        if part is None:
            held = before  # (the end of a part named in passing)
        else:
            held, before = part, held
    return held


# 增长 6.5%(年度目标 6%以上): a result followed by the target it was held to, in brackets
_RESTATED_TARGET = re.compile(r"[（(]\s*(?:年度|年初|全年|预期|计划|既定)?目标(?:为|是)?\s*$")


# “十二五”期间，全社会固定资产投资完成3509.9亿元…。2016年完成1209.89亿元: a sentence that names only a
# year and a verb before its figure gives that year's level of what the paragraph named last
_YEAR_ONLY_SUBJECT = re.compile(r"^\s*\d{4}\s*年\s*(?:全年)?\s*(?:完成|实现|达到|达)\s*$")


def unnamed_level_of(figure: Figure, clause: str, raw: Raw, figures: list[Figure], first: int) -> Figure | None:
    """The figure, named as the paragraph's (figures[first:]) last catalogue figure in its unit, when
    its sentence names only its year (and that figure was of another period); else None."""
    if figure.indicator or raw.label or "年" not in clause[:raw.span[0]] \
            or not _YEAR_ONLY_SUBJECT.match(clause[:raw.span[0]]):
        return None
    at = next((i for i in range(len(figures) - 1, first - 1, -1) if figures[i].unit == figure.unit), None)
    if at is None or not (named := figures[at]).indicator or named.period == figure.period \
            or any(f.text != named.text for f in figures[at + 1:]):
        return None  # (the last of its unit, in the sentence just before: nothing said of another since)
    return replace(figure, indicator=named.indicator, label=named.label)


def restates_target(clause: str, raw: Raw) -> bool:
    """Is the figure a bracketed target after a result (its label only 目标, in brackets)?"""
    if "目标" not in clause[max(0, raw.span[0] - 40):raw.span[0]]:
        return False
    label = to_analysis(raw.label)  # the label as printed; the clause in analysis script
    label_at = clause.rfind(label, max(0, raw.span[0] - LOOK_BACK), raw.span[1]) if label else -1
    end = label_at + len(label)
    # the bracket and 目标 stand right before the number: a short window, not the whole sentence
    return label_at > 0 and bool(_RESTATED_TARGET.search(clause[max(0, end - 24):end]))


# (注解1：文中涉及的2019年主要经济指标完成数均为预计数。): a note that every figure of that year
# is an estimate, wherever it stands (a footnote in the text, a note at the report's end)
_ALL_ESTIMATES = re.compile(r"(?P<y>\d{4})\s*年[^。；;）)]{0,16}?(?:数据|数字|指标|完成数|完成值)"
                            r"[^。；;）)]{0,4}?(?:均|都|皆)?(?:为|是)预计(?:数|值|数据)")


def mark_estimates(found: list[Figure], analysis: str, same_below: str = "",
                   review: int | None = None) -> tuple[list[Figure], str]:
    """A paragraph's figures with an estimate aside applied. `same_below`: the year an earlier
    paragraph's （预计数，下同） made estimates of, whose results here are estimates too; returned
    for the paragraphs after, with this paragraph's own 下同 added (（以下均为预计数） on a line of its
    own, with no figure to take the year from: the year reviewed)."""
    out = [replace(f, kind="estimate", basis="words") if same_below and f.kind == "actual" and f.period == same_below
           else f for f in found]
    for aside in _ESTIMATE_ASIDE.finditer(analysis):
        before = [n for n, f in enumerate(out) if 0 <= f.start < aside.start()]
        after = aside["after"] or aside["below"]  # 预计（下同）, （以下数据均为预计）: what follows only
        touched = set() if after else set(before[-1:])
        if aside["on"] or after:
            touched |= {n for n, f in enumerate(out) if f.start >= aside.end()}
        for n in touched:
            if out[n].kind == "actual":
                out[n] = replace(out[n], kind="estimate", basis="words")
        if aside["on"] or after:
            same_below = next((f.period for f in out if f.kind == "estimate" and f.period.isdigit()),
                              same_below or (str(review) if review and after and not out else ""))
    return out, same_below


# 比2012年（下同）增长 47.7%, 较2016年增长 30.7%: growth over several years, not over the year before
_YEAR_BEFORE = re.compile(r"比上年|较上年|比去年|较去年|同比|比上一年")
# (与2009年新区成立时相比，…增长108.3%: the same base, said around the year)
_BASE = re.compile(r"(?:[比较]|[与同](?=\s*\d{4}\s*年[^，,；;。]{0,12}?相比))\s*"
                   rf"(?:(?P<y>\d{{4}})\s*年(?:底|末)?|{PLAN_END})\s*(?P<on>[（(]\s*下同\s*[）)])?")


def base_year(match: re.Match) -> int:
    return int(match["y"]) if match["y"] else plan_end_year(match["plan"])  # 较“十二五”末: 2015


# 较2016年增长 67.4%: a growth over the term, whose base the paragraph's later growths share;
# not one said with a single year's words (全年…增长 7%)
_TERM_GROWTH = re.compile(r"\s*[，,]?\s*(?:分别)?增长")


def five_years_ahead(match: re.Match | None, year: int) -> tuple[str, str] | None:
    """The years a plan's goals span ("2021–2025") and, when the text names the plan (十四五), its
    last year ("2025": a level among its goals is that year's; "" when unnamed: 今后五年 in a
    session held mid-year or after an election need not start with the report's year); None for
    no match."""
    if not match or match["plan"] and plan_end_year(match["plan"]) < year:
        return None  # (“十三五”期间 in a 2021 report: a plan that has ended is no horizon)
    first = plan_end_year(match["plan"]) - 4 if match["plan"] else year
    return f"{first}–{first + 4}", str(first + 4) if match["plan"] else ""


def heading_horizon(heading: str, year: int) -> tuple[str, str] | None:
    """The horizon a plan heading sets: a five-year plan's or 今后五年's (not where the heading names the
    report's year, 今年 or an earlier one too: “十三五”时期和2017年形势任务), or 展望2035年's or 到2021年's, a later
    year's."""
    # (■ 到2021年: a heading line that is the horizon alone, a post's)
    if (far := _FAR_AHEAD.match(heading) or HORIZON_ALONE.fullmatch(said_lead(heading_words(heading)[0]))) \
            and int(far[1]) > year:
        return f"{year}–{far[1]}", far[1]
    if any(int(y) <= year for y in _YEARS.findall(heading)) or "今年" in heading:
        return None  # (“十五五”时期的目标和今年的工作安排: the year's too)
    return five_years_ahead(_AHEAD_PART.search(heading), year)


_TURNS_BACK = re.compile(r"过去一年|过去的一年|去年|成绩单|答卷|回顾|回望|回眸")
# 今年是“十五五”开局之年, 今年主要预期目标是: a short line that turns from the five years to the year
_THIS_YEAR_LINE = re.compile(r"\s*(?:今年|新的一年)(?!以来)")
_AHEAD_PART = re.compile(rf"{PLAN_NAME}(?:时期|规划|发展)|(?:今后|未来)[五5]年")
_FIVE_FRAME = re.compile(rf"^\s*(?:{MULTI_YEAR.pattern})\s*[，,]")
_ONE_YEAR = re.compile(r"全年|今年|去年|上年|同比|当年")
# 地区生产总值增长6%以上，…固定资产投资增长6.5%……这是集美区2024年的发展目标: a news lead that says after
# its figures that they are the year's targets (not …，这是年初确定的目标, a result that met one)
# ; so is 全市设定了地区生产总值增长5.5%左右等主要预期目标 (not 完成了…等目标任务: a result), and
# 为实现全年地区生产总值增长7%以上的目标 (what is done in order to reach it)
_GOALS = "(?:发展|主要|预期|奋斗|年度)*目标"
_TARGETS_SAID_AFTER = re.compile(rf"[，,…]\s*这是[^。；;，,]{{0,16}}?(?:(?P<y>\d{{4}})\s*年)?的?{_GOALS}"
                                 rf"|(?:设定|提出|确定|明确|制定)了?[^。；;]{{0,60}}?[%％][^。；;，,]{{0,6}}等{_GOALS}"
                                 rf"|为了?(?:实现|完成|确保)[^。；;，,]{{0,40}}?[%％][^。；;，,]{{0,6}}的{_GOALS}")
# “地区生产总值增长3%，…；一般公共预算总收入增长5%……”围绕2023年经济社会发展预期目标: a quoted list
# of figures that the words after it name as a year's targets (the quote may hold ；)
_QUOTED_TARGETS = re.compile(r"“([^“”]{8,600})”\s*[，,]?\s*(?:围绕|按照|对照|根据|为实现|为完成|这是)"
                             r"[^。；;“”]{0,12}?(?P<y>\d{4})\s*年[^。；;“”]{0,16}?目标")


def quoted_targets(analysis: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each quoted list of a year's targets in a paragraph."""
    if "”" not in analysis or "目标" not in analysis:
        return []
    return [(m.start(1), m.end(1), int(m["y"])) for m in _QUOTED_TARGETS.finditer(analysis)]


_DOUBLED = re.compile(r"\s*(?:翻了?[一两三二]番|增长了?\s*[\d.一两三四五六七八九十]+\s*倍)")


def drop_long_growth(raw: Raw, before: str, since: int | None, period: str) -> bool:
    """Take off a growth measured from a year other than the one before the figure's (the
    value stays; a growth since 2012 is no year's growth). `before`: the sentence's text up to
    the figure and its growth, in simplified script. False if nothing is left."""
    # (not 比2010年翻一番: a base of a doubling, not of a growth)
    bases = [b for b in _BASE.finditer(before) if not _DOUBLED.match(before, b.end())]
    near = max(0, len(before) - 24)
    if _YEAR_BEFORE.search(before, max(near, bases[-1].end() if bases else 0)):
        return True  # 比上年增长 12%: its own words say the year before, after any base year said
    base = base_year(bases[-1]) if bases else since
    if raw.growth is not None and base and period.isdigit() and base != int(period) - 1:
        raw.growth, raw.growth_unit = None, ""
        return raw.value is not None or raw.average_growth is not None or bool(raw.rank)
    return True


def table_figures(read: tuple, report: Report, node, page: str, count: int) -> list[Figure]:
    """A table row's figures (row_figures): one per kind and year its columns name, a level and a
    growth of the same kind and year read as one figure, dated by the column (basis "year")."""
    name, unit, groups = read
    out = []
    for group in groups:
        value = next((cell for cell in group if cell.column.role == "value"), None)
        growth = next((cell for cell in group if cell.column.role == "growth"), None)
        said = value or growth
        raw = Raw(label=name, value=value.number if value else None, unit=(value.unit or unit) if value else "",
                  growth=growth.number if growth else None, growth_unit="%" if growth else "",
                  qualifier=[said.qualifier] if said.qualifier else [],
                  span=(min(cell.start for cell in group), max(cell.end for cell in group)))
        out.append(to_figure(raw, report, said.column.kind, str(said.column.year), "year", node, page,
                             node.text, 0, count + len(out) + 1))
    return out


def node_texts(node):
    """(text, offset of the text in the paragraph or -1 for a heading) of one tree node."""
    if node.kind == "paragraph":
        return node.text, 0
    return node.title, -1


# 盐田综保区实现进出口额1121亿元，“保税+”业态迅猛发展，…，外贸进出口总额2765亿元: a clause with no
# number between says something else, and the area's figures have ended
# 夏庄镇规上工业总产值, 侯镇两大化工园区主营业务收入: a label that names an area of its own (or the
# last of the areas listed), which no other area's name goes in front of
_OWN_AREA_NAMED = re.compile(rf"^[\u4e00-\u9fff]{{1,12}}?(?:{ZONES}|新区|发展区|街道|(?<![城村乡])[镇乡])")
_GOALS_LEAD_END = re.compile(r"(?:目标|指标)(?:是|为|如下)\s*$")
_YEAR_AGAIN = re.compile(r"\s*全年")
_SUBJECT_CHANGED = re.compile(r"[，,；;][^，,；;\d]+[，,；;]")


# what a goal's level says of itself when it names nothing: 奋力, 力争, 在全省地级市中率先
# (在全省地级市中: among its peers; not 在跨境电商发展中, a sector's own amount)
_ONLY_STRIVING = re.compile(r"\s*(?:总量)?\s*(?:在(?:全[省国市州区盟]|同类|同级)[^，,；;、\d]{0,6}?"
                            r"(?:县|市|区|旗|城市|县域|县市区|地级市|设区市|省份|排名|排位)中)?"
                            r"\s*(?:奋力|力争|努力|争取|率先|确保|要)*\s*")


# 按可比价格计算，比上年增长6.8%; 受…影响，全年增幅为4.6%: a sentence that opens on its growth
# (这一数字较上年下降24.3%; 记者…了解到，这一指标的增幅为8.4%; 按可比价计算，这一总量比上年增长8.1%)
_THIS_ONE = r"(?:(?:这一|该)(?:指标|数字|数据|总量)的?\s*)?"
_GROWTH_OPENS = re.compile(rf"\s*(?:[^，,。；;]{{0,16}}(?:了解到|获悉)\s*[，,]\s*)?{_THIS_ONE}"
                           rf"\s*(?:按(?:可比|不变)价格?计算\s*[，,]?\s*)?{_THIS_ONE}(?:{CAUSE}\s*[，,]\s*)?"
                           r"(?:全年)?\s*(?:比上年|较上年|同比)?\s*(?:增长|下降|增幅为?|增速为?|增长率为)\s*[：:]?\s*-?\d")


# 兩項收入比上年分別增長10.6%和12.1%, 增幅方面，前者增长4.6%，后者增长7.2%: rates with no name of their own
_NO_NAME = re.compile(r"(?:前者|后者)?")


def paired_back(figures: list[Figure]) -> list[Figure]:
    """城镇居民人均可支配收入21480元，农民人均纯收入11060元。两项收入比上年分别增长10.6%和12.1%: two
    or more nameless growths that open a sentence give, in order, the growths of as many levels just
    before them in the paragraph, each said without one (one figure each; the sentence the level's)."""
    out, i = list(figures), 0
    while i < len(out):
        j = i
        while j < len(out) and not out[j].indicator and out[j].growth_pct and not out[j].value \
                and (not out[j].flags or out[j].flags.startswith("分别 list")) \
                and _NO_NAME.fullmatch(to_analysis(out[j].label)):  # (flagged as a list with no names of its own)
            j += 1
        count = j - i
        levels = out[i - count:i] if count >= 2 and i >= count else []
        if levels and all(f.indicator and f.value and not f.growth_pct and not f.flags
                          and f.anchor == out[i].anchor and f.text != out[i].text for f in levels) \
                and len({f.text for f in out[i:j]}) == 1:
            for at, rate in zip(range(i - count, i), out[i:j], strict=True):
                out[at] = replace(out[at], growth_pct=rate.growth_pct, growth_unit=rate.growth_unit)
            del out[i:j]
            continue
        i = max(j, i + 1)
    return out


def growths_rejoined(figures: list[Figure], paragraph: str) -> list[Figure]:
    """地区生产总值168.5亿元，…。按可比价格计算，地区生产总值增长9.2%，…: a result's (or an estimate's)
    level and its growth said in two sentences of one paragraph, each without the other, are one figure
    when the paragraph says nothing else of that indicator, kind and year — the level's, its text and
    span running on to the growth's sentence."""
    out = list(figures)
    for rate in [f for f in figures if f.indicator and f.growth_pct and not f.value and not f.flags
                 and not f.average_growth_pct and f.kind in ("actual", "estimate") and f.period.isdigit()]:
        same = [f for f in out if (f.indicator, f.kind, f.period) == (rate.indicator, rate.kind, rate.period)]
        if len(same) != 2:
            continue
        level = same[0] if same[1] is rate else same[1]
        if not level.value or level.growth_pct or level.flags or level.average_growth_pct \
                or level.text == rate.text or not 0 <= level.start < rate.start:
            continue
        begin, end = paragraph.find(level.text), paragraph.find(rate.text)
        text = paragraph[begin:end + len(rate.text)].strip() if 0 <= begin < end else level.text
        out[out.index(level)] = replace(level, growth_pct=rate.growth_pct, growth_unit=rate.growth_unit,
                                        end=max(level.end, rate.end), text=text)
        out.remove(rate)
    return out


def joined_across(before: Figure, after: Figure) -> Figure | None:
    """地区生产总值：612.4亿元 ⏎ 同比增长：6.3%, 00:24 …地区生产总值263亿元 ⏎ 00:28 同比增长6.2%: a
    card's or a subtitle's level on one short line and, on the next, a nameless growth that opens it
    — one figure (its sentence the level's). None unless both lines are short."""
    if len(to_analysis(before.text).strip()) > LIST_ITEM_CHARS or before.anchor == after.anchor:
        return None
    if after.basis not in ("default", "part"):  # (a line that says its own time is no continuation)
        return None
    return joined(before, replace(after, anchor=before.anchor, kind=before.kind, period=before.period,
                                  text=SUBTITLE_TIMES.sub("", after.text)))


def joined(before: Figure, after: Figure) -> Figure | None:
    """One figure said in two, the second right after the first in the same paragraph: the same
    indicator, kind, period and qualifier, one with only a value and the other with only a growth
    (本地生产总值 3206.57 亿元，在全市各区中排名第一；GDP 增速 12%; 全年增长 9.3%，完成本地生产总值
    3842 亿元). The whole figure, where the first said the level, or None."""
    if (not after.indicator and after.value and not after.growth_pct
            and before.indicator and before.growth_pct and not before.value and before.anchor == after.anchor
            and (before.kind, before.period) == (after.kind, after.period) and not before.flags
            and after.unit == catalogue()[before.indicator].unit and (
                TOTAL_OF_IT.match(to_analysis(after.text)) or before.kind == "target" and after.bound == "min"
                and after.text == before.text and _ONLY_STRIVING.fullmatch(to_analysis(after.label)))):
        # …GDP同比增长3.5%，…排名第一；总量达到4702亿元: the level of what grew, after the ；
        # (a goal: 地区生产总值增长6%左右、奋力站上3000亿元大台阶 — the level it is to reach)
        return replace(before, value=after.value, unit=after.unit, end=max(before.end, after.end))
    if (not after.indicator and after.growth_pct and not after.value and not after.flags
            and before.indicator and before.value and not before.growth_pct and not before.flags
            and before.anchor == after.anchor and before.text != after.text
            and (before.kind, before.period) == (after.kind, after.period)
            and _GROWTH_OPENS.match(to_analysis(after.text))):
        # 全县完成固定资产投资518.3亿元。受部分项目进度滞后影响，全年增幅为4.6%: a sentence that opens
        # on a nameless growth gives the growth of the level the one before ended on
        return replace(before, growth_pct=after.growth_pct, growth_unit=after.growth_unit,
                       end=max(before.end, after.end))
    if not (before.indicator and before.indicator == after.indicator and before.anchor == after.anchor
            and (before.kind, before.period, before.qualifier) == (after.kind, after.period, after.qualifier)
            and not before.flags and not after.flags and not before.average_growth_pct
            and not after.average_growth_pct):
        return None
    if before.value and not before.growth_pct and after.growth_pct and not after.value:
        return replace(before, growth_pct=after.growth_pct, growth_unit=after.growth_unit,
                       end=max(before.end, after.end))
    if before.growth_pct and not before.value and after.value and not after.growth_pct:
        return replace(after, growth_pct=before.growth_pct, growth_unit=before.growth_unit, id=before.id,
                       start=min(before.start, after.start))
    return None


def extract_report(report: Report) -> list[Figure]:
    """Every figure of `report`, in reading order."""
    figures: list[Figure] = []
    parts = report.tree.children
    roles = part_roles(parts, report.metadata.year, report.metadata.review_year)
    same_below = ""  # 预计数，下同: the year whose results are estimates from there on
    note = None  # 注：文中2019年数据均为预计数, wherever it stands
    december = report.metadata.session_year == report.metadata.review_year  # the year not yet over
    last_sentence = None  # (figures before it, its text): the text's last sentence, read last
    previous_anchor = current_anchor = ""  # the paragraphs read last and now
    for part in parts:
        page = f"{report.folder}/{part_file(part)}"
        role, role_known = roles[part.anchor]
        heading = to_analysis(part.title)
        looking_back = title_role(heading) == "review"  # headed so itself
        five_years = several_years(heading)  # 一、过去五年工作回顾
        # 二、“十四五”时期主要任务: a part of the five years' goals, whose figures are no one year's
        # (not "“十四五”时期和2021年形势任务", which plans the year too; "…和二〇三五年远景目标" looks further)
        ahead_part = None if looking_back else heading_horizon(heading, report.metadata.year)
        introduced = ""  # "fresh" right after a paragraph introducing targets, "list" while it runs
        asked = False  # right after a question that asks for the targets (今年的目标怎么定？)
        covered = ""  # the role a heading line just before set (a cover lists 成绩单 ⏎ 新目标 together)
        estimate_next = False  # right after a paragraph that ends 预计：
        part_next = ""  # in a list after a line 1—11月——: the part of the year its items are of
        held = None  # what a paragraph ending mid-sentence (…；) hands on to the next
        ahead_from_line = False  # the five years' horizon was set by a heading line, not the part's title
        table = None  # the header of the table whose rows are being read
        for node in part.walk():
            if node.kind == "part":
                continue
            text, offset = node_texts(node)
            if not text:
                continue
            if offset >= 0 and is_table_row(text):  # an annex's table: its header says what each number is
                if opened := header(text, report.metadata.year, report.metadata.review_year):
                    table = opened
                    continue
                if table and (read := row_figures(text, table)):
                    figures.extend(table_figures(read, report, node, page, len(figures)))
                    last_sentence = None  # (a table's row needs no stop: the text is not cut off before it)
                    continue
            else:
                table = None
            previous_anchor, current_anchor = current_anchor, node.anchor
            plain = to_analysis(text)  # asides as printed, for the rules that read them
            note = note or ("预计" in plain and _ALL_ESTIMATES.search(plain))
            analysis = headline_breaks(ASCII_STOP.sub("。", blank_asides(plain)))
            if ":" in analysis and SUBTITLE_TIME.match(analysis):  # (00:24 全县…: a subtitle's time, no figure)
                analysis = SUBTITLE_TIMES.sub(lambda m: " " * len(m.group()), analysis)
            # text outside any part: its own headings set the role; so do, in any part, short heading
            # lines (an annex's tables: 2016年主要经济指标完成情况 … 2017年主要指标预期)
            just_before, covered = covered, ""
            if part.anchor == "part-0" or len(analysis.strip()) <= HEADING_CHARS:
                said = line_role(analysis, report.metadata.year, report.metadata.review_year)
                if said == "plan" and just_before == "review":
                    # 2013　成绩单 ⏎ 2014　新目标: a cover that lists both; what follows it is the first
                    covered, said = "plan", None
                if said:
                    covered = said
                    role, role_known, looking_back = said, True, said == "review"
                    # (今后5年发展目标 above the five years' goals; 2022年主要预期目标 turns to one year)
                    # (not “十三五”时期和2017年形势任务, which plans the year too)
                    ahead_part = heading_horizon(analysis, report.metadata.year) if said == "plan" else None
                    ahead_from_line = ahead_part is not None  # (今年主要预期目标是… under it: the year's again)
                elif ahead_part and (stated_year(analysis) == report.metadata.year or _THIS_YEAR_LINE.match(analysis)):
                    # (今后五年的重点目标 … 2017年主要工作, 到2030年 … 今年是“十五五”开局之年: the year's again)
                    ahead_part, ahead_from_line = None, False
            # 2022年…；…, 预计…；… and 主要预期目标是：…；… hold to the full stop; a paragraph
            # that ends introducing targets (2019年主要预期目标：) hands them to the next one
            short = len(analysis.strip()) <= LIST_ITEM_CHARS
            inherits = introduced == "fresh" or introduced == "list" and short
            carried, estimating, targeting = None, estimate_next, inherits
            first, since = len(figures), None  # 比2012年（下同）: the base of every later growth
            five_frame = ""  # a sentence with no figure that opened 这五年，…: the sentences after it are the term's
            # 未来五年，…。主要目标是…: the paragraph's targets are the five years' goals (their span)
            ahead_five = ahead_part
            back_five = five_years  # 五年来，… or a five-year part: a sum (累计) is the five years'
            part_year = part_next  # 前三季度，…: the figures up to the full stop are of part of the year
            # its first sentence introduces targets, or the question before it asked for them (an answer
            # that opens on 今年是…之年。 and gives the goals in its next sentence is all targets)
            whole_paragraph, sentence_seen = asked, False
            past_seen = False  # a past year stated earlier in the paragraph
            december_run = False  # an estimate run on past a full stop (a December session's 预计年末)
            area = ""  # 天易经开区实现…: the part of the region the figures are of, to the full stop
            area_at, area_clause = 0, None  # (where its words end; where the clause its figures are in starts)
            term_base = None  # 五年来，…较2016年增长…: the base of the term's growths after it
            term_here = False  # …and it was said in the sentence being read
            list_end = None  # where a list of one-figure sentences that 预计 opens ends, once asked
            framed = False  # the sentence before had no figure and opened with a part of the year
            marked_items = False  # a 预计 after an item's name (地区生产总值预计完成…) earlier in the sentence
            # a session sitting before its review year is out (a new term's November session) whose
            # paragraph names first the last whole year (…大幅提升。2015年全县实现生产总值…。第三产业
            # 增加值…。): that year holds to the paragraph's end, until another year or 预计 is said
            whole_year = None
            if held and offset >= 0:  # …主要预期目标是：A…；⏎B…；⏎C…。: one sentence over lines
                estimating, targeting = held  # (not its year: list items end in ； too, each its own)
            quoted = quoted_targets(analysis)  # “地区生产总值增长3%，…”围绕2023年…预期目标
            left_out = excluding(analysis)  # （不含嘉兴港区，实现生产总值…）
            for start, end in sentences(analysis):
                clause = analysis[start:end]
                figures_before = len(figures)
                last_sentence = (figures_before, clause, offset + start if offset >= 0 else -1)
                if framed and not _ESTIMATE_FIRST.match(clause):
                    part_year, carried = "", None  # (上半年，受疫情冲击…。全县地区生产总值增长6%: the year's)
                elif part_year and "预计" in clause[:20] and _ESTIMATE_CLAUSE.match(clause) \
                        and analysis[:start].rstrip()[-1:] in ("；", ";"):
                    # …，1—11月累计完成14.2亿元；社会消费品零售总额预计完成…: a clause after a ；
                    # that estimates its figure is the whole year's
                    part_year = ""
                framed = False
                summing = False  # a sum over the years looked back on was listed in this clause
                plans_from = 0  # 预计…，计划2023年…: where the plan year's clauses begin (what is read from there)
                year_said = stated_year(clause)
                if (after := _TARGETS_SAID_AFTER.search(clause)) and not RESTATED.search(after.group()):
                    targeting = True  # (to the full stop, as an introduced list is)
                    year_said = year_said or (int(after["y"]) if after["y"] else None)
                if december_run and (RESTATED.search(clause) or introduces_targets(clause) or (
                        year_said and year_said != report.metadata.review_year) or _YEAR_AGAIN.match(clause)):
                    # 年初…预期目标是…, 2022年…: not the estimate's; 全年粮食总产量达到…: a sentence that
                    # names the whole year again says its figure as the year's
                    estimating = december_run = False
                if december and not past_seen and year_said == report.metadata.review_year - 1:
                    whole_year = year_said
                elif year_said and year_said != whole_year or estimating:
                    whole_year = None
                carried = year_said or carried
                if (said_area := opening_area(clause)) is not None:
                    area = text[start + said_area[0]:start + said_area[1]]  # as printed
                    area_at = start + said_area[1]
                    area_clause = start + said_area[2] if said_area[2] is not None else None
                if not ahead_five:
                    ahead_five = five_years_ahead(_AHEAD_FIVE.match(clause) if (
                        "五年" in (lead := clause[:48]) or "5年" in lead or "时期" in lead or "期间" in lead) else None,
                        report.metadata.year)
                elif (ahead_five is not ahead_part or ahead_from_line) and _ONE_YEAR_AHEAD.match(clause):
                    # “十三五”期间，…。今年…主要预期目标是：…: the year's goals again
                    ahead_five = None if ahead_from_line else ahead_part
                back_five = back_five or several_years(clause, report.metadata.year)  # 五年来，…累计…
                if year_said or _ONE_YEAR.search(clause):
                    five_frame = ""  # (2020年，…; 全年…: one year's figures again)
                elif (frame := _FIVE_FRAME.match(clause)) and not DIGIT.search(clause):
                    # 这五年，新区坚持…。地区生产总值…分别增长27.8%: the five years' growths (a level
                    # said there is still the one the term ends at, the review year's)
                    five_frame = frame.group()
                past_seen = past_seen or "年" in clause and any(
                    int(y) < report.metadata.year for y in _YEARS.findall(clause))
                marks = parts_of_year(clause)
                raws = scan_sentence(clause, text[start:end])
                if raws and "其中" in clause[:4] and figures and figures[-1].anchor == node.anchor:
                    income_groups_after(raws, figures[-1].label)  # (…收入38410元；其中城镇居民45620元)
                # 地区生产总值预计增长6%，固定资产投资增长3%，社会消费品零售总额预计增长12%: where
                # 预计 marks items one by one, an item without its own is a result
                # (预计（以下均为预计）地区生产总值…: a 预计 in brackets marks no item)
                # (not where the first opens the sentence, and the sentence names no other year: 2015年，预计全市
                # 地区生产总值增长9.5%，…，城乡居民人均可支配收入预计分别增长8.4%和8.8% is one list of estimates)
                by_item = bool(raws) and len(ESTIMATE.findall(_BRACKETED.sub("", clause))) >= 2 \
                    and not (ESTIMATE_OPENS.match(clause) and len(set(_YEARS.findall(clause))) <= 1)
                wider = wider_area(clause) if raws else None
                for raw in raws:
                    if area and not raw.scope and not raw.label.startswith(area) \
                            and not _OWN_AREA_NAMED.match(to_analysis(raw.label)) \
                            and not _SUBJECT_CHANGED.search(analysis, area_at, start + raw.span[0]) \
                            and not (area_clause is not None
                                     and CLAUSE_END.search(analysis, area_clause, start + raw.span[0])):
                        raw.scope = area  # 天易经开区实现…；完成地区生产总值 430 亿元: the park's
                    if not raw.scope and (bracket := next((b for b in left_out if b[0] <= start + raw.span[0] < b[1]),
                                                          None)):
                        raw.scope = text[bracket[2]:bracket[3]]  # (不含嘉兴港区…，实现生产总值698.5亿元): narrower
                    if wider and wider[0] <= raw.span[0] < wider[2] and not raw.scope:
                        raw.scope = text[start + wider[0]:start + wider[1]]  # 今年广西经济增长…: the province's
                        raw.label = raw.label.removeprefix(raw.scope)
                    # what a figure's kind and period read: its sentence up to it, the last
                    # LOOK_BACK characters of it (a 200 KB line must not be read once per figure)
                    before = clause[max(0, raw.span[1] - LOOK_BACK, plans_from):raw.span[1]]
                    if by_item:
                        cut = last_stop(before, "，,；;") + 1
                        before = ESTIMATE.sub(lambda m: " " * len(m.group()), before[:cut]) + before[cut:]
                    tail = own_clause(before)
                    tail = tail[last_stop(tail, "；;") + 1:]
                    if "年" in tail and not raw.baseline and (own := _OWN_YEAR.match(_BRACKETED.sub("", tail))) \
                            and not (targeting and int(own["y"]) < report.metadata.year):
                        # 2020年…首个突破2000亿元，2021年全市实现地区生产总值2379.2亿元: a year that opens
                        # the figure's own clause is the one in force, for it and what follows, as one
                        # that opens the sentence is (not 增速低于2022年…, nor 其中2023年… in a target list);
                        # so is one opening a ；-clause (…增长18.1%；而2007年…预期目标为：…)
                        carried = int(own["y"])
                        if own["plans"] and carried >= report.metadata.year:
                            # 预计到2022年底…，计划2023年…: the plan year's targets from here on, whatever
                            # the sentence estimated before
                            estimating, plans_from = False, raw.span[1] - len(tail)
                            before = clause[plans_from:raw.span[1]]
                    # (a base said for the term's growths, 较2017年, drops them instead)
                    framed_five = five_frame if raw.value is None and not (term_base or since) else ""
                    at = start + raw.span[0]
                    quoted_year = next((year for low, high, year in quoted if low <= at < high), None)
                    kind, period, basis = kind_and_period(framed_five + before, role, report.metadata,
                                                          carried or quoted_year, estimating, role_known,
                                                          targeting or quoted_year is not None, looking_back)
                    if raw.baseline:  # 由 2020 年的 X 增加到 Y: X is an earlier, actual state
                        # 从 7.5 亿元…: no year said, so no year is given (it is not the sentence's)
                        kind, period, basis = "actual", raw.period or "", "year" if raw.period else "default"
                        if raw.period and int(raw.period) < report.metadata.review_year - 1 and not raw.flags:
                            # 从2015年的 X 增长到 2020年的 Y: the start of a change over years, one
                            # piece of a span (last year's level, 由2022年的 X, stays: a revision)
                            raw.flags.append("earlier value (由…): the start of a change over years")
                    elif raw.after_from and not raw.period:  # 由 2015 年的 X 增长到 Y: not 2015's
                        kind, period, basis = kind_and_period(_FROM_YEAR.sub(blank, before), role,
                                                              report.metadata, carried, estimating, role_known,
                                                              targeting)
                        if "–" in period:  # 过去五年，…从 A 增长至 B: B is the state the span ends in
                            period = period.split("–")[1]
                    elif raw.period:  # …增加到2023年的 Y: the later value's own year
                        period, basis = raw.period, "year"
                        kind = "target" if int(period) >= report.metadata.year else (
                            "actual" if kind == "target" else kind)
                    if (basis == "default" and kind == "actual" and set(raw.qualifier) & _TARGET_QUALIFIERS
                            and raw.value is None and not past_seen
                            and not _DONE.search(clause[:raw.span[0]])):
                        # 地区生产总值增长 5.6%以上 where nothing says when: a bound is a target's
                        kind, period, basis = "target", str(report.metadata.year), "words"
                    if ahead_five and kind == "target" and basis != "year" and period == str(report.metadata.year):
                        # a level the five years' goals name is the one to stand at their end (地区生产总值
                        # 突破90亿元: 2025's); a growth stays the span's (年均增长7%)
                        span, last = ahead_five
                        period, basis = last if last and raw.value is not None else span, "words"
                    elif (kind == "target" and period.isdigit() and int(period) > report.metadata.year
                          and raw.value is not None and _CUMULATIVE_VALUE.search(before[-40:])):
                        # 到2016年，…固定资产投资累计达到600亿元以上: a sum over the plan's years
                        period = f"{report.metadata.year}–{period}"
                    if back_five and period.isdigit() and (_CUMULATIVE_VALUE.search(before[-40:]) or (
                            summing and raw.value is not None and basis != "year"
                            and not YEAR_OF_ITS_OWN.search(own_clause(before)))):  # (…，…预计今年达到)
                        # 五年来…固定资产投资累计完成 208.4 亿元: the five years' sum, no year's figure;
                        # so are the amounts listed after it (，实际利用外资5.5亿美元，…)
                        kind, period, basis = "actual", span_back(back_five, report.metadata.review_year), "words"
                        summing = True
                    elif (not back_five and raw.value is not None and "年均" in analysis and kind != "target"
                          and _CUMULATIVE_VALUE.search(before[-40:])
                          and not (_ONE_YEAR.search(clause) or _PART_OF_YEAR.search(clause))):
                        # 累计实现社会消费品零售总额 123.68 亿元，年均增长 12.5%: a sum over the years the
                        # paragraph's average growth spans, which it does not name (全年累计…: the year's)
                        raw.flags.append("a sum (累计) over years beside 年均")
                    share = part_of_year(marks, raw.span[0], part_year)
                    if share and period.isdigit() and kind == "target" and basis in ("year", "words", "part") \
                            and not TARGET.search(own_clause(before)):
                        # 2012年一季度，全区公共财政收入完成 10.2 亿元 in a story of 2012: a part of the
                        # plan year already past, a result
                        kind = "actual"
                    if share and period.isdigit() and kind != "target":  # 前三季度…: part of the year
                        period, basis = f"{period}年{share}", "words"
                    read_to = start + max(raw.span[1], raw.growth_end)
                    # the term's base, not for a figure whose sentence names its year (2021年，…增长 8%)
                    # unless the sentence said the base too (2020年，…较“十二五”末增长27%，…分别增长38.4%)
                    term_growth = (term_here or carried is None and basis != "year") and not _ONE_YEAR.search(clause)
                    if not drop_long_growth(raw, plain[max(start, read_to - LOOK_BACK):read_to],
                                            since or (term_base if term_growth else None), period):
                        continue
                    figure = to_figure(raw, report, kind, period, basis, node, page,
                                       text[start:end], offset + start if offset >= 0 else -1, len(figures) + 1)
                    if figure.indicator == "resident_income" and to_analysis(figure.label) == "人均可支配收入" \
                            and SOME_PEOPLE.search(analysis, analysis.rfind("。", 0, start + raw.span[0]) + 1,
                                                    start + raw.span[0]):
                        # 农民收入持续增加，人均可支配收入达到21000元: the people just named, not all residents
                        figure = replace(figure, indicator="")
                    previous = figures[-1] if figures and figures[-1].anchor == node.anchor else None
                    # (past a gap to a benchmark, 比全市高0.2个百分点, which is no figure of its own)
                    at = next((i for i in range(len(figures) - 1, first - 1, -1)
                               if figures[i].unit != "个百分点"), None)
                    if at is not None and figures[at].anchor == node.anchor and (
                            whole := joined(figures[at], figure)):
                        figures[at] = whole
                        continue
                    if at is None and first and figures[first - 1].anchor == previous_anchor and short \
                            and (whole := joined_across(figures[first - 1], figure)):
                        figures[first - 1] = whole  # (a card's or a subtitle's growth on the line after)
                        continue
                    if named := unnamed_level_of(figure, clause, raw, figures, first):
                        figure = named
                    elif previous and restates_target(clause, raw):
                        # 增长 6.5%(年度目标 6%以上): the target of the figure before, for its year
                        figure = replace(figure, indicator=previous.indicator, label=previous.label, kind="target",
                                         period=previous.period, basis="words")
                        if figure.unit == "%" and not figure.growth_pct and previous.indicator and \
                                not catalogue()[previous.indicator].value_is_rate:  # 目标 6%: a growth
                            figure = replace(figure, growth_pct=figure.value, growth_unit="%", value="", unit="")
                    figures.append(figure)
                part_year = part_of_year(marks, len(clause), part_year)
                # asides like （下同） are blanked in the analysis text: read the printed one
                if plain.find("下同", start, end) >= 0:
                    since = next((base_year(m) for m in _BASE.finditer(plain, start, end) if m["on"]), since)
                if back_five and span_back(back_five, report.metadata.review_year) and not term_base and \
                        (base := _BASE.search(plain, start, end)) and _TERM_GROWTH.match(plain, base.end()):
                    # 五年来，…较2016年增长 67.4%，…增长 63%: in a look back over the term, a base
                    # year once said holds for the paragraph's later growths that name none
                    term_base, term_here = base_year(base), True
                # 地区生产总值预计完成…；地方财政收入完成…；预计实现外贸出口…；城镇居民…: where a sentence
                # marks its items one by one, a 预计 that opens a later clause covers that clause alone
                opens = opens_estimates(clause)
                marked_items = marked_items or ("预" in clause and not opens and bool(ESTIMATE.search(clause)))
                estimating = estimating or opens and not marked_items
                introduces = introduces_targets(clause) and not RESTATED.search(clause)
                targeting = targeting or introduces
                whole_paragraph = whole_paragraph or introduces and not sentence_seen
                if clause.rstrip().endswith(("。", "！", "？", "!", "?")):
                    # 主要预期目标是：A…。B…。: a paragraph that opens with its targets is all targets;
                    # 预计年末，A…。B…。 in a session that sits before the year is out: all estimates
                    carried, targeting, area, term_here, marked_items = whole_year, whole_paragraph, "", False, False
                    if estimating and list_end is None:
                        list_end = listing(analysis)  # (once a paragraph)
                    estimating = december_run = estimating and role == "review" and (december or end < (list_end or 0))
                    sentence_seen = True
                    if part_year and len(figures) == figures_before and _PART_OPENS.match(clause):
                        # 2022年一季度，某区…逆势上扬。初步预计，…: a sentence with no figure that opens
                        # with a part of the year sets it for the next one, if that one estimates
                        carried, framed = year_said, True
                    else:
                        part_year = ""
            # …主要预期目标：, then one target a line: the list runs while its items stay short
            # (主要预期目标是——: a post's lead line ends on a dash as a report's does on a colon)
            # (报告提出 2026年全县主要预期目标是 ⏎ 地区生产总值增长6%左右: a lead line with no colon)
            ends_on_colon = analysis.rstrip().endswith(("：", ":", "——")) or bool(_GOALS_LEAD_END.search(analysis))
            question = analysis.rstrip().endswith(("？", "?"))
            asked = False
            if ends_on_colon and introduces_targets(analysis) or heads_targets(analysis):
                introduced, asked = "fresh", question
            else:  # (a question asks anew: 问：去年的目标都完成了吗？ ends the targets answered before it)
                # (先看过去一年的“成绩单”: a line that turns back to the year looked back on ends it too)
                introduced = "list" if inherits and short and not question and not _TURNS_BACK.search(analysis) else ""
            # …较好地完成了各项年度目标任务。预计：, then the figures in a paragraph of their own, or
            # a list of them one a line (预计全年—— ⏎ ◆地区生产总值…): the list runs while its items
            # are short and set as a list's (◆, 👉); a lead line of part of a year (1—11月——) ends it
            # and holds for its own list
            part_lead = ends_on_colon and short and _PART_LEAD.fullmatch(analysis.strip())
            item = short and is_bullet(analysis.lstrip()[:1]) and bool(DIGIT.search(analysis))
            estimate_next = ends_on_colon and bool(_ESTIMATE_INTRO.search(analysis)) or (
                estimate_next and item and not part_lead)
            part_next = next((p for _, p in parts_of_year(analysis) if p), "") if part_lead else (
                part_next if item else "")
            held = (estimating, targeting) if offset >= 0 and \
                analysis.rstrip().endswith(("；", ";")) else None
            figures[first:] = paired_back(figures[first:])
            figures[first:], same_below = mark_estimates(figures[first:], plain, same_below if role == "review" else "",
                                                         report.metadata.review_year)
            if offset >= 0 and len(figures) - first >= 2:
                figures[first:] = growths_rejoined(figures[first:], text)
    if last_sentence and not is_terminated(last_sentence[1]) and not is_bullet(last_sentence[1].lstrip()[:1]) \
            and not _ENDS_ON_A_WHOLE_FIGURE.search(last_sentence[1]):
        # (not a list's last item, ◆…, which needs no stop)
        # a text cut off mid-sentence (a page's excerpt): the clause it stops in may have lost
        # what its figure needed (地方财政收入1.37亿); a number it stops on, the rest of a 分别 list
        # the whole sentence shares (…为66081元和33393元，分别增长8.7%和9.)
        first, clause, at = last_sentence
        if not _ENDS_ON_NUMBER.search(clause):
            at += last_stop(clause, "，,；;、") + 1
        elif len(_NUMBERS.findall(clause, tail := last_stop(clause, "，,；;") + 1)) < 2:
            # (…，城镇登记失业率控制在4: a lone number cut off takes only its own clause; a growth
            # with no name of its own, …120亿元，增长6, the figure of the clause before too)
            if _GROWTH_ONLY.match(clause, tail):
                tail = last_stop(clause[:max(0, tail - 1)], "，,；;") + 1
            at += tail
        figures[first:] = [with_flag(f, CUT_OFF) if f.start < 0 or f.start >= at else f for f in figures[first:]]
    if note:
        figures = [replace(f, kind="estimate", basis="words") if f.kind == "actual" and f.period == note["y"]
                   else f for f in figures]
    figures = checked(figures)
    return figures  # (each numbered as it was appended: later steps keep the order)


# The columns of every figure table and download, in order; `indicator` … `text` are the
# `extract` command's contract.
COLUMNS = ["id", "indicator", "label", "kind", "period", "value", "unit", "growth_pct", "qualifier",
           "anchor", "line", "text", "bound", "value_high", "growth_unit", "average_growth_pct",
           "rank", "flags", "basis", "headline", "report", "page"]


def figure_row(figure: Figure) -> dict:
    return {column: getattr(figure, column) for column in COLUMNS}
