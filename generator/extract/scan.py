"""Scan one sentence for figures: quantities, growth rates, ranks, and the labels they belong to.

The rules follow how reports write figures, in order of the text:

    地区生产总值完成 86.34 亿元，同比增长 4.6%      value, then its growth
    规模以上工业增加值同比增长 9.7%                   growth only
    增长 12.6% 达 92.9 亿元                           growth before value
    城乡居民可支配收入分别完成 33524 元、13622 元，同比增长 6.4%、6.7%   a 分别 list
    年均增长 8%                                       a multi-year average, not the year's growth
    80—150 个                                         a range
    增速居全市第一                                    a rank

Everything runs on the analysis text (simplified, ASCII digits); offsets cut labels from
the original, so they read as printed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache

from generator.extract.context import PLAN_END
from generator.extract.labels import (
    ACTION,
    ITEMS,
    WHOLE,
    clean_label,
    expand_respectively,
    following_noun,
    inherit_subjects,
    longest_first,
    opening_sector,
    split_labels,
    strip_verbs,
    to_plain,
)
from generator.extract.text import last_stop
from generator.headings import BULLET, plan_end_year
from generator.indicators import match_label
from generator.numbers import DIGIT, NUM, NUMBER_SPLIT, UNIT, number
from generator.script import to_analysis

_QUALIFIER_AFTER = r"(?:左右|以上|以内|以下|上下|多|余)"

# A quantity: a number or a range, a unit, maybe a qualifier after it. Not part of a code
# (G241), not a model (5G), not a date (2022年); but a value right after the name GDP is one
# (完成GDP890亿元).
QUANTITY = re.compile(
    rf"(?:(?<![\dA-Za-z.第])(?<!第\s)|(?<=GDP)|(?<=gdp))"  # (居全市第 1 位: a rank, spaced)
    rf"(?P<sign>-(?=\d))?(?P<low>{NUM})(?:\s*[—–\-~至到]\s*(?P<high>{NUM}))?\s*"
    rf"(?P<unit>{UNIT})(?![A-Za-z])\s*(?P<after>{_QUALIFIER_AFTER})?")
_CN_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十")}
# 居民消费价格指数102.5 (上年=100), with no unit: the index, whose rise is the figure (not 12月份…, a
# month's, nor 城镇居民…, a part of the people's)
_PRICE_INDEX = re.compile(r"(?<![镇村市月份])(?P<label>居民消费价格(?:总)?指数)\s*(?:为|是|达到|达)?\s*"
                          r"(?P<n>(?:9\d|1[01]\d)(?:\.\d{1,2})?)(?![\d.])(?!\s*(?:[%％‰个点位]|百分点))")
RANK = re.compile(r"(?P<scope>全国|全省|全市|全区|全州|全盟|全县|同类县|全省县域|全市县域)"
                  r"(?:县区|县市区|县域)?(?:排名|排|位居|位列|居|列)?\s*第\s*(?P<n>\d+|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九](?![一二三四五六七八九十]))\s*(?:位|名)?")

_CONNECTORS = {"和", "及", "与", "以及"}
# "26.7%和18.9%", "6.4%、6.7%": a list of rates (and "10%12.2%", its 、 lost)
_RATE_AFTER = r"(?:\s*(?:左右|以上|以内|以下|上下))?"
_NUMBER_NEXT = re.compile(r"\s*\d")
_RANGE_END = r"(?:\s*[—–\-~～至到]\s*[\d.]+\s*%)?"  # (分别增长4.5%—5%和6%—6.5%: each item a range)
RATE_LIST = re.compile(rf"{NUM}\s*%{_RANGE_END}{_RATE_AFTER}"
                       rf"(?:\s*(?:、|和|及|与|，|,)?\s*[-+－−]?{NUM}\s*%{_RANGE_END}{_RATE_AFTER})*")

_MULTIPLE_OF = re.compile(r"(?:是|为|相当于)[^，,；;]{0,12}的\s*$")  # 是2011年的 1.65 倍
_LISTED_NEXT = re.compile(rf"\s*[和、及与]\s*{NUM}")  # …元和 20660 元: another value follows in a list


@cache
def _listed_next(unit: str) -> re.Pattern:
    """…29462 元、16733 元: another value in the same unit follows."""
    return re.compile(rf"{_LISTED_NEXT.pattern}\s*{re.escape(unit)}")


# Units that count things (14 个项目, 300 家企业): never the level of a growth read before them
COUNTS = {"个", "家", "项", "所", "座", "条", "处", "人", "户", "名", "位", "次", "批", "件", "套", "场", "只"}

# Words between a label and its number.
_VERBS = """完成 实现 达到 达 为 是 突破 超过 超 逾 近 约 增至 增加到 提高到 提高至 提升到 提升至
    上升到 上升至 下降到 下降至 降至 降到 增长到 增长至 增加至 减少到 减少至 扩大到 扩大至 跃升至 跃升到
    攀升至 攀升到 稳定在 控制在 保持在 总计
    累计 共计 合计 共 总量 规模 达到了
    分别 分别为 分别达到 分别完成 分别实现 同比 比上年 较上年 比去年 较去年 全年 年度 有 新增 占
    预计 初步预计 上报 仅 各
    按可比价格计算 按可比价计算 按不变价格计算 按不变价计算 按现价计算 按可比口径计算
    按同口径计算""".split()  # 分别上报完成 47975 元: the figure as reported
_GROWTH_VERBS = """增长 增加 提高 上升 上涨 下降 减少 降低 回落 下滑 下跌 增速 增幅 增长率 涨幅 降幅
    增速为 增幅为 增长率为 涨幅为 降幅为 增速达 增速达到 增长了 下降了 实际增长 名义增长 同口径增长
    可比增长 按可比价格计算增长 按可比价计算增长 按可比价增长 按可比口径增长 可比口径增长 按同口径增长
    对比增长 同口径对比增长 同比对比增长 同比口径增长
    按现价计算增长 按不变价计算增长 按不变价格计算增长 按不变价增长 按可比价格增长
    按可比口径计算增长 按同口径计算增长 按省口径计算增长 按省口径增长 按全口径计算增长 按全口径增长
    比增 同比增 比降 同比降 递增 递减 可比下降 同口径下降 按可比口径下降
    逆势增长 逆市增长 同比逆势增长
    涨 跌 增产 减产""".split()
# 按同口径计算下降12.4%: each way of saying a growth on a stated basis says a fall the same way
_FALLS_ON_A_BASIS = [verb.removesuffix("增长") + "下降" for verb in _GROWTH_VERBS
                     if verb.endswith("增长") and len(verb) > 2 and verb[:-2] not in ("实际", "名义")]
_GROWTH_VERBS += [verb for verb in _FALLS_ON_A_BASIS if verb not in _GROWTH_VERBS]
# 居民人均可支配收入与经济同步增长7%: in step with something named, not a rate for a list
_IN_STEP_WITH = re.compile(r"[与和同][^，,；;、]{1,6}$")
LIST_NAMES_CHARS = 48  # 2015年地方生产总值和全部财政收入…: a list of names is short


def in_step_with(label: str) -> bool:
    """居民收入与经济(同步增长): a label that ends naming what its number keeps in step with; not
    全部财政收入和一般预算收入(均增长17%), where what follows 和 is an indicator, the economy aside: a list."""
    if not (step := _IN_STEP_WITH.search(label)):
        return False
    named = label[step.start() + 1:]
    return named.startswith("经济") or not match_label(named)


_NEGATIVE = ("下降", "减少", "降低", "回落", "下滑", "降幅", "下跌", "比降", "同比降", "递减", "减产",
             "跌", *_FALLS_ON_A_BASIS)
# 迈上 10 亿元大关, 跨越千亿台阶: a threshold crossed, as 突破 says
MILESTONE_WORDS = ("迈上", "跨越", "站上", "跨入", "迈过", "连上", "连跨", "登上", "跃上", "跨上", "迈入", "跨过")
# Qualifiers in front of a number, and what they bound.
QUALIFIERS_BEFORE = ("控制在", "不低于", "不少于", "不超过", "不高于", "低于", "超过", "突破", "力争", "确保",
                     *MILESTONE_WORDS)
MAX_WORDS = {"以内", "以下", "不超过", "不高于", "控制在", "低于"}
# 超 6 亿元, 逾 500 人, 近 90 亿元: a figure given only roughly (as a result, no exact level)
APPROXIMATE = {"超", "逾", "近", "约"}
MIN_WORDS = {"以上", "不低于", "不少于", "超过", "突破", "多", "余", *MILESTONE_WORDS}
# 由 2020 年的 4500 万美元增加到 2.3 亿美元: the first value is the earlier state
_FROM = re.compile(rf"[由从]\s*(?:(?P<year>\d{{4}})\s*年(?:底|末)?|{PLAN_END})?\s*的?\s*$")  # (由“十二五”末的…)
_TO_VERBS = {"增加到", "提高到", "提高至", "提升到", "提升至", "上升到", "上升至", "下降到", "下降至", "降至",
             "降到", "增至", "增长到", "增长至", "增加至", "减少到", "减少至", "扩大到", "扩大至", "达到", "跃升至",
             "跃升到", "攀升至", "攀升到"}
_TO_VERB_LIST = longest_first(_TO_VERBS)
# 预计GDP47.36亿元增加到113.7亿元: a level followed at once by the level it grew to is where the
# change started, as after 由/从 (not …达到 X 亿元: 达到 states the level itself)
_CHANGED_TO = re.compile(r"\s*(?:" + "|".join(v for v in _TO_VERB_LIST if v != "达到") + r")\s*[\d.]")
# 突破 300 亿元大关，达到 312 亿元: the milestone gives way to the figure right after it
# (…突破700亿大关，预计达到705亿元: the figure is an estimate)
# (跨越70亿、80亿两个台阶，预计达到82.28亿元: two milestones crossed, then the figure)
# (生产总值突破500亿元，由2010年的303.4亿元增加到2015年的511.9亿元: the change the figure ends)
_MILESTONE_THEN = re.compile(rf"(?:\s*[、和]\s*{NUM}\s*[万亿]*元?)*\s*(?:[两二三四五]个)?\s*(?:大关|关口|台阶|门槛)?"
                             rf"\s*[，,、]?\s*(?:(?:预计|初步预计)?\s*(?:达到|达|为|实现|增至|完成)"
                             rf"|(?=[由从][^，,；;。]{{0,24}}(?:增加|增长|提高|提升|上升|跃升|攀升|扩大)(?:到|至)|[由从][^，,；;。]{{0,24}}增至)"
                             rf"[由从]\s*(?:\d{{4}}\s*年(?:底|末)?)?\s*的?)\s*{NUM}")
_MILESTONE_VERBS = {"突破", "超过", "首次突破", *MILESTONE_WORDS}
_THRESHOLD_THEN = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:(?:完成|实现|达到|达|为)?\s*(?:[-+]?\d)"
                             r"|(?:实现|再次)?翻了?[一两]?番)")  # (500万元以上固定资产投资实现翻番，达到…)
_CUMULATIVE = re.compile(r"累计(?:增长|提高|增加|下降)\s*$")
_TO_YEAR = re.compile(r"(\d{4})\s*年(?:底|末)?\s*的?\s*$")
# (再上一个百亿台阶: 上 only where a step is named after it)
_CROSSED = rf"(?:{'|'.join(MILESTONE_WORDS)}|突破|(?<!以)上(?=[^，,；;。0-9]{{1,10}}(?:台阶|大关|关口)))"
# what comes before the figure or rate: a label, a threshold crossed in words, a comma
# (or a doubling said before the figure: 财政总收入实现翻番，达到40.7亿元)
_WORDED_LEAD = (r"(?P<label>(?![年度])[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{1,26}?)(?:(?:首次|成功|再次|连续|再)?"
                + _CROSSED +  # (the label may hold an aside, 预计（下同）, blanked to spaces)
                r"(?:[^，,；;。0-9]{1,12}(?:大关|台阶|关口)|[百千万]亿元?)|(?:实现|再次|再)?翻了?[一两]?番)\s*[，,、]\s*")
# (先后跨越两百亿元、三百亿元台阶，预计2011年达到316亿元: the year the figure is of may stand before its verb)
_WORDED_MILESTONE = re.compile(_WORDED_LEAD + r"(?:预计|初步预计)?\s*(?:\d{4}\s*年(?:底|末)?\s*)?"
                               r"(?:达到|达|为|实现|增至|完成)?\s*$")
# … and the same before a rate: 地区生产总值跨越千亿台阶，增长 7%以上
_WORDED_MILESTONE_RATE = re.compile(_WORDED_LEAD + r"(?:同比|比上年)?\s*(?:增长|下降)?\s*$")
# 超额完成年度任务 2.1 亿元 after a figure: by how much it beat its target, not a figure
_OVERRUN = re.compile(r"^\s*(?:超额完成|超出|超额)[\u4e00-\u9fff]{0,10}$")
# 在…情况下, 在…基础上: a condition between a figure and its rate
_CONDITION = re.compile(r"^在.{1,20}(?:情[况況]下|背景下|基[础礎]上|前提下|形[势勢]下)$")  # either script
# 地区生产总值增速为 5%: a label that ends in a word for a rate (in either script: the label is printed)
# …GDP同比增长3.5%，…排名第一；总量达到4702亿元: the level of what grew, though a ； stands between
TOTAL_OF_IT = re.compile(r"\s*总量")
_RANGE_TAIL = re.compile(rf"\s*[—–\-~～至到]\s*(?P<high>{NUM})\s*%")
_GROWTH_AFTER = re.compile(r"\s*的\s*(?:增长|增速|增幅)")
# …186.4亿元，今年力争增长10%: a rate said of another time than the level before it is not its growth
_TIME_TURNS = re.compile(r"今年|明年|新的一年")
_RATE_WORD = re.compile(r"(?:增速|增幅|增[长長]率|[涨漲]幅|降幅|(?:预期|預期)?增[长長](?=(?:预期|預期)?目[标標]))"
                        r"(?:(?:预期|預期)?目[标標](?:[设設]定|[确確]定|[调調]整|定)?)?$")  # 增长目标设定为 6%
# 地区生产总值增速…: an indicator's rate named; …连续三个季度全市排名第一: and only how it ranked
_BACK_REFERENCE = re.compile(r"(?:这|上述)?(?:两|二|三)(?:项|者)(?:收入|指标|数据)?的?|(?:二|两)者的?")
_TREND = re.compile(r"(?:止跌回升|止跌回稳|企稳回升|触底回升|稳步回升|持续回升|回升向好|持续向好|稳中有升|逆势上扬"
                    r"|稳步增长|平稳增长|较快增长|快速增长|持续增长|恢复性增长)$")
_RATE_OF = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,14}?)(?:增速|增幅|增长速度)")
# (…增速在全市排名第一, 增速居全省前列; or how it turned: 增速由负转正, 增速止跌回升)
_RATE_RANKED = re.compile(_RATE_OF.pattern +
                          r"[^\d%％，,；;。]{0,20}?(?:第[一二三四五六七八九十]|前列|首位|前茅|由负转正|止跌回升|企稳回升)"
                          r"[^\d%％，,；;。]{0,6}$")


def rated_name(label: str, pattern: re.Pattern) -> str:
    """The catalogue indicator whose rate `label` opens on (as `pattern` reads it), as printed, or ""."""
    if (rated := pattern.match(to_analysis(label))) and match_label(clean_label(name := label[:rated.end("name")])):
        return name
    return ""
# 固定资产投资增15%, 出口降3%: 增 or 降 alone right before a rate, as a headline shortens 增长 (not
# 新增, 净增; nor 降为0.41%, a level)
_BARE_CHANGE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![新净倍递])[增降]$")
# Figures on an adjusted basis (剔除不可比因素, 扣除…, 还原留抵退税后), three ways:
# 2.55 亿元，剔除减税降费因素，下降 8.1%: a rate set apart by its own clause is another reading, left out
# (not 扣除价格因素，实际增长8.2%: a growth net of prices is the real growth every report gives)
_ADJUSTED = re.compile(r"(?:剔除|扣除|还原)(?!物?价格?因素)[^0-9。；;]{0,20}$")
# 一般公共预算收入137亿元，剔除不可比因素增长9.4%: said straight before the rate, and the level's only
# growth, it is that growth (the words are blanked); after a plain growth (…增长0.3%，剔除减税降费因素
# 增长14.7%) it is a second reading and stays apart
_ADJUSTED_GROWTH = re.compile(r"(?:剔除|剔出|扣除)[\u4e00-\u9fff]{1,10}?因素(?:影响)?后?(?=\s*(?:同比)?(?:增长|下降))")
# 社会消费品零售总额315.7亿元，受疫情影响同比下降1.8%: a cause said before a level's only growth,
# blanked the same way (the growth is the level's)
CAUSE = r"受[\u4e00-\u9fff]{1,12}?(?:影响|冲击)"  # 受疫情影响, 受外需冲击: what a change is put down to
_CAUSE_BEFORE_GROWTH = re.compile(rf"{CAUSE}(?=\s*(?:同比|比上年|较上年)?(?:增长|下降))")
_GROWTH_SAID = re.compile(r"增长|下降|增速|增幅")
_CLAUSE_ENDS = "，,、；;。！？"
LOOK_BACK_CHARS = 120
# 还原留抵退税后，完成一般公共预算收入 28.8 亿元: a level on another basis than the one reported, flagged
_ADJUSTED_LEVEL = re.compile(r"(?:剔除|扣除|还原)[^，,；;。\d]{0,16}(?:后|因素|影响)[，,]?[^，,；;。\d]*$")
_MILESTONE_AFTER = re.compile(r"\s*(?:大关|关口|台阶|门槛)")
# 进出口总额 1.67 亿元，同比持平; 与2021年持平: no change, a growth of 0 (not 基本持平: roughly)
_FLAT = re.compile(r"\s*[，,]?\s*(?:同比|与上年|与去年|与上年度|较上年|比上年|与\s*\d{4}\s*年)\s*持平")
# 40亿元企业, 10亿元级项目: money that names a class of firms or projects
_SIZE_CLASS = re.compile(r"级?(?:企业|项目|工程|产业集群|集群|园区|龙头)")
# 净增 110.8 亿元 after a figure: how much it grew, in its own unit
# (比上年增长 1.45 亿元, 较2013年增加…: an amount the figure grew by, with the year it grew from)
_CHANGED_BY = "净增加|净增|增加|增收|多增"
_CHANGE_WORDS = re.compile(r"^(?:同比|(?:比|较)(?:上年|去年|上一年|上年同期|同期|\d{4}年)?)?"
                           rf"(?:{_CHANGED_BY}|增长)$")
# 城镇居民人均可支配收入预计增加660元，同比增长2%: a label that ends in a change word before an
# amount of money gives the change, not the level; the rate after it is the figure's growth
_CHANGE_TAIL = re.compile(rf"(?:预计|同比|(?:比|较)(?:上年|去年))?(?:{_CHANGED_BY})$")
_RATE_AFTER_CHANGE = re.compile(r"\s*[，,]\s*(?:同比|比上年|较上年)?(?:增长|增幅|增速|下降)\s*[-+]?\d")
# 完成年度预算的 102.3%, 占一般公共预算收入的 78.8%: after a figure, its share of something; a
# growth after the share is the figure's (a change of the share is said in 个百分点)
_SHARE_OF = re.compile(r"(?:占|完成|为|是|相当于)[^，,；;。、由从\d]{0,20}的\s*$")
# Words that separate what a label can be: a label never crosses them.
_BOUNDARY = frozenset("，,；;：:。！？!?、（）()“”\"《》【】" + BULLET  # (a bullet too, and a pictograph)
                      + "".join(map(chr, [*range(0x1F300, 0x1FB00), *range(0x2600, 0x27C0)])))
_RANK_LEAD = ["居", "位居", "稳居", "跃居", "位列", "排名", "排", "列", "增速", "增幅", "总量", "均", "分别"]
# What strip_verbs removes in front of: a value or rate; a rate that turned out to be part
# of the label (人口自然增长率); a rank; a split number.
_IN_FRONT = longest_first(_VERBS, _GROWTH_VERBS, QUALIFIERS_BEFORE, ["年均", "了"])
_IN_FRONT_OF_VALUE = longest_first(_VERBS, QUALIFIERS_BEFORE)
_IN_FRONT_OF_RANK = longest_first(_VERBS, _RANK_LEAD)
_IN_FRONT_OF_SPLIT = longest_first(_VERBS)


@dataclass
class Raw:
    """A figure as found in one sentence, before its report context (kind, period) is known."""

    label: str = ""
    value: str | None = None
    value_high: str | None = None
    unit: str = ""
    growth: str | None = None  # percent, sign applied
    growth_unit: str = ""  # % or 个百分点
    average_growth: str | None = None
    qualifier: list[str] = field(default_factory=list)
    growth_words: list[str] = field(default_factory=list)  # those of the qualifiers read before its growth
    rank: str = ""
    flags: list[str] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)  # the first number read for it, in the sentence (for links)
    period: str | None = None  # its own period, where the sentence gives one (由2020年的…)
    baseline: bool = False  # the "from" value of 由 X 增加到 Y
    after_from: bool = False  # the "to" value of 由 X 增加到 Y
    growth_end: int = 0  # where its growth was read, when after its first number (…亿元，较2016年增长 67.4%)
    respectively: bool = False  # opened a 分别 list
    scope: str = ""  # 全县/全区/全市/全旗 that stood in front of the label
    share_of: Raw | None = None  # the figure before, when this is its share of something (_SHARE_OF)

    def take_rate(self, growth: str, unit: str, end: int, words: list[str]) -> None:
        """A growth read after the figure's value, with the qualifiers read in front of it."""
        self.growth, self.growth_unit, self.growth_end = growth, unit, end
        self.qualify_growth(words)

    def qualify_growth(self, words: list[str]) -> None:
        """Qualifiers read in front of a growth: the figure's, and known to be its growth's."""
        self.qualifier += words
        self.growth_words += words




