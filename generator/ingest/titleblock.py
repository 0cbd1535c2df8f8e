"""The title block (title, meeting line, speaker) lifted out of the text into metadata.

In a newspaper layout the block can land anywhere, even mid-sentence; it is recognised by
its shape, not its position. Where there is none, the year comes from what the text says of
it, read line by line before the lines are joined — a line that stops mid-sentence is read on
into the next the way `joins.glue` joins them, so the two must agree.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date
from pathlib import Path

from generator.diagnostics import InputError
from generator.headings import (
    ANY_PLAN_NAME,
    PERIOD_REVIEW_HEADING,
    PLAN_HEADING,
    PLAN_NAME,
    REVIEW_HEADING,
    TERM_REVIEW_HEADING,
    YEAR_PART_HEADING,
    is_heading,
    is_terminated,
    plan_end_year,
    plan_name,
)
from generator.ingest.joins import glue
from generator.model import Metadata, Repair
from generator.numbers import NUM, UNIT
from generator.regions import Place, place_at_end, resolve, split_city
from generator.script import to_analysis

# "# 政府工作报告", "2022年高唐县政府工作报告" (a web copy's headline)
# also "(江苏省)泰州市姜堰区2026年政府工作报告(2026年1月13日)" and "…政府工作报告(摘要版)"
TITLE = re.compile(r"^#*\s*\**\s*(?:[（(][\u4e00-\u9fff]{2,8}[）)]|[\u4e00-\u9fff]{0,6}【[^】]{1,8}】)?\s*"
                   r"(?:(?P<place>[\u4e00-\u9fff]{2,16}?)?\s*(?P<year>\d{4})\s*年\s*)?"
                   r"(?P<title>[\u4e00-\u9fff]{0,16}政府工作报告)\s*"
                   # (…政府工作报告(2023年1月3日 李云): a page's title with the session's day, and its speaker)
                   r"(?:[（(](?:全文|摘要版?|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                   r"|(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*"
                   r"(?!发布|更新|修订|来源|转载|印发)[\u4e00-\u9fff·]{2,5})[）)])?\s*\**\s*$")
# "——2023 年 2 月 16 日在绛县第十七届人民代表大会第三次会议上" (or after ──, box-drawing dashes)
# (also without the date, or with 人大 for 人民代表大会; lines are matched in simplified script)
MEETING = re.compile(
    r"^[\s—－―─━\-;；]*\**\s*[（(]?\s*(?:(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*)?"
    r"在\s*(?P<region>[\u4e00-\u9fff]{0,16}?(?:县|区|市|旗|特区|林区))\s*"
    # the session's numbers are numerals, so 保定市清苑区第三届… gives 清苑区, not 保定市
    r"(?P<meeting>第?\s*[〇零一二三四五六七八九十百\d]{1,5}\s*届\s*(?:人民代表大会|人大)\s*第?\s*"
    r"[〇零一二三四五六七八九十\d]{1,4}\s*次\s*(?:全体)?会议)"
    r"\s*上\s*(?:的报告)?\s*[）)]?\s*\**$")
# The same, with the date, at the start of a line that goes on with the report's text.
MEETING_LEAD = re.compile(MEETING.pattern.removesuffix(r"\s*\**$").removesuffix("$"))
# "（2024年1月10日）" on a line of its own, near the title
DATE_LINE = re.compile(r"^[\s—－―─━-]*[（(]?\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*[）)]?$")
TITLE_AREA_LINES = 40
# "县长 **李翔**", "代县长　王某某"
SPEAKER = re.compile(
    r"^\**\s*(?P<title>(?:代理?)?(?:县|区|市|旗)长|(?:县|区|市|旗)人民政府(?:代理?)?(?:县|区|市|旗)长)"
    r"\s*\**\s*(?P<name>[\u4e00-\u9fff·]{2,5})\s*\**\s*$")
def parse_date(match) -> str | None:
    """The date of a match's y, m, d as YYYY-MM-DD, or None if it is no date a report can
    have (2024年13月45日, 1900年, 3024年)."""
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except (TypeError, ValueError):
        return None
    return day.isoformat() if plausible(str(day.year)) else None


def lift_title_block(lines: list[tuple[int, str]]):
    """Remove title-block lines; return the rest, the fields found (with lines) and repairs."""
    kept, repairs, found = [], [], {}
    second = None  # the line a meeting line was cut into two ends on
    for index, (number, text) in enumerate(lines):
        if index == second:  # (its second half: listed too, as every line lifted is)
            repairs.append(Repair("title", number, text, "", "报告标题信息（会议行的后半），已移入报告元数据"))
            continue
        stripped = to_analysis(text.strip())
        meeting, onto = MEETING.match(stripped), None  # (onto: the line a cut meeting line goes on in)
        if not meeting and index + 1 < min(len(lines), TITLE_AREA_LINES) and "在" in stripped \
                and not is_terminated(stripped):
            # "──2007年12月4日在铁岭县第十六届" ⏎ "人民代表大会第一次会议上": one meeting line, cut (it goes
            # on in the next line that is not blank, as a PDF copy spaces its lines)
            after = next((j for j in range(index + 1, min(len(lines), index + 3)) if lines[j][1].strip()), index + 1)
            if after < TITLE_AREA_LINES and (meeting := MEETING.match(stripped + to_analysis(lines[after][1].strip()))):
                onto = after
        if match := TITLE.match(re.sub(r"\s+", "", stripped)):  # 政 府 工 作 报 告, spaced out
            found.setdefault("title", ((match["place"] or "") + match["title"], number))
            if match["year"] and plausible(match["year"]):  # 2015年县政府工作报告: the year delivered,
                found.setdefault("title_year", (int(match["year"]), number))  # or (some sites) the one reviewed
            if match["y"] and (day := parse_date(match)):
                found.setdefault("meeting_date", (day, number))
        elif match := meeting:
            second = onto
            if match["y"] and not parse_date(match):
                kept.append((number, text))
                if onto is not None:
                    kept.append(lines[onto])
                continue
            if match["y"]:
                found.setdefault("meeting_date", (parse_date(match), number))
            if len(match["region"]) > 1:  # 在县十七届人民代表大会…: the county is not named
                found.setdefault("region", (match["region"], number))
            found.setdefault("meeting", (re.sub(r"\s+", "", match["meeting"]), number))
        elif match := SPEAKER.match(stripped):
            found.setdefault("speaker", (match["name"], number))
            found.setdefault("speaker_title", (match["title"], number))
        elif (index < TITLE_AREA_LINES and "meeting_date" not in found
              and (match := DATE_LINE.match(stripped)) and parse_date(match)):
            found["meeting_date"] = (parse_date(match), number)
        elif (index < TITLE_AREA_LINES and "meeting_date" not in found
              and (match := MEETING_LEAD.match(stripped)) and parse_date(match)):
            # a web copy glues the meeting line to what follows: "2022年1月28日在高唐县第十八届
            # 人民代表大会第一次会议上高唐县县长杨曙光各位代表：…": lift the lead, keep the rest
            found["meeting_date"] = (parse_date(match), number)
            if len(match["region"]) > 1:  # 在县十七届人民代表大会…: the county is not named
                found.setdefault("region", (match["region"], number))
            found.setdefault("meeting", (re.sub(r"\s+", "", match["meeting"]), number))
            cut = len(text) - len(text.lstrip()) + match.end()
            kept.append((number, text[cut:]))
            repairs.append(Repair("title", number, text[:cut], "",
                                  "会议信息与正文连在一行，已把会议信息移入报告元数据"))
            continue
        else:
            kept.append((number, text))
            continue
        repairs.append(Repair("title", number, text, "", "报告标题信息，已移入报告元数据"))
    plains = [to_analysis(text) for _, text in kept]  # each kept line converted once
    found.update(said_years(kept, plains))
    # lines that stop mid-sentence read on into the next (a copy wrapped at a fixed width
    # leaves "2019" on one line and "年是…" on the next); read in the analysis script
    # (２０２３年 is a year, 力爭 a goal word)
    body = "".join(plain.strip() + ("\n" if is_terminated(text) else "\0")
                   for plain, (_, text) in zip(plains, kept, strict=True))
    body = re.sub(r"(?<=\d)\0(?=\d)", "", body).replace("\0", " ")
    body = _NUMBER_SPACED.sub("", body)  # (到 2025 年, as a newspaper sets it: read as 到2025年)
    mentioned = [(int(m.group(1)), m.start(), m.end()) for m in COMMON_YEAR.finditer(body)]  # (read once)
    years = Counter(year for year, _, _ in mentioned)
    if unclear := found.pop("year_is_unclear", None):
        years[unclear[0]] -= 1
    ranked = [(year, count) for year, count in years.most_common(3) if count > 0]
    mentions = sum(count for count in years.values() if count > 0)
    # a tie tells nothing, nor does a text whose years are spread (a new term's plan names a
    # year for every goal): the year must have at least half of all mentions
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) and 2 * ranked[0][1] >= mentions:
        # said mostly in sentences of goals (2023年…力争…; 2023年主要预期目标), it is the year planned
        year = ranked[0][0]
        planned, said = goal_sentences(body, mentioned, year)
        if not (planned and 2 * planned <= said and years[year - 1] > 0
                and not goal_sentences(body, mentioned, year - 1)[0]):
            # (not a year said of goals as often as not, when the year before is said of results
            # alone: which of the two the text looks back on is in doubt)
            found["common_year"] = (year, "plan" if 2 * planned > said else "review")
    elif len(ranked) >= 2 and ranked[0][1] == ranked[1][1] and abs(ranked[0][0] - ranked[1][0]) == 1 \
            and (len(ranked) == 2 or ranked[2][1] < ranked[1][1]) and 4 * ranked[0][1] >= mentions:
        # two years in a row said as often: when the later is said only of goals and the earlier never
        # (2018年，…达到153.7亿元 ⏎ 报告提出，2019年…增长7.5%左右), the later is the year planned
        earlier, later = sorted((ranked[0][0], ranked[1][0]))
        planned, said = goal_sentences(body, mentioned, later)
        if planned == said and goal_sentences(body, mentioned, earlier)[0] == 0:
            found["common_year"] = (later, "plan")
    bare = []  # "一、精彩的2012年", "二、奋进的2013年": numbered parts named by a year alone
    term_review = False  # a part looks back on the term (一、过去五年工作回顾)
    for number, text in kept:
        heading = to_analysis(text.strip())
        if (match := REVIEW_HEADING.match(heading)) and not match["look"]:
            found.setdefault("review_year", (int(match["y"]), number))
        elif (match := PLAN_HEADING.match(heading)) and not match["ahead"]:
            # (a bare 回顾2017年 or 展望2035年 says nothing of the report's own year: a digest's, a vision's)
            found.setdefault("plan_year", (int(match["y"]), number))
        elif match := PERIOD_REVIEW_HEADING.match(heading):
            found.setdefault("review_year", (plan_end_year(match["plan"]), number))
        elif match := YEAR_PART_HEADING.match(heading):
            bare.append((int(match["y"]), number, match["n"]))
        elif TERM_REVIEW_HEADING.match(heading):
            term_review = True
    # two such parts one after the other, a year apart: the first looks back, the second plans
    if pair := next(((a, b) for a, b in itertools.pairwise(bare) if b[0] == a[0] + 1), None):
        found.setdefault("review_year", pair[0][:2])
        found.setdefault("plan_year", pair[1][:2])
    elif len(bare) == 1 and not term_review:
        # one alone (an excerpt's): a report's first part looks back, a later one plans (not after a
        # part that looks back on the term: 一、过去五年工作回顾 ⏎ 二、2018年工作 may be the last year's)
        year, number, numeral = bare[0]
        other = {"review_year": "plan_year", "plan_year": "review_year"}
        if (role := {"一": "review_year", "二": "plan_year", "三": "plan_year"}.get(numeral.strip("第部分、 "))) \
                and found.get(other[role], (None,))[0] != year:
            # (nor against another heading that gives that year the other role)
            found.setdefault(role, (year, number))
    return kept, found, repairs



# A year the text mentions, for the most-mentioned-year fallback; not a comparison's base
# (是2011年的1.6倍, 比2015年, 与2012年相比), which a five-year review repeats for every figure; nor the
# end of a span (规划（2022—2035年）); nor a
# plan's horizon (…，到2025年 or 力争到2025年; not 增长到2020年, 预计到2016年底), which a new term's
# report repeats for every goal.
SENTENCE_REACH = 200  # characters read each side of a year for its sentence (a text may have no 。)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence `text[start:end]` stands in, up to SENTENCE_REACH characters each side."""
    low, high = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    begin = text.rfind("。", low, start) + 1 or low
    stop = text.find("。", end, high)
    return text[begin:stop if stop >= 0 else high]


