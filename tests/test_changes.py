"""What the words changed between consecutive reports: laws the alignment must keep."""

from __future__ import annotations

from pathlib import Path

from generator.compare.changes import compare_texts, marked
from generator.pipeline import read_report
from generator.search.index import indexed_pages

BODY = """——{year} 年 2 月 1 日在闻喜县第十七届人民代表大会第二次会议上

**一、{review}年工作回顾**

**（一）经济运行稳中向好**

全县地区生产总值完成 118.6 亿元，增长 5.1%。规上工业增加值增长 7%。{extra}

**（二）民生保障更加有力**

新增城镇就业 3200 人。改造农村公路 80 公里。

**二、{year}年工作安排**

**（一）坚持项目为王**

全年实施重点项目 60 个。力争地区生产总值增长 6%左右。
"""


def report(tmp_path: Path, name: str, year: int, body: str):
    path = tmp_path / f"{name}.txt"
    path.write_text(body, encoding="utf-8")
    return read_report(path, path.name)


def counts(changes) -> tuple[int, int, int]:
    return changes.count("new_sentences"), changes.count("gone_sentences"), changes.count("reworded")


def test_a_report_compared_with_itself_shows_no_change(tmp_path):
    text = BODY.format(year=2024, review=2023, extra="")
    a, b = report(tmp_path, "a", 2024, text), report(tmp_path, "b", 2024, text)
    changes = compare_texts(a, b)
    assert counts(changes) == (0, 0, 0) and not changes.added and not changes.dropped
    assert sum(s.same for s in changes.sections) == 6  # 2 + 2 sentences reviewed, 2 planned


def test_one_sentence_edited_is_exactly_one_rewording(tmp_path):
    old = BODY.format(year=2024, review=2023, extra="")
    new = old.replace("改造农村公路 80 公里。", "改造提升农村公路 95 公里。")
    changes = compare_texts(report(tmp_path, "a", 2024, old), report(tmp_path, "b", 2024, new))
    assert counts(changes) == (0, 0, 1)
    (gone, came), = [pair for s in changes.sections for pair in s.reworded]
    assert gone.text == "改造农村公路 80 公里。" and came.text == "改造提升农村公路 95 公里。"
    assert ("ins", "提升") in marked(gone.text, came.text) and ("del", "80") in marked(gone.text, came.text)


def test_swapping_the_years_swaps_new_and_gone(tmp_path):
    old = report(tmp_path, "a", 2023, BODY.format(year=2023, review=2022, extra=""))
    new = report(tmp_path, "b", 2024, BODY.format(year=2024, review=2023, extra="数字经济核心产业增加值增长 12%。"))
    forward, backward = compare_texts(old, new), compare_texts(new, old)
    assert counts(forward)[:2] == counts(backward)[:2][::-1] == (1, 0)
    assert [s.text for c in forward.sections for s in c.new_sentences] == \
        [s.text for c in backward.sections for s in c.gone_sentences] == ["数字经济核心产业增加值增长 12%。"]


def test_a_section_renamed_is_matched_by_its_content_and_a_new_one_is_added(tmp_path):
    old = BODY.format(year=2024, review=2023, extra="")
    new = old.replace("（二）民生保障更加有力", "（二）民生福祉持续增进").replace(
        "**二、2024年工作安排**", "**（三）生态环境持续改善**\n\n完成造林 1.2 万亩。\n\n**二、2024年工作安排**")
    changes = compare_texts(report(tmp_path, "a", 2024, old), report(tmp_path, "b", 2024, new))
    assert [s.title for s in changes.added] == ["（三）生态环境持续改善"] and not changes.dropped
    assert counts(changes) == (1, 0, 0)


