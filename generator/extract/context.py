"""When and what a figure is: its kind (actual, estimate, target) and the period it describes.

A report's first part looks back at the review year and its later parts plan the report's
year, so the part sets the default; words in the sentence override it (预计, 力争, a stated
year, 过去五年).
"""

from __future__ import annotations

import re

from generator.extract.text import last_stop
from generator.headings import (
    HORIZON_ALONE,
    PLAN_HEADING,
    PLAN_HEADING_NO_YEAR,
    PLAN_NAME,
    POST_YEAR_HEADING,
    REVIEW_HEADING,
    YEARS_WORK_HEADING,
    heading_words,
    plan_end_year,
)
from generator.model import Metadata, Node
from generator.script import to_analysis

REVIEW_TITLE = re.compile(r"回顾|总结|过去|成绩|成就|工作情况|完成情况")
PLAN_TITLE = re.compile(r"安排|目标|任务|计划|打算|思路|要求|重点|部署|展望|建议|举措|预期")
# The words of estimating, one list for every rule that looks for them
ESTIMATE_WORDS = r"(?:初步)?(?:预计|预测|预估)|据统计预测"
ESTIMATE = re.compile(ESTIMATE_WORDS)
# 预计全年…：A…；B…: an estimate that opens a clause holds for the clauses after it, to the
# full stop; one after a label (地区生产总值预计完成 55 亿元；固定资产投资完成…) does not.
ESTIMATE_OPENS = re.compile(r"(?:^|[，,])[\s，,；;：:“\"「]*"
                            r"(?:(?:\d{4}\s*年|全年|全县|全区|全市|全旗|我县|我区|今年|去年|上年)[\s，,]*)*"
                            # (报告预计，全年…; 全年主要指标预计如下：…)
                            rf"(?:主要(?:经济)?指标)?(?:报告)?(?:经|据)?(?:{ESTIMATE_WORDS})"
                            # (报告对全年主要指标作了预计：…)
                            rf"|(?:报告)?对(?:全年|今年)?的?主要(?:经济)?指标(?:作了|做了|进行了)?(?:{ESTIMATE_WORDS})")
# Words that make what follows them a target: wherever they stand (a plan in a report whose
# parts were not recognised), or only outside the look back (争取, 计划 also tell the past).
TARGET = re.compile(r"预期目标|主要目标|预期指标|目标是|目标为|力争(?!上游)|确保(?!了)")
# 在确保疫情防控转段平稳有序的基础上，…: a goal kept as the frame of what was done, not the figure's
_FRAMED_GOAL = re.compile(r"在[^，,。；;]{0,30}?(?:基础上|前提下)")


def targets_said(sentence: str, looking_back: bool) -> bool:
    """Do `sentence`'s words (up to the figure) make its figure a target? (The frame is set aside
    only in a part headed as the look back: where no heading said which, 在确保“三保”支出的前提下，
    一般公共预算收入增长5% is as likely a plan's.)"""
    return bool(TARGET.search(sentence)) and (
        not looking_back or bool(TARGET.search(_FRAMED_GOAL.sub("", sentence))))


# 年初确定的主要预期目标是…, 去年提出的目标: last year's targets, restated in the look back
# (not 报告提出的主要预期目标为：, the report's own)
RESTATED = re.compile(r"(?:年初|去年|上年|(?<!报告)确定的|(?<!报告)提出的|确定了)[^。；;]{0,12}"
                      r"(?:预期目标|主要目标|预期指标|目标)")
