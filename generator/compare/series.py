"""Series: each region's levels and growth by year, from every report that states them.

One row per region, indicator, year and report: a later report that gives another number
for the same year (a revision, or 预计 replaced by the actual) is a row of its own beside
the first, flagged `revised`, never a silent replacement. The audit sets the stated growth
beside the growth implied by two consecutive levels and flags a gap beyond the tolerance,
only for nominal indicators (GDP and value added grow at comparable prices by design).
"""

from __future__ import annotations

import pandas as pd

from generator.compare.rules import Rules
from generator.compare.scorecard import UNSURE, agree, groups, present
from generator.extract.checks import CONFLICTING
from generator.indicators import catalogue

KEYS = ["region_key", "indicator", "year"]
KEEP = ["region_key", "region", "code", "province", "city", "indicator", "year", "kind", "report",
        "report_year", "value", "value_text", "unit", "growth", "growth_text", "growth_unit",
        "figure_id", "anchor", "page", "line", "text", "basis", "flags"]


def first_statements(obs: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Each report's statement of a region's year: its first actual figure (else its first
    estimate), flagged `conflict` when the same report gives another number for it."""
    # (a figure extraction flagged as contradicting another of its report stays, to say so)
    rows = obs[obs["kind"].isin(["actual", "estimate"]) & (obs["year"] < obs["report_year"])
               & (~obs["basis"].isin(UNSURE))
               & ((obs["flags"] == "") | obs["flags"].str.startswith(CONFLICTING))]
    rows = rows.assign(kind_rank=(rows["kind"] != "actual").astype(int))
    out = []
    for _, records in groups(rows.sort_values("kind_rank", kind="stable"), [*KEYS, "report"]):
        group = list(records)
        clean = [row for row in group if not row["flags"]]
        contradicted = not clean  # every figure of the group contradicts another
        group = clean or group
        best = min(row["kind_rank"] for row in group)
        group = [row for row in group if row["kind_rank"] == best]
        first = dict(group[0])
        # a later figure may add the level the first one lacked (增长 4.6%…, 达到 86 亿元)
        if not present(first["value"]):
            level = next((row for row in group if present(row["value"])), None)
            if level is not None:
                first.update(value=level["value"], value_text=level["value_text"], unit=level["unit"])
        conflict = any(not agree(values, m, rules) for m in ("growth", "value")
                       if len(values := [row[m] for row in group if present(row[m])]) > 1)
        first["flag"] = "conflict" if conflict or contradicted else ""
        out.append({c: first[c] for c in [*KEEP, "flag"]})
    frame = pd.DataFrame(out, columns=[*KEEP, "flag"])
    return frame.astype({"value": "float64", "growth": "float64", "year": "int64"})


def mark_revisions(frame: pd.DataFrame, rules: Rules) -> pd.Series:
    """True for every statement of a year that another report states differently."""
    revised = pd.Series(False, index=frame.index)
    several = frame[frame.groupby(KEYS)["report"].transform("nunique") > 1]
    for _, group in several.groupby(KEYS, sort=False):
        for measure in ("growth", "value"):
            rows = group if measure == "growth" else group[group["unit"] == group["unit"].iloc[0]]
            values = rows[measure].dropna().tolist()
            if len(values) > 1 and not agree(values, measure, rules):
                revised[group.index] = True
    return revised


def implied_growth(frame: pd.DataFrame) -> pd.Series:
    """Growth implied by the level of the year before, in percent: from the same report when
    it states that level (a report's own baseline), else from the latest report that does."""
    levels = frame[frame["value"].notna()][["region_key", "indicator", "year", "report", "report_year",
                                           "value", "unit"]]
    before = levels.assign(year=levels["year"] + 1)
    same = frame.merge(before.drop(columns="report_year"), on=["region_key", "indicator", "year", "report"],
                       how="left", suffixes=("", "_prev"), validate="many_to_one")
    latest = before.sort_values("report_year").drop_duplicates(["region_key", "indicator", "year"], keep="last")
    other = frame.merge(latest.drop(columns=["report", "report_year"]), on=["region_key", "indicator", "year"],
                        how="left", suffixes=("", "_prev"), validate="many_to_one")
    own = same["value_prev"].where(same["unit_prev"] == same["unit"])
    previous = own.where(own.notna(), other["value_prev"].where(other["unit_prev"] == other["unit"]))
    previous.index = frame.index
    return ((frame["value"] / previous - 1) * 100).round(1)


def series(obs: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    frame = first_statements(obs, rules).reset_index(drop=True)
    if frame.empty:
        return frame.assign(revised=pd.Series(dtype=bool), implied_growth=pd.Series(dtype=float),
                            audit=pd.Series(dtype=str))
    frame["revised"] = mark_revisions(frame, rules)
    frame["implied_growth"] = implied_growth(frame)
    nominal = frame["indicator"].map({i.id: not i.comparable_prices and not i.value_is_rate
                                      for i in catalogue().values()})
    gap = (frame["growth"] - frame["implied_growth"]).abs().round(6)
    frame["audit"] = ""
    has_both = frame["growth"].notna() & frame["implied_growth"].notna() & (frame["growth_unit"] == "%")
    frame.loc[has_both & ~nominal, "audit"] = "real"
    frame.loc[has_both & nominal, "audit"] = "ok"
    frame.loc[has_both & nominal & (gap > rules.consistency_points), "audit"] = "differs"
    flags = [";".join(f for f in (flag, "revised" if rev else "", "growth-differs" if audit == "differs" else "")
                      if f) for flag, rev, audit in zip(frame["flag"], frame["revised"], frame["audit"], strict=True)]
    frame["flag"] = flags
    order = {ind: n for n, ind in enumerate(catalogue())}
    frame["indicator_order"] = frame["indicator"].map(order)
    return frame.sort_values(["region_key", "indicator_order", "year", "report_year"]).reset_index(drop=True)
