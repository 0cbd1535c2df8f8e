"""A report's text as the word comparisons read it: paragraphs with the page they are on,
and sentences cut as extraction cuts them."""

from __future__ import annotations

from collections.abc import Iterator

from generator.extract.text import sentences
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
