"""Targets against results: report Y's targets for Y beside what report Y+1 says Y achieved.

A target is compared on what it states: a growth rate with the result's growth rate, a
level with the result's level in the same unit. Each side rests on one figure; when a
report gives two different numbers for it, or its period rests on nothing but a default,
or the number is flagged (an OCR split), the pair is `uncertain` and left out of counts
and charts rather than guessed. Statuses and their reasons are values in the frame.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pandas as pd

from generator.compare.rules import Rules
from generator.indicators import catalogue
from generator.model import Report
from generator.naming import region_key
from generator.regions import counties_named

KEYS = ["region_key", "year", "indicator"]
SIDE = ["report", "kind", "basis", "value", "value_text", "unit", "growth", "growth_text", "growth_unit",
        "qualifier", "bound", "figure_id", "anchor", "page", "line", "text"]
# Figures whose period rests on nothing but a default, or on evidence pointing two ways
# (extract.context.BASES): never compared.
UNSURE = ("default", "conflict")
MEASURE_NAMES = {"growth": "增长率", "value": "总量"}


def present(value) -> bool:
    return value is not None and value == value  # NaN is the one value unequal to itself


def agree(values: list[float], measure: str, rules: Rules) -> bool:
    """Whether the numbers differ by no more than the report's rounding."""
    low, high = min(values), max(values)
    if measure == "growth":
        return high - low <= rules.agree_growth_points
    return high - low <= abs(high) * rules.agree_level_share


def settle(group: list[dict], measure: str, rules: Rules) -> dict:
    """The one figure a side stands on (the first in reading order), or a problem saying why
    there is none. `group` holds one side's figures of one region, year and indicator."""
    rows = [row for row in group if present(row[measure])]
    if not rows:  # 总产量 1 7 亿公斤: an OCR split left the figure without its number
        flagged = [row for row in group if row["flags"]]
        first = (flagged or group)[0]
        return {"problem": "数字存疑（" + (first["flags"] or "没有数字") + "）", **{c: first[c] for c in SIDE}}
    if measure == "value":  # levels compare only in one unit: the first figure's
        rows = [row for row in rows if row["unit"] == rows[0]["unit"]]
    usable = [row for row in rows if not row["flags"] and row["basis"] not in UNSURE]
    if not usable:
        first = rows[0]
        problem = ("数字存疑（" + first["flags"] + "）" if first["flags"]
                   else "时期的证据互相矛盾" if first["basis"] == "conflict"
                   else "报告的部分标题未能识别，时期只是推定")
        return {"problem": problem, **{c: first[c] for c in SIDE}}
    if not agree([row[measure] for row in usable], measure, rules):
        numbers = "、".join(dict.fromkeys(row[f"{measure}_text"] for row in usable))
        return {"problem": f"同一报告给出不同的数字（{numbers}），未比较", **{c: usable[0][c] for c in SIDE}}
    return {"problem": "", **{c: usable[0][c] for c in SIDE}}


def groups(frame: pd.DataFrame, keys: list[str]):
    """(key, rows as dicts in reading order) per distinct `keys`, sorted: plain records are
    what the per-group decisions read, far faster than pandas rows."""
    records = frame.sort_values([*keys, "report", "order"]).to_dict("records")
    return itertools.groupby(records, key=lambda row: tuple(row[k] for k in keys))


def sides(frame: pd.DataFrame, rules: Rules, *, results: bool) -> pd.DataFrame:
    """One row per region, year, indicator and measure: the figure each side stands on."""
    out = []
    for key, rows in groups(frame, KEYS):
        group = list(rows)
        if results:  # an actual result outranks an estimate (预计) of the same year
            actual = [row for row in group if row["kind"] == "actual"]
            group = actual or group
            measures = [m for m in ("growth", "value") if any(present(row[m]) for row in group)]
            if not measures and any(row["flags"] for row in group):
                measures = ["growth", "value"]  # a result whose number is in doubt: say so
        else:  # a target is compared on its rate when it states one
            measures = ["growth" if any(present(row["growth"]) for row in group) else "value"]
        for measure in measures:
            out.append(dict(zip(KEYS, key, strict=True)) | {"measure": measure} | settle(group, measure, rules))
    return pd.DataFrame(out, columns=[*KEYS, "measure", "problem", *SIDE])


