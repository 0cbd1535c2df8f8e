"""Commitments: a plan's 民生实事 items and pledged figures, with the next report's evidence.

Every expected status below was written by hand from the two texts before the code ran."""

from __future__ import annotations

from pathlib import Path

from generator.compare.commitments import commitments, numeral, same_label
from generator.extract import extract_report
from generator.pipeline import read_report
from generator.search.index import indexed_pages, indexed_text

PLAN = """——{year} 年 1 月 20 日在闻喜县第十七届人民代表大会第{session}次会议上

**一、{review}年工作回顾**

全县地区生产总值增长 5%。{looking_back}

**二、{year}年工作安排**

全年新建公园 1 个。力争新增市场主体 1500 户。

今年全力办好 3 件民生实事：一是新建城区公办幼儿园 2 所；二是改造农村公路 80 公里；三是实施城乡供水一体化工程。
"""


def report(tmp_path: Path, name: str, year: int, looking_back: str = ""):
    path = tmp_path / f"{name}.txt"
    path.write_text(PLAN.format(year=year, review=year - 1, session="二" if year % 2 else "三",
                                looking_back=looking_back), encoding="utf-8")
    return read_report(path, path.name)


def tracked(*reports):
    return commitments(list(reports), {r.slug: extract_report(r) for r in reports})


def by_text(items):
    return {c.text: c for c in items}


def test_the_list_and_the_pledges_are_found_in_the_plan(tmp_path):
    plan = report(tmp_path, "wenxi-2023", 2023)
    items = tracked(plan)[plan.slug]
    assert [(c.source, c.text) for c in items] == [
        ("list", "一是新建城区公办幼儿园 2 所"), ("list", "二是改造农村公路 80 公里"),
        ("list", "三是实施城乡供水一体化工程"), ("pledge", "力争新增市场主体 1500 户")]
    # 全年新建公园 1 个 pledges nothing; with no next report nothing is rated
    assert {c.status for c in items} == {"not_rated"} and all(not c.evidence for c in items)
    assert all(c.where.anchor.startswith("p-") for c in items)


def test_the_next_report_decides_only_where_its_evidence_does(tmp_path):
    plan = report(tmp_path, "wenxi-2023", 2023)
    after = report(tmp_path, "wenxi-2024", 2024, looking_back=(
        "3 件民生实事全部完成。新建城区公办幼儿园 1 所，改造农村公路 86 公里。新增市场主体 1620 户。"))
    items = by_text(tracked(plan, after)[plan.slug])
    school = items["一是新建城区公办幼儿园 2 所"]
    assert school.status == "not_rated" and "证据不一致" in school.reason  # all done, yet 1 of 2 schools
    assert {e.says for e in school.evidence} == {"all", "number"}
    assert items["二是改造农村公路 80 公里"].status == "kept"
    water = items["三是实施城乡供水一体化工程"]
    assert water.status == "kept" and [e.says for e in water.evidence] == ["all"]
    assert items["力争新增市场主体 1500 户"].status == "kept"
    evidence = items["力争新增市场主体 1500 户"].evidence[0]
    assert evidence.where.year == 2024 and "1620" in evidence.where.text and evidence.where.anchor.startswith("p-")


def test_a_count_that_disagrees_or_a_vague_word_decides_nothing(tmp_path):
    plan = report(tmp_path, "wenxi-2023", 2023)
    after = report(tmp_path, "wenxi-2024", 2024, looking_back="5 件民生实事全部完成。")
    items = tracked(plan, after)[plan.slug]
    water = by_text(items)["三是实施城乡供水一体化工程"]
    assert water.status == "not_rated" and water.evidence and not water.evidence[0].decides
    (tmp_path / "b").mkdir()
    vague = report(tmp_path / "b", "wenxi-2024", 2024, looking_back="民生实事基本完成。城乡供水一体化工程进展顺利。")
    items = by_text(tracked(plan, vague)[plan.slug])
    water = items["三是实施城乡供水一体化工程"]
    assert water.status == "not_rated" and {e.says for e in water.evidence} == {"all", "topic"}


def test_two_different_results_under_one_label_decide_nothing(tmp_path):
    plan = report(tmp_path, "wenxi-2023", 2023)
    after = report(tmp_path, "wenxi-2024", 2024, looking_back="新增市场主体 1620 户。全年新增市场主体 1480 户。")
    pledge = by_text(tracked(plan, after)[plan.slug])["力争新增市场主体 1500 户"]
    assert pledge.status == "not_rated" and len(pledge.evidence) == 2 and not any(e.decides for e in pledge.evidence)


