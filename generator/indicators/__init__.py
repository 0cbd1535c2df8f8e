"""The indicator catalogue (catalogue.yml) and the rule that maps a label to an indicator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from generator.script import to_analysis


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    aliases: tuple[str, ...]
    en: str
    unit: str
    comparable_prices: bool
    higher_is_better: bool | None
    value_is_rate: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@cache
def catalogue() -> dict[str, Indicator]:
    text = resources.files("generator.indicators").joinpath("catalogue.yml").read_text("utf-8")
    entries = yaml.safe_load(text)
    out = {}
    for entry in entries:
        entry["aliases"] = tuple(entry.get("aliases", ()))
        out[entry["id"]] = Indicator(**entry)
    return out


# Parenthetical asides ("地区生产总值（GDP）"), spaces and quotes (“规上”工业增加值: a short form
# quoted) carry no meaning for matching; no catalogue name has a quote in it
_ASIDE = re.compile(r"[（(][^（）()]{0,12}[）)]|\s+|[“”\"]")


def label_key(label: str) -> str:
    """What a label is matched by: no asides or spaces, and 年人均 (居民年人均可支配收入, the
    annual figure per person) said as 人均, 人均居民 as 居民人均."""
    return _ASIDE.sub("", to_analysis(label)).upper().replace("年人均", "人均").replace("人均居民", "居民人均")


@cache
def _by_name() -> dict[str, str]:
    index = {}
    for indicator in catalogue().values():
        for name in indicator.names:
            key = label_key(name)
            if key in index and index[key] != indicator.id:
                raise ValueError(f"catalogue: {name} names both {index[key]} and {indicator.id}")
            index[key] = indicator.id
    return index


def match_label(label: str) -> Indicator | None:
    """The catalogue indicator a (cleaned) label names exactly, or None."""
    found = _by_name().get(label_key(label))
    return catalogue()[found] if found else None
