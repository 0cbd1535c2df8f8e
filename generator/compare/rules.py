"""The comparison rules (rules.yml) as one value, so a page, a CSV and a test read the same."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Rules:
    growth_about_met: float
    growth_close: float
    level_about_met: float
    level_close: float
    caps: frozenset[str]
    consistency_points: float
    agree_growth_points: float
    agree_level_share: float


@cache
def load_rules() -> Rules:
    text = resources.files("generator.compare").joinpath("rules.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Rules(
        growth_about_met=float(data["growth"]["about_met"]),
        growth_close=float(data["growth"]["close"]),
        level_about_met=float(data["level"]["about_met"]),
        level_close=float(data["level"]["close"]),
        caps=frozenset(data["caps"]),
        consistency_points=float(data["consistency"]["tolerance_points"]),
        agree_growth_points=float(data["agree"]["growth_points"]),
        agree_level_share=float(data["agree"]["level_share"]),
    )
