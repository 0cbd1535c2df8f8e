"""Places: province and city from the GB/T 2260 table; names that keep regions apart."""

from __future__ import annotations

import pytest

from generator.regions import Place, divisions, region_path, region_slug, resolve


def test_the_table_has_every_level_and_known_rows():
    levels = [d.level for d in divisions().values()]
    assert levels.count("province") == 31 and levels.count("city") > 300 and levels.count("county") > 2800
    assert divisions()["140826"].name == "绛县" and divisions()["140826"].parent == "140800"


@pytest.mark.parametrize(("name", "province", "city", "code"), [
    ("绛县", "山西省", "运城市", "140826"),
    ("祁县", "山西省", "晋中市", "140727"),
    ("杞县", "河南省", "开封市", "410221"),
    ("东城区", "北京市", "", "110101"),  # directly under its province
])
def test_a_unique_county_name_gives_its_code_province_and_city(name, province, city, code):
    place, origin = resolve(Place(name))
    assert (place.province, place.city, place.code) == (province, city, code) and origin == "code table"


def test_a_name_many_cities_share_needs_its_city_or_code():
    assert resolve(Place("城区"))[0].code == ""  # 阳泉、长治、晋城… each have one
    assert resolve(Place("城区", city="阳泉市"))[0].code == "140302"
    assert resolve(Place("城区", code="140502"))[0].city == "晋城市"


def test_a_sidecar_province_or_city_wins_over_the_table():
    place, _ = resolve(Place("绛县", province="山西", city="运城"))
    assert (place.province, place.city) == ("山西", "运城")


def test_regions_that_read_alike_get_distinct_slugs_and_paths():
    qi_shanxi, _ = resolve(Place("祁县"))
    qi_henan, _ = resolve(Place("杞县"))
    assert region_slug(qi_shanxi) != region_slug(qi_henan)
    assert region_path(qi_shanxi) != region_path(qi_henan)
    chengqu = [resolve(Place("城区", code=code))[0] for code in ("140302", "140402", "140502")]
    assert len({region_slug(p) for p in chengqu}) == 3 and len({region_path(p) for p in chengqu}) == 3
    xinhua = [resolve(Place("新华区", code=code))[0] for code in ("130105", "130902")]
    assert len({region_slug(p) for p in xinhua}) == 2


def test_a_county_with_a_unique_reading_keeps_its_plain_slug():
    assert region_slug(resolve(Place("绛县"))[0]) == "jiangxian"
    assert region_path(resolve(Place("绛县"))[0]) == ("shanxi", "yuncheng", "jiangxian")


def test_province_and_city_segments_come_from_the_table_without_converting_names():
    import sys

    from generator.regions import _segments, slugify
    _segments.cache_clear()
    sys.modules.pop("pypinyin", None)
    segments = _segments()
    assert "pypinyin" not in sys.modules  # the table's readings, cut of their suffix
    assert segments["140000"] == "shanxi" and segments["140800"] == "yuncheng" and segments["150000"] == "neimenggu"
    assert segments["450000"] == "guangxi" and segments["652900"] == "akesu" and segments["152900"] == "alashan"
    # the same as converting the name without its suffix, but where the name alone reads
    # wrong: 昌都 is changdu, as in 昌都市, not changdou
    for code, division in divisions().items():
        if division.level != "county" and code not in ("610000", "540300"):
            stem = division.name
            for suffix in ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区",
                           "省", "市", "地区", "盟"):
                if stem.endswith(suffix) and stem != suffix:
                    stem = stem[:-len(suffix)]
                    break
            assert segments[code].split("-")[0] == slugify(stem), division.name
    assert segments["540300"] == "changdu"


def test_shanxi_and_shaanxi_stay_apart():
    assert region_path(resolve(Place("西安市雁塔区", code="610113"))[0])[0] == "shaanxi"
    assert region_path(resolve(Place("绛县"))[0])[0] == "shanxi"


def test_a_place_the_table_does_not_know_still_gets_a_path():
    place = Place("平安县", code="999999")
    assert resolve(place)[0] == place
    assert region_path(place) == ("weizhi", "weizhi", "pinganxian")
    assert region_slug(place) == "pinganxian"


def test_two_counties_that_read_alike_both_build(tmp_path):
    """祁县 (Shanxi) and 杞县 (Henan), both 2023: two regions, not a second report for one;
    and two 城区 apart once their city is known."""
    from conftest import build_into

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = ("\n\n**一、2022年工作回顾**\n\n全年地区生产总值增长 5%。\n\n"
            "**二、2023年工作安排**\n\n地区生产总值增长 6%左右。\n")
    for name, county, extra in (("a", "祁县", ""), ("b", "杞县", ""), ("c", "城区", "city: 阳泉市\n"),
                                ("d", "城区", "city: 晋城市\n")):
        (seeds / f"{name}.txt").write_text(f"——2023 年 2 月 1 日在{county}第十七届人民代表大会第二次会议上"
                                           + body, encoding="utf-8")
        if extra:
            (seeds / f"{name}.meta.yml").write_text(extra, encoding="utf-8")
    result = build_into(tmp_path / "out", seeds=seeds)
    assert len({r.slug for r in result.reports}) == 4 and len({r.folder for r in result.reports}) == 4
    codes = sorted(r.metadata.code for r in result.reports)
    assert codes == ["140302", "140502", "140727", "410221"]
    card = result.comparison.scorecard
    assert len(card) == 4 and set(card["status"]) == {"awaiting"}
    compare_page = tmp_path / "out" / "site" / "compare" / "2022" / "index.html"
    assert compare_page.exists()


def test_two_regions_that_would_share_a_folder_stop_the_build(tmp_path):
    from conftest import build_into

    from generator.diagnostics import InputError

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, county, year in (("a", "测试县", 2023), ("b", "策试县", 2024)):  # both read ceshixian
        (seeds / f"{name}.txt").write_text(f"——{year} 年 2 月 1 日在{county}第十七届人民代表大会第二次会议上\n\n"
                                           "全年完成目标任务。\n", encoding="utf-8")
    with pytest.raises(InputError, match="would share the pages"):
        build_into(tmp_path / "out", seeds=seeds)


def test_a_sidecar_slug_of_no_letters_falls_back_to_the_region_and_year():
    from generator.model import Metadata
    from generator.naming import report_slug

    meta = Metadata(region="绛县", year=2024, review_year=2023, code="140826")
    assert report_slug(meta, {"slug": "!!!"}) == "jiangxian-2024"
    assert report_slug(meta, {"slug": "Jiang Xian"}) == "jiang-xian"