PLAN_WORDS = re.compile(r"争取|计划|预期")
# (…预期目标为增长6.5%，实际增长6.1%; not 预期目标是：…, which introduces a list of goals)
_EXPECTED = re.compile(r"(?<!超)预期(?:增长|增速|增幅|目标(?!\s*[是为]?\s*[：:]))|增长目标")
_ACTUALLY = re.compile(r"\s*实际(?:增长|完成|实现|达到|下降)")
# 主要预期目标是：A…；B…；C…: a list of targets introduced once, to the full stop (高于预期目标
# 0.1 个百分点 introduces nothing); so are 主要目标和任务是：…, 主要经济指标的计划安排是：… and 制定了明确的任务：….
TARGET_INTRO = re.compile(r"(?:预期目标|主要目标|预期指标|发展目标|目标任务|计划安排)(?:[和及]任务)?"
                          r"\s*(?:是|为|：|:|——)"  # (主要预期目标——, a post's lead)
                          r"|目标(?:主要)?(?:是|为)\s*[：:]?"
                          # (对于明年的目标，报告提出：)
                          r"|目标\s*[，,]\s*(?:报告|会议|政府)?(?:提出|明确|确定)\s*[：:]"
                          r"|(?:制定|确定|下达|提出|明确)了?[^。；;，,]{0,8}任务\s*[：:]"
                          # (果洛州划定发展预期目标，地区生产总值增长3%；…: a list of goals after a comma; not
                          # 全面完成…确定各项发展目标，…, goals told as met)
                          r"|(?<!完成)(?<!实现)(?:划定|提出|设定)[^。；;，,了的]{0,10}?(?:预期目标|主要目标|发展目标)\s*[，,]")
BY_YEAR = re.compile(r"(?:到|至|在)\s*(\d{4})\s*年|(\d{4})\s*年(?:底|末)前?")
# 较“十二五”末, 到“十三五”期末: the end of a five-year plan
PLAN_END = rf"{PLAN_NAME}(?:规划)?(?:时期|期)?末"
BY_PLAN_END = re.compile(rf"(?:到|至)\s*{PLAN_END}")  # (as a horizon)


# A year the sentence states; not one it compares with (比2019年调整预算收入增长 7%, 比 2019 年…)
STATED_YEAR = re.compile(r"(?=\d{4}\s*年)(?<![比较与\d])(?<![比较与]\s)(?<!相比)(?<!同比)"
                         r"(\d{4})\s*年(?!代)(?!\s*(?:相比|比较|同期))"
                         r"(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"  # nor a day (the meeting's date)
                         r"(?![^，,。；;]{0,8}?(?:政府)?工作报告)")  # nor the report's name (2025年工作报告显示)
# 过去五年, 四年来 (a term cut short), 近五年, 五年累计: a look back over several years; 本届政府,
# 十五届人民政府工作回顾: over a government's term, of a length the words do not give
MULTI_YEAR = re.compile(r"过去的?(?P<a>[三四五十])年|(?P<b>[三四五十])年来|近(?P<c>五)年|(?P<d>[三四五十])年间"
                        r"|(?P<e>[三四五十])年(?:累计|共计|合计)|这(?P<f>[三四五十])年"
                        r"|本届政府|届(?:人民)?政府(?:工作)?回顾")
# “十三五”期间，全县累计完成固定资产投资500亿元 in a report of 2021: the years of a plan that has ended
# (opening its sentence as a frame, 十三五时期，…: not “十三五”期间形成的好经验要继续坚持，…)
_ENDED_PLAN = re.compile(r"^[\s，,]*(?P<back>回顾|回望|回首)?\s*" + PLAN_NAME  # (回顾“十二五”，…)
                         + r"(?:时期|期间|以来)?(?(back)|(?<=时期|期间|以来))\s*[，,]")
_NUMERALS = {"三": 3, "四": 4, "五": 5, "十": 10}
# “十二五”前两年，全县累计完成…: the first years of a plan, a span from its first year
_PLAN_FIRST_YEARS = re.compile(PLAN_NAME + r"(?:规划)?(?:的|以来)?(?:头|前)(?P<first>[两二三四])年")
_FIRST_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4}


def several_years(text: str, year: int | None = None) -> re.Match | None:
    """MULTI_YEAR in `text`, or (given the report's `year`) a plan's name whose years have ended
    before it. (Every rule here is read for each clause of a report: where a pattern cannot match
    without a word, an `in` test for it goes first, as it costs far less than the regex trying
    each character.)"""
    found = MULTI_YEAR.search(text) if "年" in text or "届" in text else None
    if found is None and "五" in text and ("前" in text or "头" in text):
        found = _PLAN_FIRST_YEARS.search(text)
    if found is None and year and "五" in text and (plan := _ENDED_PLAN.match(text)) \
            and plan_end_year(plan["plan"]) < year:
        return plan
    return found


