"""The built site: nothing lost, no furniture, segmented search, escaping, determinism,
and bad input that leaves the previous site intact."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONFIG, OFFLINE_CONFIG, ROOT, SITE_URL, build_into, prepare_docs, seed_reports, with_fixtures

from generator.ingest.furniture import RULES
from generator.ingest.titleblock import MEETING, SPEAKER, TITLE
from generator.search.index import indexed_pages, indexed_text, read_script
from generator.verify import article_text

SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")


def squash(text: str) -> str:
    return re.sub(r"[\s*#\u200b]+", "", text)


def text_pages(site: Path, folder: str) -> list[Path]:
    return sorted((site / folder).glob("part-*/index.html"))


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    return any(rule.match(stripped) for _, rule, _ in RULES) or any(
        pattern.match(stripped) for pattern in (TITLE, MEETING, SPEAKER))


@pytest.mark.parametrize("path", seed_reports(), ids=lambda p: p.stem)
def test_every_sentence_of_the_body_is_on_the_text_pages(built, path):
    result, site = built
    report = next(r for r in result.reports if r.source.path.endswith(path.relative_to(ROOT).as_posix()))
    rendered = squash("".join(article_text(p) for p in text_pages(site, report.folder)))
    # Repairs change the text on purpose; apply them to the raw line before looking for it.
    fixes = [(r.line, r.before, r.after) for r in report.ingested.repairs
             if r.kind in ("errata", "ocr")]
    missing = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip() or is_furniture(line):
            continue
        for fix_line, before, after in fixes:
            if fix_line == number:
                line = line.replace(before, after)
        for sentence in SENTENCE_END.split(line):
            if squash(sentence) and squash(sentence) not in rendered:
                missing.append((number, sentence))
    assert not missing, f"{len(missing)} sentences missing, first: {missing[0]}"


def test_no_furniture_on_text_pages_and_all_listed_on_quality_page(built):
    result, site = built
    for report in result.reports:
        removed = [r for r in report.ingested.repairs if r.kind in ("furniture", "title")]
        assert removed, "the seed has furniture; ingest found none"
        pages = "".join(article_text(p) for p in text_pages(site, report.folder))
        quality = squash(article_text(site / report.folder / "quality" / "index.html"))
        for repair in removed:
            # a bare title ("政府工作报告") is also the site's breadcrumb: check longer lines only
            if repair.kind == "furniture" or len(squash(repair.before)) > 10:
                assert squash(repair.before) not in squash(pages), repair
            assert squash(repair.before) in quality, repair


def test_every_paragraph_has_a_permalink_and_a_source_link(built):
    result, site = built
    for report in result.reports:
        html = "".join(p.read_text(encoding="utf-8") for p in text_pages(site, report.folder))
        anchors = [n.anchor for n in report.tree.walk() if n.kind == "paragraph"]
        for anchor in anchors:
            assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html, anchor
        assert html.count('class="src-link"') == len(anchors)


def test_search_indexes_the_report_text_and_not_the_pages_that_repeat_it(built):
    result, site = built
    urls = indexed_pages(site / "search-index")
    for report in result.reports:
        for part in report.tree.children:
            assert f"{report.folder}/{part.anchor}/" in urls
        # raw lines, the data table and the comparisons only repeat the text: kept out
        assert not [u for u in urls if u.startswith(report.folder) and u.endswith(("source/", "figures/"))]
    assert "search/" not in urls and not [u for u in urls if u.startswith("compare/20")]
    seed = next(r for r in result.reports if r.slug == "jiangxian-2023")
    page = urls.index(f"{seed.folder}/part-1/")
    text = "".join(block[2] for chunk in sorted((site / "search-index" / "t").glob(f"{page}-*.js"))
                   for block in read_script(chunk))
    # the text of the part, without the ¶ and 原文 links beside every paragraph
    assert "营商环境" in text and "¶" not in text and "原文" not in text
    assert "营商环境" in indexed_text(site / "search-index")


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(built, tmp_path):
    _, site = built
    build_into(tmp_path, seeds=with_fixtures(tmp_path), site_url=SITE_URL)
    first, second = digest(site), digest(tmp_path / "site")
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_pages_built_on_forked_processes_give_the_same_site(built, tmp_path, monkeypatch):
    """A large site's pages are rendered, built and checked on every core (generator/forked.py,
    generator/site.py): the same bytes as one process makes."""
    import importlib

    import generator.compare as compare_stage
    from generator import forked, linkcheck, render
    from generator import site as site_stage

    commitments = importlib.import_module("generator.compare.commitments")  # the module, not its function

    for module, name in ((site_stage, "POOL_FROM"), (render, "FORK_FROM_REGIONS"), (linkcheck, "FORK_FROM"),
                         (compare_stage, "FORK_FROM"), (commitments, "FORK_FROM")):
        monkeypatch.setattr(module, name, 1)
    monkeypatch.setattr(site_stage.os, "cpu_count", lambda: 3)
    monkeypatch.setenv("REPORT_SITE_CACHE", str(tmp_path / "cache"))  # charts asked for on a fork, drawn here
    forked.AWAY.clear()
    build_into(tmp_path, seeds=with_fixtures(tmp_path), site_url=SITE_URL)
    pages = len(list((tmp_path / "docs").rglob("*.md")))
    # two of every three chunks of pages went to the two forked processes, in both steps
    assert site_stage.FORKED["populate"] == site_stage.FORKED["build"] > pages / 2
    # and the regions' pages were rendered, and the built pages read for the link check, there too
    assert forked.AWAY["pages_of"] >= 1 and forked.AWAY["_parse"] > pages / 2
    # and the words compared: each pair of years, each report's commitments
    assert forked.AWAY["_compared_pair"] >= 1 and forked.AWAY["tracked_in"] >= 1
    first, second = digest(built[1]), digest(tmp_path / "site")
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_a_warning_on_a_forked_process_still_stops_a_strict_build(built, tmp_path, monkeypatch, caplog):
    """MkDocs' messages about pages built elsewhere are logged here, each once, in page order."""
    from generator import site as site_stage
    from generator.diagnostics import SiteError

    monkeypatch.setattr(site_stage, "POOL_FROM", 1)
    monkeypatch.setattr(site_stage.os, "cpu_count", lambda: 2)
    docs = shutil.copytree(built[1].parent / "docs", tmp_path / "docs")
    pages = sorted(docs.rglob("*.md"))
    for page in pages:
        with page.open("a", encoding="utf-8") as f:
            f.write("\n\n[去向不明](nowhere.md)\n")
    with pytest.raises(SiteError) as caught:
        site_stage.build_site(CONFIG, docs, tmp_path / "site", 1700000000)
    assert "nowhere.md" in caught.value.message
    assert site_stage.FORKED["populate"] > len(pages) / 3
    warned = [r.getMessage() for r in caplog.records if "contains a link 'nowhere.md'" in r.getMessage()]
    assert len(warned) == len(set(warned)) == len(pages)


