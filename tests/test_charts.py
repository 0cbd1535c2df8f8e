"""Charts are drawn once per spec: a rebuild takes the SVG from the cache."""

from __future__ import annotations

from generator.render import charts


class Counting:
    __version__ = "test"

    def __init__(self):
        self.calls = 0

    def vegalite_to_svg(self, spec):
        self.calls += 1
        return f"<svg>{spec['title']}</svg>"


def test_the_same_spec_is_drawn_once_and_a_changed_one_again(tmp_path, monkeypatch):
    counting = Counting()
    monkeypatch.setattr(charts, "_converter", lambda: counting)
    monkeypatch.setenv("REPORT_SITE_CACHE", str(tmp_path))
    first = charts.svg("绛县", 100, 50, mark="line", data={"values": [{"x": 1}]})
    again = charts.svg("绛县", 100, 50, mark="line", data={"values": [{"x": 1}]})
    assert first == again == "<svg>绛县</svg>" and counting.calls == 1
    charts.svg("绛县", 100, 50, mark="line", data={"values": [{"x": 2}]})  # new data: drawn
    assert counting.calls == 2 and len(list((tmp_path / "charts").glob("*.svg"))) == 2


def test_an_empty_cache_setting_turns_it_off(tmp_path, monkeypatch):
    counting = Counting()
    monkeypatch.setattr(charts, "_converter", lambda: counting)
    monkeypatch.setenv("REPORT_SITE_CACHE", "")
    for _ in range(2):
        charts.svg("绛县", 100, 50, mark="line")
    assert counting.calls == 2


def test_charts_drawn_together_on_a_pool_are_the_charts_drawn_one_by_one(tmp_path, monkeypatch):
    """Inside drawn_together a new chart is a placeholder; place() draws them all (here on a
    pool of spawned processes, with the real vl-convert) and puts each SVG where it belongs."""
    monkeypatch.setenv("REPORT_SITE_CACHE", "")
    monkeypatch.setattr(charts, "POOL_FROM", 2)
    rows = [{"period": str(2020 + n), "series": "绛县", "value": float(n), "shown": str(n)} for n in range(3)]
    alone = {f"c{n}.svg": charts.line_chart(f"图{n}", "亿元", rows[:n + 1]) for n in range(3)}
    with charts.drawn_together() as batch:
        pages = {f"c{n}.svg": charts.line_chart(f"图{n}", "亿元", rows[:n + 1]) for n in range(3)}
        pages["page.md"] = "# 正文"
    assert all(pages[name].startswith("<!-- chart ") for name in alone)
    assert batch.place(pages) == 3
    assert {name: pages[name] for name in alone} == alone and pages["page.md"] == "# 正文"
    assert all(svg.startswith("<svg") and f"图{n}" in svg for n, svg in enumerate(alone.values()))


def test_a_chart_drawn_before_the_fonts_changed_is_drawn_again(monkeypatch):
    """Text is measured with the machine's fonts: a chart cached before a CJK font was installed
    (narrower labels, other offsets) must not stand in for one drawn after."""
    from generator.render import charts

    spec = {"mark": "bar", "title": "地区生产总值"}
    before = charts.spec_key(spec)
    assert charts.spec_key(spec) == before  # the same spec, fonts and vl-convert: the same drawing
    monkeypatch.setattr(charts, "fonts", lambda: "a font installed since")
    assert charts.spec_key(spec) != before