# 主要预期目标, （一）2023年主要预期目标, 今年经济社会主要指标: a heading line that names the targets
# listed below it, with no colon (a news page's digest: 2023年 这样干 ⏎ 主要预期目标 ⏎ ●地区生产总值增长6%)
_TARGETS_HEADING = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?\s*"
                              r"(?:[^。，,；;：:\d]{0,6}?(?:今年|明年|新的一年)[^。，,；;：:\d]{0,12}?(?:主要(?:经济)?指标|的?目标)"
                              r"|[^。，,；;：:]{0,16}?(?:主要预期目标|预期目标|主要目标))$")


# 记者：今年的目标呢？ 六问：2022年经济发展的主要预期目标是什么？: a question whose answer, next, is the
# targets (not 为什么GDP目标比去年低？, 去年的目标完成了吗？: a question on a target's reasons or results)
_TARGETS_ASKED = re.compile(r"^(?![^？?]*(?:为什么|为何|完成|实现|达到|去年|过去|上年))[^。；;！!]{0,40}?目标"
                            r"[^。；;！!，,]{0,8}?[？?]\s*$")


def heads_targets(text: str) -> bool:
    """Is `text` (analysis text) a heading line over a list of targets, or a question they answer?"""
    text = text.strip()
    return len(text) <= HEADING_CHARS and (bool(_TARGETS_HEADING.match(text)) and not RESTATED.search(text)
                                           or "目标" in text and bool(_TARGETS_ASKED.match(text)))


def introduces_targets(text: str) -> bool:
    """TARGET_INTRO in `text` (whose every branch needs one of these words)."""
    return ("目标" in text or "指标" in text or "安排" in text or "任务" in text) and bool(TARGET_INTRO.search(text))


def span_back(match: re.Match, review: int) -> str:
    """The years a look back covers, up to the review year: 2017–2021 for 过去五年 in 2022;
    '' (no year's figure, and no span it can be said to be) for a term of unsaid length."""
    if "first" in match.re.groupindex:  # (a plan's first years)
        start = plan_end_year(match["plan"]) - 4
        return f"{start}–{start + _FIRST_COUNT[match['first']] - 1}"
    if "plan" in match.re.groupindex:  # (an ended plan's own years, whatever the review year)
        end = plan_end_year(match["plan"])
        return f"{end - 4}–{end}"
    years = next((_NUMERALS[g] for g in match.groups() if g), None)
    return f"{review - years + 1}–{review}" if years else ""
LAST_YEAR = re.compile(r"过去一年|去年|上一年")
THIS_YEAR = re.compile(r"今年|本年度")
# 面对新的一年，…; 明年…: the year the report plans, whenever the session sits
NEW_YEAR = re.compile(r"新的一年|新一年")
NEXT_YEAR = re.compile(r"明年")
_NEXT_YEARS_GOALS = re.compile(r"明年[^。；;]{0,16}(?:预期目标|主要目标|发展目标)")


# 一、以保增长为首要任务，狠抓重大项目建设，经济实力进一步增强: what a topic took as its task or focus
# (以…为首要任务, 以…为重点) names neither a look back nor a plan — under a heading line that said
# which (二、以实现“十四五”良好开局为首要任务，… as a report's own part still plans)
_TAKEN_AS = re.compile(r"以[^，,。；;]{1,16}为[^，,。；;]{0,4}(?:任务|重点|目标|要求)")


def title_role(title: str) -> str | None:
    """review or plan, if a heading (analysis text) says which."""
    if REVIEW_TITLE.search(title) and not PLAN_TITLE.search(title):
        return "review"
    return "plan" if PLAN_TITLE.search(title) else None


# A heading line is short: longer paragraphs are never read as one
HEADING_CHARS = 40