def names_a_list(label: str) -> bool:
    """城镇和农村居民人均可支配收入: a label whose items are each a catalogue indicator; or a long
    list, of LONG_LIST items or more, each a short name, most of them catalogue indicators
    (地区生产总值、…、地方税收收入、规模以上服务业营业收入、…和农村居民人均可支配收入)."""
    plain = to_analysis(label)
    if not ITEMS.search(plain):
        return False
    parts = split_labels(label, len(ITEMS.split(plain)))
    if not parts:
        return False
    known = sum(bool(match_label(clean_label(part))) for part in parts)
    return known == len(parts) or len(parts) >= LONG_LIST and 2 * known > len(parts) and all(
        len(part) <= NAME_CHARS and not DIGIT.search(part) for part in parts)


LONG_LIST = 4
NAME_CHARS = 16  # (规模以上服务业营业收入: a name; a clause with a verb and its object runs longer)


def numeral_value(n: str) -> str:
    """5, 十二, 二十: a small number (a rank, a month) as digits (up to 九十九)."""
    if n.isdigit():
        return n
    tens, _, ones = n.rpartition("十")
    if "十" not in n:
        return str(_CN_NUMERALS[n])
    return str((_CN_NUMERALS[tens] if tens else 1) * 10 + (_CN_NUMERALS[ones] if ones else 0))