def goal_sentences(body: str, mentioned: list[tuple[int, int, int]], year: int) -> tuple[int, int]:
    """Of the sentences that mention `year` (`mentioned`: each COMMON_YEAR mention's year, start and end),
    how many are a goal's, and how many in all."""
    said_in = [sentence_around(body, start, end) for said, start, end in mentioned if said == year]
    return sum(1 for sentence in said_in if _GOAL_WORDS.search(sentence)
               or _BOUNDED_RATE.search(sentence) and "预计" not in sentence), len(said_in)


_NUMBER_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000](?=\d)|(?<=\d)[ \u3000](?=[\u4e00-\u9fff])")
_GOAL_WORDS = re.compile(r"预期目标|主要目标|今年(?:的)?(?:主要)?(?:目标|任务)|力争|确保|工作安排|重点工作|将")
# 具体到2022年，…实现地区生产总值增长13%以上: a rate with a bound is a goal's, unless estimated
_BOUNDED_RATE = re.compile(r"\d\s*[%％]\s*(?:以上|左右)")
# (nor 自2003年1月履行职责, 自2009年设立以来: the start of a span, no year a text is of)
COMMON_YEAR = re.compile(r"(?=20\d\d\s*年)(?<![比较是与同于自\d—–\-~－])(?<![比较是与同于自]\s)"
                         r"(?<![，,；;：:。\s]到)(?<!力争到)(?<!争取到)(?<!确保到)(?<!计划到)(?<![^截]至)(20\d\d)\s*年"
                         # (nor 二〇三五年远景目标, a vision; nor 2024年1月9日, a date)
                         r"(?!\s*(?:的\s*[\d.]+\s*倍|相比|比较|同期|远景|\d{1,2}\s*月\s*\d{1,2}\s*日))")

