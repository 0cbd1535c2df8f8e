"""Places: the GB/T 2260 code table and what follows from a region's code.

`regions.csv` (facts; its source and conversion are in SOURCE.md beside it) gives every
province, prefecture-level city and county-level unit with its code, parent and pinyin.
From it come a report's province and city, and stable ASCII names for URLs: a region's
path is province/city/county, and its short slug is the county's pinyin, lengthened only
when another county in the table reads the same (祁县 and 杞县 are both qixian). Both
depend on the table alone, never on which other reports are in the build, so a page's
address does not move when a report is added.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

# A path segment for a county whose province or city is not known, and for a county
# directly under its province (北京市东城区, 济源市): the path keeps one depth everywhere.
UNKNOWN = "weizhi"
DIRECT = "zhixia"
# Official romanisations that plain pinyin gets wrong, where it matters for a unique name:
# 陕西 is Shaanxi (GB/T 17693), so it never shares a slug with 山西.
SLUG_OVERRIDES = {"610000": "shaanxi"}
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
_CITY_SUFFIX = re.compile(r"(?:市|地区|盟)$")


# Names already converted to pinyin, kept in the cache between builds (pypinyin's phrase
# table takes 0.2 s to load, for the few names a rebuild has not seen)
_readings: dict[str, str] | None = None
_new_readings: list[str] = []


def _readings_key() -> str:
    from importlib.metadata import version

    from generator.cache import code_fingerprint
    return f"{code_fingerprint()[:32]}-{version('pypinyin')}"


def slugify(text: str) -> str:
    global _readings
    if _readings is None:
        from generator import cache
        _readings = cache.load("pinyin", _readings_key()) or {}
    slug = _readings.get(text)
    if slug is None:
        from pypinyin import lazy_pinyin  # here, not at the top: see _readings

        ascii_text = "".join(lazy_pinyin(text))
        slug = _readings[text] = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
        _new_readings.append(text)
    return slug


def keep_readings() -> None:
    """Keep the names converted in this build for the next."""
    if _new_readings and _readings is not None:
        from generator import cache
        cache.store("pinyin", _readings_key(), _readings)
        _new_readings.clear()


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | city | county
    parent: str  # the parent's code; "" for a province
    pinyin: str  # of the whole name, from the table (so the build need not convert 3,000 names)


@dataclass(frozen=True)
class Place:
    """Where a report's region is: names and codes as far as they are known."""

    region: str
    province: str = ""
    city: str = ""
    code: str = ""  # the county's code, if the table (or a sidecar) gives it