def judge(row, rules: Rules, next_years: set, stated: set) -> tuple[str, str]:
    """(status, reason) of one target. The reason is what a reader needs to check it."""
    year, after = int(row["year"]), int(row["year"]) + 1
    if row["ambiguous"]:
        return "uncertain", "地区名对应多个县区，报告未注明所属城市或行政区划代码，不作跨年比较"
    if row["t_problem"]:
        return "uncertain", "目标：" + row["t_problem"]
    if row["_merge"] == "left_only":
        if (row["region_key"], after) not in next_years:
            return "awaiting", f"尚无 {after} 年报告"
        if (row["region_key"], year, row["indicator"]) in stated:
            other = MEASURE_NAMES["value" if row["measure"] == "growth" else "growth"]
            return "not_comparable", (f"目标是{MEASURE_NAMES[row['measure']]}，"
                                      f"{after} 年报告只给出{other}")
        return "awaiting", f"{after} 年报告没有给出 {year} 年的数字"
    if row["r_problem"]:
        return "uncertain", "实绩：" + row["r_problem"]
    growth = row["measure"] == "growth"
    # a rate is judged in percentage points, whether it is a growth or a value (CPI 涨幅 3%)
    points = growth or catalogue()[row["indicator"]].value_is_rate
    unit_t, unit_r = (row["t_growth_unit"], row["r_growth_unit"]) if growth else (row["t_unit"], row["r_unit"])
    if unit_t != unit_r:
        return "not_comparable", f"单位不同（目标 {unit_t or '—'}，实绩 {unit_r or '—'}）"
    # exact decimals from the printed numbers: 1.4 亿公斤左右 against 1.372 is 2.0 % short, not
    # a float's 2.0000000000000018 %
    target, result = Decimal(row[f"t_{row['measure']}_text"]), Decimal(row[f"r_{row['measure']}_text"])
    cap = row["t_bound"] == "max" or row["indicator"] in rules.caps
    about = any(word in row["t_qualifier"] for word in ("左右", "上下"))
    if points:
        met, close = (Decimal(str(rules.growth_about_met)) if about else Decimal(0)), Decimal(str(rules.growth_close))
    else:
        met = abs(target) * Decimal(str(rules.level_about_met)) if about else Decimal(0)
        close = abs(target) * Decimal(str(rules.level_close))
    better = (target - result) if cap else (result - target)  # > 0: beat the target
    status = "met" if better >= -met else "close" if better >= -close else "not_met"
    return status, reason_text(better, points, cap, about, target, rules, row["r_kind"])


def reason_text(better: Decimal, points: bool, cap: bool, about: bool, target: Decimal, rules: Rules,
                result_kind: str) -> str:
    if points:
        gap = f"{abs(better).normalize():f} 个百分点"
        met, close = f"{rules.growth_about_met:g} 个百分点", f"{rules.growth_close:g} 个百分点"
    else:
        gap = f"{float(abs(better) / abs(target)):.1%}" if target else "—"
        met, close = f"{rules.level_about_met:.0%}", f"{rules.level_close:.0%}"
    if better == 0:
        where = "与目标持平"
    else:
        where = ("低于" if (better > 0) == cap else "高于") + f"目标 {gap}"
    if cap:
        rule = (f"上限目标（左右）：超出 {met}以内为完成、{close}以内为接近" if about
                else f"上限目标：不超过为完成，超出 {close}以内为接近")
    else:
        rule = (f"左右：低 {met}以内为完成、{close}以内为接近" if about
                else f"下限目标：不低于为完成，低 {close}以内为接近")
    estimate = "；实绩为预计数" if result_kind == "estimate" else ""
    return f"{where}（{rule}）{estimate}"


def scorecard(obs: pd.DataFrame, reports: list[Report], rules: Rules) -> pd.DataFrame:
    """One row per target of a region's year: both figures, status and reason."""
    targets = obs[(obs["kind"] == "target") & (obs["year"] == obs["report_year"])]
    results = obs[obs["kind"].isin(["actual", "estimate"]) & (obs["year"] == obs["report_year"] - 1)]
    t_side = sides(targets, rules, results=False).add_prefix("t_").rename(
        columns={f"t_{k}": k for k in [*KEYS, "measure"]})
    r_side = sides(results, rules, results=True).add_prefix("r_").rename(
        columns={f"r_{k}": k for k in [*KEYS, "measure"]})
    card = t_side.merge(r_side, on=[*KEYS, "measure"], how="left", validate="one_to_one", indicator=True)
    next_years = {(region_key(r.metadata), r.metadata.year) for r in reports}
    stated = set(map(tuple, r_side[KEYS].itertuples(index=False)))
    ambiguous = {region_key(r.metadata) for r in reports if not r.metadata.code
                 and len(counties_named(r.metadata.region, r.metadata.province, r.metadata.city)) > 1}
    card["ambiguous"] = card["region_key"].isin(ambiguous)
    decided = [judge(row, rules, next_years, stated) for row in card.to_dict("records")]
    card["status"] = [status for status, _ in decided]
    card["reason"] = [reason for _, reason in decided]
    card["_merge"] = card["_merge"].astype(str)
    place = obs.drop_duplicates("region_key").set_index("region_key")[["region", "code", "province", "city"]]
    card = card.join(place, on="region_key")
    order = {ind: n for n, ind in enumerate(catalogue())}
    card["indicator_order"] = card["indicator"].map(order)
    return card.sort_values(["region_key", "year", "indicator_order"]).reset_index(drop=True)
