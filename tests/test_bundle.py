"""The offline bundle as a file, and the link check that guards both site variants."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import OFFLINE_CONFIG, SITE_URL, prepare_docs, with_fixtures

from generator.linkcheck import check_site


def test_bundle_holds_the_site_the_data_and_a_usage_note(bundled):
    result, folder = bundled
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert {"index.html", "使用说明.txt", "search.html", "search-index/meta.js", "assets/search.js",
            "downloads/repairs.csv"} <= names
    for report in result.reports:
        assert f"downloads/{report.slug}.txt" in names
        assert f"{report.folder}/part-1.html" in names
    assert not [n for n in names if n.endswith(".map") or n.startswith(("sitemap", "404"))]
    usage = (folder / "使用说明.txt").read_text(encoding="utf-8-sig")
    assert "index.html" in usage and folder.name in usage
    assert all(r.metadata.region in usage for r in result.reports)
    assert "report-site verify" in usage and "downloads/manifest.json" in names  # how to check it
    assert all(name.split("/")[0] in usage for name in names if name.startswith("regions/"))


def test_bundle_name_is_dated_and_descriptive(bundled):
    result, folder = bundled
    name = result.bundle.name
    assert name == f"{folder.name}.zip"
    assert all(r.slug in name for r in result.reports) or f"{len(result.reports)}-reports" in name
    newest = max(r.metadata.meeting_date for r in result.reports).replace("-", "")
    assert name.endswith(f"-offline-{newest}.zip")


def test_offline_pages_load_nothing_from_the_network(bundled):
    _, folder = bundled
    report = check_site(folder, offline=True)
    assert report.pages >= 10 and report.links > 100
    assert report.problems == []
    for html in folder.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, html
        assert 'href="./"' not in text and "navigation.instant" not in text, html


def test_bundle_is_byte_identical_when_rebuilt(bundled, tmp_path):
    from generator.pipeline import bundle

    first, _ = bundled
    again = bundle(with_fixtures(tmp_path), prepare_docs(tmp_path / "docs"), tmp_path / "dist", OFFLINE_CONFIG)
    assert again.bundle.name == first.bundle.name
    assert again.bundle.read_bytes() == first.bundle.read_bytes()
    with zipfile.ZipFile(again.bundle) as zf:
        assert zf.testzip() is None
        tops = {name.split("/")[0] for name in zf.namelist()}
    assert tops == {again.bundle.stem}  # unzips into one folder, not loose files


def test_hosted_site_honours_site_url(built):
    _, site = built
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}regions/" in sitemap
    assert f'<link rel="canonical" href="{SITE_URL}' in (site / "index.html").read_text(encoding="utf-8")
    page_404 = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/some-repo/assets/stylesheets/' in page_404
    assert check_site(site, offline=False, base_path="/some-repo/").problems == []


def page(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


@pytest.mark.parametrize("body, offline, problem", [
    ('<a href="missing.html">x</a>', False, "no such file"),
    ('<a href="b.html#nope">x</a>', False, "no element with id 'nope'"),
    ('<a href="#nope">x</a>', False, "no element with id 'nope'"),
    ('<a href="sub/">x</a>', True, "ends in a folder"),
    ('<a href="sub/index.html#here">x</a><a href="../out.html">x</a>', False, "outside the site"),
    ('<script src="https://cdn.example/x.js"></script>', True, "loads from the network"),
    ('<img src="/b.html">', True, "absolute path"),
])
def test_link_check_finds_each_kind_of_broken_link(tmp_path, body, offline, problem):
    page(tmp_path, "b.html", '<p id="here">b</p>')
    page(tmp_path, "sub/index.html", '<p id="here">sub</p>')
    page(tmp_path, "a.html", body)
    problems = check_site(tmp_path, offline=offline).problems
    assert len(problems) == 1 and problem in problems[0], problems


def test_link_check_passes_good_links(tmp_path):
    page(tmp_path, "b.html", '<p id="here">b</p><a name="old">x</a>')
    page(tmp_path, "sub/index.html", '<a href="../b.html#old">b</a>')
    page(tmp_path, "a.html", '<a href="b.html#here">x</a><a href="sub/index.html">x</a>'
                             '<a href="https://example.org/">out</a><a href="mailto:a@b">m</a>'
                             '<link rel="canonical" href="https://example.org/a.html">')
    report = check_site(tmp_path, offline=True)
    assert report.problems == [] and report.external == {"https://example.org/",
                                                          "https://example.org/a.html"}
    assert check_site(tmp_path, offline=False).problems == []
    page(tmp_path, "d.html", '<img src="/elsewhere/x.png"><a href="/some-repo/b.html#here">b</a>')
    (problem,) = check_site(tmp_path, offline=False, base_path="/some-repo/").problems
    assert "outside the site's base /some-repo/" in problem
    (tmp_path / "d.html").unlink()
    # hosted, a folder link with an index.html is fine
    page(tmp_path, "c.html", '<a href="sub/">x</a>')
    assert check_site(tmp_path, offline=False).problems == []


def test_a_bundle_of_one_place_holds_its_reports_only(tmp_path, capsys):
    """bundle --region 绛县: the county's two reports, its comparisons and a search of them;
    the other counties left out; docs/ (the whole site's pages) left as they were."""
    from generator.cli import main
    from generator.search.index import read_script

    seeds = with_fixtures(tmp_path)
    docs = prepare_docs(tmp_path / "docs")
    before = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    argv = ["bundle", "--seeds", str(seeds), "--docs", str(docs), "--dist", str(tmp_path / "dist"),
            "--config", str(OFFLINE_CONFIG)]
    assert main([*argv, "--region", "绛县"]) == 0
    (made,) = (tmp_path / "dist").glob("*.zip")
    assert made.name.startswith("gov-work-reports-jiangxian-2-reports-offline-")
    with zipfile.ZipFile(made) as zf:
        names = zf.namelist()
        top = made.stem + "/"
        for year in (2023, 2024):
            assert f"{top}regions/shanxi/yuncheng/jiangxian/{year}/part-1.html" in names
        assert not [n for n in names if "/wenxixian/" in n or "/yuanquxian/" in n]
        meta = zf.read(f"{top}search-index/meta.js").decode("utf-8")
    (tmp_path / "meta.js").write_text(meta, encoding="utf-8")
    assert read_script(tmp_path / "meta.js")["regions"] == ["绛县"]
    after = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert after == before
    # a city holds all three counties; a place no report names is one line, exit 1
    assert main([*argv, "--region", "运城市"]) == 0
    assert any(p.name.startswith("gov-work-reports-yuncheng-5-reports-") for p in (tmp_path / "dist").glob("*.zip"))
    capsys.readouterr()
    assert main([*argv, "--region", "太原市"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "太原市" in err[0] and "绛县" in err[0], err
