"""Page furniture: lines a newspaper prints on every page that are not the report.

Each rule is a named pattern matched against a whole line, wherever it falls. The lines
are removed from the text and listed on the data-quality page.
"""

from __future__ import annotations

import re

from generator.model import Repair

_EDITOR = r"(?:责任编辑|责编|编辑|校对|美编|版式|版式设计|组版|排版|摄影)"

RULES: tuple[tuple[str, re.Pattern, str], ...] = (
    # "**A4** 责任编辑：乔小飞": a page number followed by the editor of that page
    ("page-editor", re.compile(rf"^\**\s*[A-Z]?\d{{1,2}}\s*\**\s*(?:版\s*)?{_EDITOR}\s*[:：].*$"),
     "版号与责任编辑"),
    ("editor", re.compile(rf"^\**\s*{_EDITOR}\s*[:：]\s*\S{{1,12}}(?:\s+{_EDITOR}\s*[:：]\s*\S{{1,12}})*\s*$"),
     "编辑署名"),
    # "邮箱：sxjxsyb@126.com"
    ("email", re.compile(r"^\**\s*(?:邮箱|电子邮箱|投稿邮箱|E-?mail)\s*[:：]?\s*\S+@\S+\s*$", re.I),
     "报社联系方式"),
    # "# ZHUAN KAN 专 刊": a banner in pinyin capitals with its characters spaced out
    ("banner", re.compile(r"^#*\s*[A-Z]{2,}(?:\s+[A-Z]{2,})+\s*[\u4e00-\u9fff\s]{0,12}$"),
     "版面页眉"),
    # "A4", "第3版", "- 4 -": a page number alone
    ("page-number", re.compile(r"^\**\s*(?:[A-Z]\d{1,2}|第\s*\d{1,3}\s*版|[-—]\s*\d{1,3}\s*[-—])\s*\**$"),
     "版号"),
    # "ÕþžªÊÂÎñ¹«¿ª", "锟斤拷锟斤拷", "���": text decoded with the wrong encoding on a mirror
    # site; no Chinese survives in it, so nothing of the report is lost by dropping it
    ("mojibake", re.compile(r"^(?=(?:.*[\u00c0-\u00ff]){4})[^\u4e00-\u9fff]*$"
                            r"|^.*(?:锟斤拷.*){2,}$|^[^\u4e00-\u9fff]*(?:\ufffd[^\u4e00-\u9fff]*){3,}$"),
     "乱码行"),
    # "2023年2月20日 星期一": a dateline alone
    ("dateline", re.compile(r"^\**\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]\s*\**$"),
     "报纸日期行"),
    # "00:00:15,900 --> 00:00:19,600": a subtitle file's (SRT) cue times
    ("cue-times", _CUE_TIMES := re.compile(r"^\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}$"),
     "字幕时间码"),
)
# "12" above a cue's times: the cue's number (a number alone anywhere else is kept)
CUE_NUMBER = ("cue-number", re.compile(r"^\d{1,4}$"), "字幕序号")


def strip_furniture(lines: list[tuple[int, str]]):
    """Remove furniture lines; return the remaining lines and one repair per removed line."""
    kept, repairs = [], []
    for index, (number, text) in enumerate(lines):
        stripped = text.strip()
        rule = next((r for r in RULES if stripped and r[1].match(stripped)), None)
        if not rule and CUE_NUMBER[1].match(stripped) and index + 1 < len(lines) \
                and _CUE_TIMES.match(lines[index + 1][1].strip()):
            rule = CUE_NUMBER
        if rule:
            repairs.append(Repair("furniture", number, text, "", f"{rule[2]}（{rule[0]}）"))
        else:
            kept.append((number, text))
    return kept, repairs
