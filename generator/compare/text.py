"""A report's text as the word comparisons read it: paragraphs with the page they are on,
and sentences cut as extraction cuts them."""

from __future__ import annotations

from collections.abc import Iterator

from generator.extract.context import HEADING_CHARS, heading_role, part_roles
from generator.extract.text import sentences, to_analysis
from generator.model import Node, Report
from generator.naming import part_file


def paragraphs(report: Report) -> Iterator[tuple[Node, str, Node]]:
    """(part, docs path of its page, paragraph) in reading order."""
    for part in report.tree.children:
        page = f"{report.folder}/{part_file(part)}"
        for node in part.walk():
            if node.kind == "paragraph":
                yield part, page, node


def sentence_texts(text: str) -> list[str]:
    """The sentences of a paragraph, stripped (a sentence ends at 。！？ or ；)."""
    return [piece for start, end in sentences(text) if (piece := text[start:end].strip())]


def blocks_with_roles(report: Report) -> Iterator[tuple[str, Node, str, str]]:
    """(page, node, text, review or plan) for every paragraph, and every section and topic
    heading (its title as text), in reading order: the part's role, switched from a heading
    line on ("2023年工作安排" inside the part before the plan's numbered parts)."""
    roles = part_roles(report.tree.children, report.metadata.year,
                       report.metadata.review_year)
    for part in report.tree.children:
        page = f"{report.folder}/{part_file(part)}"
        role = roles[part.anchor][0]
        for node in part.walk():
            if node.kind == "paragraph":
                if len(node.text) <= HEADING_CHARS and (said := heading_role(to_analysis(node.text))):
                    role = said
                yield page, node, node.text, role
            elif node.kind in ("section", "topic"):
                yield page, node, node.title, role


def paragraphs_with_roles(report: Report) -> Iterator[tuple[Node, str, Node, str]]:
    """(part, page, paragraph, review or plan), as blocks_with_roles reads them."""
    parts = {f"{report.folder}/{part_file(part)}": part for part in report.tree.children}
    for page, node, _, role in blocks_with_roles(report):
        if node.kind == "paragraph":
            yield parts[page], page, node, role
