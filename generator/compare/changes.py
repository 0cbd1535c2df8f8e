"""What the words changed between two consecutive reports of a region.

Sections are matched on title and content (titles change wording every year, so neither
alone decides); sentences are then aligned within each matched pair: the same, new, gone, or
reworded (similar enough to be the same sentence rewritten). Pure: two report trees in, a
Changes value out. Only consecutive years of one region are compared.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from generator.compare.text import blocks_with_roles, sentence_texts
from generator.model import Node, Report
from generator.naming import part_file

# Numbering and years say nothing about what a section is about: （一）, 2023年, 一是
_TITLE_NOISE = re.compile(r"[（(]?[一二三四五六七八九十\d]+[）)、.]|\d{4}\s*年|[*#\s]|[一二三四五六七八九十]是")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|.", re.S)
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# Two sections are the same when their title and words, weighted by how rare each pair of
# characters is among both reports' sections (tf-idf), are at least this alike (cosine), and
# neither has a better partner left. Rewritten titles share few characters (聚焦产业兴县 →
# 坚持产业跨越发展), so the words carry more weight than the title.
SECTION_MATCH = 0.12
# Within two matched parts the sections are on the same ground, so less likeness is needed.
SECTION_MATCH_INSIDE = 0.05
# and a pair must stand out: this many times as alike as either unit is to any other left.
CLEAR_LEAD = 1.5
TITLE_WEIGHT = 0.4
# A review section set beside a plan section counts for this share of its likeness: last
# year's plan for farming is about the same thing as this year's look back on it, but a reader
# comparing the words wants like with like.
OTHER_ROLE = 0.5
# Two sentences in matched sections are one sentence reworded when at least this alike;
REWORDED = 0.55
# from different sections, without the section to vouch for them, when at least this alike
# (at 0.6 short sentences on one subject pair up: 创建…试点镇4个 with …经验做法在全省推广).
MOVED_REWORDED = 0.7


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
    role: str = "review"  # review or plan, as extraction reads the part

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


@dataclass(frozen=True)
class Part:
    """A part of a report as a whole (its sections are its units, if it has any)."""

    whole: Section
    sections: tuple[Section, ...]


def parts_of(report: Report) -> list[Part]:
    """A report's parts, each whole and cut into its sections: the paragraphs before its first
    section are one unit, each section another. A part with none is one unit."""
    role_of = {node.anchor: role for _, node, _, role in blocks_with_roles(report)}
    out = []
    for part in report.tree.children:
        page = f"{report.folder}/{part_file(part)}"
        title = part.title or "开篇"
        units = []
        loose = [child for child in part.children if child.kind != "section"]
        if loose and len(loose) < len(part.children):
            units.append(Section(title, part.anchor, page,
                                 tuple(s for node in loose for s in sentences_in(node, page)),
                                 _role(loose[0], role_of)))
        units += [Section(child.title or title, child.anchor, page, tuple(sentences_in(child, page)),
                          _role(child, role_of)) for child in part.children if child.kind == "section"]
        whole = Section(title, part.anchor, page, tuple(sentences_in(part, page)), _role(part, role_of))
        out.append(Part(whole, tuple(units) if len(units) > 1 else ()))
    return out


def _role(node: Node, role_of: dict[str, str]) -> str:
    """The role most of a unit's paragraphs have (a heading line can switch it part way)."""
    roles = Counter(role_of[p.anchor] for p in node.walk() if p.kind == "paragraph" and p.anchor in role_of)
    return max(sorted(roles), key=roles.__getitem__) if roles else role_of.get(node.anchor, "review")


def sections_of(report: Report) -> list[Section]:
    """A report's units: each part's sections, or the part whole when it has none."""
    return [unit for part in parts_of(report) for unit in (part.sections or (part.whole,))]


def sentences_of_report(report: Report) -> list[str]:
    """Every sentence of a report, as the alignment reads them."""
    return [s.text for section in sections_of(report) for s in section.sentences]


def sentences_in(node: Node, page: str) -> list[Sentence]:
    return [Sentence(text, paragraph.anchor, page) for paragraph in node.walk() if paragraph.kind == "paragraph"
            for text in sentence_texts(paragraph.text)]