def left_context(analysis: str, start: int, floor: int) -> tuple[int, str]:
    """The text a label may come from: back from `start` to a boundary or `floor`."""
    begin = start
    while begin > floor and ((char := analysis[begin - 1]) not in _BOUNDARY or char in "“”"
                             and _quoted_in_name(analysis, begin - 1)) and not (
            char == "—" and analysis[begin - 2:begin - 1] == "—"):
        begin -= 1  # (a double dash breaks a sentence; one between years, 2021—2023年, does not;
        # the quotes of “十三五” or “规上” do not either)
    return begin, analysis[begin:start]


# (nor those of “规上”工业增加值: a scope's short form, quoted, inside the name)
_PLAN_QUOTED = re.compile(r"“十[一二三四五]五”|“(?:规上|限上|规模以上|限额以上)”")


def _quoted_in_name(analysis: str, at: int) -> bool:
    """Is the quote at `at` one of “十三五” or “规上”, which stand inside a label?"""
    return any(m.start() <= at < m.end() for m in _PLAN_QUOTED.finditer(analysis, max(0, at - 6), at + 7))


@dataclass
class Reading:
    """What the words in front of a number say: its label, verbs, qualifiers."""

    begin: int  # where the label may start
    context: str  # the analysis text from `begin` to the number
    separator: str  # the punctuation before `begin`
    label: str = ""
    verbs: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)
    respectively: bool = False
    shared: bool = False  # 均: one number for every item of the label's 、 list
    listed: bool = False  # values listed after the label (A 元、B 元), with or without 分别
    to_year: str | None = None  # 增加到2023年的…: the year the later value of a 由…到… names
    scope: str = ""  # 全县/全市… in front of the label, which cleaning took off