# Evidence of the year in the text itself, for files with no meeting line (news stories,
# excerpts): "2023年政府工作总体要求是", "2023年全县经济社会发展的主要预期目标", "做好2023年政府工作"
# name the plan year; "2020年，是极不平凡的一年", "2019年，在市委…的坚强领导下", "2019年，我们坚持…"
# (how a look back opens), "回首2024年", "初步预计，2017年全年" the year under review;
# a news page's dateline ("发布时间:2021-10-27 16:51", "2021年03月18日 10:55") the session's time. Not
# "2020年主要工作": a look back says it as often as a plan ("回顾一下“十三五”发展成就和2020年主要工作"), nor
# what was reviewed or done (回顾了2017年…, 完成2020年工作任务).
PLAN_SAID = re.compile(r"(?:做好|部署)\s*(\d{4})\s*年(?:的)?(?:政府|全县|全区|全市)?(?:各项)?(?:工作|目标任务|主要任务)"
                       r"(?![^。，,；;]{0,6}(?:回顾|总结))"
                       r"|(?<!回顾)(?<!回顾了)(?<!总结)(?<!总结了)(?<!完成)(?<!完成了)(?<![\d至])(?:(?<=提到)|(?<!到))"
                       r"(\d{4})\s*年\s*[，,]?\s*"  # (报告提到2022年…主要预期目标为: not 到2025年, a horizon)
                       r"(?:全县|全区|全市|全旗|我县|我区|[\u4e00-\u9fff]{0,6}?(?:政府|管委会)"
                       r"|[\u4e00-\u9fff]{2,8}?(?=经济社会|发展))?"
                       r"(?:工作|经济社会|经济社会发展|发展)?的?(?:总体要求|主要预期目标|主要目标|工作安排|工作任务|总体安排|工作建议(?!办理|的办理)|"
                       r"主要指标(?=\s*(?:是|为|[：:]))|"
                       r"预期目标|发展蓝图|发展目标|奋斗目标|目标任务(?=\s*(?:和|及|是|为|如下|[：:]))|目标(?=\s*[：:])"
                       r"|重点工作(?=\s*(?:[；;。，,]|$)))"
                       r"(?!\s*的?(?:完成|圆满|顺利|全面完成|胜利))"  # (2020年工作任务的完成，标志着…: looked back on)
                       # (对于2024年，报告提出的主要预期目标是…: the year the goals are for)
                       r"|(?:对于|对)\s*(\d{4})\s*年\s*[，,]\s*[\u4e00-\u9fff]{0,8}?(?:提出|明确|确定|部署)"
                       # (■ 2016年怎么干, 2016年，我们这样干, 【2019年，目标定了！】: a post's heading over the goals)
                       r"|^\W{0,4}(?:【[^】\n]{1,10}】)?\s*(\d{4})\s*年\s*[，,·]?\s*(?:我们)?(?:怎么干|这样干|这么干|干什么|如何干|目标(?:定了|这样定|已定|出炉))"
                       # (…，也为2024年定下了基调: the year a December session sets the tone for)
                       r"|为\s*(\d{4})\s*年(?:的)?(?:发展|工作)?\s*定(?:下了?|准了?)?(?:基调|调子)")
# "2021年，…实现了“十四五”良好开局": a plan's first year told as begun well, the year looked back on
# (not 确保实现“十五五”良好开局, a goal)
# (实现了“十二五”圆满收官、“十三五”良好开局: 了 too, not 推动实现…, a goal)
STARTED = re.compile(r"(?<!确保)(?<!力争)(?<!努力)实现了\s*(?:[^。，,；;、]{0,16}、)?"
                     + PLAN_NAME + r"(?:规划)?的?(?:良好|精彩|漂亮)开局")  # (实现了“十三五”精彩开局)
# "审查…2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告": the session
# examines the draft plan (or budget) of the year it plans
DRAFT_SAID = re.compile(r"(?<![\d到至])(\d{4})\s*年\s*(?:国民经济和社会发展|全[县区市旗])?(?:计划|预算)\s*草案"
                        # (审查2005年计划执行情况与2006年计划: the year after the one whose plan was carried out)
                        r"|执行情况\s*(?:与|和|及)\s*(\d{4})\s*年\s*(?:国民经济和社会发展|全[县区市旗])?(?:计划|财政预算|预算)")
# "2022年，龙岗区将大力实施…", "2022年，屯昌将努力实现…": what the county will do that year, the plan year
# (a bare name only before a verb of intent: not 2023年，成功将…列入, a look back; nor 到2025年，力争将…)
_WORK_VERBS = "着力|全力|继续|坚持|围绕|聚焦|突出|统筹"  # (the verbs of a year's work each form below takes)
PLAN_WILL = re.compile(r"(?<![\d到至])(\d{4})\s*年\s*[，,]\s*"
                       r"(?:(?:全县|全区|全市|全旗|我县|我区|我们|[\u4e00-\u9fff]{1,6}?[县区市旗])?将"
                       # (2025年，西安全市要坚持…; not 县委要求全县要…, nor 要全面完成…目标任务)
                       r"|(?:(?:(?![要委求])[\u4e00-\u9fff]){0,3}?(?:全县|全区|全市|全旗)|我们)?"
                       rf"要(?={_WORK_VERBS}|加快|推动|深入|紧扣|锚定)"
                       rf"|[\u4e00-\u9fff]{{2,3}}将(?={_WORK_VERBS}|努力|大力|重点|加快|力争|确保|推动|实施))"
                       # (…称，2017年将全面做好稳增长…等工作: the year, then at once what will be done)
                       rf"|(?<![\d到至])(\d{{4}})\s*年将(?=(?:全面)?(?:做好|抓好)|{_WORK_VERBS}|大力)"
                       # (…报告明确，2025年该市将坚定…: a story's 该市, with or without the comma, before
                       # what it will do; not 2019年该县将…列为, a look back)
                       rf"|(?<![\d到至])(\d{{4}})\s*年\s*[，,]?\s*该[县区市旗州盟]将"
                       rf"(?=坚定|{_WORK_VERBS}|加快|推动|深入|大力|重点|努力|力争|确保)")