def alike(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _pairs_of_characters(text: str) -> Counter:
    return Counter(run[i:i + 2] for run in _HAN.findall(text) for i in range(len(run) - 1))


def _vectors(counts: list[Counter], idf: dict[str, float]) -> list[dict[str, float]]:
    out = []
    for count in counts:
        weights = {g: (1 + math.log(n)) * idf[g] for g, n in count.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        out.append({g: w / norm for g, w in weights.items()})
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(g, 0.0) for g, w in a.items())


class Likeness:
    """How alike two units of two reports are: the cosine of their pairs of characters, each
    weighted by how few of the two reports' units use it (tf-idf), for the words and for the
    title, the words counting more; across review and plan, a share of it."""

    def __init__(self, units: list[Section]):
        words = [_pairs_of_characters("".join(s.text for s in unit.sentences)) for unit in units]
        titles = [_pairs_of_characters(unit.key) for unit in units]
        documents = Counter(g for count in words for g in count)
        documents.update(g for count in titles for g in count if g not in documents)
        idf = {g: math.log((len(units) + 1) / (n + 0.5)) for g, n in documents.items()}
        self._index = {id(unit): k for k, unit in enumerate(units)}
        self._words, self._titles = _vectors(words, idf), _vectors(titles, idf)

    def __call__(self, old: Section, new: Section) -> float:
        i, j = self._index[id(old)], self._index[id(new)]
        score = ((1 - TITLE_WEIGHT) * _cosine(self._words[i], self._words[j])
                 + TITLE_WEIGHT * _cosine(self._titles[i], self._titles[j]))
        return score * (1.0 if old.role == new.role else OTHER_ROLE)


def match_sections(old: list[Section], new: list[Section], likeness: Likeness | None = None,
                   floor: float = SECTION_MATCH) -> list[tuple[Section | None, Section | None]]:
    """Best pairs first, each unit used once, a pair taken only when it is at least `floor`
    alike and clearly more alike than either unit is to anything else left (CLEAR_LEAD); the
    rest have no counterpart. In the new report's order, then the old units left over."""
    likeness = likeness or Likeness(old + new)
    scores = [[likeness(o, n) for n in new] for o in old]
    scored = sorted(((scores[i][j], i, j) for i in range(len(old)) for j in range(len(new))),
                    key=lambda t: (-t[0], t[1], t[2]))
    pair_of_new: dict[int, int] = {}
    used_old: set[int] = set()
    for score, i, j in scored:
        if score < floor:
            break
        if i in used_old or j in pair_of_new:
            continue
        rivals = [scores[i][k] for k in range(len(new)) if k != j and k not in pair_of_new]
        rivals += [scores[k][j] for k in range(len(old)) if k != i and k not in used_old]
        if score >= CLEAR_LEAD * max(rivals, default=0.0):
            used_old.add(i)
            pair_of_new[j] = i
    out: list[tuple[Section | None, Section | None]] = []
    for j, section in enumerate(new):
        out.append((old[pair_of_new[j]] if j in pair_of_new else None, section))
    for i, section in enumerate(old):
        if i not in used_old:
            out.append((section, None))
    return out


def match_units(old: list[Part], new: list[Part]) -> list[tuple[Section | None, Section | None]]:
    """Parts are matched whole first; within a matched pair, sections are matched when both
    parts have them, else the two parts are compared whole (one report cuts its look back into
    sections, the next does not). A part with no counterpart is listed by its units."""
    units = [unit for part in old + new for unit in (part.whole, *part.sections)]
    likeness = Likeness(units)
    wholes = match_sections([p.whole for p in old], [p.whole for p in new], likeness)
    part_of = {id(part.whole): part for part in old + new}
    out: list[tuple[Section | None, Section | None]] = []
    for o, n in wholes:
        po, pn = part_of[id(o)] if o else None, part_of[id(n)] if n else None
        if po and pn:
            if po.sections and pn.sections:
                out += match_sections(list(po.sections), list(pn.sections), likeness, SECTION_MATCH_INSIDE)
            else:
                out.append((po.whole, pn.whole))
        elif po:
            out += [(unit, None) for unit in po.sections or (po.whole,)]
        elif pn:
            out += [(None, unit) for unit in pn.sections or (pn.whole,)]
    return out


def align(old: Section | None, new: Section | None) -> SectionChange:
    """The sentences two matched sections share in order; the others are new or gone until
    find_moves pairs those that are one sentence rewritten or moved."""
    change = SectionChange(old, new)
    before = list(old.sentences) if old else []
    after = list(new.sentences) if new else []
    matcher = SequenceMatcher(None, [s.text for s in before], [s.text for s in after], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            change.same += i2 - i1
        else:
            change.gone_sentences += before[i1:i2]
            change.new_sentences += after[j1:j2]
    return change


def compare_texts(old: Report, new: Report) -> Changes:
    changes = [align(o, n) for o, n in match_units(parts_of(old), parts_of(new))]
    return Changes(old, new, find_moves(changes))


def find_moves(changes: list[SectionChange]) -> list[SectionChange]:
    """A sentence 'new' in one place and 'gone' from another, word for word or reworded, was
    moved or rewritten, not written anew: the alignment inside matched sections sees only
    sentences that kept their order, so every new sentence left is set beside every gone one
    left, in the whole report. Same section: reworded; another section: moved (with where it
    was), word for word first, then the most alike pairs."""
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
    for (source, before), (change, after) in _rewritten(changes):
        source.gone_sentences.remove(before)
        change.new_sentences.remove(after)
        if source is change:
            change.reworded.append((before, after))
        else:
            change.moved.append((before, after))
    return changes


def _rewritten(changes: list[SectionChange]):
    """(where it was, where it is) for the gone and new sentences left that are one sentence
    rewritten (REWORDED in one section, MOVED_REWORDED across two), most alike first, each
    used once. Only pairs sharing enough pairs of characters are measured, so this stays near
    linear in the sentences."""
    gone = [(change, s) for change in changes for s in change.gone_sentences]
    added = [(change, s) for change in changes for s in change.new_sentences]
    index: dict[str, list[int]] = {}
    grams = [set(_pairs_of_characters(s.text)) for _, s in gone]
    for k, found in enumerate(grams):
        for g in found:
            index.setdefault(g, []).append(k)
    scored = []
    for j, (_, sentence) in enumerate(added):
        mine = set(_pairs_of_characters(sentence.text))
        shared = Counter(k for g in mine for k in index.get(g, ()))
        for k, n in shared.items():
            # two strings alike at REWORDED share at least this share of their pairs, about
            if 2 * n >= REWORDED * 0.6 * (len(mine) + len(grams[k])):
                score = alike(gone[k][1].text, sentence.text)
                if score >= (REWORDED if gone[k][0] is added[j][0] else MOVED_REWORDED):
                    scored.append((-score, k, j))
    used_gone: set[int] = set()
    used_new: set[int] = set()
    out = []
    for _, k, j in sorted(scored):
        if k not in used_gone and j not in used_new:
            used_gone.add(k)
            used_new.add(j)
            out.append((gone[k], added[j]))
    return out


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
