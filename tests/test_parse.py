"""Parse: the outline of the seed (golden file) and of unmarked reports (cases)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import seed_reports

from generator.ingest import ingest_file, ingest_text
from generator.ingest.decode import read_source
from generator.model import Node
from generator.parse import parse_report

GOLDEN = Path(__file__).parent / "golden"


def outline(node: Node, depth: int = 0) -> list[str]:
    """One line per node: kind, anchor, source lines, the first characters of its text."""
    text = (node.title or node.text).replace("\n", " ")[:24]
    lines = [f"{'  ' * depth}{node.kind} {node.anchor} L{node.line_start}-{node.line_end} {text}"]
    for child in node.children:
        lines += outline(child, depth + 1)
    return lines


@pytest.mark.parametrize("path", seed_reports(), ids=lambda p: p.stem)
def test_seed_tree_matches_golden(path: Path):
    """Refresh with `make golden` (UPDATE_GOLDEN=1) and review the diff."""
    ingested = ingest_file(path, path.as_posix())
    tree = parse_report(ingested, "report")
    golden = GOLDEN / f"{path.parent.name}-{path.stem}.tree.txt"
    text = "\n".join(outline(tree)) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), "no golden file: run `make golden` and review it"
    assert text == golden.read_text(encoding="utf-8")


def parse_text(tmp_path: Path, text: str) -> Node:
    path = tmp_path / "r.txt"
    path.write_text("——2022 年 1 月 9 日在清河县第五届人民代表大会第二次会议上\n\n" + text,
                    encoding="utf-8")
    return parse_report(ingest_text(read_source(path, "r.txt")), "r")


def kinds(tree: Node) -> list[tuple[str, str]]:
    return [(n.kind, n.title or n.text) for n in tree.walk()][1:]


def test_unmarked_report_outline(tmp_path):
    tree = parse_text(tmp_path, "一、2021年工作回顾\n\n全年经济平稳。\n\n（一）产业稳步发展\n\n"
                                "一是加快工业转型。新建园区 2 个。\n\n二、2022年工作安排\n")
    assert kinds(tree) == [
        ("part", "一、2021年工作回顾"),
        ("paragraph", "全年经济平稳。"),
        ("section", "（一）产业稳步发展"),
        ("topic", "一是加快工业转型。"),
        ("paragraph", "新建园区 2 个。"),
        ("part", "二、2022年工作安排"),
    ]


def test_section_lead_with_body_in_one_paragraph(tmp_path):
    tree = parse_text(tmp_path, "**三、加强自身建设**\n\n**（一）依法行政。**严格执行各项决议。\n")
    assert kinds(tree) == [("part", "三、加强自身建设"), ("section", "（一）依法行政。"),
                           ("paragraph", "严格执行各项决议。")]


def test_long_all_bold_paragraph_and_inner_bold_are_content(tmp_path):
    target = "**主要预期目标是：地区生产总值增长 6%左右，一般公共预算收入增长 5%，城乡居民收入同步增长。**"
    tree = parse_text(tmp_path, f"**二、2022年工作安排**\n\n今年要**稳字当头**，{'稳中求进。' * 3}\n\n{target}\n")
    assert [k for k, _ in kinds(tree)] == ["part", "paragraph", "paragraph"]
    inner, goals = [n for n in tree.walk() if n.kind == "paragraph"]
    assert [r.strong for r in inner.inlines] == [False, True, False]
    assert goals.inlines[0].strong and goals.text.startswith("主要预期目标是")


def test_address_to_delegates_leaves_the_section(tmp_path):
    tree = parse_text(tmp_path, "**一、回顾**\n\n**（一）经济**\n\n增长较快。\n\n各位代表！成绩来之不易。\n")
    part = tree.children[0]
    assert [c.kind for c in part.children] == ["section", "paragraph"]
    assert part.children[1].anchor == "p-1-0-1"


def test_report_text_is_data(tmp_path):
    text = "正文含有 <script>alert(1)</script> 与 {{ x }} 及 [链接](http://x) 1. 列表"
    tree = parse_text(tmp_path, text + "\n")
    assert kinds(tree)[1:] == [("paragraph", text)]
