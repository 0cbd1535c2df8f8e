"""Ingest: one case file per OCR quirk (tests/cases/ingest/*.yml), plus decoding."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.diagnostics import InputError
from generator.ingest import ingest_text
from generator.ingest.decode import read_source

CASES = sorted((Path(__file__).parent / "cases" / "ingest").glob("*.yml"))


def ingest_case(tmp_path: Path, case: dict):
    report = tmp_path / "report.txt"
    report.write_text(case["input"], encoding="utf-8")
    if "errata" in case:
        (tmp_path / "report.errata.yml").write_text(case["errata"], encoding="utf-8")
    if "meta" in case:
        (tmp_path / "report.meta.yml").write_text(case["meta"], encoding="utf-8")
    return ingest_text(read_source(report, "report.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, tmp_path: Path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    expect = case["expect"]
    result = ingest_case(tmp_path, case)
    if "blocks" in expect:
        assert [b.text for b in result.blocks] == expect["blocks"], case["title"]
    if "repairs" in expect:
        kinds = Counter(r.kind for r in result.repairs if r.kind != "title" or "title" in expect["repairs"])
        assert dict(kinds) == expect["repairs"], case["title"]
    for key, value in expect.get("metadata", {}).items():
        assert getattr(result.metadata, key) == value, (key, case["title"])
    assert sorted(d.code for d in result.diagnostics) == sorted(expect.get("warnings", []))
    for repair in result.repairs:  # provenance: every repair names a real source line
        assert 1 <= repair.line <= len(result.source.lines)


MEETING = "——2022 年 1 月 9 日在清河县第五届人民代表大会第二次会议上\n\n"
BODY = "全年新增就业 1200 人，同比增长 3.5%。\n"


@pytest.mark.parametrize("encoding,prefix,newline", [
    ("utf-8", b"", "\n"),
    ("utf-8", b"\xef\xbb\xbf", "\r\n"),
    ("gb18030", b"", "\r\n"),
    ("gbk", b"", "\n"),
])
def test_decodes_utf8_bom_gb18030_and_crlf(tmp_path, encoding, prefix, newline):
    path = tmp_path / "r.txt"
    path.write_bytes(prefix + (MEETING + BODY).replace("\n", newline).encode(encoding))
    result = ingest_text(read_source(path, "r.txt"))
    assert [b.text for b in result.blocks] == [BODY.strip()]
    assert result.metadata.region == "清河县"


def test_binary_file_is_one_clear_error(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    with pytest.raises(InputError) as err:
        read_source(path, "r.txt")
    assert str(err.value).startswith("r.txt: error:")


def test_unknown_region_asks_for_sidecar(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("**一、2020年工作回顾**\n\n全年完成目标任务。\n", encoding="utf-8")
    with pytest.raises(InputError, match="region") as err:
        ingest_text(read_source(path, "r.txt"))
    assert ".meta.yml" in str(err.value)


def test_invalid_errata_names_file_and_line(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(MEETING + BODY, encoding="utf-8")
    (tmp_path / "r.errata.yml").write_text("- find: x\n  replace: y\n  reason: r\n- find: z\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_source(path, "r.txt")
    assert str(err.value).startswith("r.errata.yml:4: error:")


@pytest.mark.parametrize(("sidecar", "line", "says"), [
    ("province: 山西省\nregion: \"<script>alert(1)</script>\"\n", 2, "not a place name"),
    ("region: \"绛\\0县\"\n", 1, "control characters"),
    ("year: 二〇二三\n", 1, "not a year"),
    ("region: [绛县, 闻喜县]\n", 1, "a list"),
    ("code: \"<img src=x>\"\n", 1, "not a 6-digit code"),
    ("meeting_date: 2月16日\n", 1, "not a date"),
])
def test_sidecar_values_are_checked_with_file_and_line(tmp_path, sidecar, line, says):
    path = tmp_path / "r.txt"
    path.write_text(MEETING + BODY, encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text(sidecar, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_source(path, "r.txt")
    message = str(err.value)
    assert message.startswith(f"r.meta.yml:{line}: error:") and says in message, message


@pytest.mark.parametrize("title", ["(某省)2023年某市巳县人民政府工作报告(全文)",
                                   "某市巳县2024年政府工作报告(2024年1月9日)", "某市巳县2024年政府工作报告(摘要版)"])
def test_a_scraped_title_block_still_gives_title_and_meeting(tmp_path, title):
    """A place before the year, a date or 摘要版 after the title; semicolons a scrape left
    before the meeting line: still the title block, lifted out of the text."""
    path = tmp_path / "r.txt"
    path.write_text(f"{title}\n;;;;2024年1月9日在巳县第十届人民代表大会第三次会议上\n\n"
                    "各位代表：全年实现生产总值312.4亿元。\n", encoding="utf-8")
    result = ingest_text(read_source(path, "r.txt"))
    assert result.metadata.meeting_date == "2024-01-09" and result.metadata.year == 2024
    text = "".join(block.text for block in result.blocks)
    assert "政府工作报告" not in text and "会议上" not in text and "312.4" in text


@pytest.mark.parametrize("text", [
    # 是…之年 followed by neither what the year brought nor what to do in it
    "2023年是全面贯彻党的二十大精神的开局之年，也是撤县设市30周年。全县地区生产总值增长5%。\n",
    # two years mentioned as often: a five-year look back names its first year and its last
    "全县生产总值从2015年的56.1亿元增长到2020年的77.2亿元。\n",
    # a new term's plan: its goals' horizon (到2025年) is no year under review
    "未来五年，全区经济总量迈上新台阶。到2025年，数字经济规模翻番。到2025年，新建学校12所。"
    "到2025年，人均公园面积增加一成。\n",
    # years spread over a plan's milestones: the most mentioned has no majority
    "新建学位3万座，其中2022年5000座、2023年6000座、2024年7000座、2024年底前再建3所。"
    "2025年建成医院，2024年建成图书馆，2023年完成管网改造，2022年启动新城建设。\n",
    # a digest set one item a line with no stops: 是…之年 is not read on through the items and the next
    # heading (今年主要预期目标) as if they were one wrapped sentence
    "2022年是实施乡村振兴战略的关键之年\n地区生产总值98.6亿元 增长5.1%\n一般公共预算收入6.3亿元 增长3.2%\n"
    "城镇居民人均可支配收入35120元 增长4.6%\n今年主要预期目标\n地区生产总值增长6%左右\n",
    # a term's look back whose only year is the one the term began in (自2016年1月…): no year reviewed
    "一、本届政府工作的回顾\n本届政府自2016年1月履行职责，任期即将届满。五年来，预计今年完成地区生产总值"
    "186亿元，年均增长8.4%。\n",
    # …的关键年 told with its results, then what 今年 will do: 今年 is the year after the one told, so
    # 今年…将 is no plan cue once figures stand between
    "某县人代会开幕。2021年是推进产业转型的关键年，全县生产总值增长6.4%，财政收入增长5%。报告提出，今年全县将"
    "扩大有效投资，生产总值增长7%左右。\n",
    # the year said most is said of goals once and of no goal once, and the year before it of results
    # alone: whether the text looks back on the one or the other is in doubt
    "【2017年，这一年我们这样走过】\n全县地区生产总值达到77.4亿元，增长7.9%。\n"
    "各乡镇2018年的工作会议陆续召开。\n【2018年】\n地区生产总值增长7.5%左右。\n",
    # the only year is a date's (2024年1月9日, in a sentence): a day says nothing of which year is reviewed
    "2024年1月9日，全县迎来今冬首场降雪。全县生产总值增长5%，一般公共预算收入增长3%。\n",
])
def test_no_year_is_guessed_from_evidence_that_points_nowhere(tmp_path, text):
    """Where the text's only year evidence could be either year, the file is refused (one
    line asking for a sidecar year), never given a year."""
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某县\n", encoding="utf-8")
    with pytest.raises(InputError, match="year") as err:
        ingest_text(read_source(path, "r.txt"), lenient=True)
    assert "year: YYYY" in str(err.value)


@pytest.mark.parametrize("text, review_year", [
    # 刚刚过去的2014年，是…: the opening of a look back
    ("刚刚过去的2014年，是推进“十二五”规划的关键之年。\n——经济持续发展。预计全年实现地区生产总值1113亿元，"
     "增长8.5%。\n", 2014),
    # 预计到2016年底 in a look back, though 到2021年 would be a plan's horizon
    ("各位代表：\n五年来，全区经济稳步发展。预计到2016年底，全区生产总值超过180亿元；"
     "社会消费品零售总额由2011年的60亿元增加到2016年的110亿元。\n", 2016),
    # a year that opens its sentence and tells its goals as met, above a copy's later posting date
    ("更新时间:2019-08-20 10:11\n2016年，全市经济运行稳中有进，全面完成市人大确定的主要预期目标。"
     "预计生产总值增长8%。\n", 2016),
    # a term's look back under its heading: 回顾 run into the next line's year the term began in
    # (2016年…会议以来) is no year reviewed; the year told as 极不平凡的一年 is
    ("过去五年工作回顾\n2016年县八届人大一次会议以来，县政府团结带领全县人民砥砺前行。\n"
     "2020年是极不平凡的一年。全县生产总值增长3.1%。\n", 2020),
    # …的关键一年 followed by what the year brought: the year looked back on
    ("2021年是巩固脱贫成果的关键一年。一年来，我们迎难而上，全县生产总值增长6.1%。\n", 2021),
    # …的关键年 looked back on (这一年), though 今年…将 comes later in the paragraph: the first cue decides
    ("2015年是推进转型升级的关键年。这一年，全县生产总值增长7.2%，今年全县将继续扩大投资。\n", 2015),
    # …关键一年 whose paragraph tells the year's goals as met (主要预期目标任务圆满完成): looked back on, the
    # cue read whole where it starts in the first 60 characters
    ("2022年是实施“十四五”规划承前启后的关键一年。面对多重困难挑战，全区上下攻坚克难、奋勇争先，区五届人大"
     "三次会议确定的主要预期目标任务圆满完成。全区生产总值增长5.2%。\n", 2022),
    # 回顾…以来 of an event, not of a session: still the year reviewed
    ("各位代表：\n回顾2020年抗击洪涝灾害以来的艰难历程，我们倍感自豪。全县生产总值增长2.9%，"
     "受灾企业2021年春季全部复产。\n", 2020),
    # the same words over three lines of a narrow column: the sentence is read on to its end
    ("发布时间:2019-09-15\n2017年,全县经济运行保持稳中有进、稳中向好的\n良好态势,发展质量持续提升,全面完成县十五届二次人\n"
     "代会确定的主要预期目标。预计生产总值增长8%。\n", 2017),
])
def test_a_look_back_names_the_year_reviewed(tmp_path, text, review_year):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某区\n", encoding="utf-8")
    metadata = ingest_text(read_source(path, "r.txt"), lenient=True).metadata
    assert (metadata.year, metadata.review_year) == (review_year + 1, review_year)


@pytest.mark.parametrize("text, year", [
    # the first year after a party congress, as 今年 is called (a page's later date stands below it)
    ("时间: 2024-02-24 12:54:11\n今年是全面贯彻落实党的二十大精神、推动全市现代化建设的开局之年。"
     "今年全市地区生产总值增长6%左右。\n", 2023),
    # a story's report says what the year will do, straight after the year
    ("某市第八届人民代表大会第一次会议开幕。市长在作报告时称，2017年将全面做好稳增长等工作。"
     "2016年，全市开工项目124个。\n", 2017),
    # a newspaper page's banner names the sessions' year
    ("第06版:2022某阳两会\n今年经济社会发展的主要预期目标是：生产总值增长8.5%。\n", 2022),
    # the session examines next year's draft plan; 2025年，某某全市要坚持… says what the year will do
    ("某市第十七届人民代表大会第六次会议开幕。会议审查2025年国民经济和社会发展计划草案和2025年预算草案。\n", 2025),
    ("市长作工作报告。他强调，2025年，某安全市要坚持稳中求进。全市地区生产总值增长5.5%左右。\n", 2025),
    # the last year of a plan, told with the next one's planning
    ("各位代表！今年是“十四五”规划收官、谋划“十五五”规划之年。全市地区生产总值增长5.5%左右。\n", 2025),
    # a year's tasks told as done are the year looked back on, not the plan
    ("2021-01-20 12:34:54 来源:某新闻网\n“2020年是极不平凡的一年，全市地区生产总值增长3.5%。”他说，2020年工作任务的"
     "完成，标志着“十三五”顺利收官。\n", 2021),
    # a party congress's first year is named in its own clause only (the 十五五's first year here)
    ("今年是全面贯彻党的二十大精神的关键一年，也是“十五五”规划开局之年。全县地区生产总值预期增长5.5%左右。\n", 2026),
    # 将 for 把 in a look back, and a year ahead of the plan's, are no plan year
    ("发布时间：2024-01-20\n一年来，全县经济稳中向好。2023年将重点企业全部纳入监测平台，全县地区生产总值增长6.5%。\n",
     2024),
    ("发布时间：2017-01-20\n2020年将全面建成小康社会，任务艰巨。今年全县地区生产总值增长7.5%左右。\n", 2017),
    # 县委要求全县要… is no plan said; nor a deputies' proposals handled (2023年工作建议办理情况)
    ("发布时间：2024-01-20\n回顾过去一年，2023年，县委要求全县要坚持稳中求进，全县地区生产总值增长6.5%。\n", 2024),
    ("发布时间：2024-01-20\n县人大常委会听取了关于2023年工作建议办理情况的报告。\n", 2024),
    # a banner that says 专题报道 after the sessions' year still names it
    ("第03版：2024某平两会专题报道\n各位代表：过去一年全县经济稳中向好。\n", 2024),
    # a page's title names the year above a banner of the nation's sessions, or a related link
    ("2024年某县政府工作报告\n专题：2023全国两会\n相关阅读：2023某县两会\n今年全县地区生产总值增长6%左右。\n", 2024),
    # 《报告》提出今后五年政府工作思路和2017年工作建议: the year whose work it proposes
    ("某市十五届人大一次会议开幕。《报告》提出今后五年政府工作思路和2017年工作建议。今年主要预期目标是：地区生产总值增长"
     "8.6%左右。\n", 2017),
    # 报告提到2022年…主要预期目标为 (提到 is no horizon's 到); 实现了“十四五”良好开局 is the year looked back on
    ("某市十七届人大一次会议开幕。市政府工作报告提到2022年经济社会发展主要预期目标为：地区生产总值增长7.5%。\n", 2022),
    ("某市十七届人大一次会议开幕。市长表示，全市实现了“十四五”良好开局，预计全市地区生产总值增长8%左右。\n", 2022),
    ("某区八届人大二次会议开幕。区长说，过去一年实现了“十三五”精彩开局，全区生产总值增长9.1%。\n", 2017),
    # a page's posting date in the title's brackets (no speaker after it) is no session's day
    ("2023年某县政府工作报告（2023年10月20日）\n今年全县地区生产总值增长6%左右。\n", 2023),
    # 2019年是…的第一年，也是…的重要一年, then what to do this year: the year planned (not a year looked
    # back on because it is the one most mentioned)
    ("2019年是实施乡村振兴规划的第一年，也是县城扩容提质的重要一年。我们要抓住机遇，乘势而上。"
     "今年政府工作的总体要求是：稳中求进。全县地区生产总值增长7%。\n", 2019),
    # 是…之年 and the plan after it, over the lines of a narrow column: read on to the plan
    ("报告指出,2019年是新区成立十周年,是实施三年行动\n计划的收官之年,也是全面建成小康社会、打好三大攻坚战\n"
     "的关键一年,全区上下要坚定信心,勇于担当,善于作为,\n以更加昂扬的精神状态推进各项工作落地见效,确保各项\n"
     "任务落到实处。做好今年工作,意义重大。全区经济社\n会发展的主要预期目标是:地区生产总值增长8%。\n", 2019),
    # …的关键年, then what 今年 the county will do: the year planned (a story that names no other year)
    ("某县第六届人民代表大会第三次会议开幕。2012年是加快转型发展、推进县城建设的关键年。报告提出今年全县将"
     "扩大有效投资。地区生产总值增长11%，固定资产投资增长20%。\n", 2012),
    # …the same with an anniversary's number between: no figure, so the cue still reads
    ("某县人代会开幕。2013年是深化改革的关键年，也是建县60周年。今年全县将扩大有效投资。地区生产总值增长10%。\n", 2013),
])
def test_the_plan_year_said_in_passing(tmp_path, text, year):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某市\n", encoding="utf-8")
    assert ingest_text(read_source(path, "r.txt"), lenient=True).metadata.year == year


def test_a_title_with_the_sessions_day_and_speaker_dates_it(tmp_path):
    """某市政府工作报告(2023年1月3日 李四): a page's title that gives the session's day (and who spoke)
    dates the session, above the page's later posting date."""
    path = tmp_path / "r.txt"
    path.write_text("某市政府工作报告(2023年1月3日 李四)\n\n时间: 2024-02-24 12:54:11\n"
                    "各位代表：全年实现生产总值312.4亿元。\n", encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某市\n", encoding="utf-8")
    metadata = ingest_text(read_source(path, "r.txt"), lenient=True).metadata
    assert (metadata.meeting_date, metadata.year) == ("2023-01-03", 2023)


def test_the_session_that_opens_names_the_region(tmp_path):
    """1月10日，茂名市…会议闭幕。次日，信宜市…会议开幕: the story is of the session that opens."""
    path = tmp_path / "story.txt"
    path.write_text("1月10日，茂名市第十三届人民代表大会第四次会议闭幕。次日，信宜市第十六届人民代表大会第五次会议开幕。"
                    "预计2023年全市地区生产总值增长5%。\n", encoding="utf-8")
    assert ingest_text(read_source(path, "story.txt"), lenient=True).metadata.region == "信宜市"


def test_a_session_held_before_its_name_names_the_region(tmp_path):
    """在1月9日召开的镇江市八届人大三次会议上: the session opened, said before its name."""
    path = tmp_path / "story.txt"
    path.write_text("“回顾2018年，困难比预想的多。”在1月9日召开的镇江市八届人大三次会议上，市长如是说。"
                    "镇江2018年预计实现地区生产总值4050亿元，增长3%。\n", encoding="utf-8")
    assert ingest_text(read_source(path, "story.txt"), lenient=True).metadata.region == "镇江市"


@pytest.mark.parametrize("text", [
    "安平县第十八届人民代表大会第三次会议在县人民会堂隆重开幕，县领导张三、李四等出席会议。\n",
    "1月10日，在安平县第十八届人民代表大会第三次会议上，县长李四作政府工作报告。\n",
    "安平县第十八届人民代表大会第三次会议胜利闭幕。\n",
])
def test_a_storys_session_however_told_names_the_region(tmp_path, text):
    """Who attended comes after the session's name; the session the report is made at, or the one
    session a story names, is the story's."""
    path = tmp_path / "story.txt"
    path.write_text(text + "全县地区生产总值增长6%。\n", encoding="utf-8")
    (tmp_path / "story.meta.yml").write_text("year: 2024\n", encoding="utf-8")
    assert ingest_text(read_source(path, "story.txt"), lenient=True).metadata.region == "安平县"


def test_a_storys_lead_names_the_region(tmp_path):
    """7日上午，茂名市第十一届人民代表大会第一次会议召开: where no meeting line names the region, the
    session a story's lead names does (a name the division table knows: 记者从… is cut off)."""
    path = tmp_path / "story.txt"
    path.write_text("首页\n新闻\n相关新闻：某州市第十七届人民代表大会第一次会议开幕\n记者从茂名市十一届人大一次会议隆重开幕获悉。"
                    "市长作政府工作报告。\n"
                    "据报告，预计2011年实现生产总值1625亿元。\n", encoding="utf-8")
    metadata = ingest_text(read_source(path, "story.txt"), lenient=True).metadata
    assert metadata.region == "茂名市"


@pytest.mark.parametrize("text", [
    # goals the coming year will meet
    "发布时间：2024-01-22\n过去一年，全县地区生产总值增长6%。2024年，我们有信心、有决心、有能力全面完成全年各项目标任务。\n",
    # a year of the term told in a term's look back
    "发布时间：2024-01-22\n过去五年，全县经济总量翻番。2020年，全县上下众志成城，全面完成脱贫攻坚目标任务。"
    "过去一年，全县地区生产总值增长6%。\n",
    # …之年, after 也是
    "发布时间：2024-01-22\n2024年，也是全面完成县人大确定的“十四五”规划目标任务的攻坚之年。\n",
])
def test_goals_to_be_met_or_of_another_year_leave_the_dateline(tmp_path, text):
    """Only the year's goals that the session set, told as met (2015年，…全面完成…人代会确定的目标),
    date the look back; goals still to be met, or a term's year, leave the page's date to do it."""
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某县\n", encoding="utf-8")
    assert ingest_text(read_source(path, "r.txt"), lenient=True).metadata.year == 2024


def test_a_plan_said_with_words_both_kinds_of_text_use_is_no_year(tmp_path):
    """2024年是…关键之年，全县上下要…: 全县上下 stands in look-backs and plans alike, so the year
    is not guessed from it (it read as the year reviewed, and the targets as results)."""
    path = tmp_path / "r.txt"
    path.write_text("2024年是实现“十四五”规划目标任务的关键之年，全县上下要坚定信心、真抓实干。"
                    "全县地区生产总值增长6%左右。\n", encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某县\n", encoding="utf-8")
    with pytest.raises(InputError, match="year"):
        ingest_text(read_source(path, "r.txt"), lenient=True)


@pytest.mark.parametrize("text, year", [
    # a new term's story: 具体到2022年 and rates with a bound, no goal word: the year planned
    ("11月20日，某区第六届人民代表大会第一次会议开幕。报告指出，今后五年，要推动经济实力大幅增强。"
     "具体到2022年，在全区经济发展的总基调下，实现地区生产总值增长13%以上；固定资产投资增长20%。\n", 2022),
    # the same bound under 预计 is an estimate of the year looked back on
    ("各位代表：\n2021年，全区上下攻坚克难，预计实现地区生产总值增长8%左右；固定资产投资增长11%。\n", 2022),
    # goals to be met (要全面完成…目标任务) are no year's goals told as met
    ("2018年，我们要全面完成年度目标任务，地区生产总值增长7%以上，固定资产投资增长10%以上。\n", 2018),
], ids=["bounded-rates-plan", "estimated-bound-looks-back", "goals-to-be-met"])
def test_the_most_mentioned_year_with_bounded_rates(tmp_path, text, year):
    """The only evidence is the year mentioned most: said with rates that carry a bound
    (13%以上, 8%左右) and no 预计, it is the year planned (its targets had been read as results
    of a year that had not begun)."""
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某区\n", encoding="utf-8")
    metadata = ingest_text(read_source(path, "r.txt"), lenient=True).metadata
    assert metadata.year == year


@pytest.mark.parametrize("spacing", ["", " "], ids=["set-close", "set-apart"])
def test_a_plans_horizon_is_no_mention_however_spaced(tmp_path, spacing):
    """到2025年, or 到 2025 年 as a newspaper sets it, is a plan's horizon: no mention for the
    most-mentioned-year count, so a new term's report that names no year of its own stays
    refused (set apart, the horizons had read as the year reviewed)."""
    year = f"{spacing}2025{spacing}"
    path = tmp_path / "r.txt"
    path.write_text("各位代表：\n一、本届政府工作回顾\n过去五年，全区地区生产总值年均增长6%。"
                    f"到{year}年，全区地区生产总值达到4500亿元。到{year}年，一般公共预算收入达到800亿元。"
                    f"到{year}年，居民人均可支配收入达到9万元。\n", encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某区\n", encoding="utf-8")
    with pytest.raises(InputError, match="year"):
        ingest_text(read_source(path, "r.txt"), lenient=True)


def test_a_report_named_in_a_look_back_names_the_year_reviewed(tmp_path):
    """"2023年政府工作报告各项目标任务全面完成" and "2023年目标任务圆满完成" look back: not the plan
    year (they made every 2023 result a 2023 target); the year comes from the rest of the text."""
    path = tmp_path / "r.txt"
    path.write_text("各位代表：\n过去一年，全县上下团结奋进，2023年政府工作报告各项目标任务全面完成，"
                    "2023年目标任务圆满完成。\n2023年，全县实现地区生产总值156.3亿元，增长6.1%。\n"
                    "2023年，全县城镇居民人均可支配收入39820元，增长5.3%。\n", encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某县\n", encoding="utf-8")
    metadata = ingest_text(read_source(path, "r.txt"), lenient=True).metadata
    assert (metadata.year, metadata.review_year) == (2024, 2023)


@pytest.mark.parametrize("text", [
    "2024年，全区地区生产总值力争增长6%左右。\n2024年，确保一般公共预算收入增长5%。\n2024年，新建学校3所。\n",
    # the same in traditional script, with full-width digits: the years and goal words are read
    # in the analysis script (the traditional goal words had read as a look back, the full-width
    # years as no year at all)
    "２０２４年，全區地區生產總值力爭增長6%左右。\n２０２４年，確保一般公共預算收入增長5%。\n２０２４年，新建學校3所。\n",
], ids=["simplified", "traditional-full-width"])
def test_the_most_mentioned_year_said_in_goals_is_the_year_planned(tmp_path, text):
    """A text whose only evidence is the year it mentions most: said mostly in sentences of goals
    (力争, 确保), that year is the one planned, not the one looked back on (which shifted every
    target a year late)."""
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某区\n", encoding="utf-8")
    metadata = ingest_text(read_source(path, "r.txt"), lenient=True).metadata
    assert (metadata.year, metadata.review_year) == (2024, 2023)


@pytest.mark.parametrize("text", [
    # a session that hears the mid-term review of the outline is not in the plan's first year
    "县十八届人大三次会议开幕\n会议审议《某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》"
    "实施中期评估报告。\n报告指出，过去一年，全县地区生产总值完成88.08亿元，增长5.8%。\n",
    # a report that recalls the outline approved a year before
    "县十八届人大二次会议开幕\n过去一年，我们审议通过“十四五”规划纲要，开启新征程。"
    "全县地区生产总值完成95.3亿元，增长8.1%。\n",
    # a plan to submit the outline later in the year
    "县十八届人大五次会议开幕\n今年，将按程序提请县人大审议“十五五”规划纲要。\n",
], ids=["mid-term-review", "outline-recalled", "outline-to-come"])
def test_only_a_draft_outline_examined_dates_a_session(tmp_path, text):
    """审查…第十五个五年规划纲要草案 puts a session in the plan's first year; an outline's mid-term
    review, an outline recalled as approved, or one to be submitted later do not (they gave 2021 or
    2026 to reports of 2023 and 2025), and 二〇三五年远景目标 is no mention of a year either (the
    most-mentioned year had made one such report 2036's): with nothing else, the year is refused."""
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某县\n", encoding="utf-8")
    with pytest.raises(InputError, match="year"):
        ingest_text(read_source(path, "r.txt"), lenient=True)


@pytest.mark.parametrize("heading", ["一、“十三五”时期发展回顾", "一、过去五年工作回顾"])
def test_a_year_named_part_after_a_term_look_back_is_no_plan(tmp_path, heading):
    """After a part that looks back on the term, 二、2020年主要工作 may be the look back on the
    term's last year: it gives no role of its own (it had made the year looked back on the plan
    year, and the 2020 results 2020 targets)."""
    path = tmp_path / "r.txt"
    path.write_text(f"各位代表：现在，我代表县人民政府向大会报告工作。\n{heading}\n五年来，全县经济总量跨上新台阶。\n"
                    "二、2020年主要工作\n全年地区生产总值完成120亿元，增长4%。\n", encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某县\n", encoding="utf-8")
    metadata = ingest_text(read_source(path, "r.txt"), lenient=True).metadata
    assert (metadata.year, metadata.review_year) == (2021, 2020)  # (from the year mentioned, looked back on)


@pytest.mark.parametrize("title", ["一图读懂｜2019年某县政府工作报告", "图解：2019年某县政府工作报告",
                                   "【划重点】2019年某县政府工作报告", "海报｜数读某县2019年政府工作报告"],
                         ids=["bar", "colon", "brackets", "region-first"])
def test_a_posts_title_names_the_report_after_what_the_post_is(tmp_path, title):
    """一图读懂｜2019年某县政府工作报告: a post's title names the report as a headline does, after the
    words for what the post is; its year is the plan year (the text's most mentioned year, 2019 in
    the goals, had been read as the year reviewed)."""
    path = tmp_path / "r.txt"
    path.write_text(f"{title}\n\n地区生产总值\n128.4亿元\n同比增长7.6%\n\n主要预期目标\n"
                    "2019年地区生产总值增长7%左右\n2019年新开工项目52个\n2019年新增学位6000个\n", encoding="utf-8")
    (tmp_path / "r.meta.yml").write_text("region: 某县\n", encoding="utf-8")
    metadata = ingest_text(read_source(path, "r.txt"), lenient=True).metadata
    assert (metadata.year, metadata.review_year, metadata.origin["year"]) == (2019, 2018, "text:1")
