"""Charts: Vega-Lite specs rendered to static SVG at build time (vl-convert, no browser,
no network). The SVG's text is real text in a CJK-capable font stack, so Chinese labels
stay sharp and selectable; the same numbers are always printed in a table beside it.
"""

from __future__ import annotations

from functools import cache

# Fonts a reader's machine has for Chinese, in order; the last is the browser's default.
FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, WenQuanYi Micro Hei, sans-serif"


@cache
def _converter():
    import vl_convert

    return vl_convert


def bar_chart(title: str, unit: str, rows: list[dict]) -> str:
    """Grouped bars: one group per period, one bar per series. Rows have period, series,
    value (a number) and shown (the value as the report prints it, for the bar's label)."""
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        # room for the title and legend even with one bar; wider as bars are added
        "width": max(240, 40 * len(rows)),
        "height": 200,
        "background": "white",
        "config": {"font": FONT, "axis": {"labelFontSize": 12, "titleFontSize": 12},
                   "legend": {"labelFontSize": 12, "orient": "bottom", "title": None},
                   "title": {"fontSize": 14}},
        "data": {"values": rows},
        "encoding": {
            "x": {"field": "period", "type": "ordinal", "title": "时期", "axis": {"labelAngle": 0}},
            "xOffset": {"field": "series"},
            "y": {"field": "value", "type": "quantitative", "title": unit},
            "color": {"field": "series", "type": "nominal"},
        },
        "layer": [
            {"mark": "bar"},
            {"mark": {"type": "text", "dy": -6, "fontSize": 11},
             "encoding": {"text": {"field": "shown", "type": "nominal"}}},
        ],
    }
    return _converter().vegalite_to_svg(spec)
