"""Regions side by side: for each year that two or more regions report on, each region's
result, target and status per indicator, with ranks among the regions of that year."""

from __future__ import annotations

import pandas as pd

KEYS = ["year", "region_key", "indicator"]
TARGET = ["measure", "t_value", "t_value_text", "t_unit", "t_growth", "t_growth_text", "t_growth_unit",
          "t_qualifier", "t_page", "t_anchor", "t_text", "t_line", "status", "reason"]
RESULT = ["region", "code", "province", "city", "kind", "report", "value", "value_text", "unit", "growth",
          "growth_text", "growth_unit", "page", "anchor", "text", "line", "flag"]


def year_results(series: pd.DataFrame) -> pd.DataFrame:
    """One statement per region, indicator and year: the review in the next year's report
    where there is one (it is the one the scorecard uses), else the latest; none where the
    report contradicts itself."""
    rows = series[~series["flag"].str.contains("conflict")]
    rows = rows.assign(primary=(rows["report_year"] == rows["year"] + 1).astype(int))
    rows = rows.sort_values(["primary", "report_year"]).drop_duplicates(KEYS, keep="last")
    return rows[[*KEYS, *RESULT]]


def side_by_side(series: pd.DataFrame, card: pd.DataFrame) -> pd.DataFrame:
    results = year_results(series) if len(series) else pd.DataFrame(columns=[*KEYS, *RESULT])
    targets = card[[*KEYS, *TARGET]] if len(card) else pd.DataFrame(columns=[*KEYS, *TARGET])
    place = pd.concat([results[["region_key", "region", "code", "province", "city"]],
                       card[["region_key", "region", "code", "province", "city"]]]).drop_duplicates("region_key")
    table = results.drop(columns=["region", "code", "province", "city"]).merge(
        targets, on=KEYS, how="outer", validate="one_to_one").merge(place, on="region_key", how="left")
    regions_per_year = table.groupby("year")["region_key"].nunique()
    table = table[table["year"].map(regions_per_year) >= 2].copy()
    table["value_rank"] = table.groupby(["year", "indicator", "unit"])["value"].rank(
        ascending=False, method="min")
    table["growth_rank"] = table.groupby(["year", "indicator", "growth_unit"])["growth"].rank(
        ascending=False, method="min")
    return table.sort_values(["year", "indicator", "region_key"]).reset_index(drop=True)