def test_each_region_compares_its_consecutive_years_only(built):
    result, site = built
    changes = result.comparison.changes
    pairs = sorted((c.old.slug, c.new.slug) for c in changes)
    assert pairs == [("jiangxian-2023", "jiangxian-2024"), ("wenxixian-2023", "wenxixian-2024")]
    page = site / "regions" / "shanxi" / "yuncheng" / "jiangxian" / "changes-2024" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<ins>" in html and "<del>" in html and 'href="../2024/part-1/#' in html
    assert not [u for u in indexed_pages(site / "search-index") if "changes-2024" in u]  # results point at the reports


def test_new_phrases_are_terms_no_earlier_report_used(tmp_path):
    from generator.compare.phrases import new_and_gone, terms_of

    old = report(tmp_path, "a", 2023, BODY.format(year=2023, review=2022, extra="大力发展光伏产业。"))
    new = report(tmp_path, "b", 2024, BODY.format(year=2024, review=2023,
                                                  extra="启动“数字乡村”试点，建设抽水蓄能电站。"))
    terms = {r.slug: terms_of(r) for r in (old, new)}
    found = new_and_gone([new, old], terms)[new.slug]  # the order reports arrive in does not matter
    new_terms = [t.term for t in found["new"]]
    assert new_terms[0] == "数字乡村" and found["new"][0].quoted  # a quoted phrase ranks first
    assert "抽水蓄能" in new_terms or "抽水" in new_terms
    assert "光伏" in [t.term for t in found["gone"]]
    assert not {"2023", "118.6", "推进", "工作"} & set(new_terms)  # no numbers, no stop words
    first = found["new"][0]
    assert "数字乡村" in first.sentence and first.anchor.startswith("p-")


def test_two_old_words_side_by_side_make_a_new_phrase(tmp_path):
    from generator.compare.phrases import new_and_gone, terms_of

    # 数字 and 乡村 are both used the year before, never side by side; the new report pairs them
    # twice (a new phrase) and pairs 光伏 with 扶贫 only once (chance, not a phrase)
    old = report(tmp_path, "a", 2023, BODY.format(year=2023, review=2022,
                                                  extra="发展数字经济。建设美丽乡村。光伏发电。扶贫搬迁。"))
    new = report(tmp_path, "b", 2024, BODY.format(year=2024, review=2023,
                                                  extra="建设数字乡村。数字乡村试点扩面。光伏扶贫。"))
    terms = {r.slug: terms_of(r) for r in (old, new)}
    found = new_and_gone([old, new], terms)[new.slug]
    pairs = {t.term: t.count for t in found["new"] if t.pair}
    assert pairs.get("数字乡村") == 2
    assert "光伏扶贫" not in pairs and "数字" not in [t.term for t in found["new"]]
    assert "美丽" in [t.term for t in found["gone"]]  # a word used once is gone; a pair used once is not
    assert "美丽乡村" not in [t.term for t in found["gone"]]


def test_risers_and_fallers_are_rates_per_ten_thousand_characters(tmp_path):
    from generator.compare.phrases import characters, shifts, terms_of

    old = report(tmp_path, "a", 2023, BODY.format(year=2023, review=2022,
                                                  extra="发展光伏。光伏扩容。光伏并网。"))
    new = report(tmp_path, "b", 2024, BODY.format(year=2024, review=2023,
                                                  extra="发展储能。储能扩容。储能并网。储能调峰。"))
    risers, fallers = shifts(old, new, terms_of(old), terms_of(new))
    rise = next(s for s in risers if s.term == "储能")
    fall = next(s for s in fallers if s.term == "光伏")
    assert rise.before == 0 and rise.after == round(4 * 10_000 / characters(new), 1)
    assert fall.after == 0 and fall.before == round(3 * 10_000 / characters(old), 1)
    assert all(s.term != "扩容" for s in risers + fallers)  # used once in each: no move at all