def part_roles(parts: list[Node], year: int | None = None, review_year: int | None = None
               ) -> dict[str, tuple[str, bool]]:
    """(review or plan, whether a heading said so), per part anchor. Parts after the plan
    (政府自身建设…) stay plan. An unnumbered heading line inside a part ("2023年工作安排"
    before "一、坚定实施工业强县战略…") says what the parts after it are, when their own titles
    do not. A part named for a year's work (一、2014年主要工作) looks back when that year is the
    report's `review_year`, and plans when it is the report's `year`."""
    roles, role, known = {}, "review", False
    under_line = False  # the role was said by a heading line, not a part's title
    for part in parts:
        title = to_analysis(part.title)
        said = title_role(title)
        if said is None and year:
            said = year_role(title, year, review_year)
        if said == "plan" and role == "review" and under_line and "为" in title \
                and title_role(_TAKEN_AS.sub("", title)) != "plan":
            # 2009年政府工作回顾 ⏎ 一、以保增长为首要任务，…: a topic of the look back, which the
            # heading line above it named, whatever it took as its task
            said = None
        if said:
            role, known, under_line = said, True, False
        roles[part.anchor] = (role, known)
        for node in part.walk():
            if node.kind == "paragraph" and len(node.text) <= HEADING_CHARS and (
                    line := line_role(to_analysis(node.text), year, review_year)):
                role, known, under_line = line, True, True
    return roles


# 【回看2025】, 【2026干啥】: a post's heading in brackets that names a year and a word or two
_BRACKETED_YEAR = re.compile(r"^[^\d]{0,6}?(?P<y>\d{4})\s*年?[^\d]{0,8}$")
# 2024年，凤凰这样干👉, 2023年 这样干, 2021，这样干, 那么2026年怎么干？: a post's lead line that opens on a year and
# says no more than a few words (no figure), over the list it leads
_YEAR_LEAD_LINE = re.compile(r"^(?:那么|那)?(?P<y>\d{4})\s*(?:年\s*[，,]?|[，,])[^\d。！？；;，,]{0,12}[？?]?$")
# 数说2022, 回眸2013 · 成绩单: a poster's heading, a word or two before the year without 年 (and what
# follows it as in POST_YEAR_HEADING: 2023 我们这样干)
_WORDS_THEN_YEAR = re.compile(r"[\u4e00-\u9fff]{1,3}(?=(?P<y>\d{4}))")


def words_then_year(title: str) -> re.Match | None:
    """数说2022, 回眸2013 · 成绩单: a word or two, then the year alone or as a post's heading says it."""
    if not (lead := _WORDS_THEN_YEAR.match(title)):
        return None
    rest = title[lead.end():]
    return lead if rest == lead["y"] or POST_YEAR_HEADING.match(rest) else None


def year_role(title: str, year: int, review_year: int | None, bracketed: bool = False) -> str | None:
    """A heading named for one year's work (一、2014年主要工作), a post's bracketed heading that
    names a year, or a post's lead line that opens on one: review when that year is the report's
    review year, plan when it is its year."""
    if named := YEARS_WORK_HEADING.match(title) or bracketed and _BRACKETED_YEAR.match(title) \
            or _YEAR_LEAD_LINE.match(title) or POST_YEAR_HEADING.match(title) or words_then_year(title):
        return {review_year or year - 1: "review", year: "plan"}.get(int(named["y"]))
    return None


_SAID_LEAD = re.compile(r"^(?:报告|会议|政府工作报告)(?:还|同时)?(?:提出|明确|指出|强调)\s*[，,：:]?\s*")


def said_lead(words: str) -> str:
    """A line's words without 报告提出， in front (报告提出，到2025年: a subtitle's horizon, told)."""
    return _SAID_LEAD.sub("", words)


def line_role(text: str, year: int | None, review_year: int | None) -> str | None:
    """heading_role of a heading line, read without the marks a post sets around it (💡【…】👉);
    else, given the report's years, its year_role."""
    words, bracketed = heading_words(text)
    if said := heading_role(words):
        return said
    if year and (horizon := HORIZON_ALONE.fullmatch(said_lead(words))) and int(horizon["y"]) > year:
        return "plan"  # (■ 到2021年, 报告提出，到2025年: the goals of the years to it, below)
    return year_role(words, year, review_year, bracketed) if year and (
        words[:1].isdigit() or words[:1] == "那" or _WORDS_THEN_YEAR.match(words)) \
        or bracketed and year else None


def heading_role(text: str) -> str | None:
    """In a report whose parts the parser did not see, the unnumbered headings that ingest
    keeps apart (回顾2023年工作成果 … 展望2024年工作目标) still say what follows."""
    text = text.strip()
    if REVIEW_HEADING.match(text) or PLAN_HEADING.match(text):
        return title_role(text)
    return "plan" if PLAN_HEADING_NO_YEAR.match(text) else None