class Scanner:
    """Reads one sentence's numbers in order; each kind of number has its own method.

    `group` holds the figures a following bare growth rate belongs to (one, or a 分别
    list), `filled` how many of them have their rate already.
    """

    def __init__(self, analysis: str, original: str):
        self.analysis, self.original = analysis, original
        self.figures: list[Raw] = []
        self.group: list[Raw] = []
        self.filled = 0
        self.floor = 0  # nothing before this offset belongs to the next figure's label
        self.pending_label, self.pending_scope = "", ""  # a milestone's label, for the figure after it
        self.pending_threshold = ""  # 500万元以上: scopes the label after it
        self.values_filled = 0  # values given so far to a 分别 list read first as rates
        self.averages_filled = 0  # average growths given so far to a 分别 list that has its rates
        self.last_growth = None  # (verbs, unit, average) of the rate just read, for 6.4%、6.7%
        self.rate_from = False  # 增速从 3.3% was just read: the next rate is where it went (…增长到 32.4%)

    def cut(self, start: int, end: int) -> str:
        """A label as printed, from analysis offsets."""
        return clean_label(self.original[start:end])

    def ungrown(self) -> list[Raw]:
        """The figures read last, latest first, that have a level and no growth yet."""
        return list(itertools.takewhile(lambda f: f.value is not None and f.growth is None, self.figures[::-1]))

    def start_group(self, raw: Raw, filled: int = 0) -> None:
        self.figures.append(raw)
        self.group, self.filled, self.values_filled, self.averages_filled = [raw], filled, 0, 0

    def share(self, raw: Raw) -> None:
        """城镇、农村居民人均可支配收入均增长 8%: a figure per item of the list, each with the
        same number; a label that does not split stays one figure."""
        plain = to_analysis(raw.label)
        count = 2 if re.match(r"城乡|城[、和]乡", plain) else len(ITEMS.split(plain))
        labels = split_labels(raw.label, count) if count > 1 else None
        if not labels:
            return
        # (a list: 分别达到 X、Y after it gives the items their values)
        copies = [replace(raw, label=label, qualifier=list(raw.qualifier), growth_words=list(raw.growth_words),
                          flags=list(raw.flags), respectively=True)
                  for label in labels]
        self.figures[-1:] = copies
        rated = raw.growth is not None or raw.average_growth is not None
        self.group, self.filled = copies, len(copies) if rated else 0

    def run(self) -> list[Raw]:
        # (a split number has a space in it, a rank its 第: most sentences need neither search)
        splits = list(NUMBER_SPLIT.finditer(self.analysis)) if " " in self.analysis else []
        events = sorted(
            [(m.start(), "split", m) for m in splits]
            + [(m.start(), "quantity", m) for m in QUANTITY.finditer(self.analysis)
               if not splits or not any(s.start() <= m.start() < s.end() for s in splits)]
            + ([(m.start(), "rank", m) for m in RANK.finditer(self.analysis)] if "第" in self.analysis else [])
            + ([(m.start("n"), "index", m) for m in _PRICE_INDEX.finditer(self.analysis)]
               if "价格" in self.analysis else []),
            key=lambda e: e[0])
        for start, kind, match in events:
            if start < self.floor:
                continue
            begin, context = left_context(self.analysis, start, self.floor)
            reading = Reading(begin, context, self.analysis[:begin].rstrip()[-1:])
            getattr(self, f"on_{kind}")(match, reading)
            self.floor = max(self.floor, match.end())
        expand_respectively(self.figures)
        inherit_subjects(self.figures, opening_sector(self.analysis, self.original))
        return self.figures

    def awaiting_level(self) -> Raw | None:
        """The last figure read, past gaps to a benchmark (比全市高0.2个百分点), if it has a growth and
        a name but no level yet."""
        for raw in reversed(self.figures):
            if raw.value is not None and raw.unit == "个百分点":
                continue
            return raw if raw.value is None and raw.growth is not None and raw.label else None
        return None

    def on_split(self, match, reading: Reading) -> None:
        """1 7 亿公斤: flagged with no value; the unit and label still say what it was."""
        raw = Raw(flags=[f"number-split: {self.original[match.start():match.end()]!r}"])
        unit = re.match(rf"\s*({UNIT})", self.analysis[match.end():])
        raw.unit = unit.group(1) if unit else ""
        label, _ = strip_verbs(reading.context, _IN_FRONT_OF_SPLIT)
        raw.label = self.cut(reading.begin, reading.begin + len(label))
        raw.span = (match.start(), match.end() + (unit.end() if unit else 0))
        self.start_group(raw)
        self.floor = raw.span[1]

    def on_index(self, match, reading: Reading) -> None:
        """居民消费价格指数102.5: an index on last year's 100, the rise of prices 2.5%."""
        raw = Raw(label=self.original[match.start("label"):match.end("label")],
                  growth=number(str(Decimal(match["n"]) - 100)), growth_unit="%",
                  span=(match.start("n"), match.end("n")))
        self.start_group(raw)

    def on_rank(self, match, reading: Reading) -> None:
        """全市第一: the rank of the figure just read, or a row of its own."""
        value = numeral_value(match["n"])
        text = f"{match['scope']}第{value}"
        label, _ = strip_verbs(reading.context, _IN_FRONT_OF_RANK)
        label = self.cut(reading.begin, reading.begin + len(label))
        if self.group and not label:
            self.group[-1].rank = text
        else:
            self.figures.append(Raw(label=label, value=value, unit="名次", qualifier=[match["scope"]],
                                    rank=text, span=(match.start(), match.end())))

    def read(self, match, reading: Reading) -> Reading:
        """Label, verbs and qualifiers in front of a quantity."""
        before, reading.verbs = strip_verbs(reading.context, _IN_FRONT)
        if (to_year := _TO_YEAR.search(before)) and strip_verbs(before[:to_year.start()], _TO_VERB_LIST)[1]:
            # 由2022年的 86.5 亿元增加到2023年的 92.6 亿元: the later value names its own year
            before, more = strip_verbs(before[:to_year.start()], _IN_FRONT)
            reading.verbs += more
            reading.to_year = to_year.group(1)
        if (word := next((w for w in ("同步", "均") if before.endswith(w)), None)) and not before.endswith("人均") \
                and not in_step_with(before[:-len(word)]):
            # 城镇、农村常住居民人均可支配收入均增长 8% (…分别达到 10558 元、6238 元，同步增长 9%): the
            # number holds for each item
            before, more = strip_verbs(before[:-len(word)], _IN_FRONT)
            reading.verbs += [word, *more]
            reading.shared = True
        reading.qualifiers = [v for v in reading.verbs if v in QUALIFIERS_BEFORE or v in APPROXIMATE][::-1]
        if match["after"]:
            reading.qualifiers.append(match["after"])
        label_end = reading.begin + len(before.removesuffix("年均"))
        reading.label = self.cut(reading.begin, label_end)
        if (scope := WHOLE.search(self.analysis, reading.begin, label_end)) and \
                scope.group() not in to_analysis(reading.label) and \
                not 0 <= self.analysis.find(to_analysis(reading.label), reading.begin, label_end) < scope.start():
            reading.scope = scope.group()  # (not 地区生产总值在全市率先突破…: a rank, after the label)
        elif self.analysis.startswith("县域", reading.begin):
            reading.scope = "县域"  # (a county's own territory, or a city's counties: foreign_scope tells)
        reading.respectively = "分别" in reading.verbs or "分别" in reading.context
        # 城镇、农村居民人均可支配收入 29462 元、16733 元: values listed after the label, no 分别
        reading.listed = bool(reading.label and match["unit"]
                              and _listed_next(match["unit"]).match(self.analysis, match.end()))
        if (reading.respectively or reading.shared or reading.listed) and reading.label:
            # 城镇、农村居民人均可支配收入分别…: the label spans the 、 list
            while reading.begin > self.floor and self.analysis[reading.begin - 1] == "、":
                reading.begin = left_context(self.analysis, reading.begin - 1, self.floor)[0]
            reading.label = self.cut(reading.begin, label_end)
        if not reading.label and reading.separator in "：:":  # one per line: 地区生产总值：86.34 亿元
            colon = len(self.analysis[:reading.begin].rstrip()) - 1
            name = self.cut(left_context(self.analysis, colon, self.floor)[0], colon)
            if name and not re.search(r"(?:是|为|如下|目标|其中)$", to_analysis(name)):
                reading.label = name
        if reading.label in _CONNECTORS:  # 26.7%和18.9%: the 和 joins two figures, it is no label
            reading.label, reading.separator = "", "、"
        return reading

    def on_quantity(self, match, reading: Reading) -> None:
        reading = self.read(match, reading)
        unit = match["unit"].replace(" ", "")
        if unit == "%" and _CUMULATIVE.search(reading.context):
            return  # 累计增长 44.44%: growth over several years, no year's growth
        growth_verbs = [v for v in reading.verbs if v in _GROWTH_VERBS]
        average = "年均" in reading.verbs or reading.context.rstrip().endswith("年均")
        # 同比增长 6.4%、6.7%: a bare rate right after a growth rate is the next growth rate; so is
        # one run into it with its 、 lost (分别增长4%6.2%)
        run_on = self.analysis[max(0, match.start() - 2):match.start()].rstrip().endswith("%")
        if (not reading.label and not reading.verbs and (reading.separator == "、" or run_on)
                and self.last_growth is not None and unit == self.last_growth[1]):
            growth_verbs, average = self.last_growth[0], self.last_growth[2]
        rate_word = _RATE_WORD.search(reading.label)
        if unit == "%" and not growth_verbs and rate_word:  # 地区生产总值增速为 5%
            growth_verbs = ["降幅" if rate_word.group() == "降幅" else "增速"]
            reading.label = reading.label[:rate_word.start()]
        elif unit == "%" and not reading.verbs and (bare := _BARE_CHANGE.search(to_analysis(reading.label))):
            growth_verbs = ["下降" if bare.group() == "降" else "增长"]  # 固定资产投资增15%
            reading.label = reading.label[:bare.start()]
        if unit == "%" and not growth_verbs and _GROWTH_AFTER.match(self.analysis, match.end()):
            growth_verbs = ["增长"]  # 地区生产总值确保 6%以上的增长: a growth named after its rate
        if self.rate_from and unit == "%":  # (增速从 3.3%) 大幅增长到 32.4%: the figure's growth
            growth_verbs, reading.label = ["增速"], ""
        self.rate_from = False
        is_growth = unit in ("%", "个百分点") and bool(growth_verbs or average)
        if not is_growth and growth_verbs:  # 人口自然增长率控制在 3‰: 增长率 is part of the label
            before, _ = strip_verbs(reading.context, _IN_FRONT_OF_VALUE)
            reading.label = self.cut(reading.begin, reading.begin + len(before))
        self.last_growth = (growth_verbs, unit, average) if is_growth else None
        number = (match["sign"] or "") + match["low"].replace(",", "")  # 同比增长-0.5%
        if is_growth:
            falls = any(v.startswith(_NEGATIVE) for v in growth_verbs) and not number.startswith("-")
            self.on_rate(match, reading, {"average_growth" if average else "growth":
                                          ("-" if falls else "") + number}, unit)
            high = match["high"]
            if not high and unit == "%" and (tail := _RANGE_TAIL.match(self.analysis, match.end())):
                high = tail["high"]  # 增长6.5%-7.0%, 6.5％～7％: the range's other end, read with it
                self.floor = tail.end()
            if high and self.figures:  # 增长5.5-6%: a range, no one rate to show or compare
                rate = self.figures[-1].average_growth if average else self.figures[-1].growth
                if rate is not None and rate.lstrip("-") == number.lstrip("-"):
                    self.figures[-1].flags.append(f"growth range {number}–{high}{unit}")
        else:
            self.on_value(match, reading, number, unit)

    def on_rate(self, match, reading: Reading, rate: dict, unit: str) -> None:
        if reading.label and _BACK_REFERENCE.fullmatch(to_analysis(reading.label)):
            reading.label = ""  # 两项收入的增幅分别为7.6%和8.9%: the figures just named, no name of its own
        if _FROM.search(reading.context):
            self.rate_from = True  # 增速从2011年的3.3%增长到32.4%: where the rate started, not its growth
            return
        if self.pending_threshold:  # 500万元以上固定资产投资增长 10%: the threshold scopes the rate's label
            reading.scope, self.pending_threshold = self.pending_threshold, ""
        if _CONDITION.match(to_plain(reading.label)):
            reading.label = ""  # 在大幅减税降费情况下增长 1.5%: a condition, not what grew
        if not reading.label and _ADJUSTED.search(self.analysis, max(self.floor, match.start() - 24), match.start()):
            return  # 2.55 亿元，剔除减税降费因素，下降 8.1%: a rate on another basis, not the year's growth
        if not reading.label and self.pending_label:
            # 一般公共预算收入迈上 10 亿元大关，增长 12.9%: the milestone's label, for its rate
            reading.label, reading.scope, self.pending_label = self.pending_label, self.pending_scope, ""
        if (not reading.label and (words := _WORDED_MILESTONE_RATE.search(self.analysis, self.floor, reading.begin))
                and match_label(clean_label(label := self.cut(words.start("label"), words.end("label"))))):
            # 地区生产总值跨越千亿台阶，增长 7%以上: an indicator's milestone in words, then its rate
            # (not 100.6 亿元，历史性突破百亿大关，增长 7.2%: that rate is the figure's before)
            reading.label = label
        if not reading.label and "growth" in rate and (
                not self.group or all(f.growth is not None for f in self.group)) and (
                named := self.clause_label(reading)):
            # (…增长7%，固定资产投资止跌回升，增长5%: a figure before it that has its rate already)
            # 地区生产总值“千亿再出发”，预计全年增长 4.5%: a clause that only names the indicator
            reading.label = named
        if not reading.label and ("分别" in reading.verbs or "各" in reading.verbs):
            # 财政总收入 50.8 亿元，其中一般预算收入 18.8 亿元，分别增长 26.7% 和 18.9%:
            # as many rates as follow here, for the latest figures that have none
            count = len(RATE_LIST.match(self.analysis, match.start()).group().split("%")) - 1
            waiting = [f for f in self.figures if f.value is not None and f.growth is None]
            if count > 1 and len(waiting) >= count:
                self.group, self.filled, self.averages_filled = waiting[-count:], 0, 0
            last = self.ungrown()
            if count == 1 and len(last) >= 2 and "growth" in rate:
                # 城镇居民…1.9万元，农民…1.2万元，同比分别增长11%: one rate for each of the values
                # just before it, none of which has one
                for target in last:
                    target.take_rate(rate["growth"], unit, match.end(), reading.qualifiers)
                return
        elif not reading.label and reading.shared and "growth" in rate and (
                len(last := self.ungrown()) >= 2
                and "其中" in self.analysis[last[1].span[1]:last[0].span[0]]):
            # 财政总收入 52.01 亿元，其中公共财政预算收入 27.03 亿元，均增长 9.8%: the whole and its part
            for target in last[:2]:
                target.take_rate(rate["growth"], unit, match.end(), reading.qualifiers)
            return
        elif not reading.label and reading.separator in "，," and "growth" in rate:
            # 城镇居民…22600 元，农村居民…8400 元，同比增长 8.5% 和 13%: a list of rates, no 分别,
            # for exactly as many values just before it, none of which has one
            rates = RATE_LIST.match(self.analysis, match.start())
            count = rates.group().count("%") if rates else 0
            last = self.ungrown()
            if count > 1 and len(last) == count:
                self.group, self.filled, self.averages_filled = last[::-1], 0, 0
        group = self.group
        if (not reading.label and "average_growth" in rate and len(group) > 1 and self.filled >= len(group)
                and self.averages_filled < len(group) and group[self.averages_filled].average_growth is None
                and group[self.averages_filled].value is not None):
            # …分别完成 2.3 万元、1.5 万元，比2011年分别增长…，年均分别增长 7.5% 和 11.9%: the same items' averages
            group[self.averages_filled].average_growth = rate["average_growth"]
            self.averages_filled += 1
            return
        if (not reading.label and group and self.filled >= len(group) and group[-1].respectively
                and group[-1].value is None):
            # 城、乡居民人均可支配收入分别增长 8%、9%: the next rate of a 分别 list of rates
            raw = Raw(growth_unit=unit, qualifier=reading.qualifiers, respectively=True,
                      span=(match.start(), match.end()), **rate)
            self.figures.append(raw)
            group.append(raw)
            self.filled += 1
        elif not reading.label and group and self.filled < len(group) and reading.shared and "growth" in rate:
            # 分别完成 31098 元、12347 元，均增长 8.5%: one rate for every item still without one
            for target in group[self.filled:]:
                if target.growth is None:
                    target.take_rate(rate["growth"], unit, match.end(), reading.qualifiers)
            self.filled = len(group)
        elif not reading.label and group and self.filled < len(group) and not _TIME_TURNS.search(reading.context):
            target = group[self.filled]
            self.filled += 1
            if (share := target.share_of) and "growth" in rate and unit == "%" and share.growth is None:
                target = share  # 完成 5.2 亿元，完成年度预算的 102.3%，增长 3.6%: the level grew, not the share
            if "growth" in rate and target.growth is None:
                target.take_rate(rate["growth"], unit, match.end(), reading.qualifiers)
            else:
                if "average_growth" in rate:
                    target.average_growth = rate["average_growth"]
                else:
                    target.flags.append(f"second growth {rate['growth']}{unit}")
                target.qualify_growth(reading.qualifiers)
        else:
            raw = Raw(label=reading.label, growth_unit=unit, qualifier=reading.qualifiers, scope=reading.scope,
                      growth_words=list(reading.qualifiers),
                      span=(match.start(), match.end()), respectively=reading.respectively, **rate)
            self.start_group(raw, filled=1)
            alone = RATE_LIST.match(self.analysis, match.start())
            if (not raw.respectively and alone and (count := alone.group().count("%")) > 1
                    and reading.label and split_labels(reading.label, count)):
                raw.respectively = True  # 城乡居民人均可支配收入增长6%和8%: a rate for each, no 分别
            # one rate for the list's items; not when another number follows with nothing
            # between (分别增长8.3%12%: a lost 、, two rates, not one shared)
            single = bool(alone) and alone.group().count("%") == 1 and not _NUMBER_NEXT.match(
                self.analysis, alone.end())
            if reading.shared or single and (reading.respectively or names_a_list(reading.label)):
                self.share(raw)  # 城乡居民人均可支配收入分别增长 7%, 城镇和农村居民…增长 9%: each item

    def clause_label(self, reading: Reading) -> str:
        """The clause before a rate's, when it is nothing but a catalogue indicator's name (and a
        slogan in quotes after it), or a 、 list of them (…，预计分别增长 6%、12%…); else ""."""
        end = reading.begin - 1
        last = self.figures[-1] if self.figures else None
        if last and last.unit == "名次" and reading.separator in "，," and last.span[1] >= self.floor - 2 and (
                name := rated_name(last.label, _RATE_OF)):
            return name  # 地区生产总值增速在全市排名第一，预计全年增长4%: the rank's rate, then its value
        if end <= self.floor or reading.separator not in "，,、":
            return ""
        if reading.separator == "、":  # 固定资产投资止跌回稳、增长3%: only a name and how it moved
            label = self.cut(left_context(self.analysis, end, self.floor)[0], end)
            trend = _TREND.search(label)
            return label[:trend.start()] if trend and match_label(label[:trend.start()]) else ""
        if self.analysis[end - 1] == "”" and (quote := self.analysis.rfind("“", self.floor, end)) > self.floor:
            end = quote
        begin, _ = left_context(self.analysis, end, self.floor)
        while begin > self.floor and self.analysis[begin - 1] == "、":  # 地区生产总值、…、外贸进出口总额，
            begin = left_context(self.analysis, begin - 1, self.floor)[0]
        label = self.cut(begin, end)
        if match_label(label) or names_a_list(label):
            return label
        if (trend := _TREND.search(label)) and match_label(named := label[:trend.start()]):
            return named  # 固定资产投资止跌回升，增长5%以上: the name and how it moved, then its rate
        # 地区生产总值增速连续三个季度全市排名第一，预计全年增长4%左右: a clause that opens on an
        # indicator's rate and says only how it ranked names the rate after it
        return rated_name(label, _RATE_RANKED)

    def list_before(self, reading: Reading) -> str:
        """城镇和农村居民人均可支配收入稳步增长，分别达到 35000 元、16000 元: the list of catalogue
        indicators that opens the clause before a nameless 分别 list, or ""."""
        end = reading.begin - 1
        if end <= self.floor or reading.separator not in "，,":
            return ""
        begin, clause = left_context(self.analysis, end, self.floor)
        # (the names open the clause, within its first LIST_NAMES_CHARS; the cut label loses a
        # lead: 2015年, 全县)
        for cut in range(min(len(clause), LIST_NAMES_CHARS), 3, -1):
            if ITEMS.search(clause, 0, cut) and names_a_list(label := self.cut(begin, begin + cut)):
                return label
        return ""

    def on_value(self, match, reading: Reading, number: str, unit: str) -> None:
        group = self.group
        high = match["high"].replace(",", "") if match["high"] else None
        if unit.endswith("元") and _SIZE_CLASS.match(self.analysis, match.end()):
            return  # 新增40亿元企业1家, 百亿元级项目: a size class, no figure
        if match["after"] in ("以上", "以下") and _THRESHOLD_THEN.match(self.analysis, match.end()):
            # 500万元以上固定资产投资 113.53 亿元: a threshold that scopes the next label
            self.pending_threshold = self.original[match.start():match.end()]
            return
        if self.pending_threshold:
            reading.scope, self.pending_threshold = self.pending_threshold, ""
        if _ADJUSTED_LEVEL.search(self.analysis, max(self.floor, reading.begin - 24), match.start()):
            # (a raw of its own, flagged, so no figure before it takes it as its value)
            raw = Raw(label=reading.label, value=number, unit=unit, qualifier=reading.qualifiers,
                      span=(match.start(), match.end()), flags=["on an adjusted basis (剔除/还原…)"])
            self.start_group(raw)
            return
        if (reading.label and set(reading.verbs) & _MILESTONE_VERBS
                and _MILESTONE_THEN.match(self.analysis, match.end())):
            self.pending_label, self.pending_scope = reading.label, reading.scope  # 突破 300 亿元大关，达到…
            return
        if not reading.label and self.pending_label and _MILESTONE_THEN.match(self.analysis, match.end()):
            return  # 跨越70亿、80亿两个台阶，达到82.28亿元: the second milestone gives way too
        if not reading.label and self.pending_label:
            reading.label, reading.scope, self.pending_label = self.pending_label, self.pending_scope, ""
        if (group and group[-1].value is not None and reading.separator in "，,"
                and set(reading.verbs) & _MILESTONE_VERBS and _MILESTONE_AFTER.match(self.analysis, match.end())
                and not match_label(reading.label)):
            # 完成 10.75 亿元，历史首次突破 10 亿元大关，增长 13.16%: the figure's milestone, not a figure
            return
        if (group and group[-1].value is not None and reading.separator in "，,"
                and (_CHANGE_WORDS.match(to_plain(to_analysis(reading.label))) or _OVERRUN.search(reading.context))):
            # 达到 417 亿元，净增 110.8 亿元，增长 9.4%: the change of the figure before, not a
            # figure of its own; the rate after it is that figure's
            return
        if not reading.label and (words := _WORDED_MILESTONE.search(self.analysis, self.floor, reading.begin)):
            # 全县GDP突破百亿元大关，达109亿元: a milestone in words, then the figure
            reading.label = self.cut(words.start("label"), words.end("label"))
        if (not reading.label and len(group) > 1 and group[0].respectively and self.values_filled < len(group)
                and group[self.values_filled].value is None
                and ("分别" in reading.verbs or self.values_filled > 0
                     or _LISTED_NEXT.match(self.analysis, match.end()))):
            # 分别增长 8% 和 9%，分别达 41200 元和 15800 元 (or 达到 48620 元和 20660 元): the values of the same list
            target = group[self.values_filled]
            target.value, target.value_high, target.unit = number, high, unit
            self.values_filled += 1
            return
        if (not reading.label and group and group[-1].baseline and set(reading.verbs) & _TO_VERBS):
            # 由 2020 年的 4500 万美元增加到 2.3 亿美元: the second value is the later state
            self.start_group(Raw(label=group[-1].label, value=number, value_high=high, unit=unit,
                                 qualifier=reading.qualifiers, span=(match.start(), match.end()),
                                 period=reading.to_year, scope=group[-1].scope, after_from=True))
            return
        if (not reading.label and group and reading.separator in "、和及与" and group[-1].respectively
                and group[-1].value is not None):  # the next value of a 分别 list
            raw = Raw(value=number, value_high=high, unit=unit, qualifier=reading.qualifiers,
                      span=(match.start(), match.end()), respectively=True)
            self.figures.append(raw)
            group.append(raw)
        elif (not reading.label and len(group) == 1 and group[-1].value is None and unit == "%"
              and group[-1].growth is not None and set(reading.verbs) & {"力争", "争取"}):
            # 增长 10%，力争 11.5%: a stretch goal above the target; kept as printed, not a level
            group[-1].qualifier.append(f"{'争取' if '争取' in reading.verbs else '力争'}{number}%")
        elif (not reading.label and len(group) == 1 and group[-1].value is None
              and (group[-1].growth is not None or group[-1].average_growth is not None)
              and reading.separator not in "；;" and "累计" not in reading.verbs
              and unit.lstrip("亿万千 ") not in COUNTS and unit not in ("个百分点", "%", "‰")):
            # growth before value: 增长 12.6% 达 92.9 亿元, 年均递增 12%，达 33895 元 (not 增长 16%，
            # 14 个州级重点项目…: a count of something else; nor …高于平均增速 1.1 个百分点: a gap, no level;
            # nor 年均增长15%，累计完成800亿元: the years' sum)
            target = group[-1]
            target.value, target.value_high, target.unit = number, high, unit
            target.qualifier += reading.qualifiers
        elif (not reading.label and TOTAL_OF_IT.match(reading.context) and unit.endswith("元")
              and (target := self.awaiting_level()) is not None):
            # …GDP同比增长3.5%，比全市高0.2个百分点，…；总量达到4702亿元: the level of what grew
            target.value, target.value_high, target.unit = number, high, unit
            target.qualifier += reading.qualifiers
        elif (reading.label and len(group) == 1 and self.figures == group and not group[-1].label
              and group[-1].value is None
              and group[-1].growth is not None and not group[-1].respectively and reading.separator in "，,"
              and match_label(reading.label)):
            # 全年增长 9.3%，完成本地生产总值 3842 亿元: a sentence's first rate, with no name, then the
            # level it belongs to (not …，可比增长9.5%，完成…: a rate of the figure before)
            target = group[-1]
            target.label, target.scope, target.value, target.value_high, target.unit = (
                reading.label, reading.scope, number, high, unit)
            target.qualifier += reading.qualifiers
        else:
            if reading.respectively and not reading.label:
                reading.label = self.list_before(reading)
            change = unit.endswith("元") and _CHANGE_TAIL.search(to_analysis(reading.label))
            if change and change.start() and match_label(reading.label[:change.start()]) \
                    and _RATE_AFTER_CHANGE.match(self.analysis, match.end()):
                # (the change kept beside the figure as printed, its level left out)
                said = reading.label[change.start():] + self.original[match.start():match.end()].strip()
                reading.label, reading.qualifiers = reading.label[:change.start()], [*reading.qualifiers, said]
                number = high = None
            raw = Raw(label=reading.label, value=number, value_high=high, unit=unit if number else "",
                      scope=reading.scope, qualifier=reading.qualifiers, span=(match.start(), match.end()),
                      respectively=reading.respectively)
            if (start := _FROM.search(reading.context)) or _CHANGED_TO.match(self.analysis, match.end()):
                raw.baseline = True
                # (None: an earlier period the sentence does not name; 由“十二五”末的: the plan's last year)
                if start:  # (…增加到…, no 由/从: no year of the start said either)
                    raw.period = start["year"] or (str(plan_end_year(start["plan"])) if start["plan"] else None)
                if not raw.period:
                    raw.flags.append("earlier value (由…): period not stated")
            if not reading.label or ACTION.fullmatch(to_plain(reading.label)):
                raw.label = reading.label + following_noun(self.original, self.analysis, match.end())
            if unit == "倍" and _MULTIPLE_OF.search(reading.context):
                raw.respectively = False  # 分别是2011年的 1.65 倍、1.86 倍: multiples of a base, no items of the list
            if reading.listed and not raw.respectively and split_labels(reading.label, 2):
                raw.respectively = True  # 城乡居民人均可支配收入 28100 元和 16042 元: a list, no 分别
            if unit == "%" and group and group[-1].value is not None and reading.separator in "，," \
                    and _SHARE_OF.search(reading.context):
                raw.share_of = group[-1]
            if not raw.respectively and (flat := _FLAT.match(self.analysis, match.end())):
                raw.take_rate("0", "%", flat.end(), [])
            self.start_group(raw)
            if reading.shared:
                self.share(raw)


