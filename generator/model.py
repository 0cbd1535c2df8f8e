"""The values passed between stages: frozen dataclasses, provenance as fields."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceText:
    """A report file as read: decoded lines, with where they came from."""

    path: str  # as shown to people, relative to the seeds folder's parent when possible
    lines: tuple[str, ...]  # line i+1 of the file is lines[i]; no line endings
    encoding: str
    sha256: str
    sidecar: dict = field(default_factory=dict)  # <stem>.meta.yml, already validated
    errata: tuple[Erratum, ...] = ()
    repairs: tuple[Repair, ...] = ()  # what reading the bytes had to mend (encoding)


@dataclass(frozen=True)
class Erratum:
    """A correction a person reviewed: replace `find` by `replace` (on `line` if given)."""

    find: str
    replace: str
    reason: str
    line: int = 0  # 0: any line
    file: str = ""
    entry_line: int = 0  # where the entry stands in the errata file
    times: int = 1  # how many places the person found it in: any other count is an error


@dataclass(frozen=True)
class Repair:
    """One change made to the text between the seed and the site, with its source line."""

    kind: str  # encoding | furniture | title | join | gap | ocr | errata | number-split | duplicate
    line: int  # source line where it happened
    before: str
    after: str
    reason: str
    line_end: int = 0  # second line involved (joins, duplicates), 0 if none


@dataclass(frozen=True)
class Block:
    """A paragraph of cleaned text (inline Markdown) with the source lines it spans."""

    text: str
    line_start: int
    line_end: int
    lines: tuple[int, ...] = ()  # every source line that contributed, in order


@dataclass(frozen=True)
class Metadata:
    region: str
    year: int  # the year the report is delivered in, whose plan it sets out
    review_year: int  # the year whose results it reports
    meeting_date: str = ""  # ISO date
    meeting: str = ""
    speaker: str = ""
    speaker_title: str = ""
    title: str = "政府工作报告"
    province: str = ""
    city: str = ""
    code: str = ""  # GB/T 2260 administrative division code
    source_url: str = ""
    origin: dict = field(default_factory=dict)  # field -> "text:<line>" | "sidecar"
    # the calendar year the session met, where the text dates it (meeting line, a news
    # dateline, a date told in passing); 0 if it does not: 今年 and 明年 count from it
    session_year: int = 0


@dataclass(frozen=True)
class Ingested:
    """The output of ingest: clean blocks, metadata and every repair, for one report."""

    source: SourceText
    metadata: Metadata
    blocks: tuple[Block, ...]
    repairs: tuple[Repair, ...]
    diagnostics: tuple  # Diagnostic


@dataclass(frozen=True)
class Inline:
    """A run of paragraph text; strong runs were bold in the source."""

    text: str
    strong: bool = False


@dataclass
class Node:
    """A node of the document tree: part, section, topic or paragraph."""

    kind: str  # report | part | section | topic | paragraph
    anchor: str
    title: str = ""
    inlines: tuple[Inline, ...] = ()
    line_start: int = 0
    line_end: int = 0
    lines: tuple[int, ...] = ()  # every source line the text came from (joins span several)
    children: list[Node] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.inlines)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Report:
    """A parsed report: metadata, tree and the record of how its text was cleaned."""

    slug: str
    ingested: Ingested
    tree: Node
    folder: str = ""  # the report's folder under docs/: regions/<province>/<city>/<county>/<year>

    @property
    def metadata(self) -> Metadata:
        return self.ingested.metadata

    @property
    def source(self) -> SourceText:
        return self.ingested.source


@dataclass(frozen=True)
class Figure:
    """One figure of a report: a quantity, growth rate or rank, with the sentence it is in."""

    report: str  # report slug
    indicator: str  # catalogue id, or "" for any other quantity
    label: str  # as printed (a 分别 list gives each item its own label)
    kind: str  # actual | estimate | target
    period: str  # "2022", or "2018–2022" for a multi-year figure
    basis: str  # what kind and period rest on: year | words | part | default (context.BASES)
    value: str  # in the canonical unit, as a decimal string; "" if none
    unit: str
    growth_pct: str  # the year's growth in percent (negative for 下降); "" if none
    qualifier: str  # as printed: 左右, 以上, 控制在…左右
    bound: str  # max | min | about | "" — what the qualifier makes of the value
    anchor: str  # paragraph anchor
    page: str  # docs path of the page the paragraph is on
    line: int  # source line of the paragraph
    text: str  # the sentence, as printed
    value_high: str = ""  # upper end of a range (80—150 个)
    growth_unit: str = ""  # % or 个百分点
    average_growth_pct: str = ""  # 年均增长: a multi-year average, not the year's growth
    rank: str = ""  # 全市第1
    flags: str = ""  # why a figure needs a person's look (number-split, …)
    start: int = -1  # offsets of the figure in the paragraph text, for links; -1 if none
    end: int = -1
    id: str = ""  # <report>-<n>, in reading order

    @property
    def placed(self) -> bool:
        """Whether its number can be trusted in a headline table: nothing flagged (an OCR split,
        a conflict), and a number to show (a result given only as a bound, 突破 400 亿元, has none)."""
        return not self.flags and bool(self.value or self.growth_pct)

    @property
    def headline(self) -> bool:
        """A catalogue figure of one year whose number is sure, and whose kind and period no evidence
        disputes: what headline tables may show, `extract`'s `headline` column, and what accuracy is
        measured on (scripts/evaluate.py)."""
        return bool(self.indicator) and self.placed and self.period.isdigit() and self.basis != "conflict"