# "2025年是…收官之年": the plan year when what follows plans ("做好今年工作…", "今年政府工作的
# 总体要求是"), the year under review when it looks back ("一年来…", "…的一年", "在县委的坚强领导
# 下…"), and nothing when it does neither; it counts only after everything else (so too
# "2014年是…的第一年，也是…的重要一年", "…的关键一年")
YEAR_IS = re.compile(r"(?<!\d)(\d{4})\s*年\s*[，,]?\s*是[^。！？；]{0,60}(?:之年|第一年|重要一年|关键一年|的关键年)")
YEAR_IS_READS = 60
# (only words one kind of text uses: 部署, 做好, 全县上下, 在…领导下 stand in plans and look-backs alike)
_MET = r"(?:圆满|全面|胜利|超额|顺利)"  # (…目标任务圆满完成: the year's goals told as met)
# (not …确定的主要预期目标任务圆满完成)
PLAN_AFTER = re.compile(r"做好今年|今年(?:政府)?工作|新的一年|新年伊始|总体要求|我们要"
                        rf"|主要预期目标(?![^。！？；，,]{{0,4}}?{_MET}?完成)")
# 报告提出今年我市将…: what this year will do — a plan's cue only before any figure is said (not
# 2023年是…关键年，全县地区生产总值增长5.8%。…今年全县将…, where 今年 is the year after the one told)
THIS_YEAR_WILL = re.compile(r"今年(?:我[县区市旗]|全[县区市旗])?将")
_A_FIGURE = re.compile(rf"{NUM}\s*{UNIT}")  # (a number with its unit; not 建县70周年)
REVIEW_AFTER = re.compile(r"一年来|过去一年|这一年|的一年|回顾")
# …较好地完成了…确定的各项目标任务, 全面完成了年度目标任务: the year's work told as done
DONE = re.compile(r"(?:圆满|较好地?|全面|超额)完成了[^。！？；]{0,30}?(?:目标|任务)"
                  rf"|(?:目标|任务)\s*{_MET}完成")
PARAGRAPH_READS = 400
_PROSE = re.compile(r"[，,；;。、：:]")  # (a wrapped line of prose holds a stop; a list's item need not)
REVIEW_SAID = re.compile(r"(?<!\d)(\d{4})\s*年\s*[，,]?\s*是[^。！？；]{0,40}的一年"
                         r"|(?<!\d)(\d{4})\s*年\s*[，,]\s*(?:我们)?在[^。！？；]{0,40}?(?:坚强|正确)领导下"
                         r"|(?<!\d)(\d{4})\s*年\s*[，,]\s*我们(?:始终|全面|深入|认真)?(?:坚持|紧紧围绕|克服|顶住)"
                         rf"|(?<!\d)(\d{{4}})\s*年(?:[和及暨]\s*{ANY_PLAN_NAME}(?:时期)?)?(?:政府)?工作回顾"
                         r"|(?<!\d)(\d{4})\s*年\s*[，,]?\s*(?:全[县区市旗]|[\u4e00-\u9fff]{1,6}?[县区市旗])?\s*(?:初步)?预计"
                         r"|(?:回顾了?|回首|回望|回眸|回看|刚刚过去的|刚过去的|过去的)\s*(\d{4})\s*"
                         # (not 回顾 ⏎ 2003年至2007年: a span)
                         # (nor 回顾 ⏎ 2007年区十三届人民代表大会第一次会议以来: the start of a term)
                         r"(?:年(?!\s*(?:以来|中|里|间|至|到|[—–\-~]))"
                         r"(?![^。！？；，,]{0,20}?(?:届|会议)[^。！？；，,]{0,8}?以来)|(?=[，,]))"
                         r"|(?:初步)?预计\s*[，,：:]?\s*(\d{4})\s*年(?!\s*(?:底|末)?\s*前)"
                         # 2015年，全市经济运行保持…态势，全面完成市五届六次人代会议确定的主要预期目标: the
                         # year's goals that the session set told as met (not 2024年，我们有信心全面完成全年
                         # 目标任务, nor 2020年，…全面完成脱贫攻坚目标任务 in a term's look back)
                         r"|(?<![\d到至])(\d{4})\s*年\s*[，,](?![^。！？；]{0,80}?(?:之年|力争|确保|争取|努力|信心|决心|"
                         r"(?<![主重需首纪])要(?!求|素|点)|将(?!近)|必须))"
                         r"[^。！？；]{0,80}?(?:全面|圆满|超额|较好地?|胜利)完成了?[^。！？；]{0,20}?"
                         r"(?:人大|人代会|人民代表大会)[^。！？；]{0,16}?确定的[^。！？；]{0,12}?(?:目标|任务)")
# 一、今年工作回顾, 明年经济社会发展的主要预期目标是…, 总结今年工作，部署明年任务: a session held at
# the year's end, looking back on 今年 and planning 明年 (a spring session's 今年 is the year it plans)
YEAR_END = re.compile(r"今年(?:的)?工作回顾|(?:回顾|总结)今年(?:的)?工作|部署明年(?:的)?(?:工作|任务)"
                      r"|明年(?:的|全[县区市旗])?(?:政府)?(?:经济社会发展的?)?(?:工作的?)?(?:主要预期目标|主要目标|工作安排|总体要求)")
# "今年是党的二十大召开之年", "去年是建党100周年": a year named by what happened in it, for
# news stories that print no year at all. Each event's year is a fact of the calendar.
# The party congresses a year is named by (…召开之年), each in October or November of its year
_CONGRESSES = (("十七", 2007), ("十八", 2012), ("十九", 2017))
# The anniversaries a year is named by (新中国成立60周年 is 2009): what began, the year it began, and the
# anniversaries said, in figures and in words
_ANNIVERSARIES = ((r"建党|中国共产党成立", 1921, ((90, "九十"), (100, "一百"))),
                  (r"新中国成立|中华人民共和国成立", 1949, ((60, "六十"), (70, "七十"), (75, "七十五"))),
                  (r"改革开放", 1978, ((30, "三十"), (40, "四十"))))