_PART_OF_A_YEAR = re.compile(r"季度|上半年|前\s*\d{1,2}\s*个?月|\d\s*[-—–~至]\s*\d{1,2}\s*月")


_OWN_TIME = re.compile(r"\s*(?:今年|明年|新的一年)")


def kind_and_period(sentence: str, role: str, meta: Metadata, carried_year: int | None,
                    carried_estimate: bool = False, role_known: bool = True,
                    carried_target: bool = False, looking_back: bool = False) -> tuple[str, str, str]:
    """`sentence` is the analysis text of a sentence up to the figure's end (words after a
    figure do not change it: 增长 5%，高于预期目标); `carried_year` a year, and
    `carried_estimate` a 预计, and `carried_target` a 主要预期目标是, that an earlier clause of
    the same sentence stated — or, for the estimate and the target, a paragraph before that ended
    mid-sentence (…；) or with 预计：, or (a December session's 预计年末) an earlier sentence of the
    paragraph; `looking_back`: the figure's own part is headed as the review.

    Returns kind, period and the evidence they rest on (`BASES`): comparisons use only
    figures whose period rests on more than a default."""
    review, plan = meta.review_year, meta.year
    if (multi := several_years(sentence, plan)) and not names_its_year(sentence, multi):
        return "actual", span_back(multi, review), "words"
    dated = "年" in sentence  # (each pattern of a year below needs the word: an `in` test first)
    if dated and (match := BY_YEAR.search(sentence)):
        year = int(match.group(1) or match.group(2))
        if year >= plan:
            return "target", str(year), "year"
    if "末" in sentence and (match := BY_PLAN_END.search(sentence)) and (year := plan_end_year(match["plan"])) >= plan:
        return "target", str(year), "year"  # 力争到“十三五”期末，GDP达到4830亿元: the plan's last year
    # (2025年外贸进出口总额近400亿元，今年GDP预期增长6.5%: a clause with a time of its own)
    own_time = dated and (carried_year is not None or "20" in sentence) and _OWN_TIME.match(own_clause(sentence))
    year, basis = (None if own_time else carried_year), "year"
    if year is None and dated and not own_time and (match := STATED_YEAR.search(sentence)):
        year = int(match.group(1))
    if year is None and dated and LAST_YEAR.search(sentence) and not own_clause(sentence).lstrip().startswith("今年"):
        year, basis = review, "words"  # (not 去年…超过1600亿元，今年预期目标增长5%: a clause of its own opens on 今年)
    # 今年 is the meeting's year: the plan year, but the year under review when a session in
    # December already plans the next one; 明年 the year after the meeting's; 新的一年 the plan
    meeting = meta.session_year or plan
    if year is None and dated and NEW_YEAR.search(sentence):
        year, basis = plan, "words"
    if year is None and dated and NEXT_YEAR.search(sentence):
        # (no meeting date known, a report that sets 明年's 主要预期目标 sits in December: its own year)
        planned = not meta.session_year and _NEXT_YEARS_GOALS.search(sentence)
        year, basis = (plan if planned else meeting + 1), "words"
    if year is None and dated and THIS_YEAR.search(sentence):
        year, basis = meeting, "words"
    if carried_estimate or "预" in sentence and ESTIMATE.search(sentence):
        said = STATED_YEAR.search(sentence)  # (in the sentence itself, not carried from the one before)
        if said and int(said.group(1)) == year >= plan and basis == "year" \
                and meta.session_year != meta.review_year and not _PART_OF_A_YEAR.search(sentence):
            return "target", str(year), basis  # 预计2015年固定资产投资可完成100亿元 in 2015's plan: a forecast
        return "estimate", str(year or review), basis if year else "words"
    if looking_back and "实际" in sentence and _ACTUALLY.match(own_clause(sentence)) and (year is None or year < plan):
        return "actual", str(year or review), "words"  # (…预期增长目标为7%，实际增长6.5%: the result)
    if looking_back and ("预期" in sentence or "增长目标" in sentence) and _EXPECTED.search(own_clause(sentence)) \
            and (year is None or year < plan) \
            and not (carried_estimate or ESTIMATE.search(sentence)):
        # 一、2023年工作回顾 ⏎ 全县地区生产总值预期增长目标为7%，实际增长6.5%: the goal the year had,
        # restated (a plan part's 预期增长 is its target, and so, where no heading said which part, is
        # one with no year; not 超预期增长12%, a result)
        return "target", str(year or review), "conflict"
    if looking_back and RESTATED.search(sentence) and (year is None or year < plan):
        # 年初确定的主要预期目标是… in the look back: last year's targets restated, or words
        # pointing two ways; either way not for comparison
        return "target", str(year or review), "conflict"
    if carried_target and (year is None or year >= plan):
        return "target", str(year or plan), basis if year else "words"
    if year is not None:  # a stated year: the past is actual, the plan year and later targets
        if year < plan and TARGET.search(own_clause(sentence)) and not carried_target:
            return "actual", str(year), "conflict"  # 2022年…力争…: a past year and a target's words
        return ("actual" if year < plan else "target"), str(year), basis
    if targets_said(sentence, looking_back) or PLAN_WORDS.search(sentence) and role != "review":
        return "target", str(plan), "words"
    if role == "plan":
        return "target", str(plan), "part" if role_known else "default"
    return "actual", str(review), "part" if role_known else "default"