def blank_adjusted_growth(analysis: str) -> str:
    """The sentence with the words of an adjusted basis, or of a cause, blanked where they stand
    before a level's only growth (_ADJUSTED_GROWTH, _CAUSE_BEFORE_GROWTH); the same length."""
    def blanked(match) -> str:
        # the clause of the level before it, and its own up to it (…107.29亿元、剔除…), within
        # LOOK_BACK_CHARS (a clause with no stop does not make each match read the whole sentence)
        window = max(0, match.start() - LOOK_BACK_CHARS)
        since = last = last_stop(analysis, _CLAUSE_ENDS, match.start(), window)
        if last >= 0 and analysis[last] in "，,、":
            since = last_stop(analysis, _CLAUSE_ENDS, last, window)
        said = _GROWTH_SAID.search(analysis, max(since + 1, window), match.start())
        return match.group() if said else " " * len(match.group())
    analysis = _ADJUSTED_GROWTH.sub(blanked, analysis)
    return _CAUSE_BEFORE_GROWTH.sub(blanked, analysis) if "受" in analysis else analysis


# 规上工业增加值+7.8%, 社零总额203.5亿元，+5.9%: a post's sign for a growth (read as 涨, the same length)
_PLUS_RATE = re.compile(r"(?<=[\u4e00-\u9fff，,：:\s])[+＋↑▲](?=\s*\d[\d.]*\s*%)")  # (地区生产总值▲5.2%)
_DOWN_RATE = re.compile(r"(?<=[\u4e00-\u9fff，,：:\s])[↓▼](?=\s*\d[\d.]*\s*%)")  # (↓6.7%: read as 跌)