EVENT_YEARS = {
    r"党的二十大(?:胜利)?召开|二十大召开之年": 2022,  # (将喜迎党的二十大胜利召开)
    **{rf"党的{name}大(?:胜利)?召开之年": year for name, year in _CONGRESSES},  # (今年是党的十八大召开之年)
    **{rf"(?:{began})(?:{count}|{words})周年": start + count
       for began, start, said in _ANNIVERSARIES for count, words in said},  # (明年是新中国成立60周年)
    r"建党百年": 2021,
    # the first year after a party congress (each sits in October or November): 今年是全面贯彻落实党的
    # 二十大精神的开局之年, 2013年是全面贯彻党的十八大精神的第一年
    **{rf"全面贯彻(?:落实)?党的{congress}大精神[^。！？；，,“”]{{0,30}}?(?:开局之年|第一年|开局年)": year
       for congress, year in (("(?:二十|20)", 2023), ("(?:十九|19)", 2018), ("(?:十八|18)", 2013))},
    # (the first year after the Third Plenum of November 2013: 全面深化改革的第一年, 全面深化改革元年)
    r"全面深化改革(?:的)?(?:第一年|元年|开局之年)": 2014,
    # a plan's first year (开局之年) and last (收官之年): “十四五”规划实施收官之年 is 2025, and so is
    # “十四五”规划收官、谋划“十五五”规划之年
    **{rf"{plan_name(numeral)}(?:规划)?的?(?:实施)?{which}(?:[、和与][^。！？；，,]{{0,16}}?)?之(?:年|际)":
       plan_end_year(numeral) - (4 if which == "开局" else 0)
       for numeral in "一二三四五" for which in ("开局", "收官")},
    # (今年是实施“十一五”规划的第一年: a plan's first year, said so)
    **{rf"{plan_name(numeral)}(?:规划)?的?(?:实施的?)?第一年": plan_end_year(numeral) - 4 for numeral in "一二三四五"},
}
# (站在“十四五”开局之年的新征程起点上, 正值“十三五”开局之际: the year the session stands in, as 今年是… says)
# (过去一年，正值改革开放40周年: the year named, at the time of an event)
# (新的一年 · 党的二十大召开之年: a page's heading)
EVENT_SAID = re.compile(r"(?:(?P<when>今年|去年|过去的?一年|明年|新的一年)"
                        r"(?:，|,)?(?:是|正值|恰逢|适逢|正逢|\s*[·•・]\s*)"
                        r"|(?P<now>站在|正值|时值|值此|这是))"
                        r"[^。！？；]{0,40}?(?:" +
                        "|".join(f"(?P<e{n}>{pattern})" for n, pattern in enumerate(EVENT_YEARS)) + ")")
# 审查镇康县国民经济和社会发展第十五个五年规划纲要草案, 审议《…“十四五”规划和二〇三五年远景目标纲要
# （草案）》: the session that examines a five-year plan's draft outline (not one that recalls the
# outline approved, nor its mid-term review, 纲要》实施中期评估报告)
OUTLINE_REVIEWED = re.compile(r"(?:审查|审议|讨论)[^。！？；]{0,30}?"
                              r"(?:第十(?P<n>[一二三四五六七])个五年规划|" + PLAN_NAME + r"规划)"
                              r"[^。！？；]{0,16}?纲要\s*[（(]?\s*草案")
# "2022年通州区政府工作报告重点工作分工方案日前出台": the report named with its year at the start
# of a line (a headline, a story's lead; not "…，2023年政府工作报告各项目标任务全面完成", which
# looks back); below a date, as a page title is (a few sites name a report by the year it reviews);
# after the words for what a post is (一图读懂｜, 图解：, 划重点！, 【短视频字幕稿】) and how it reads it (…带你看)
REPORT_NAMED = re.compile(r"^\W{0,4}(?:[（(][\u4e00-\u9fff]{2,8}[）)]\s*)?"  # (（福建省）2019年…: a library's lead)
                          r"(?:[\u4e00-\u9fff]{2,6}\s*[｜|丨:：！!]\s*)?"
                          r"(?:【[^】\n]{1,10}】\s*)?"
                          r"(?:[\u4e00-\u9fff\d]{0,8}?(?:看懂|读懂|(?<!回)看|速览|解读|数读)\s*)?"
                          r"(?:[\u4e00-\u9fff]{1,10}?(?:县|区|市|旗)\s*)?"  # (数读长汀县2023年…: the region, first)
                          # (数读2024某县政府工作报告: a poster's year set against the region, with no 年)
                          r"(\d{4})\s*(?:年\s*(?:[\u4e00-\u9fff]{0,10}?(?:县|区|市|旗))?|[\u4e00-\u9fff]{1,10}?(?:县|区|市|旗))"
                          r"(?:人民)?政府工作报告"
                          r"(?!\s*(?:确定|提出|部署|明确)的|\s*(?:各项|目标|任务)(?!分解|分工))")
# "举行新闻发布会，解读2025年《政府工作报告》": a story on what the report is made of names the year it
# plans, wherever it stands (not "2023年《政府工作报告》确定的目标", which is looked back on)
# ; so does "记者从2025年阳江市政府工作报告（下称《报告》）获悉": what a reporter learned from it
REPORT_TOLD = re.compile(r"(?:解读|审议|审议通过|学习|听取|宣讲|讨论)了?\s*(\d{4})\s*年\s*[《〈]"
                         r"[^《》〈〉]{0,12}?政府工作报告[》〉]"
                         r"|从\s*(\d{4})\s*年\s*[《〈]?[\u4e00-\u9fff]{0,12}?政府工作报告[》〉]?"
                         r"\s*(?:[（(][^（）()]{0,12}[）)])?\s*(?:中|里)?\s*(?:获悉|了解到)")
# "在2015年4月27日的镇安县政府工作报告中": the session's date, told in passing
SESSION_SAID = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日[^。！？；]{0,30}?"
                          r"(?:政府工作报告|人民代表大会|人代会)")
_YMD = r"(?P<y>\d{4})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})"  # 2021-10-27, 2021年03月18日
DATELINE = re.compile(rf"(?:发布时间|时间|日期|发布于)?\s*[:：]?\s*{_YMD}\s*日?\s*(?:星期[一二三四五六日天]\s*)?"
                      r"(?:\d{1,2}:\d{2}|[^\u4e00-\u9fff]{0,40}(?:来源|作者))")
