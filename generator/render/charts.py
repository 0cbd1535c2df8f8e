"""Charts: Vega-Lite specs rendered to static SVG at build time (vl-convert, no browser,
no network). The SVG's text is real text in a CJK-capable font stack, so Chinese labels
stay sharp and selectable; the same numbers are always printed in a table beside it.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from generator import cache as build_cache

# Fonts a reader's machine has for Chinese, in order; the last is the browser's default.
FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, WenQuanYi Micro Hei, sans-serif"


@cache
def _converter():
    import vl_convert

    return vl_convert


CONFIG = {"font": FONT, "axis": {"labelFontSize": 12, "titleFontSize": 12},
          "legend": {"labelFontSize": 12, "orient": "bottom", "title": None}, "title": {"fontSize": 14}}


def svg(title: str, width, height, **spec) -> str:
    """A Vega-Lite chart as SVG: every chart's title, size, white ground and CJK fonts, plus
    its own data, encoding and layers."""
    return rendered({"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "title": title, "width": width,
                     "height": height, "background": "white", "config": CONFIG, **spec})


def cache_folder() -> Path | None:
    """Where rendered charts are kept between builds (generator/cache.py)."""
    return build_cache.cache_folder("charts")


def rendered(spec: dict) -> str:
    """The SVG of a spec, from the cache when the same spec (with the same vl-convert and the same
    fonts) was drawn before: an SVG is a pure function of the three, so a rebuild draws only what
    changed. Inside
    `drawn_together()` a chart not drawn before is a placeholder until the batch is placed."""
    key = spec_key(spec)
    folder = cache_folder()
    kept = folder / f"{key}.svg" if folder else None
    if kept and kept.exists():
        return kept.read_text(encoding="utf-8")
    if _batch is not None:
        _batch.specs[key] = spec
        return PLACEHOLDER.format(key)
    return keep(key, _draw(spec))


def spec_key(spec: dict) -> str:
    text = json.dumps(spec, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{getattr(_converter(), '__version__', '')}\n{fonts()}\n{text}".encode()).hexdigest()


FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


@cache
def fonts() -> str:
    """The fonts this machine has (each file's path and size, hashed): text is measured with
    them, so a chart drawn before a CJK font was installed is not the same drawing after."""
    found = sorted((str(path), path.stat().st_size) for folder in FONT_FOLDERS
                   for path in Path(folder).expanduser().rglob("*") if path.is_file())
    return hashlib.sha256(repr(found).encode()).hexdigest()


def keep(key: str, drawn: str) -> str:
    folder = cache_folder()
    if folder:
        kept = folder / f"{key}.svg"
        try:
            partial = kept.with_name(f".{key}.{os.getpid()}.partial")
            partial.write_text(drawn, encoding="utf-8")
            partial.replace(kept)  # whole or not at all, even with two builds at once
        except OSError:
            pass
    return drawn


PLACEHOLDER = "<!-- chart {} -->"
POOL_FROM = 8  # charts to draw before a pool of forked processes pays for itself


class Batch:
    """The charts a render asked for and the cache did not have: drawn at once by `place`."""

    def __init__(self):
        self.specs: dict[str, dict] = {}

    def place(self, pages: dict[str, str]) -> int:
        """Draw every chart (on a process pool when there are many: vl-convert draws one chart
        at a time) and put each in place of its placeholder; return how many were drawn."""
        keys = sorted(self.specs)
        workers = min(os.cpu_count() or 1, 4)
        if len(keys) >= POOL_FROM and workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from generator.forked import can_fork

            # forked (sharing this process's memory) unless the converter has run here: it runs
            # threads of its own, which a fork would not copy, so then spawned
            context = multiprocessing.get_context("spawn" if _drawn_here or not can_fork() else "fork")
            gc.freeze()  # see generator/forked.py
            try:
                with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                    drawn = list(pool.map(_draw, [self.specs[k] for k in keys], chunksize=4))
            finally:
                gc.unfreeze()
        else:
            drawn = [_draw(self.specs[k]) for k in keys]
        svgs = {PLACEHOLDER.format(key): keep(key, svg) for key, svg in zip(keys, drawn, strict=True)}
        for path, text in pages.items():
            if len(text) < 100 and text in svgs:  # a placeholder is short: pages are not hashed whole
                pages[path] = svgs[text]
        return len(keys)


_drawn_here = False  # has the converter run in this process (and started its threads)?


def _draw(spec: dict) -> str:
    global _drawn_here
    _drawn_here = True
    return _converter().vegalite_to_svg(spec)


_batch: Batch | None = None


def asked() -> dict[str, dict]:
    """The charts asked for so far in this batch and not drawn yet, by key."""
    return _batch.specs if _batch is not None else {}


def ask(specs: dict[str, dict]) -> None:
    """Add charts asked for elsewhere (on a forked copy of this process) to this batch."""
    if _batch is not None:
        _batch.specs.update(specs)


@contextmanager
def drawn_together():
    """Charts asked for inside are collected, to be drawn together by the Batch's `place`."""
    global _batch
    _batch = Batch()
    try:
        yield _batch
    finally:
        _batch = None


# Okabe–Ito: told apart by readers with any common colour-vision deficiency, and in grey
# print; each series also has its own point shape, and the numbers stand beside the chart.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-left", "triangle-right"]


def line_chart(title: str, unit: str, rows: list[dict]) -> str:
    """One line per series (a region) across years. Rows have period, series, value, shown."""
    series = sorted({row["series"] for row in rows})
    return svg(
        title, max(260, 70 * len({row["period"] for row in rows})), 200,
        data={"values": rows},
        encoding={
            "x": {"field": "period", "type": "ordinal", "title": "年份", "axis": {"labelAngle": 0}},
            "y": {"field": "value", "type": "quantitative", "title": unit, "scale": {"zero": False}},
            "color": {"field": "series", "type": "nominal",
                      "scale": {"domain": series, "range": PALETTE[:len(series)] or PALETTE[:1]}},
            "shape": {"field": "series", "type": "nominal",
                      "scale": {"domain": series, "range": SHAPES[:len(series)] or SHAPES[:1]}},
        },
        layer=[
            {"mark": {"type": "line", "strokeWidth": 2}},
            {"mark": {"type": "point", "filled": True, "size": 60}},
            {"mark": {"type": "text", "dy": -9, "fontSize": 11},
             "encoding": {"text": {"field": "shown", "type": "nominal"}}},
        ],
    )


def target_chart(title: str, rows: list[dict]) -> str:
    """Each indicator's growth target (a hollow diamond) and result (a filled circle) on one
    axis, joined by a line; the status in words at the right. Rows have indicator, target,
    result, status, shown_target, shown_result."""
    points = ([{"indicator": r["indicator"], "what": "目标", "rate": r["target"], "shown": r["shown_target"]}
               for r in rows] + [{"indicator": r["indicator"], "what": "实绩", "rate": r["result"],
                                  "shown": r["shown_result"]} for r in rows])
    return svg(
        title, 360, {"step": 28},
        layer=[
            {"data": {"values": rows}, "mark": {"type": "rule", "color": "#777777"},
             "encoding": {"y": {"field": "indicator", "type": "nominal", "title": None, "sort": None},
                          "x": {"field": "target", "type": "quantitative", "title": "增长（%）"},
                          "x2": {"field": "result"}}},
            {"data": {"values": points}, "mark": {"type": "point", "size": 90, "strokeWidth": 2},
             "encoding": {"y": {"field": "indicator", "type": "nominal", "sort": None},
                          "x": {"field": "rate", "type": "quantitative"},
                          "color": {"field": "what", "type": "nominal",
                                    "scale": {"domain": ["目标", "实绩"], "range": [PALETTE[1], PALETTE[0]]}},
                          "shape": {"field": "what", "type": "nominal",
                                    "scale": {"domain": ["目标", "实绩"], "range": ["diamond", "circle"]}},
                          "fill": {"field": "what", "type": "nominal",
                                   "scale": {"domain": ["目标", "实绩"], "range": ["white", PALETTE[0]]},
                                   "legend": None}}},
            {"data": {"values": rows}, "mark": {"type": "text", "align": "left", "dx": 8, "fontSize": 11},
             "encoding": {"y": {"field": "indicator", "type": "nominal", "sort": None},
                          "x": {"value": 360}, "text": {"field": "status", "type": "nominal"}}},
        ],
    )


def shift_chart(title: str, rows: list[dict]) -> str:
    """Horizontal bars of how much each word's use rose or fell (per 10,000 characters):
    rises to the right in blue, falls to the left in orange, each bar labelled with its number.
    Rows have term, change (a number) and shown."""
    return svg(
        title, 360, {"step": 20},
        data={"values": rows},
        encoding={
            "y": {"field": "term", "type": "nominal", "sort": None, "title": None},
            "x": {"field": "change", "type": "quantitative", "title": "每万字出现次数的变化"},
        },
        layer=[
            {"mark": "bar", "encoding": {"color": {
                "condition": {"test": "datum.change >= 0", "value": PALETTE[0]}, "value": PALETTE[1]}}},
            {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 11},
             "encoding": {"text": {"field": "shown", "type": "nominal"}}},
        ],
    )