_BAR_BEFORE_RATE = re.compile(r"(?<=[\u4e00-\u9fff%％])\s*[｜|](?=\s*[\u4e00-\u9fff]{0,4}?(?:增长|下降)\s*[-−]?\d)")
_COLON_RATE = re.compile(r"(?<=增长|增速|增幅|下降|涨幅)[：:](?=\s*[-+]?\d)")


# 103.27亿元——全县地区生产总值，同比增长4.9%; 11.4%——规上工业增加值增速: an infographic's figure, its
# number first and its name after a dash — read as 全县地区生产总值达到103.27亿元 (the two parts
# swapped, the dash read as 达到: the same length)
# (after a list's mark: ▶ 6.5% ⏎ 规模以上工业增加值增速; a sign kept with its number: -2.8%固定资产投资增速)
_CARD_LEAD = rf"(?P<lead>[\s{BULLET}]*)(?P<number>[-−]?{NUM}\s*{UNIT}(?:左右|以上|以内)?)\s*"
_NUMBER_FIRST = re.compile(rf"^{_CARD_LEAD}(?:——|－－|--)\s*"
                           r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,20})(?=[，,；;。]|$)")
# 277.86亿元地区生产总值增长4.9%, 7.6%规上工业增加值增速: a poster's card, its lines (number, unit,
# name, growth) run together with no dash; the name runs to its growth or the card's end
# (its name may open with its year: 152.64亿元 ⏎ 2025年全县实现地区生产总值，同比增长4.2%)
_NUMBER_FIRST_CARD = re.compile(rf"^{_CARD_LEAD}"
                                r"(?P<name>(?:\d{4}\s*年)?[\u4e00-\u9fffA-Za-z]{2,24}?)"
                                r"(?=(?:同比|同口径|可比价|比上年)?(?:增长|下降|[▲▼↑↓])\s*[-−+]?\d|[，,；;。（(]|\s*$)")
