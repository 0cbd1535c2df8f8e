"""Compare: reports and their figures in, comparison tables out (pandas frames).

    figures ─observations→ one tidy row per catalogue figure
            ─scorecard→    year Y's targets (report Y) against Y's results (report Y+1)
            ─series→       each region's levels and growth by year, revisions, the audit
            ─side_by_side→ each year's regions side by side, with ranks
    reports ─changes→ what the words changed from one year's report to the next
            ─phrases, topics→ new and gone terms, word use, named things followed across reports
            ─commitments→ what a plan promised, and the next report's evidence on it

Pure: no files, no clock (work on independent reports may run on forked copies of the
process, generator/forked.py, with the same result). Only consecutive years of a region and
the regions of one year are ever joined, so the work grows linearly with the reports. Rules
and tolerances live in rules.yml; every decision is a value with its reason and the anchors
of its sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from generator.compare.changes import Changes, compare_texts
from generator.compare.commitments import Commitment, commitments
from generator.compare.observations import observations
from generator.compare.phrases import Shift, Term, YearTerm, new_and_gone, terms_by_year, terms_of, word_use
from generator.compare.rules import Rules, load_rules
from generator.compare.scorecard import scorecard
from generator.compare.series import series
from generator.compare.side_by_side import side_by_side
from generator.compare.topics import FollowUp, Mention, follow_ups, mentions_of, topics
from generator.forked import forked_map
from generator.model import Figure, Report
from generator.naming import region_key

__all__ = ["Comparison", "ReportWords", "compare", "compare_figures", "compare_words", "report_words", "Rules",
           "load_rules", "STATUS_NAMES"]

STATUS_NAMES = {"met": "完成", "close": "接近", "not_met": "未完成", "awaiting": "待核",
                "not_comparable": "不可比", "uncertain": "存疑未比"}


@dataclass
class Comparison:
    observations: pd.DataFrame
    scorecard: pd.DataFrame
    series: pd.DataFrame
    years: pd.DataFrame
    rules: Rules
    changes: list[Changes] = field(default_factory=list)  # each region's consecutive years
    phrases: dict[str, dict[str, list[Term]]] = field(default_factory=dict)  # report → new, gone
    frequent: dict[str, list[Term]] = field(default_factory=dict)  # report → its most used words
    shifts: dict[str, tuple[list[Shift], list[Shift]]] = field(default_factory=dict)  # risers, fallers
    year_terms: dict[int, list[YearTerm]] = field(default_factory=dict)  # year → terms across regions
    topics: dict[str, list[Mention]] = field(default_factory=dict)  # topic → its mentions
    follow_ups: dict[str, list[FollowUp]] = field(default_factory=dict)  # report → its plan's topics, followed
    commitments: dict[str, list[Commitment]] = field(default_factory=dict)  # report → what its plan promised


@dataclass(frozen=True)
class ReportWords:
    """What the words' comparisons read in one report on its own: its terms and the named
    things it mentions. Worked out once per report (the segmenter's share of the work), so it
    can be done where the report is read and kept with it in the cache."""

    terms: dict[str, Term]
    mentions: list[Mention]


def report_words(report: Report) -> ReportWords:
    return ReportWords(terms_of(report), mentions_of(report))


def compare(reports: list[Report], figures: dict[str, list[Figure]], rules: Rules | None = None,
            words: dict[str, ReportWords] | None = None) -> Comparison:
    """`words`: each report's ReportWords by slug, where already worked out; the others are."""
    return Comparison(*compare_figures(reports, figures, rules), **compare_words(reports, figures, words))


def compare_figures(reports: list[Report], figures: dict[str, list[Figure]], rules: Rules | None = None) -> tuple:
    """The figures' comparisons: observations, scorecard, series, years side by side, rules."""
    rules = rules or load_rules()
    obs = observations(reports, figures)
    card = scorecard(obs, reports, rules)
    rows = series(obs, rules)
    return obs, card, rows, side_by_side(rows, card), rules


def compare_words(reports: list[Report], figures: dict[str, list[Figure]],
                  words: dict[str, ReportWords] | None = None) -> dict:
    """The words' comparisons: changes, new phrases, word use, topics, commitments."""
    own = {r.slug: (words or {}).get(r.slug) or report_words(r) for r in reports}
    terms = {slug: w.terms for slug, w in own.items()}  # one segmentation per report, read twice
    frequent, shifts = word_use(reports, terms)
    named = topics(reports, {slug: w.mentions for slug, w in own.items()})
    return {"changes": consecutive_changes(reports), "phrases": new_and_gone(reports, terms),
            "frequent": frequent, "shifts": shifts, "year_terms": terms_by_year(reports, terms),
            "topics": named, "follow_ups": follow_ups(named), "commitments": commitments(reports, figures)}


def consecutive_changes(reports: list[Report]) -> list[Changes]:
    """What the words changed, for each region's report of year Y against its report of Y−1."""
    by_year = {(region_key(r.metadata), r.metadata.year): r for r in reports}
    pairs = [(by_year[(key, year - 1)], report) for (key, year), report in sorted(by_year.items())
             if (key, year - 1) in by_year]
    return forked_map(_compared_pair, pairs, least=FORK_FROM, share=4)  # each pair alone: on every core


FORK_FROM = 24  # pairs of reports before working on every core pays for the forks


def _compared_pair(pair: tuple[Report, Report]) -> Changes:
    return compare_texts(*pair)