def test_a_page_per_year_lists_the_terms_most_used_across_regions(built):
    result, site = built
    years = {r.metadata.year for r in result.reports}
    assert set(result.comparison.year_terms) == years
    for year, terms in result.comparison.year_terms.items():
        regions = sum(1 for r in result.reports if r.metadata.year == year)
        assert terms and all(1 <= t.regions <= regions for t in terms)
        assert [(-t.regions, -t.count) for t in terms] == sorted((-t.regions, -t.count) for t in terms)
        assert (site / "words" / str(year) / "index.html").exists()
    assert not [u for u in indexed_pages(site / "search-index") if u.startswith("words/")]


def test_topics_follow_a_named_project_across_reports_and_parts(built):
    """The seed's 抽水蓄能电站 (written 绛县抽水蓄能电站 too) in its review and its plan, and in
    the next year's report: one topic, every mention linked."""
    from generator.compare.topics import merge_forms, names_in

    result, site = built
    assert names_in("“王牌工程”绛县抽水蓄能电站项目进入核准攻坚阶段。") == ["王牌工程", "绛县抽水蓄能电站"]
    assert merge_forms({"绛县抽水蓄能电站", "抽水蓄能电站"}) == {"抽水蓄能电站": "抽水蓄能电站",
                                                              "绛县抽水蓄能电站": "抽水蓄能电站"}
    # 垣曲县's report has a 抽水蓄能电站 of its own: another power station, another topic
    mentions = result.comparison.topics["抽水蓄能电站（绛县）"]
    assert {m.region for m in result.comparison.topics["抽水蓄能电站（垣曲县）"]} == {"垣曲县"}
    jiangxian = {(m.year, m.role) for m in mentions if m.region == "绛县"}
    assert {(2023, "review"), (2023, "plan")} <= jiangxian and any(year == 2024 for year, _ in jiangxian)
    assert names_in("推进一批重点项目。") == []  # a kind word with no name is no topic
    page = (site / "topics" / "choushuixunengdianzhan-jiangxian" / "index.html").read_text(encoding="utf-8")
    assert page.count("<tr>") == len(mentions) + 1


def test_topics_are_named_things_and_places_with_their_bounds():
    from generator.compare.topics import names_in

    found = names_in("加快推动北大街改造，综合治理涑水河，建设“四宜绛县”，推进绛县抽水蓄能电站项目。")
    assert {"北大街", "涑水河", "四宜绛县"} <= set(found)
    assert any(name.endswith("抽水蓄能电站项目") or name.endswith("抽水蓄能电站") for name in found)
    assert not {"推动北大街", "治理涑水河", "广大干部"} & set(found)  # a verb is no part of a place


def test_a_term_the_dictionary_does_not_know_is_found_from_its_characters(tmp_path):
    from generator.compare.phrases import new_and_gone, terms_of

    old = report(tmp_path, "a", 2023, BODY.format(year=2023, review=2022, extra="发展生产力。"))
    new = report(tmp_path, "b", 2024, BODY.format(year=2024, review=2023,
                                                  extra="加快发展新质生产力。培育新质生产力。"))
    terms = {r.slug: terms_of(r) for r in (old, new)}
    found = {t.term: t for t in new_and_gone([old, new], terms)[new.slug]["new"]}
    assert found["新质生产力"].count == 2 and found["新质生产力"].pair
    assert "质生产力" not in found and "新" not in found and "质" not in found  # no fragments, no single characters


def test_a_sentence_moved_to_another_section_is_moved_not_new(tmp_path):
    from generator.compare.changes import compare_texts

    old = report(tmp_path, "a", 2023, BODY.format(year=2023, review=2022, extra=""))
    moved = BODY.replace("改造农村公路 80 公里。", "").replace("全年实施重点项目 60 个。",
                                                          "全年实施重点项目 60 个。改造农村公路 80 公里。")
    new = report(tmp_path, "b", 2024, moved.format(year=2024, review=2023, extra=""))
    changes = compare_texts(old, new)
    assert changes.count("moved") == 1 and counts(changes) == (0, 0, 0)
    (before, after), = [pair for s in changes.sections for pair in s.moved]
    assert before.text == after.text == "改造农村公路 80 公里。" and before.anchor != after.anchor