# "两会特刊　2016年1月15日　星期五　第1期": a newspaper page's date, with its weekday
DATED_PAGE = re.compile(rf"{_YMD}\s*日\s*(?:星期|周)[一二三四五六日天](?![^。！？；]{{0,30}}(?:会议|开幕|召开))")
# "2020-04-22   V赤峰", "来源:陆丰市广播电视台 2021-02-05", "发布时间:2025-01-10": a news page's
# date on a line of its own
DATE_LINE_ONLY = re.compile(r"^\s*(?:(?:来源|发布时间|发布日期|发布于|时间|日期)\s*[:：][^\d]{0,20})?"
                            r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})\b[^。！？，,]{0,16}$")
# "发布时间:2018年03月02日   【字体: 】": a page's date by its label, whatever follows it
LABELLED_DATE = re.compile(rf"(?:发布时间|发布日期|发布于|更新时间)\s*[:：]\s*{_YMD}(?!\d)")
# "—— 某县融媒体中心 制 ｜ 二〇一九年一月 ——", "（某旗第十五届人民代表大会第四次会议　2014年1月）": a post's
# credit line, or the session it is of, with the month (its first day stands for the date: a session in
# that month)
MONTH_CREDIT = re.compile(r"^[（(]?[^。！？，,；;\d]{0,30}?(?:制作?|出品|发布|编|会议|两会)\s*[|｜/／·]?\s*"
                          r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]|十[一二])\s*月[^。！？，,；;\d]{0,6}$")
_MONTHS = {name: str(n) for n, name in enumerate("一二三四五六七八九十", 1)} | {"十一": "11", "十二": "12"}
# "本网赣州2024年1月9日电": a wire story's dateline, in its lead
WIRE_DATE = re.compile(rf"{_YMD}\s*日\s*电")
# "| 招商动态 |2018-04-24", "某县新闻网　　2015年12月28日": a short line that ends in the page's date
DATE_AT_END = re.compile(rf"^[^。！？，,；;\d]{{0,30}}?{_YMD}\s*日?\s*(?:(?:星期|周)[一二三四五六日天]\s*)?"
                         # (海东时报  2009年2月18日  第2版, 滁州日报　2021年1月14日　第3版　两会特刊·访谈)
                         r"(?:(?:第\s*\d{1,3}\s*版|[A-Z]\d{1,2}\s*版?)(?:\s+[^。！？，,；;\d]{1,12})?)?\s*$")
# "2022年1月14日　　某某日报　　记者 何立": a story's byline, the date first, then the paper and who wrote it
DATE_BYLINE = re.compile(rf"^\s*{_YMD}\s*日?\s*(?:星期[一二三四五六日天])?[\s\u3000]{{2,}}[^。！？，,；;\d]{{2,30}}$")
# "…给大家捋一捋干货👇（2026.1.12）": a post's lead that ends with its date in brackets
DATE_BRACKETED_AT_END = re.compile(rf"[（(]\s*{_YMD}\s*日?\s*[）)]\s*$")
# "25.02.2016  16:23": a page's date and time on a line of their own, the day first
DAY_FIRST_LINE = re.compile(r"^\s*(?P<d>\d{1,2})\s*[./]\s*(?P<m>\d{1,2})\s*[./]\s*(?P<y>\d{4})"
                            r"\s+\d{1,2}:\d{2}(?::\d{2})?\s*$")
# A page's dateline is read in its first lines, or further down while the text has not begun
# (a site's menus and breadcrumb stand above it): until the first line of PARAGRAPH_CHARS or more
DATELINE_LINES = 6
PARAGRAPH_CHARS = 60
GLUE_CHARS = 80  # of the next line, read on from a line that stops mid-sentence (the joins' glue)


# "第06版:2022阜阳两会": a newspaper page's banner names the sessions' year (a short line only: a
# text's 学习贯彻2023年全国两会精神 may be a year before)
SESSIONS_BANNER = re.compile(r"^(?:(?!回眸|回顾|相关|链接|推荐|阅读).)*?(?<!\d)(\d{4})\s*年?\s*"
                             r"(?!全国)[\u4e00-\u9fff]{0,6}?[“\"「]?两会")  # (某县2021年“两会”综述)
BANNER_CHARS = 30


# "7日上午，茂名市第十一届人民代表大会第一次会议召开": a story's lead names the session, and so the
# region, where no meeting line does (read in a text's first lines; the name must be a division's)
SESSION_NAMED = re.compile(r"(?P<region>[\u4e00-\u9fff]{2,16}?(?:县|区|市|旗|州|盟))\s*"
                           r"第?\s*[一二三四五六七八九十\d]{1,3}\s*届\s*(?:人民代表大会|人大)\s*第?\s*[一二三四五六七八九十\d]{1,3}\s*次\s*(?:全体)?会议"
                           r"(?P<opens>[^。！？；，,]{0,16}?(?:开幕|召开|举行))?")
_OPENED = re.compile(r"(?:召开|举行|开幕)的")  # (在1月9日召开的镇江市八届人大三次会议上)
# (not 参加清远市第八届…会议, 相关新闻：高州市第十七届…会议开幕: another's session)
_NOT_THE_STORYS = re.compile(r"^\s*(?:相关|推荐|链接|延伸|专题|上一篇|下一篇)|参加|出席|列席")
SESSION_LINES = 12


def session_region(plain: str) -> str:
    """The region of the first session a line says opens, or at which the report is made (a story's
    lead); else of the first it names at all (…会议胜利闭幕); or ""."""
    named = []
    for match in SESSION_NAMED.finditer(plain):
        sentence = sentence_around(plain, match.start(), match.end())
        before = sentence[:max(0, sentence.find(match.group()))]
        if not (region := place_at_end(match["region"])) or _NOT_THE_STORYS.search(before + match["region"]):
            continue
        if match["opens"] or _OPENED.search(match["region"]) or "工作报告" in sentence:
            return region
        named.append(region)
    return named[0] if len(set(named)) == 1 else ""


def cue_within(pattern: re.Pattern, text: str, reach: int = YEAR_IS_READS) -> re.Match | None:
    """The pattern's first match in `text` if it starts within `reach` characters (read past them)."""
    return match if (match := pattern.search(text)) and match.start() < reach else None