@cache
def divisions() -> dict[str, Division]:
    text = resources.files("generator.regions").joinpath("regions.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {row["code"]: Division(row["code"], row["name"], row["level"], row["parent"], row["pinyin"]) for row in rows}


@cache
def _counties_by_name() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for division in divisions().values():
        if division.level == "county":
            index.setdefault(division.name, []).append(division.code)
    return {name: tuple(codes) for name, codes in index.items()}


def is_county_name(name: str) -> bool:
    """Is `name` the name of a county-level division (二七区, 绛县, 义乌市)?"""
    return name in _counties_by_name()


@cache
def province_names() -> tuple[str, ...]:
    """Every province's name and its short form (广西壮族自治区, 广西), longest first."""
    names = set()
    for division in divisions().values():
        if division.level == "province":
            names.add(division.name)
            names.add(re.sub(r"(?:壮族|回族|维吾尔)?自治区$|特别行政区$|[省市]$", "", division.name))
    return tuple(sorted(names, key=lambda name: (-len(name), name)))


def province_and_city(code: str) -> tuple[Division | None, Division | None]:
    """The province and the city (None where the county sits directly under its province)."""
    division = divisions().get(code)
    if division is None:
        return None, None
    chain = []
    while division is not None:
        chain.append(division)
        division = divisions().get(division.parent)
    province = next((d for d in chain if d.level == "province"), None)
    city = next((d for d in chain if d.level == "city"), None)
    return province, city


def counties_named(region: str, province: str = "", city: str = "") -> tuple[str, ...]:
    """Codes of the counties called `region`, within `province` and `city` when given."""
    found = []
    for code in _counties_by_name().get(region, ()):
        prov, town = province_and_city(code)
        if province and (prov is None or prov.name != province):
            continue
        if city and (town is None or town.name != city):
            continue
        found.append(code)
    return tuple(found)


# The readings of the suffixes a province's or city's slug leaves out, to cut from the table's
# pinyin of the whole name: the build then needs no pinyin conversion for a place in the table.
_SUFFIX_READINGS = {"省": "sheng", "市": "shi", "壮族自治区": "zhuangzuzizhiqu", "回族自治区": "huizuzizhiqu",
                    "维吾尔自治区": "weiwuerzizhiqu", "自治区": "zizhiqu", "特别行政区": "tebiexingzhengqu",
                    "地区": "diqu", "盟": "meng"}


def _name_slug(division: Division) -> str:
    if division.code in SLUG_OVERRIDES:
        return SLUG_OVERRIDES[division.code]
    if division.level == "county":
        return division.pinyin
    suffix = (_PROVINCE_SUFFIX if division.level == "province" else _CITY_SUFFIX).search(division.name)
    if not suffix or suffix.start() == 0:
        return division.pinyin
    reading = _SUFFIX_READINGS[suffix.group()]
    if division.pinyin.endswith(reading):
        return division.pinyin[:-len(reading)]
    return slugify(division.name[:suffix.start()])


@cache
def _segments() -> dict[str, str]:
    """Each division's path segment: its pinyin, with the code added where a sibling reads
    the same."""
    by_parent: dict[tuple[str, str], list[str]] = {}
    for division in divisions().values():
        by_parent.setdefault((division.parent, _name_slug(division)), []).append(division.code)
    segments = {}
    for (_, slug), codes in by_parent.items():
        for code in codes:
            segments[code] = slug if len(codes) == 1 else f"{slug}-{code}"
    return segments


def region_path(place: Place) -> tuple[str, str, str]:
    """(province, city, county) path segments: ASCII, stable, unique for distinct places."""
    segments = _segments()
    if place.code in divisions():
        province, city = province_and_city(place.code)
        return (segments[province.code] if province else UNKNOWN,
                segments[city.code] if city else DIRECT, segments[place.code])
    return (slugify(place.province) or UNKNOWN, slugify(place.city) or UNKNOWN,
            slugify(place.region) or "region")


@cache
def _county_slugs() -> dict[str, str]:
    """Each county's short name: its pinyin; with its city's (or province's) where another
    county reads the same; with its code where even that does not tell them apart."""
    readings: dict[str, list[str]] = {}
    for division in divisions().values():
        if division.level == "county":
            readings.setdefault(_name_slug(division), []).append(division.code)
    slugs = {}
    for reading, codes in readings.items():
        if len(codes) == 1:
            slugs[codes[0]] = reading
            continue
        near = {}
        for code in codes:
            province, city = province_and_city(code)
            near[code] = f"{reading}-{_name_slug(city or province)}"
        counts = Counter(near.values())
        for code in codes:
            slugs[code] = near[code] if counts[near[code]] == 1 else f"{reading}-{code}"
    return slugs


@cache
def _county_readings() -> frozenset[str]:
    """The pinyin readings the table's counties already take (their slugs' first part)."""
    return frozenset(slug.split("-")[0] for slug in _county_slugs().values())


def region_slug(place: Place) -> str:
    """The short name of a region in file names: `jiangxian`; `qixian-jinzhong` where
    another county reads the same (杞县 is `qixian-kaifeng`)."""
    if place.code in _county_slugs():
        return _county_slugs()[place.code]
    county = slugify(place.region) or "region"
    if county not in _county_readings():
        return county
    # a place the table does not know whose name reads like one it does
    tail = place.code or place.city or place.province
    return f"{county}-{slugify(tail)}" if tail else county


def resolve(place: Place) -> tuple[Place, str]:
    """Fill in province, city and code from the table; say where they came from
    ("" if nothing was added). A given code wins; else a county name that names one
    county (within the given province and city) gives its code."""
    code = place.code
    origin = ""
    if not code:
        found = counties_named(place.region, place.province, place.city)
        if len(found) == 1:
            code, origin = found[0], "code table"
    if code not in divisions():
        return Place(place.region, place.province, place.city, code), origin
    province, city = province_and_city(code)
    return Place(place.region, place.province or (province.name if province else ""),
                 place.city or (city.name if city else ""), code), origin or "code table"


@cache
def _place_names() -> frozenset[str]:
    return frozenset(d.name for d in divisions().values() if d.level in ("county", "city"))


@cache
def place_heads() -> frozenset[str]:
    """The first two characters of every county's and city's name: a text that starts with none
    of them starts with no such name, short (历城 of 历城区) or whole."""
    return frozenset(d.name[:2] for d in divisions().values() if d.level in ("county", "city"))


def place_at_end(text: str) -> str:
    """The longest end of `text` that names a county- or city-level division (记者从茂名市 →
    茂名市, 清远佛冈县 → 佛冈县), or ""."""
    names = _place_names()
    return next((text[cut:] for cut in range(len(text) - 1) if text[cut:] in names), "")


def split_city(name: str) -> tuple[str, str]:
    """保定市清苑区 → (清苑区, 保定市): a county named with its city in front, as some meeting
    lines write it; a name the table knows as a county is left whole (城区, 市中区)."""
    if counties_named(name):
        return name, ""
    for cut in range(2, len(name) - 1):
        city, county = name[:cut], name[cut:]
        if city[-1] in "市州盟区" and counties_named(county, city=city):
            return county, city
    return name, ""
