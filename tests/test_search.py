"""The search index (generator/search): what text it reads from a page, and what it writes.
The reader's side (docs/assets/search.js) runs in Chromium in test_browser.py."""

from __future__ import annotations

from generator.search.index import DIGITS, SearchIndex, bucket_of, fold, read_script
from generator.search.text import page_blocks

PAGE = """<html><body><nav>导航里的营商环境</nav>
<article class="md-content__inner">
<h1 id="part-1">一、回顾<a class="headerlink" href="#part-1">¶</a></h1>
<p class="para" id="p-1-0-1">优化<strong>营商</strong>环境。 <a class="para-link" href="#p-1-0-1">¶</a>
<a class="src-link" href="source.md#L3">原文3行</a></p>
<p class="para-follow" data-search-exclude>下文：营商环境</p>
<script>var x = "脚本";</script>
<table><tr><td>地区生产总值</td><td>120&nbsp;亿元</td></tr></table>
</article><footer>页脚</footer></body></html>"""


def test_page_blocks_are_the_article_text_under_their_anchors():
    assert page_blocks(PAGE) == [
        ("part-1", "一、回顾"),
        ("p-1-0-1", "优化营商环境。"),
        ("p-1-0-1", "地区生产总值"),
        ("p-1-0-1", "120 亿元"),
    ]


def test_folding_keeps_one_character_for_one():
    assert "".join(map(fold, "２０２３年ＧＤＰ增长5％")) == "2023年gdp增长5%"
    assert fold("ﬁ") == "ﬁ"  # NFKC makes two letters of it: kept, so positions stay put
    assert fold("县") == "县"


def decode(text: str) -> list[int]:
    """The number format index.py describes, read independently of search.js."""
    values, value, shift = [], 0, 0
    for char in text:
        digit = DIGITS.index(char)
        value |= (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            values.append(value)
            value, shift = 0, 0
    return values


def test_postings_give_every_position_of_every_pair(tmp_path):
    index = SearchIndex()
    index.add("b/", "乙", "甲县", 2024, [("x", "环境环境"), ("y", "好环境")])
    index.add("a/", "甲", "", 0, [("", "营商环境")])
    index.write(tmp_path)
    meta = read_script(tmp_path / "meta.js")
    # pages numbered by address; text is blocks joined by a line break
    assert [p[:4] for p in meta["pages"]] == [["a/", "甲", -1, 0], ["b/", "乙", 0, 2024]]
    assert meta["regions"] == ["甲县"] and meta["years"] == [2024]
    buckets = meta["buckets"]

    def postings(key, folder="b"):
        return decode(read_script(tmp_path / folder / f"{bucket_of(key, buckets)}.js")[key])

    # page gap, count, first position, gaps: 环境 at 2 on page 0; at 0, 2 and 6 on page 1
    # ("环境环境" + line break + "好环境": 好 is at 5)
    assert postings("环境") == [0, 1, 2, 1, 3, 0, 2, 4]
    assert postings("境环") == [1, 1, 1]
    assert "境好" not in read_script(tmp_path / "b" / f"{bucket_of('境好', buckets)}.js")  # no pair across blocks
    # characters: page gap, count, first position
    assert postings("境", "u") == [0, 1, 3, 1, 3, 1]
    chunk = read_script(tmp_path / "t" / "1-0.js")
    assert chunk == [[0, "x", "环境环境"], [5, "y", "好环境"]]


def test_large_numbers_round_trip(tmp_path):
    index = SearchIndex()
    text = "甲" * 40000 + "乙丙"
    index.add("p/", "p", "", 0, [("", text)])
    index.write(tmp_path)
    buckets = read_script(tmp_path / "meta.js")["buckets"]
    key = "乙丙"
    assert decode(read_script(tmp_path / "b" / f"{bucket_of(key, buckets)}.js")[key]) == [0, 1, 40000]


def test_the_same_pages_give_the_same_files(tmp_path):
    def build(folder, order):
        index = SearchIndex()
        for url in order:
            index.add(url, url, "", 0, [("", f"{url}的营商环境")])
        index.write(folder)
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.js"))}

    assert build(tmp_path / "one", ["a/", "b/", "c/"]) == build(tmp_path / "two", ["c/", "a/", "b/"])


def test_a_stray_closing_tag_a_line_break_and_hidden_text():
    page = """<article><p>错位结束</span></em>标签</p><p id="p-2">尾部独有文字</p>
    <p>第一行文字<br>第二行文字</p><p><span hidden>隐藏文字</span>可见</p></article>"""
    assert page_blocks(page) == [
        ("", "错位结束标签"), ("p-2", "尾部独有文字"), ("p-2", "第一行文字"), ("p-2", "第二行文字"), ("p-2", "可见"),
    ]


def test_folding_and_white_space_are_fixed_tables_not_unicode_versions():
    from generator.search.index import SPACE, folded

    assert folded("ＧＤＰ２０２３Ａｂ") == "gdp2023ab"
    assert folded("Ᲊ𜳰İß") == "Ᲊ𜳰İß"  # left as they are: browsers' Unicode tables differ from Python's
    assert "\ufeff" in SPACE and "\u3000" in SPACE and "\u200b" not in SPACE