# What a figure's kind and period rest on, strongest first: a year the sentence states,
# words that say when (预计, 力争, 去年, 过去五年), the part's heading, or nothing (the
# default of a report whose parts were not recognised); or evidence that points two ways
# (conflict). Comparisons take neither defaults nor conflicts.
BASES = ("year", "words", "part", "default", "conflict")


# …贷款五年累计64.9亿元，社会消费品零售总额预计今年达到78.6亿元: a clause that names the one year
# its figure is of, after a span an earlier clause said
YEAR_OF_ITS_OWN = re.compile(r"今年|全年|本年度")
# “十三五”时期，…年均增长8%，2020年达到120亿元: a year that opens the figure's own clause
_OPENS_ON_A_YEAR = re.compile(r"\s*(?:到|至)?\s*\d{4}\s*年(?:底|末)?(?!\s*(?:以来|至|到|—|–|-|~))")


def names_its_year(sentence: str, span: re.Match) -> bool:
    """Does the figure's own clause, after the clause that said `span`, name its one year?"""
    own = own_clause(sentence)
    return span.end() <= len(sentence) - len(own) and bool(
        YEAR_OF_ITS_OWN.search(own) or _OPENS_ON_A_YEAR.match(own))


def own_clause(sentence: str) -> str:
    """The comma-clause a figure ends: what its own words say (2023年，我们确保了稳定，地区生产
    总值增长 6.2%: 确保 speaks of something else)."""
    return sentence[last_stop(sentence, "，,") + 1:]


# (到2016年，…；…；…, 奋斗目标是：到 2016年，…；…: a plan's horizon)
_OPENING_YEAR = re.compile(r"\s*(?:[^，,；;。：:\d]{1,20}[：:])?\s*(?:具体到|具体在|在|截至|截止|到|至)?"
                           r"\s*(\d{4})\s*年"  # (具体到2022年，…: the year a new term's plan turns to)
                           # (not 2019年三河市政府工作报告…要点来了，GDP…: the report's name, no time of figures)
                           r"(?![^，,。；;]{0,8}?(?:政府)?工作报告)"
                           # (“十四五”：瞄准这些硬指标 ⏎ 到2025年，…: a heading run into the horizon after it)
                           r"|[^，,；;。！？\d]{1,24}?(?:到|至)\s*(\d{4})\s*年\s*[，,]"
                           # (展望“十五五”，到2030年，…: a look ahead named, then its horizon)
                           r"|(?:展望|放眼|瞄准|面向)[^。；;！？\d]{1,12}?[，,]\s*(?:到|至)\s*(\d{4})\s*年\s*[，,]")


def stated_year(sentence: str) -> int | None:
    """A year opening a sentence (2022年，…) holds for its later clauses."""
    match = "年" in sentence and _OPENING_YEAR.match(sentence)
    return int(match.group(1) or match.group(2) or match.group(3)) if match else None
