"""New phrases (新提法): terms a report uses that the region's earlier reports never did, and
the terms the report before used that this one drops.

Terms are quoted phrases (“乡村振兴”) and the words of the jieba segmentation the site's search
also uses (jieba.cut with its HMM on, as Material calls it), without numbers and without the
words every report is made of, and two or three such words that stand next to each other
(新质 + 生产力 → 新质生产力: a new phrase is often old words side by side). Pure: reports in,
rows out; each term keeps the first sentence it appears in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.compare.text import paragraphs, sentence_texts
from generator.model import Report
from generator.naming import region_key
from generator.segment import FUNCTION_CHARS, search_words

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,24})[”\"」』]")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# units and counters (万平方米, 万人次, 公里): the numbers' words, not the report's
_UNIT = re.compile(r"^(?:[万亿千百]|个)?(?:平方米|平方公里|人次|亩|公里|千米|吨|千瓦|兆瓦|户|人|个|家|元|项|所|"
                   r"套|辆|件|次|座|条|百分点|倍|年度|余人|多人)$")
# Words a report is made of whatever it says: function words, the report's own vocabulary.
STOP_WORDS = frozenset("""
我们 他们 你们 以及 进一步 全面 推进 加强 加快 推动 坚持 实施 持续 深入 不断 积极 着力 扎实 切实 努力
工作 发展 建设 提升 完善 健全 落实 开展 实现 完成 达到 增长 同比 全县 全区 全市 全年 今年 去年 一年
一是 二是 三是 四是 五是 各位 代表 政府 人民 县委 区委 市委 领导 重点 主要 重要 有效 更加 更好 进行
其中 通过 围绕 按照 结合 以上 以下 左右 亿元 万元 万人 个人 方面 问题 能力 水平 质量 体系 机制 工程
项目 企业 经济 社会 群众 服务 管理 政策 任务 目标 成效 明显 显著 稳步 新的 一批 一系列 各项 各类 相关
""".split())


@dataclass(frozen=True)
class Term:
    term: str
    count: int
    anchor: str  # the paragraph of its first sentence
    page: str
    sentence: str
    quoted: bool
    pair: bool = False  # two adjacent words; counted for new phrases only


# A single character in a run of words (新, 质), never a function word (的, 和, 与, 在…)
_ONE_CHAR = re.compile(r"^[\u4e00-\u9fff]$")
_FUNCTION_CHARS = FUNCTION_CHARS | {"了", "着", "过"}
PAIR_MIN_CHARS = 4
# A word pair is a new (or gone) phrase only when the report uses it this often: pairs of
# ordinary words meet by chance once.
PAIR_MIN_COUNT = 2


def content_words(sentence: str, quoted: set[str]) -> list[str | None]:
    """The sentence's words in order, with None where a stop word, number or punctuation
    breaks the run (so pairs never join across it). Single characters stay in the run (新/质/
    生产力: a new term the dictionary does not know comes apart in characters) unless they are
    function words; they make no term on their own."""
    return [w if (_HAN.match(w) or _ONE_CHAR.match(w) and w not in _FUNCTION_CHARS) and not _UNIT.match(w)
            and w not in STOP_WORDS
            and w not in quoted else None for w in search_words(sentence)]


def _cuts_a_run(run: list[str | None], start: int, end: int) -> bool:
    """Would run[start:end] split a run of single characters (新/质 | 生产力 → 质生产力)?"""
    def single(i: int) -> bool:
        return 0 <= i < len(run) and bool(run[i]) and len(run[i]) == 1
    return single(start) and single(start - 1) or single(end - 1) and single(end)


def joined_runs(run: list[str | None]) -> list[str]:
    """Two or three adjacent words of a run, four characters or more in all: 新质生产力, 和美乡村."""
    out = []
    for size in (2, 3):
        for start in range(len(run) - size + 1):
            part = run[start:start + size]
            if not all(part) or _cuts_a_run(run, start, start + size):
                continue
            if len(text := "".join(part)) >= PAIR_MIN_CHARS:
                out.append(text)
    return out


def terms_of(report: Report) -> dict[str, Term]:
    """Every term of a report with its count and first sentence."""
    counts: Counter = Counter()
    first: dict[str, tuple[str, str, str, bool]] = {}
    single: set[str] = set()  # terms seen as a word or quoted phrase, not only as a pair
    for _, page, node in paragraphs(report):
        for sentence in sentence_texts(node.text):
            quoted = {q.strip() for q in _QUOTED.findall(sentence)}
            run = content_words(sentence, quoted)
            found = [q for q in quoted if q] + [w for w in run if w and len(w) >= 2]
            pairs = [joined for joined in joined_runs(run) if joined not in quoted]
            for term in found + pairs:
                counts[term] += 1
                first.setdefault(term, (node.anchor, page, sentence, term in quoted))
            single.update(found)
    # a string that is somewhere a word or a quoted phrase of its own counts as that
    return {t: Term(t, counts[t], *first[t], pair=t not in single) for t in counts}


def rank(terms: list[Term]) -> list[Term]:
    """Quoted phrases first (a slogan, a policy's name), then by use, then longer first."""
    return sorted(terms, key=lambda t: (not t.quoted, -t.count, -len(t.term), t.term))


def counted(term: Term) -> bool:
    """Does the term count as a phrase of its report (a pair only when used PAIR_MIN_COUNT times)?"""
    return not term.pair or term.count >= PAIR_MIN_COUNT


def new_and_gone(reports: list[Report], terms_by: dict[str, dict[str, Term]]) -> dict[str, dict[str, list[Term]]]:
    """Report slug → {"new": terms no earlier report of its region used, "gone": terms the
    report the year before used and this one does not}. `terms_by`: each report's terms."""
    out: dict[str, dict[str, list[Term]]] = {}
    by_region: dict[str, list[Report]] = {}
    for report in sorted(reports, key=lambda r: r.metadata.year):
        by_region.setdefault(region_key(report.metadata), []).append(report)
    for mine in by_region.values():
        seen: set[str] = set()
        previous: dict[str, Term] | None = None
        for report in mine:
            terms = terms_by[report.slug]
            if previous is not None and previous[0] == report.metadata.year - 1:  # consecutive years only
                out[report.slug] = {
                    "new": rank([t for name, t in terms.items() if name not in seen and counted(t)]),
                    "gone": rank([t for name, t in previous[1].items() if name not in terms and counted(t)]),
                }
            seen |= set(terms)
            previous = (report.metadata.year, terms)
    return out


@dataclass(frozen=True)
class Shift:
    """A term's use per 10,000 characters in two consecutive reports."""

    term: str
    before: float
    after: float
    term_new: Term | None  # where the later report uses it (None if it does not)

    @property
    def change(self) -> float:
        return self.after - self.before


# A term counts for risers and fallers only when one of the two reports uses it this often:
# a word used once moves by chance.
SHIFT_MIN_COUNT = 3
PER = 10_000  # rates per 10,000 characters, so report length does not decide


def characters(report: Report) -> int:
    return sum(len(node.text) for _, _, node in paragraphs(report)) or 1


def frequent(terms: dict[str, Term], count: int = 20) -> list[Term]:
    """A report's most used content words (quoted phrases count as words here)."""
    return sorted((t for t in terms.values() if not t.pair), key=lambda t: (-t.count, t.term))[:count]


def shifts(old: Report, new: Report, old_terms: dict[str, Term], new_terms: dict[str, Term],
           count: int = 10) -> tuple[list[Shift], list[Shift]]:
    """The biggest risers and fallers between two reports, by rate per 10,000 characters."""
    size_old, size_new = characters(old), characters(new)
    rows = []
    for term in sorted(set(old_terms) | set(new_terms)):
        a, b = old_terms.get(term), new_terms.get(term)
        if (a or b).pair and (b or a).pair:  # pairs are for new phrases, not word use
            continue
        if max(a.count if a else 0, b.count if b else 0) < SHIFT_MIN_COUNT:
            continue
        rows.append(Shift(term, round((a.count if a else 0) * PER / size_old, 1),
                          round((b.count if b else 0) * PER / size_new, 1), b))
    risers = sorted((r for r in rows if r.change > 0), key=lambda r: (-r.change, r.term))[:count]
    fallers = sorted((r for r in rows if r.change < 0), key=lambda r: (r.change, r.term))[:count]
    return risers, fallers


def word_use(reports: list[Report], terms_by: dict[str, dict[str, Term]]
             ) -> tuple[dict[str, list[Term]], dict[str, tuple[list[Shift], list[Shift]]]]:
    """Each report's most used words, and each consecutive pair's risers and fallers (by the
    later report's slug)."""
    frequent_words: dict[str, list[Term]] = {}
    moved: dict[str, tuple[list[Shift], list[Shift]]] = {}
    by_region: dict[str, list[Report]] = {}
    for report in sorted(reports, key=lambda r: r.metadata.year):
        by_region.setdefault(region_key(report.metadata), []).append(report)
    for mine in by_region.values():
        previous = None
        for report in mine:
            terms = terms_by[report.slug]
            frequent_words[report.slug] = frequent(terms)
            if previous is not None and previous[0].metadata.year == report.metadata.year - 1:
                moved[report.slug] = shifts(previous[0], report, previous[1], terms)
            previous = (report, terms)
    return frequent_words, moved


@dataclass(frozen=True)
class YearTerm:
    """A term across the reports of one year: in how many regions, how often, an example."""

    term: str
    regions: int
    count: int
    example: Term


def terms_by_year(reports: list[Report], terms_by: dict[str, dict[str, Term]], count: int = 60
                  ) -> dict[int, list[YearTerm]]:
    """Report year → the terms most used across its regions: by how many regions use them,
    then how often."""
    out: dict[int, list[YearTerm]] = {}
    years: dict[int, list[Report]] = {}
    for report in sorted(reports, key=lambda r: r.folder):
        years.setdefault(report.metadata.year, []).append(report)
    for year, mine in sorted(years.items()):
        regions: Counter = Counter()
        uses: Counter = Counter()
        example: dict[str, Term] = {}
        for report in mine:
            for name, term in terms_by[report.slug].items():
                if term.pair:
                    continue
                regions[name] += 1
                uses[name] += term.count
                example.setdefault(name, term)
        ranked = sorted(uses, key=lambda name: (-regions[name], -uses[name], name))[:count]
        out[year] = [YearTerm(name, regions[name], uses[name], example[name]) for name in ranked]
    return out