# 3.92亿斤 ⏎ 粮食总产量 ⏎ 实现“十四连丰”, 63.7亿元 ⏎ 固定资产投资 ⏎ 受…影响，同比下降4.1%: a card whose name a
# note follows (tried only where the name the card runs to names no figure)
_NUMBER_FIRST_NOTED = re.compile(_NUMBER_FIRST_CARD.pattern.removesuffix(")") + r"|实现|连续|受|再创|首次)")


# 6% ⏎ 规模以上工业增加值增长, 5%左右　地区生产总值增长目标: a card's growth, the name's growth word after it
_GROWTH_NAMED = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,20}?)(?:增长|增速|增幅)(?:目标)?")
_OPENS_ON_A_NUMBER = re.compile(rf"[\s{BULLET}]*[-−]?\d")


def names_a_figure(name: str) -> bool:
    """Does a card's caption name an indicator (地区生产总值), a rate (规上工业增加值增速) or an indicator's
    growth (规模以上工业增加值增长, 地区生产总值增长目标)? (5.52亿元——财政收支平稳运行 does not.)"""
    return bool(match_label(clean_label(name)) or _RATE_OF.match(name)
                or (growth := _GROWTH_NAMED.fullmatch(name)) and match_label(clean_label(growth["name"])))


# ■ 19876元和14210元 ⏎ 城镇居民人均可支配收入19876元，…: a post's callout over a caption that says
# its numbers again (the caption, not the callout, is the figure)
# (an amount, a mass or a rate: not 4个新项目…，4个万亩花海…, a count that opens a list)
_AMOUNT = r"(?:%|(?:亿|万)?(?:元|美元|吨|斤|公斤))"
_CALLOUT = re.compile(rf"^[\s{BULLET}]*{NUM}\s*{_AMOUNT}(?:\s*[和、/／]\s*{NUM}\s*{_AMOUNT})*(?=\s*\S)")
_NUMBER_SAID = re.compile(rf"(?<![\d.]){NUM}\s*{_AMOUNT}")