def test_alignment_laws_hold_on_every_real_sentence_of_the_seed(tmp_path):
    """Property: for the seed and each test report, the report against itself changes nothing,
    and editing any one sentence (sampled with a fixed seed: the test is the same every run)
    gives exactly that sentence reworded, nothing new or gone."""
    import random

    from generator.compare.changes import sentences_of_report

    root = Path(__file__).resolve().parent.parent
    fixtures = sorted((root / "tests" / "fixtures" / "reports").glob("*.txt"))
    sources = [root / "seeds" / "shanxi" / "yuncheng" / "jiangxian" / "2023.txt", *fixtures]
    rng = random.Random(20261130)
    for n, source in enumerate(sources):
        text = source.read_text(encoding="utf-8")
        folders = [tmp_path / f"{n}-{k}" for k in range(3)]
        for folder in folders:
            folder.mkdir()
        first, second = report(folders[0], "a", 0, text), report(folders[1], "a", 0, text)
        same = compare_texts(first, second)
        assert counts(same) == (0, 0, 0) and same.count("moved") == 0, source
        candidates = [s for s in sentences_of_report(first) if len(s) >= 12 and text.count(s) == 1]
        assert len(candidates) >= 8, source
        for sentence in rng.sample(candidates, 8):
            edited = text.replace(sentence, sentence[:-1] + "，取得新进展" + sentence[-1])
            changed = compare_texts(first, report(folders[2], "a", 0, edited))
            assert counts(changed) == (0, 0, 1), (source, sentence)
            ((gone, came),) = [pair for s in changed.sections for pair in s.reworded]
            assert gone.text == sentence and came.text.endswith("取得新进展" + sentence[-1])


def test_the_next_years_new_policy_term_leads_its_new_phrases(built):
    result, site = built
    found = result.comparison.phrases["jiangxian-2024"]["new"]
    # the 2024 test report quotes “低空经济” (twice, in one sentence: counts are of sentences);
    # no earlier report of the county uses it
    assert found[0].term == "低空经济" and found[0].quoted and found[0].count == 1
    page = (site / "regions" / "shanxi" / "yuncheng" / "jiangxian" / "changes-2024" / "index.html")
    assert "低空经济" in page.read_text(encoding="utf-8")


REORGANISED_OLD = """——2024 年 2 月 1 日在闻喜县第十七届人民代表大会第二次会议上

**一、2023年工作回顾**

**（一）产业发展提速**

新建标准化厂房 12 万平方米，入驻企业 18 家。煤层气抽采利用量达到 2.1 亿立方米。

**（二）乡村面貌改善**

改造农村户厕 2600 座，硬化村内道路 85 公里。建成高标准农田 3.2 万亩，粮食总产量稳定在 2.6 亿斤。

**二、2024年工作安排**

**（一）扩大有效投资**

实施省市县重点项目 60 个，完成投资 120 亿元。争取专项债券资金 9 亿元。

**（二）推进乡村振兴**

新建高标准农田 2.5 万亩。推进乡村振兴示范村建设 6 个。

**（三）办好民生实事**

新建幼儿园 3 所，改扩建乡镇卫生院 4 所。整治农村人居环境，改造户厕 2000 座。新增城镇就业 3500 人。
"""

# the next year: the look back is no longer cut into sections, the plan's sections are
# reordered and retitled, and one sentence (户厕) is rewritten and moved from the 民生实事
# section to the one on villages
REORGANISED_NEW = """——2025 年 2 月 1 日在闻喜县第十七届人民代表大会第三次会议上

**一、2024年工作回顾**

全县新建标准化厂房 9 万平方米。改造农村户厕 2100 座，建成高标准农田 2.5 万亩。

**二、2025年工作安排**

**（一）民生保障再加力**

新建幼儿园 2 所，改扩建乡镇卫生院 3 所。新增城镇就业 3600 人。

**（二）项目投资再提速**

实施省市县重点项目 65 个，完成投资 130 亿元。争取专项债券资金 10 亿元。

**（三）和美乡村再升级**

新建高标准农田 2 万亩。推进乡村振兴示范村建设 8 个。整治农村人居环境，全年改造户厕 1800 座。

**（四）生态环境再改善**

完成营造林 1.5 万亩。
"""


