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
