"""What the words changed between two consecutive reports of a region.

Sections are matched on title and content (titles change wording every year, so neither
alone decides); sentences are then aligned within each matched pair: the same, new, gone, or
reworded (similar enough to be the same sentence rewritten). Pure: two report trees in, a
Changes value out. Only consecutive years of one region are compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from generator.compare.text import sentence_texts
from generator.model import Node, Report
from generator.naming import part_file

# Numbering and years say nothing about what a section is about: （一）, 2023年, 一是
_TITLE_NOISE = re.compile(r"[（(]?[一二三四五六七八九十\d]+[）)、.]|\d{4}\s*年|[*#\s]|[一二三四五六七八九十]是")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|.", re.S)
# Two sections are the same when title and content together are at least this alike.
SECTION_MATCH = 0.35
# Two sentences in matched sections are one sentence reworded when at least this alike.
REWORDED = 0.55


@dataclass(frozen=True)
class Sentence:
    text: str
    anchor: str  # the paragraph it is in
    page: str  # docs path of that paragraph's page


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    page: str
    sentences: tuple[Sentence, ...]

    @property
    def key(self) -> str:
        return _TITLE_NOISE.sub("", self.title)


@dataclass
class SectionChange:
    old: Section | None
    new: Section | None
    same: int = 0
    new_sentences: list[Sentence] = field(default_factory=list)
    gone_sentences: list[Sentence] = field(default_factory=list)
    reworded: list[tuple[Sentence, Sentence]] = field(default_factory=list)
    moved: list[tuple[Sentence, Sentence]] = field(default_factory=list)  # (where it was, where it is now)


@dataclass
class Changes:
    """Report `new` (year Y) against report `old` (year Y−1)."""

    old: Report
    new: Report
    sections: list[SectionChange]

    def count(self, what: str) -> int:
        return sum(len(getattr(s, what)) for s in self.sections)

    @property
    def added(self) -> list[Section]:
        return [s.new for s in self.sections if s.old is None and s.new is not None]

    @property
    def dropped(self) -> list[Section]:
        return [s.old for s in self.sections if s.new is None and s.old is not None]

    def longest_new(self, count: int = 3) -> list[Sentence]:
        found = [s for change in self.sections for s in change.new_sentences]
        return sorted(found, key=lambda s: (-len(s.text), s.anchor))[:count]


def sections_of(report: Report) -> list[Section]:
    """A report's sections (a part with none is one section), each with its sentences."""
    out = []
    for part in report.tree.children:
        page = f"{report.folder}/{part_file(part)}"
        units = [child for child in part.children if child.kind == "section"] or [part]
        loose = [child for child in part.children if child.kind != "section"] if units[0] is not part else []
        for unit in units:
            out.append(Section(unit.title or part.title or "开篇", unit.anchor, page,
                               tuple(sentences_in(unit, page))))
        if loose:  # paragraphs of a part that stand before its first section
            out.append(Section(part.title or "开篇", part.anchor, page,
                               tuple(s for node in loose for s in sentences_in(node, page))))
    return out


def sentences_of_report(report: Report) -> list[str]:
    """Every sentence of a report, as the alignment reads them."""
    return [s.text for section in sections_of(report) for s in section.sentences]


def sentences_in(node: Node, page: str) -> list[Sentence]:
    return [Sentence(text, paragraph.anchor, page) for paragraph in node.walk() if paragraph.kind == "paragraph"
            for text in sentence_texts(paragraph.text)]


def alike(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def section_score(old: Section, new: Section) -> float:
    """How alike two sections are: title and words together."""
    title = alike(old.key, new.key) if old.key and new.key else 0.0
    old_words = {s.text for s in old.sentences}
    new_words = {s.text for s in new.sentences}
    bigrams_old = {t[i:i + 2] for t in old_words for i in range(len(t) - 1)}
    bigrams_new = {t[i:i + 2] for t in new_words for i in range(len(t) - 1)}
    union = bigrams_old | bigrams_new
    content = len(bigrams_old & bigrams_new) / len(union) if union else 0.0
    return 0.5 * title + 0.5 * content


def match_sections(old: list[Section], new: list[Section]) -> list[tuple[Section | None, Section | None]]:
    """Best pairs first, each section used once; the rest are added or dropped. In the new
    report's order, a dropped section after the one it stood behind."""
    scored = sorted(((section_score(o, n), i, j) for i, o in enumerate(old) for j, n in enumerate(new)),
                    key=lambda t: (-t[0], t[1], t[2]))
    pair_of_new: dict[int, int] = {}
    used_old: set[int] = set()
    for score, i, j in scored:
        if score < SECTION_MATCH:
            break
        if i not in used_old and j not in pair_of_new:
            used_old.add(i)
            pair_of_new[j] = i
    out: list[tuple[Section | None, Section | None]] = []
    for j, section in enumerate(new):
        out.append((old[pair_of_new[j]] if j in pair_of_new else None, section))
    for i, section in enumerate(old):
        if i not in used_old:
            out.append((section, None))
    return out


def align(old: Section | None, new: Section | None) -> SectionChange:
    change = SectionChange(old, new)
    before = list(old.sentences) if old else []
    after = list(new.sentences) if new else []
    matcher = SequenceMatcher(None, [s.text for s in before], [s.text for s in after], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            change.same += i2 - i1
            continue
        gone, added = before[i1:i2], after[j1:j2]
        # within a replaced run, pair each new sentence with its most alike old one
        taken: set[int] = set()
        for sentence in added:
            best = max(((alike(g.text, sentence.text), k) for k, g in enumerate(gone) if k not in taken),
                       default=(0.0, -1))
            if best[0] >= REWORDED:
                taken.add(best[1])
                change.reworded.append((gone[best[1]], sentence))
            else:
                change.new_sentences.append(sentence)
        change.gone_sentences += [g for k, g in enumerate(gone) if k not in taken]
    return change


def compare_texts(old: Report, new: Report) -> Changes:
    changes = [align(o, n) for o, n in match_sections(sections_of(old), sections_of(new))]
    return Changes(old, new, find_moves(changes))


def find_moves(changes: list[SectionChange]) -> list[SectionChange]:
    """A sentence 'new' in one section and 'gone', word for word, from another was moved, not
    written anew: it is taken out of both lists and kept as moved, with where it was."""
    gone: dict[str, list[tuple[SectionChange, Sentence]]] = {}
    for change in changes:
        for sentence in change.gone_sentences:
            gone.setdefault(sentence.text, []).append((change, sentence))
    for change in changes:
        for sentence in list(change.new_sentences):
            if gone.get(sentence.text):
                source, before = gone[sentence.text].pop(0)
                source.gone_sentences.remove(before)
                change.new_sentences.remove(sentence)
                change.moved.append((before, sentence))
    return changes


def marked(old: str, new: str) -> list[tuple[str, str]]:
    """The characters of a reworded sentence as (kind, text) runs: same, ins, del — read as
    Chinese reads, by runs of characters rather than by words."""
    # a number is one token: 86.34 → 92.6 reads as one change, not digit by digit
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(after[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("del", "".join(before[i1:i2])))
        if j2 > j1:
            runs.append(("ins", "".join(after[j1:j2])))
    return runs