def said_years(kept: list[tuple[int, str]], plains: list[str]) -> dict:
    """The year evidence the text states outside headings and meeting lines (`plains`: the kept
    lines in the analysis script), with its line.

    A line that stops mid-sentence is read with the start of the next (a copy wrapped at a
    fixed width cuts "2017年，预计" anywhere), and of the one after while those stop mid-sentence
    too (a narrow column's sentence runs over three lines); what is found is the line's where it
    starts there."""
    def read_on(index: int, limit: int) -> str:
        """Line `index` and, while lines stop mid-sentence, what follows it, up to `limit` more characters:
        the next line, and the ones after it while each is prose as long as the first (a column's width,
        with a stop in it; not past a short line, a heading or a list's item, which end what a wrapped
        sentence could be)."""
        text = plains[index]
        if index + 1 >= len(kept) or is_terminated(kept[index][1]):
            return text
        text, more, at, width = text.rstrip(), 0, index + 1, len(plains[index].strip())
        while at < len(kept) and more < limit:
            after = plains[at].strip()
            if at > index + 1 and (is_heading(after) or not _PROSE.search(after)):
                break
            text += glue(text, after) + after[:limit - more]
            more += len(after)
            if is_terminated(kept[at][1]) or len(after) < width - 2:
                break
            at += 1
        return text

    found: dict = {}
    begun = False  # the text's first paragraph has been read
    this_year = False  # the event found was said of 今年
    for index, (number, _) in enumerate(kept):
        plain, glued = plains[index], read_on(index, GLUE_CHARS)

        def said(pattern: re.Pattern, plain=plain, glued=glued) -> re.Match | None:
            """The pattern's first match that starts on this line (it may run on into the next)."""
            match = pattern.search(glued)
            return match if match and match.start() < len(plain) else None

        if (index < DATELINE_LINES or not begun) and "published" not in found and (
                match := DATELINE.search(plain) or LABELLED_DATE.search(plain) or DATE_LINE_ONLY.match(plain)
                or DATE_AT_END.match(plain) or DATE_BYLINE.match(plain) or DAY_FIRST_LINE.match(plain)
                or DATE_BRACKETED_AT_END.search(plain) or DATED_PAGE.search(plain) or WIRE_DATE.search(plain)):
            if published := parse_date(match):
                found["published"] = (published, number)
        if (index < DATELINE_LINES or not begun) and "published" not in found and "月" in plain \
                and (match := MONTH_CREDIT.match(plain.strip())) \
                and (published := parse_date({"y": match["y"], "m": _MONTHS.get(match["m"], match["m"]), "d": "1"})):
            found["published"] = (published, number)
        if (index < SESSION_LINES or not begun) and "session_region" not in found and "届" in plain \
                and not MEETING.match(plain.strip()):  # (nor a meeting line left in for its impossible date)
            if region := session_region(plain):
                found["session_region"] = (region, number)
        begun = begun or len(plain.strip()) >= PARAGRAPH_CHARS
        if "banner_year" not in found and len(plain.strip()) <= BANNER_CHARS and "两会" in plain \
                and (match := SESSIONS_BANNER.search(plain)) and plausible(match.group(1)):
            found["banner_year"] = (int(match.group(1)), number)
        if "plan_year_said" not in found and (match := said(PLAN_SAID) or said(PLAN_WILL) or said(DRAFT_SAID)) \
                and plausible(year := next(g for g in match.groups() if g)):
            found["plan_year_said"] = (int(year), number)
        if "year_is" not in found and (match := said(YEAR_IS)) and plausible(match.group(1)):
            # what follows says whether the year is the one planned or the one looked back on
            # (cues that start in the first 60 characters, read whole: …确定的主要预期目标 ⏎ 任务圆满完成)
            then = glued[match.end():match.end() + YEAR_IS_READS + 12]
            before_figures = then[:figure.start()] if (figure := _A_FIGURE.search(then)) else then
            plans = cue_within(PLAN_AFTER, then) or cue_within(THIS_YEAR_WILL, before_figures)
            looks_back = cue_within(REVIEW_AFTER, then)
            if not plans and not looks_back:  # (or, further on in its paragraph, a past tense:
                # 2018年，是…开局之年，…。面对…，较好地完成了县十七届人大二次会议确定的各项目标任务)
                then = read_on(index, PARAGRAPH_READS)[match.end():match.end() + PARAGRAPH_READS]
                plans, looks_back = PLAN_AFTER.search(then), DONE.search(then)
            if plans and not (looks_back and looks_back.start() < plans.start()):
                found["year_is"] = (int(match.group(1)), number)
            elif looks_back:  # the cue that comes first decides
                found["year_is"] = (int(match.group(1)) + 1, number)
            else:  # its mention is no evidence for the most-mentioned count either
                found["year_is_unclear"] = (int(match.group(1)), number)
        if ("review_year_said" not in found and (match := said(REVIEW_SAID))
                and plausible(year := next(g for g in match.groups() if g))):
            found["review_year_said"] = (int(year), number)
        if "review_year_said" not in found and "实现了" in glued and (match := said(STARTED)):
            found["review_year_said"] = (plan_end_year(match["plan"]) - 4, number)
        if "event_said" not in found and (match := said(EVENT_SAID)):
            n = next(int(k[1:]) for k, v in match.groupdict().items() if k.startswith("e") and v)
            # (明年是…收官之年: a session at the year's end, planning the year the event names)
            year = list(EVENT_YEARS.values())[n] + (0 if match["now"] or match["when"] in _NOT_BACK else 1)
            found["event_said"] = (year, number)  # the plan year
            this_year = match["when"] == "今年"
            if match["when"] == "明年":
                found.setdefault("year_end", (0, number))
        if "year_end" not in found and "年" in plain and YEAR_END.search(plain):
            found["year_end"] = (0, number)
        if "year_end" not in found and "明年" in plain and any(
                m["when"] == "明年" for m in EVENT_SAID.finditer(plain)):  # (…，明年是“十五五”开局之年)
            found["year_end"] = (0, number)
        if "outline_said" not in found and (match := said(OUTLINE_REVIEWED)):
            # a session that examines a five-year plan's draft outline sits in that plan's first year
            found["outline_said"] = (plan_end_year(match["n"] or match["plan"]) - 4, number)
        if "report_named" not in found and (match := said(REPORT_NAMED) or said(REPORT_TOLD)) \
                and plausible(year := next(g for g in match.groups() if g)):
            found["report_named"] = (int(year), number)
        if "session_said" not in found and (match := said(SESSION_SAID)) and (day := parse_date(match)):
            found["session_said"] = (day, number)
    if "event_said" in found and this_year and "year_end" in found:
        # 一、今年工作回顾 … 明年…主要预期目标: a session at the year's end, whose 今年 is the one it
        # looks back on (今年是…开局之年 names the year reviewed; the report plans the next)
        found["event_said"] = (found["event_said"][0] + 1, found["event_said"][1])
    return found




_NOT_BACK = ("今年", "明年", "新的一年")  # (when the event names the year planned, not the one before it)