def test_reordered_retitled_sections_are_matched_by_their_words(tmp_path):
    changes = compare_texts(report(tmp_path, "a", 2024, REORGANISED_OLD),
                            report(tmp_path, "b", 2025, REORGANISED_NEW))
    pairs = {(c.old.title if c.old else None, c.new.title if c.new else None) for c in changes.sections}
    # the plan's sections pair up by what they are about, not by number or order
    assert ("（一）扩大有效投资", "（二）项目投资再提速") in pairs
    assert ("（二）推进乡村振兴", "（三）和美乡村再升级") in pairs
    assert ("（三）办好民生实事", "（一）民生保障再加力") in pairs
    # the look back, in sections one year and whole the next, is compared whole
    assert ("一、2023年工作回顾", "一、2024年工作回顾") in pairs
    assert [s.title for s in changes.added] == ["（四）生态环境再改善"]


def test_a_sentence_rewritten_in_another_section_is_moved_with_its_changes(tmp_path):
    changes = compare_texts(report(tmp_path, "a", 2024, REORGANISED_OLD),
                            report(tmp_path, "b", 2025, REORGANISED_NEW))
    moved = {(o.text, n.text) for c in changes.sections for o, n in c.moved}
    assert ("整治农村人居环境，改造户厕 2000 座。", "整治农村人居环境，全年改造户厕 1800 座。") in moved
    new = {s.text for c in changes.sections for s in c.new_sentences}
    assert "整治农村人居环境，全年改造户厕 1800 座。" not in new
    # a short sentence on the same subject elsewhere is not taken for it
    assert "完成营造林 1.5 万亩。" in new


def test_topic_names_leave_out_figures_of_speech_and_generic_names():
    from generator.compare.topics import names_in

    found = names_in("打造城市“名片”，建设人才“高地”，深化“放管服”改革，落实“三公”经费管理，"
                     "实施基础设施配套提升工程，推进县级以上重点项目，建设城南湿地公园。")
    assert {"放管服", "三公", "城南湿地公园"} <= set(found)
    assert not {"名片", "高地", "基础设施配套提升工程", "县级以上重点项目"} & set(found)
    # organisations by their kind, without the verb before them
    assert names_in("引进晋南建材集团，组建红星农机专业合作社，与县农商银行签约。") == [
        "晋南建材集团", "红星农机专业合作社", "县农商银行"]


def test_a_named_thing_stays_in_its_region_and_a_quoted_slogan_is_shared(tmp_path):
    from generator.compare.topics import topics

    texts = {"a": ("闻喜县", "改扩建县人民医院住院楼。县人民医院新增床位 200 张。坚持“两个毫不动摇”。"),
             "b": ("垣曲县", "县人民医院创成二级甲等医院。县人民医院开通远程会诊。坚持“两个毫不动摇”。")}
    reports = []
    for name, (region, body) in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(f"——2024 年 2 月 1 日在{region}人民代表大会上\n\n**一、2023年工作回顾**\n\n{body}\n",
                        encoding="utf-8")
        (tmp_path / f"{name}.meta.yml").write_text(f"region: {region}\nyear: 2024\n", encoding="utf-8")
        reports.append(read_report(path, path.name))
    found = topics(reports)
    assert {m.region for m in found["两个毫不动摇"]} == {"闻喜县", "垣曲县"}
    assert "县人民医院" not in found
    assert {m.region for m in found["县人民医院（闻喜县）"]} == {"闻喜县"}
    assert {m.region for m in found["县人民医院（垣曲县）"]} == {"垣曲县"}
