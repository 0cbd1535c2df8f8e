"""The title block (title, meeting line, speaker) lifted out of the text into metadata.

In a newspaper layout the block can land anywhere, even mid-sentence; it is recognised by
its shape, not its position.
"""

from __future__ import annotations

import re
from datetime import date

from generator.diagnostics import InputError
from generator.model import Metadata, Repair

_CN_DIGITS = "〇零一二三四五六七八九十"

TITLE = re.compile(r"^#*\s*\**\s*(?P<title>[\u4e00-\u9fff]{0,12}政府工作报告)\s*\**\s*$")
# "——2023 年 2 月 16 日在绛县第十七届人民代表大会第三次会议上"
MEETING = re.compile(
    r"^[\s—－―-]*\**\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*"
    r"在\s*(?P<region>[\u4e00-\u9fff]{1,12}?)\s*"
    r"(?P<meeting>第\s*[\u4e00-\u9fff\d]{1,5}\s*届\s*人民代表大会\s*第\s*[\u4e00-\u9fff\d]{1,4}\s*次\s*(?:全体)?会议)"
    r"\s*上\s*\**$")
# "县长 **李翔**", "代县长　王某某"
SPEAKER = re.compile(
    r"^\**\s*(?P<title>(?:代理?)?(?:县|区|市|旗)长|(?:县|区|市|旗)人民政府(?:代理?)?(?:县|区|市|旗)长)"
    r"\s*\**\s*(?P<name>[\u4e00-\u9fff·]{2,5})\s*\**\s*$")
# "一、2022年工作回顾": the review year, when no meeting line gives the date
REVIEW_HEADING = re.compile(r"^\**\s*[一二三四五六七八九十]+\s*、\s*(?P<y>\d{4})\s*年\s*(?:工作)?回顾")


def lift_title_block(lines: list[tuple[int, str]]):
    """Remove title-block lines; return the rest, the fields found (with lines) and repairs."""
    kept, repairs, found = [], [], {}
    for number, text in lines:
        stripped = text.strip()
        if match := TITLE.match(stripped):
            found.setdefault("title", (match["title"], number))
        elif match := MEETING.match(stripped):
            try:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                kept.append((number, text))
                continue
            found.setdefault("meeting_date", (day.isoformat(), number))
            found.setdefault("region", (match["region"], number))
            found.setdefault("meeting", (re.sub(r"\s+", "", match["meeting"]), number))
        elif match := SPEAKER.match(stripped):
            found.setdefault("speaker", (match["name"], number))
            found.setdefault("speaker_title", (match["title"], number))
        else:
            kept.append((number, text))
            continue
        repairs.append(Repair("title", number, text, "", "报告标题信息，已移入报告元数据"))
    for number, text in kept:
        if match := REVIEW_HEADING.match(text.strip()):
            found.setdefault("review_year", (int(match["y"]), number))
            break
    return kept, found, repairs


def build_metadata(found: dict, sidecar: dict, shown: str) -> Metadata:
    """Merge what the text says with the sidecar (which wins); fail if region or year is unknown."""
    values = {key: value for key, (value, _) in found.items()}
    origin = {key: f"text:{line}" for key, (_, line) in found.items()}
    for key, value in sidecar.items():
        if key == "slug":
            continue
        values[key] = value
        origin[key] = "sidecar"
    year = values.get("year")
    if not year and values.get("meeting_date"):
        year = int(values["meeting_date"][:4])
        origin["year"] = origin["meeting_date"]
    if not year and values.get("review_year"):
        year = values["review_year"] + 1
        origin["year"] = origin["review_year"]
    if not year:
        raise InputError("cannot tell the report's year from its text", file=shown,
                         hint="add 'year: YYYY' to the .meta.yml file beside it")
    if not values.get("region"):
        raise InputError("cannot tell the report's region from its text", file=shown,
                         hint="add 'region: <县名>' to the .meta.yml file beside it")
    review_year = values.get("review_year") or int(year) - 1
    origin.setdefault("review_year", origin["year"])
    known = set(Metadata.__dataclass_fields__) - {"origin", "year", "review_year"}
    return Metadata(year=int(year), review_year=int(review_year), origin=origin,
                    **{k: str(v) for k, v in values.items() if k in known})
