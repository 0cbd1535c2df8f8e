"""Compare: reports and their figures in, comparison tables out (pandas frames).

    figures ─observations→ one tidy row per catalogue figure
            ─scorecard→    year Y's targets (report Y) against Y's results (report Y+1)
            ─series→       each region's levels and growth by year, revisions, the audit
            ─side_by_side→ each year's regions side by side, with ranks

Pure: no files, no clock. Only consecutive years of a region and the regions of one year
are ever joined, so the work grows linearly with the reports. Rules and tolerances live in
rules.yml; every decision is a value with its reason and the anchors of its sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from generator.compare.observations import observations
from generator.compare.rules import Rules, load_rules
from generator.compare.scorecard import scorecard
from generator.compare.series import series
from generator.compare.side_by_side import side_by_side
from generator.model import Figure, Report

__all__ = ["Comparison", "compare", "Rules", "load_rules", "STATUS_NAMES"]

STATUS_NAMES = {"met": "完成", "close": "接近", "not_met": "未完成", "awaiting": "待核",
                "not_comparable": "不可比", "uncertain": "存疑未比"}


@dataclass
class Comparison:
    observations: pd.DataFrame
    scorecard: pd.DataFrame
    series: pd.DataFrame
    years: pd.DataFrame
    rules: Rules


def compare(reports: list[Report], figures: dict[str, list[Figure]], rules: Rules | None = None) -> Comparison:
    rules = rules or load_rules()
    obs = observations(reports, figures)
    card = scorecard(obs, reports, rules)
    rows = series(obs, rules)
    return Comparison(obs, card, rows, side_by_side(rows, card), rules)