def plausible(year: str) -> bool:
    """A year a report can be about (the same bounds a sidecar's year has)."""
    return 1949 <= int(year) <= 2100


def year_of_session(day: date) -> int:
    """The year a session on `day` plans: the next one for a session from October on (a
    December session, or an October one after an election, already sets next year's targets)."""
    return day.year + (1 if day.month >= 10 else 0)


def build_metadata(found: dict, sidecar: dict, shown: str, lenient: bool = False) -> Metadata:
    """Merge what the text says with the sidecar (which wins); fail if region or year is unknown.

    `lenient` (for extracting from any file): the file's name stands in for the region, and
    the year the text mentions most for the review year.
    """
    common_year, common_role = found.pop("common_year", (None, ""))
    if (named := found.pop("session_region", None)) and "region" not in found:
        found["region"] = named  # (a story's lead: below a meeting line, above the file's name)
    said = {key: found.pop(key) for key in ("published", "plan_year_said", "review_year_said", "year_is",
                                            "session_said", "event_said", "title_year", "report_named",
                                            "outline_said", "banner_year")
            if key in found}
    values = {key: value for key, (value, _) in found.items()}
    origin = {key: f"text:{line}" for key, (_, line) in found.items()}
    if lenient and not values.get("region") and not sidecar.get("region"):
        values["region"], origin["region"] = Path(shown).stem, "file name"
    if lenient and common_year and not said and not any(values.get(k) or sidecar.get(k) for k in
                                                        ("year", "meeting_date", "plan_year", "review_year")):
        # (the year its goals name, or the one looked back on)
        role = "plan_year" if common_role == "plan" else "review_year"
        values[role], origin[role] = common_year, "most mentioned year"
    for key, value in sidecar.items():
        if key == "slug":
            continue
        values[key] = value
        origin[key] = "sidecar"
    # The report's own headings say which year it plans and reviews; the meeting date only
    # when they do not (a session in December already sets the coming year's targets).
    year = values.get("year")
    if not year and values.get("plan_year"):
        year = values["plan_year"]
        origin["year"] = origin["plan_year"]
    if not year and values.get("review_year"):
        year = values["review_year"] + 1
        origin["year"] = origin["review_year"]
    if not year and values.get("meeting_date"):
        try:
            meeting = date.fromisoformat(str(values["meeting_date"]))
        except ValueError:
            raise InputError(f"meeting_date {values['meeting_date']!r} is not a date", file=shown,
                             hint="write it as YYYY-MM-DD in the .meta.yml file") from None
        year = year_of_session(meeting)
        origin["year"] = origin["meeting_date"]
    # then what the text says in passing, most telling first
    if not year and "plan_year_said" in said:
        year, origin["year"] = said["plan_year_said"][0], f"text:{said['plan_year_said'][1]}"
    if not year and "review_year_said" in said:
        year, origin["year"] = said["review_year_said"][0] + 1, f"text:{said['review_year_said'][1]}"
    if not year and "event_said" in said:
        year, origin["year"] = said["event_said"][0], f"text:{said['event_said'][1]}"
    if not year and "session_said" in said:
        year = year_of_session(date.fromisoformat(said["session_said"][0]))
        origin["year"] = f"text:{said['session_said'][1]}"
    if "published" in said and "title_year" in said and \
            date.fromisoformat(said["published"][0]).year > said["title_year"][0] + 1:
        del said["published"]  # 2020年…政府工作报告 posted in 2022: a copy's date, not the session's
    if not year and "published" in said and "report_named" in said and \
            year_of_session(date.fromisoformat(said["published"][0])) != said["report_named"][0]:
        # 2024年政府工作报告重点工作完成情况, posted in October 2024: the report it names is 2024's,
        # whenever a page on it was posted
        del said["published"]
    if not year and "published" in said:
        year = year_of_session(date.fromisoformat(said["published"][0]))
        origin["year"] = f"text:{said['published'][1]}"
    if not year and "title_year" in said:  # a web page's title: below what the text itself says
        year, origin["year"] = said["title_year"][0], f"text:{said['title_year'][1]}"
    if not year and "report_named" in said:
        year, origin["year"] = said["report_named"][0], f"text:{said['report_named'][1]}"
    if not year and "banner_year" in said:  # (a newspaper page's banner: the sessions it covers)
        year, origin["year"] = said["banner_year"][0], f"text:{said['banner_year'][1]}"
    if not year and "year_is" in said:
        year, origin["year"] = said["year_is"][0], f"text:{said['year_is'][1]}"
    if not year and "outline_said" in said:  # (the weakest: a story may recall a session of old)
        year, origin["year"] = said["outline_said"][0], f"text:{said['outline_said'][1]}"
    if not year:
        raise InputError("cannot tell the report's year from its text", file=shown,
                         hint="add 'year: YYYY' to the .meta.yml file beside it")
    if not values.get("region"):
        raise InputError("cannot tell the report's region from its text", file=shown,
                         hint="add 'region: <县名>' to the .meta.yml file beside it")
    review_year = values.get("review_year") or int(year) - 1
    origin.setdefault("review_year", origin["year"])
    known = set(Metadata.__dataclass_fields__) - {"origin", "year", "review_year", "session_year"}
    fields = {k: str(v) for k, v in values.items() if k in known}
    if origin.get("region", "").startswith("text"):  # 在保定市清苑区第三届…: the city comes first
        fields["region"], city = split_city(fields["region"])
        if city and not fields.get("city"):
            fields["city"], origin["city"] = city, origin["region"]
    # province, city and code from the GB/T 2260 table where the text and sidecar are silent
    place, found_in = resolve(Place(fields["region"], fields.get("province", ""),
                                    fields.get("city", ""), fields.get("code", "")))
    for key in ("province", "city", "code"):
        if getattr(place, key) and not fields.get(key):
            fields[key] = getattr(place, key)
            origin[key] = found_in
    # a page's posting date dates the session only when it fits the year the report plans (a copy
    # of the 2022 report posted in 2023 says nothing of when 今年 was)
    posted = [said["published"][0]] if "published" in said and \
        year_of_session(date.fromisoformat(said["published"][0])) == int(year) else []
    dated = [str(values.get("meeting_date") or "")] + ([said["session_said"][0]] if "session_said" in said else []) \
        + posted
    session_year = next((int(d[:4]) for d in dated if d[:4].isdigit()), 0)
    if not session_year and "year_end" in values and not sidecar.get("year"):
        # (总结今年工作，部署明年任务, 明年是…开局之年: a session at the year's end, undated, whose 今年
        # is the year it looks back on)
        session_year = int(year) - 1
    return Metadata(year=int(year), review_year=int(review_year), origin=origin, session_year=session_year, **fields)
