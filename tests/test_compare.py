"""The compare stage: scorecard statuses, series, revisions, the audit, regions side by side.

The expected scorecard of the fixture reports (tests/fixtures/expected-scorecard.csv) was
written by hand from their text before the code ran on them; the rule tests below state
each boundary of rules.yml with numbers worked out by hand.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import FIXTURE_REPORTS, SEEDS

from generator.compare import compare, load_rules
from generator.compare.scorecard import judge
from generator.extract import extract_report
from generator.pipeline import load_reports

EXPECTED = Path(__file__).resolve().parent / "fixtures" / "expected-scorecard.csv"


def compared(seeds: Path):
    reports = load_reports(seeds)
    return reports, compare(reports, {r.slug: extract_report(r) for r in reports})


@pytest.fixture(scope="module")
def fixtures_seeds(tmp_path_factory) -> Path:
    seeds = shutil.copytree(SEEDS, tmp_path_factory.mktemp("cmp") / "seeds")
    shutil.copytree(FIXTURE_REPORTS, seeds / "fixtures")
    return seeds


@pytest.fixture(scope="module")
def comparison(fixtures_seeds):
    return compared(fixtures_seeds)[1]


def statuses(card: pd.DataFrame, year: int | None = None) -> dict[tuple, str]:
    rows = card if year is None else card[card["year"] == year]
    return {(r.region, int(r.year), r.indicator): r.status for r in rows.itertuples()}


def test_scorecard_matches_the_hand_written_one(comparison):
    with open(EXPECTED, encoding="utf-8", newline="") as f:
        expected = list(csv.DictReader(f))
    card = comparison.scorecard
    found = {(r.region, int(r.year), r.indicator): r for r in card.itertuples()}
    assert {(e["region"], int(e["year"]), e["indicator"]) for e in expected} == set(
        key for key in found if key[1] == 2023)
    for e in expected:
        row = found[(e["region"], int(e["year"]), e["indicator"])]
        assert row.status == e["status"], (e, row.reason)
        target = row.t_growth_text if row.measure == "growth" else row.t_value_text
        assert target == e["target"] and row.t_qualifier == e["qualifier"], e
        if e["result"]:
            result = row.r_growth_text if row.measure == "growth" else row.r_value_text
            assert result == e["result"], e


def test_every_status_links_both_sentences(comparison):
    card = comparison.scorecard
    decided = card[card["status"].isin(["met", "close", "not_met"])]
    assert len(decided) >= 10
    for row in decided.itertuples():
        assert row.t_page.endswith(".md") and row.t_anchor.startswith("p-") and row.t_text
        assert row.r_page.endswith(".md") and row.r_anchor.startswith("p-") and row.r_text
        assert str(row.year) in row.t_page and str(row.year + 1) in row.r_page


def test_status_does_not_change_when_an_unrelated_report_is_added(fixtures_seeds, tmp_path):
    """垣曲县 joins the build: 绛县 and 闻喜县 keep every status and reason."""
    without = shutil.copytree(fixtures_seeds, tmp_path / "seeds")
    (without / "fixtures" / "yuanqu-2023.txt").unlink()
    _, alone = compared(without)
    _, together = compared(fixtures_seeds)
    assert "垣曲县" not in set(alone.scorecard["region"])
    others = together.scorecard[together.scorecard["region"] != "垣曲县"]
    assert statuses(alone.scorecard) == statuses(others)
    assert list(alone.scorecard["reason"]) == list(others["reason"])


def test_without_a_next_report_every_target_awaits(comparison):
    card = comparison.scorecard
    yuanqu = card[card["region"] == "垣曲县"]
    assert len(yuanqu) == 6 and set(yuanqu["status"]) == {"awaiting"}
    assert set(yuanqu["reason"]) == {"尚无 2024 年报告"}


# One target against one result, by hand: (target, qualifier/bound, result) → status.
# Tolerances from rules.yml: growth 左右 met 0.5, close 1.0; level 左右 met 2 %, close 5 %.
RULE_CASES = [
    # floors: plain and 以上
    ("growth", 7, "", "", 7.0, "met"),
    ("growth", 7, "以上", "min", 6.0, "close"),
    ("growth", 7, "以上", "min", 5.9, "not_met"),
    ("growth", 7, "", "", 12.0, "met"),
    # 左右
    ("growth", 7, "左右", "about", 6.5, "met"),
    ("growth", 7, "左右", "about", 6.4, "close"),
    ("growth", 7, "左右", "about", 6.0, "close"),
    ("growth", 7, "左右", "about", 5.9, "not_met"),
    ("growth", 7.3, "左右", "about", 6.8, "met"),  # 7.3 − 0.5 = 6.8 exactly, in floats too
    # caps: 控制在…以内 and CPI (a rate judged in points even as a value)
    ("value", 3, "控制在…以内", "max", 3.0, "met"),
    ("value", 3, "控制在…以内", "max", 4.0, "close"),
    ("value", 3, "控制在…以内", "max", 4.1, "not_met"),
    ("value", 3, "控制在…左右", "max", 3.5, "met"),
    ("value", 3, "控制在…左右", "max", 3.6, "close"),
    ("value", 3, "", "", -0.5, "met"),  # CPI with no qualifier is still a cap
    # levels, relative: 200 亿元 左右 met from 196, close from 190
    ("level", 200, "左右", "about", 196, "met"),
    ("level", 200, "左右", "about", 195.9, "close"),
    ("level", 200, "左右", "about", 190, "close"),
    ("level", 200, "左右", "about", 189.9, "not_met"),
    ("level", 200, "以上", "min", 199.9, "close"),
    # decimal targets at the exact boundary (floats would miss: 1.4 × 0.98 is not 1.372 in binary)
    ("level", 1.4, "左右", "about", 1.372, "met"),
    ("level", 4.6, "", "", 4.37, "close"),
    ("level", 4.6, "", "", 4.369, "not_met"),
    ("growth", 6.3, "左右", "about", 5.8, "met"),
    ("growth", 6.3, "左右", "about", 5.3, "close"),
]


def pair(indicator: str, measure: str, target: str, result: str, unit: str, qualifier: str = "",
         bound: str = "") -> dict:
    """A scorecard row as the compare stage hands it to judge: one target, one result."""
    return {"region_key": "x", "year": 2023, "indicator": indicator, "measure": measure, "t_problem": "",
            "r_problem": "", "_merge": "both", "ambiguous": False, f"t_{measure}": float(target),
            f"r_{measure}": float(result), f"t_{measure}_text": target, f"r_{measure}_text": result,
            "t_qualifier": qualifier, "t_bound": bound, "r_kind": "actual", "t_growth_unit": "%",
            "r_growth_unit": "%", "t_unit": unit, "r_unit": unit}


@pytest.mark.parametrize(("measure", "target", "qualifier", "bound", "result", "status"), RULE_CASES)
def test_status_rule(measure, target, qualifier, bound, result, status):
    indicator = "cpi" if measure == "value" else ("gdp" if measure == "growth" else "fixed_asset_investment")
    field = "growth" if measure == "growth" else "value"
    unit = "%" if measure != "level" else "亿元"
    row = pair(indicator, field, f"{target:g}", f"{result:g}", unit, qualifier=qualifier, bound=bound)
    got, reason = judge(row, load_rules(), {("x", 2024)}, set())
    assert got == status, reason


def test_units_that_differ_are_not_compared():
    row = pair("grain_output", "value", "30", "0.3", "万吨") | {"r_unit": "亿公斤"}
    assert judge(row, load_rules(), {("x", 2024)}, set())[0] == "not_comparable"


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def two_years(tmp_path: Path, later_review: str, *, plan: str = "地区生产总值增长7%左右") -> pd.DataFrame:
    seeds = tmp_path / "seeds"
    write(seeds, "a.txt", f"**一、2022年工作回顾**\n\n全年完成目标任务。\n\n**二、2023年工作安排**\n\n"
                          f"2023年主要预期目标是：{plan}。\n")
    write(seeds, "a.meta.yml", "region: 平安县\ncode: '999999'\n")
    write(seeds, "b.txt", f"**一、2023年工作回顾**\n\n{later_review}\n\n**二、2024年工作安排**\n\n"
                          "主要预期目标是：地区生产总值增长6%左右。\n")
    write(seeds, "b.meta.yml", "region: 平安县\ncode: '999999'\n")
    _, result = compared(seeds)
    return result.scorecard[result.scorecard["year"] == 2023]


def test_a_target_whose_number_an_ocr_split_broke_is_uncertain_not_a_crash(tmp_path):
    card = two_years(tmp_path, "2023年，地区生产总值增长 6.8%。",
                     plan="地区生产总值增长 7%左右，粮食总产量 1 7 亿公斤左右")
    status = dict(zip(card["indicator"], card["status"], strict=True))
    assert status == {"gdp": "met", "grain_output": "uncertain"}
    reason = card.set_index("indicator").loc["grain_output", "reason"]
    assert "数字存疑" in reason


def test_a_result_whose_number_is_in_doubt_is_uncertain(tmp_path):
    card = two_years(tmp_path, "2023年，地区生产总值完成 9 5 亿元。")
    (row,) = card.itertuples()
    assert row.status == "uncertain" and "数字存疑" in row.reason


def test_a_name_many_counties_share_is_not_compared_without_its_city(tmp_path):
    seeds = tmp_path / "seeds"
    for name, year, text in (("a", 2023, "地区生产总值增长 6%左右"), ("b", 2024, "地区生产总值增长 5%左右")):
        write(seeds, f"{name}.txt", f"——{year} 年 2 月 1 日在和平区第十七届人民代表大会第二次会议上\n\n"
                                    f"**一、{year - 1}年工作回顾**\n\n全年地区生产总值增长 6.5%。\n\n"
                                    f"**二、{year}年工作安排**\n\n主要预期目标是：{text}。\n")
    _, result = compared(seeds)
    card = result.scorecard
    assert set(card["status"]) == {"uncertain"} and "多个县区" in card["reason"].iloc[0]


def test_two_different_results_are_left_out_not_guessed(tmp_path):
    card = two_years(tmp_path, "2023年，地区生产总值增长 6.8%。\n\n据统计，全年地区生产总值增长 5.1%。")
    (row,) = card.itertuples()
    assert row.status == "uncertain" and "6.8" in row.reason and "5.1" in row.reason


def test_a_result_that_repeats_the_same_number_is_compared(tmp_path):
    card = two_years(tmp_path, "2023年，地区生产总值增长 6.8%。\n\n全年地区生产总值增长 6.8%，好于预期。")
    assert list(card["status"]) == ["met"]


def test_an_estimate_counts_as_the_result_and_says_so(tmp_path):
    card = two_years(tmp_path, "预计全年地区生产总值增长 6.2%。")
    (row,) = card.itertuples()
    assert row.status == "close" and row.r_kind == "estimate" and "预计" in row.reason


def test_a_level_result_for_a_rate_target_is_not_comparable(tmp_path):
    card = two_years(tmp_path, "2023年，地区生产总值达到 95 亿元。")
    (row,) = card.itertuples()
    assert row.status == "not_comparable"


def test_a_next_report_that_is_silent_leaves_the_target_awaiting(tmp_path):
    card = two_years(tmp_path, "2023年，社会消费品零售总额增长 5%。")
    (row,) = card.itertuples()
    assert row.status == "awaiting" and "没有给出" in row.reason


def test_series_keeps_a_revision_beside_the_first_statement(comparison):
    series = comparison.series
    gdp_2022 = series[(series["region"] == "绛县") & (series["indicator"] == "gdp") & (series["year"] == 2022)]
    assert sorted(gdp_2022["value_text"]) == ["86.34", "86.5"]
    assert sorted(gdp_2022["report"]) == ["jiangxian-2023", "jiangxian-2024"]
    assert all("revised" in flag for flag in gdp_2022["flag"])


def test_the_audit_flags_growth_that_the_levels_contradict(comparison):
    series = comparison.series.set_index(["region", "indicator", "year"])
    retail = series.loc[("绛县", "retail_sales", 2023)]
    assert retail["implied_growth"] == pytest.approx(14.7) and "growth-differs" in retail["flag"]
    income = series.loc[("绛县", "urban_income", 2023)]  # 33524 → 35603: +6.2 %, as stated
    assert income["implied_growth"] == pytest.approx(6.2) and income["flag"] == ""
    gdp = series.loc[("闻喜县", "gdp", 2023)]  # real growth 5.8 %, nominal 6.3 %: not flagged
    assert gdp["implied_growth"] == pytest.approx(6.3) and gdp["audit"] == "real" and gdp["flag"] == ""


def test_a_report_that_contradicts_itself_is_flagged_in_the_series(comparison):
    series = comparison.series.set_index(["region", "indicator", "year"])
    assert "conflict" in series.loc[("闻喜县", "general_budget_revenue", 2023)]["flag"]


def test_regions_side_by_side_with_ranks(comparison):
    years = comparison.years
    gdp = years[(years["year"] == 2022) & (years["indicator"] == "gdp")].set_index("region")
    # 2022 GDP by hand: 闻喜县 118.6, 垣曲县 104.7, 绛县 86.34 (as the 2023 reports state it)
    assert gdp.loc["闻喜县", "value_rank"] == 1 and gdp.loc["垣曲县", "value_rank"] == 2
    assert gdp.loc["绛县", "value_rank"] == 3 and gdp.loc["绛县", "value_text"] == "86.34"
    # growth 2022: 垣曲县 5.3, 闻喜县 5.1, 绛县 4.6
    assert list(gdp.sort_values("growth_rank").index) == ["垣曲县", "闻喜县", "绛县"]
    assert set(years["year"]) == {2022, 2023, 2024}