def test_a_report_two_years_on_is_no_evidence(tmp_path):
    plan = report(tmp_path, "wenxi-2023", 2023)
    later = report(tmp_path, "wenxi-2025", 2025, looking_back="3 件民生实事全部完成。")
    assert {c.status for c in tracked(plan, later)[plan.slug]} == {"not_rated"}


def test_labels_and_numerals():
    assert numeral("十") == 10 and numeral("十二") == 12 and numeral("三") == 3 and numeral("10") == 10
    assert same_label("建设老年日间照料中心", "建成老年日间照料中心")
    assert same_label("年底 5G 基站", "全县 5G 基站")
    assert not same_label("新建项目开工率一季度前", "签约项目开工率")
    assert not same_label("企业", "企业")  # too short to say it is the same thing


def test_the_seeds_ten_livelihood_projects_are_tracked_into_the_next_report(built):
    import csv

    result, site = built
    seed = next(r for r in result.reports if r.slug == "jiangxian-2023")
    items = result.comparison.commitments[seed.slug]
    listed = [c for c in items if c.source == "list"]
    # the seed's plan lists 一是 … 十是; the 2024 fixture says "10 件民生实事全部办结" and gives
    # two of them in numbers (5 所 of 5, 216 场 of 200), all agreeing
    assert [c.text[:2] for c in listed] == [f"{n}是" for n in "一二三四五六七八九十"]
    assert {c.status for c in listed} == {"kept"}
    assert all(any(e.says == "all" and e.where.year == 2024 for e in c.evidence) for c in listed)
    pledged = {c.text: c for c in items if c.source == "pledge"}
    assert pledged["力争年底 5G 基站达到 260 座以上"].status == "partly"  # 248 of 260
    assert pledged["力争新增 1 个创新创业孵化基地"].status == "kept"
    assert all(c.status == "not_rated" or c.evidence for c in items)  # no status without evidence
    page = (site / seed.folder / "commitments" / "index.html").read_text(encoding="utf-8")
    assert "一是实施农村寄递物流服务全覆盖提质工程" in page and "已兑现" in page and "../2024/part-1/#p-1-6-3" in page
    with open(site / "downloads" / "commitments.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["year"] == "2023" and r["region"] == "绛县"]
    assert len(rows) == len(items) and sum(r["status"] == "kept" for r in rows) == sum(
        c.status == "kept" for c in items)
    # kept out of search: it repeats the reports' sentences
    assert not [u for u in indexed_pages(site / "search-index") if "commitments/" in u]


def test_a_plan_topic_links_to_its_look_back_and_to_the_next_report(built):
    result, _ = built
    ups = {u.topic: u for u in result.comparison.follow_ups["jiangxian-2023"]}
    pumped = ups["抽水蓄能电站（绛县）"]
    assert pumped.plan.role == "plan" and pumped.plan.year == 2023
    assert pumped.looked_back and all(m.role == "review" and m.year == 2023 for m in pumped.looked_back)
    assert pumped.next_year and pumped.next_year[0].year == 2024 and pumped.next_year[0].role == "review"


def plan_and_review(tmp_path: Path, plan: str, review: str, size: int = 3):
    """A plan of year 2023 holding `plan`, and a next report whose look back holds `review`."""
    body = """——{year} 年 1 月 20 日在某县第十七届人民代表大会第{session}次会议上

**一、{before}年工作回顾**

{review}

**二、{year}年工作安排**

{plan}
"""
    (tmp_path / "a").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    old = tmp_path / "a" / "mouxian-2023.txt"
    new = tmp_path / "b" / "mouxian-2024.txt"
    old.write_text(body.format(year=2023, before=2022, session="二", review="全县地区生产总值增长 5%。", plan=plan),
                   encoding="utf-8")
    new.write_text(body.format(year=2024, before=2023, session="三", review=review, plan="继续办好民生实事。"),
                   encoding="utf-8")
    first, second = read_report(old, old.name), read_report(new, new.name)
    return tracked(first, second)[first.slug]


LIST = "今年办好 3 件民生实事：一是新建城区公办幼儿园 2 所；二是改造农村公路 80 公里；三是实施城乡供水一体化工程。"


def test_a_whole_list_statement_of_something_else_decides_nothing(tmp_path):
    for n, review in enumerate(["3 件民生实事未能全部完成。", "3 件民生实事除供水工程外全部完成。",
                                "市定民生实事全部完成。", "五年来，历年民生实事均如期完成。"]):
        items = plan_and_review(tmp_path / str(n), LIST, review)
        assert len(items) == 3 and {c.status for c in items} == {"not_rated"}, review
        assert all(c.evidence and c.evidence[0].says == "all" for c in items), review


def test_the_countys_own_count_beside_the_citys_is_the_one_read(tmp_path):
    items = plan_and_review(tmp_path, LIST, "市定 20 件、县定 3 件民生实事全部高标准完成。")
    assert {c.status for c in items} == {"kept"}


def test_a_total_is_no_answer_to_an_addition_nor_one_level_to_another(tmp_path):
    plan = "力争新增规上工业企业 20 家。力争新增省级龙头企业 5 家。力争新增市场主体 1500 户。"
    review = "全县规上工业企业达到 112 家。新增市级龙头企业 3 家。新增市场主体不足 1500 户。"
    items = plan_and_review(tmp_path, plan, review)
    assert [c.text for c in items] == [
        "力争新增规上工业企业 20 家", "力争新增省级龙头企业 5 家", "力争新增市场主体 1500 户"]
    assert {c.status for c in items} == {"not_rated"}
    assert not any(e.says == "number" for c in items for e in c.evidence)


def test_an_item_with_two_numbers_needs_an_answer_for_both(tmp_path):
    plan = "年内力争新增高新技术企业 3 家、科技型中小企业 20 家以上。"
    (item,) = plan_and_review(tmp_path, plan, "新增科技型中小企业 102 家。")
    assert item.status == "not_rated" and "只有 1 个数字有对照" in item.reason
    (item,) = plan_and_review(tmp_path / "both", plan, "新增高新技术企业 4 家，新增科技型中小企业 102 家。")
    assert item.status == "kept"


def test_list_markers_of_every_kind_and_the_list_ends_with_its_count(tmp_path):
    plan = ("今年重点办好 3 件民生实事：①新建城区公办幼儿园 2 所；②改造农村公路 80 公里；③实施城乡供水一体化工程。"
            "同时，一是抓好安全生产，二是做好信访工作。")
    items = plan_and_review(tmp_path, plan, "全县地区生产总值增长 5%。")
    assert [c.text for c in items] == ["①新建城区公办幼儿园 2 所", "②改造农村公路 80 公里", "③实施城乡供水一体化工程"]
    commas = "全力办好两件民生实事，一是新建城区公办幼儿园 2 所，二是改造农村公路 80 公里。我们将严格督导。"
    items = plan_and_review(tmp_path / "commas", commas, "2 件民生实事全部完成。")
    assert [c.text for c in items] == ["一是新建城区公办幼儿园 2 所", "二是改造农村公路 80 公里"]
    assert {c.status for c in items} == {"kept"}


def test_a_rate_missed_is_not_kept_and_a_count_far_short_is_not_partly(tmp_path):
    plan = "力争新增市场主体 1500 户。确保城乡居民医疗保险参保率达到 95%。"
    items = plan_and_review(tmp_path, plan, "新增市场主体 600 户。城乡居民医疗保险参保率达到 94.9%。")
    assert [c.status for c in items] == ["not_kept", "not_kept"]
    items = plan_and_review(tmp_path / "b", plan, "新增市场主体 1200 户。城乡居民医疗保险参保率达到 95.3%。")
    assert [c.status for c in items] == ["partly", "kept"]


def test_a_list_in_lines_of_its_own_and_a_list_by_another_name(tmp_path):
    plan = "\n\n".join(["今年办好以下 3 件惠民实事：", "一是新建城区公办幼儿园 2 所。", "二是改造农村公路 80 公里。",
                        "三是实施供水工程。", "四是抓好安全生产。"])
    items = plan_and_review(tmp_path, plan, "3 件惠民实事全部办结。")
    assert [c.text for c in items] == ["一是新建城区公办幼儿园 2 所", "二是改造农村公路 80 公里", "三是实施供水工程"]
    assert {c.status for c in items} == {"kept"}


def test_what_a_project_will_do_once_built_is_no_promise_for_the_year(tmp_path):
    items = plan_and_review(tmp_path, "加快建设生猪养殖场，建成后将达到存栏 6 万头。力争上云企业[14]突破 300 家。",
                            "全县地区生产总值增长 5%。")
    assert [c.text for c in items] == ["力争上云企业突破 300 家"]


def test_a_plan_paragraph_links_to_what_comes_of_its_topics(built):

    result, site = built
    seed = next(r for r in result.reports if r.slug == "jiangxian-2023")
    up = next(u for u in result.comparison.follow_ups[seed.slug] if u.topic == "抽水蓄能电站（绛县）")
    page = (site / up.plan.page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    block = page[page.index(f'id="{up.plan.anchor}"'):]
    block = block[:block.index("</p>", block.index("para-follow"))]
    assert "data-search-exclude" in block and "抽水蓄能电站" in block
    assert "../../2024/part-1/#" in block  # the next report's look back, one click away
    text = indexed_text(site / "search-index")
    assert "抽水蓄能电站" in text and "下文：" not in text  # kept out of search