def number_first(analysis: str, original: str) -> tuple[str, str]:
    """Both copies with a number-first figure (_NUMBER_FIRST) turned name-first, or a callout its
    caption says again left blank; else as they were."""
    if (callout := _CALLOUT.match(analysis)) and set(_NUMBER_SAID.findall(callout.group())) <= set(
            _NUMBER_SAID.findall(analysis, callout.end())):
        blank = " " * callout.end()
        return blank + analysis[callout.end():], blank + original[callout.end():]
    match = _NUMBER_FIRST.match(analysis) or _NUMBER_FIRST_CARD.match(analysis)
    if not match or not names_a_figure(match["name"]):
        match = _NUMBER_FIRST_NOTED.match(analysis)
        if not match or not names_a_figure(match["name"]):
            return analysis, original

    def turned(text: str) -> str:
        lead, number, name = (text[match.start(g):match.end(g)] for g in ("lead", "number", "name"))
        gap = match.end() - match.start() - len(lead) - len(number) - len(name)
        said = ("达到" + " " * (gap - 2)) if gap >= 2 else " " * gap
        return lead + name + said + number + text[match.end():]
    return turned(analysis), turned(original)


def marked_as(pattern: re.Pattern, word: str, analysis: str, original: str) -> tuple[str, str]:
    """Both copies with each one-character match of `pattern` in the analysis text read as `word`,
    at the same places (a label is cut from the original, so the two must stay aligned)."""
    spots = [match.start() for match in pattern.finditer(analysis)]
    if not spots:
        return analysis, original

    def put(text: str) -> str:
        chars = list(text)
        for at in spots:
            chars[at] = word
        return "".join(chars)
    return put(analysis), put(original)


# 按年增长9.6% (as Hong Kong papers say 同比), 达到人民币132.8亿元 (the currency named before the amount):
# read as 同比 and as nothing, the same number of characters each
_YEAR_ON_YEAR = re.compile(r"按年(?=\s*(?:增长|下降|增加|减少))")
_CURRENCY_BEFORE = re.compile(r"人民币(?=\s*\d)")


def scan_sentence(analysis: str, original: str) -> list[Raw]:
    """Every figure in one sentence (analysis and original text have equal length)."""
    if "第" not in analysis and not DIGIT.search(analysis):
        return []  # no number and no rank: nothing to read (most sentences of a report)
    if "按年" in analysis:
        analysis = _YEAR_ON_YEAR.sub("同比", analysis)
    if "人民币" in analysis:
        analysis = _CURRENCY_BEFORE.sub("   ", analysis)
    if "—" in analysis or "－" in analysis or "--" in analysis or _OPENS_ON_A_NUMBER.match(analysis):
        analysis, original = number_first(analysis, original)
    if "｜" in analysis or "|" in analysis:  # 336.8亿元｜同比增长3.9% (a card's): the bar as a comma
        analysis, original = marked_as(_BAR_BEFORE_RATE, "，", analysis, original)
    if "：" in analysis or ":" in analysis:  # 同比增长：6.3% (a card's): the rate's colon as a space
        analysis, original = marked_as(_COLON_RATE, " ", analysis, original)
    if "+" in analysis or "＋" in analysis or "↑" in analysis or "▲" in analysis:
        analysis, original = marked_as(_PLUS_RATE, "涨", analysis, original)
    if "↓" in analysis or "▼" in analysis:
        analysis, original = marked_as(_DOWN_RATE, "跌", analysis, original)
    return Scanner(blank_adjusted_growth(analysis), original).run()
