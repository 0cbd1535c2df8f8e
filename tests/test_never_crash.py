"""Noisy text never crashes ingest, parse or extract: it may only yield diagnostics."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.extract import extract_report
from generator.ingest import ingest_text
from generator.model import Report, SourceText
from generator.parse import parse_report

MEETING = "——2022 年 1 月 9 日在清河县第五届人民代表大会第二次会议上"
# Pieces real reports are made of, so random text reaches the interesting rules.
PIECES = st.sampled_from([
    "**", "一、", "（一）", "一是", "各位代表！", "。", "，", "\n", "\n\n", "# ", "and", "1 7 亿元",
    "责任编辑：某", "邮箱：a@b.cn", "政府工作报告", "县长 **某某**", "<script>", "{{ x }}", "增长 4.6%",
    "质齐升", "表示衷", "心的感谢", "“", "”", "\r\n", "\ufeff", " ",
    "分别完成 3 元、", "、6.7%", "增长12.6%达", "９２.９億元", "全市第一", "80—150 个", "（下同）",
    "年均", "预计", "力争", "控制在", "左右", "2023年", "城乡居民", "：", "-", "%", "万元",
    # the pieces the later rules read
    "突破", "大关，达到 ", "百亿元大关，", "由2015年的 ", "增长到2020年的", "累计增长", "（预计数，下同）",
    "预计（下同）", "比2012年（下同）", "500万元以上", "均增长", "主要预期目标是：", "新的一年", "全市",
    "[1]", "超", "发布时间:2021-10-27 16:51", "星期四", "在保定市清苑区第三届人民代表大会第五次会议上",
    "2020年，是极不平凡的一年", "2025年是收官之年", "分别增长", "和", "以上", "城镇和农村居民人均可支配收入",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("一、\r0\r0\n**")  # a CR inside a line: found by this test, once
@example("**\r\r0")
def test_ingest_and_parse_never_crash(body):
    lines = tuple((MEETING + "\n\n" + body).replace("\r\n", "\n").split("\n"))
    ingested = ingest_text(SourceText("r.txt", lines, "utf-8", "0"))
    tree = parse_report(ingested, "r")
    assert tree.kind == "report"
    for figure in extract_report(Report("r", ingested, tree)):
        assert figure.kind in ("actual", "estimate", "target") and figure.anchor
    for repair in ingested.repairs:
        assert 1 <= repair.line <= len(lines)