def write_report(seeds: Path, text: str, name: str = "r.txt") -> Path:
    seeds.mkdir(parents=True, exist_ok=True)
    path = seeds / name
    path.write_text("——2022 年 1 月 9 日在清河县第五届人民代表大会第二次会议上\n\n" + text,
                    encoding="utf-8")
    return path


def test_script_and_template_syntax_show_as_text(tmp_path):
    write_report(tmp_path / "seeds", "**一、2021年工作回顾**\n\n"
                 "警惕 <script>alert('x')</script> 与 {{ config }} 及 {% raw %} 和 [链接](http://x)。\n"
                 "<b>{{ x }}</b>完成 5 亿元，增长 3%。\n")
    build_into(tmp_path, seeds=tmp_path / "seeds")
    # the text page, and the data page where the figure's label is the markup itself
    for name in ("part-1", "figures"):
        page = next((tmp_path / "site" / "regions").glob(f"**/{name}/index.html")).read_text(encoding="utf-8")
        assert "<script>alert" not in page and "<b>{{" not in page
        assert "&lt;b&gt;{{ x }}&lt;/b&gt;" in page, name
        if name == "part-1":
            assert "&lt;script&gt;alert" in page
            assert "{{ config }}" in page and "{% raw %}" in page
            assert 'href="http://x"' not in page


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command, output, config, printed", [
    ("build", "--site", CONFIG, r"site    .*out/"),
    ("bundle", "--dist", OFFLINE_CONFIG, r"bundle  .*\.zip: \d+ KiB zipped, .* in \d+ files unpacked"),
])
def test_bad_input_is_one_line_nonzero_and_keeps_the_previous_output(tmp_path, command, output,
                                                                      config, printed):
    seeds = tmp_path / "seeds"
    write_report(seeds, "**一、2021年工作回顾**\n\n全年完成目标。\n")
    prepare_docs(tmp_path / "docs")
    args = (command, "--seeds", str(seeds), "--docs", str(tmp_path / "docs"),
            output, str(tmp_path / "out"), "--config", str(config))
    done = run_cli(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert re.search(printed, done.stdout) and re.search(r"search  index \d+ KiB", done.stdout)
    before, docs_before = digest(tmp_path / "out"), digest(tmp_path / "docs")
    # one fatal input of each kind: bytes, a sidecar, an erratum, a second report of a year
    for name, data in [("bad.txt", b"\x00\x01binary"), ("bad.meta.yml", b"year: [2021\n"),
                       ("bad.errata.yml", "- find: 全年\n  replace: 全\n  reason: x\n  times: 3\n".encode()),
                       ("bad.txt", (seeds / "r.txt").read_bytes())]:
        (seeds / name).write_bytes(data)
        if name.endswith(".yml"):
            (seeds / "bad.txt").unlink(missing_ok=True)
            shutil.copy(seeds / "r.txt", seeds / "bad.txt")
        failed = run_cli(*args, cwd=tmp_path)
        assert failed.returncode == 1
        lines = failed.stderr.strip().splitlines()
        assert len(lines) == 1 and "bad." in lines[0] and "error:" in lines[0], failed.stderr
        assert "Traceback" not in failed.stderr
        assert digest(tmp_path / "out") == before and digest(tmp_path / "docs") == docs_before
        for leftover in seeds.glob("bad.*"):
            leftover.unlink()


def test_duplicate_report_is_fatal(tmp_path):
    seeds = tmp_path / "seeds"
    write_report(seeds, "全年完成目标。\n", "a.txt")
    write_report(seeds, "全年完成目标。\n", "b.txt")
    from generator.diagnostics import InputError

    with pytest.raises(InputError, match="second report"):
        build_into(tmp_path, seeds=seeds)


def test_strict_makes_report_warnings_fatal(tmp_path):
    seeds = tmp_path / "seeds"
    write_report(seeds, "蔬菜产量达到 2 5 万吨。\n")
    from generator.diagnostics import InputError

    with pytest.raises(InputError, match="number-split"):
        build_into(tmp_path, seeds=seeds, strict=True)


def test_downloads_carry_every_paragraph_and_repair(built):
    import csv

    result, site = built
    for report in result.reports:
        text = (site / "downloads" / f"{report.slug}.txt").read_text(encoding="utf-8")
        data = json.loads((site / "downloads" / f"{report.slug}.json").read_text(encoding="utf-8"))
        paragraphs = [n for n in report.tree.walk() if n.kind == "paragraph"]
        assert paragraphs and all(p.text in text for p in paragraphs)
        in_json, stack = [], list(reversed(data["parts"]))
        while stack:
            record = stack.pop()
            if record["kind"] == "paragraph":
                in_json.append(record["text"])
            stack.extend(reversed(record.get("children", [])))
        assert in_json == [p.text for p in paragraphs]
        assert data["source"]["sha256"] == report.source.sha256
    with open(site / "downloads" / "repairs.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(len(r.ingested.repairs) for r in result.reports)


def test_the_search_index_is_written_as_utf8_not_escapes(built):
    _, site = built
    raw = (site / "search-index" / "meta.js").read_text(encoding="utf-8")
    assert "\\u53bf" not in raw and "县" in raw  # 县 as itself: 3 bytes, not the 6 of \u53bf
