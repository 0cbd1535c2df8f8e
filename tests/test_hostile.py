"""Bad input at every door: each case through `extract`, `add` and `build` alike, with the
outcome written down before the code ran.

fatal  — every door exits 1 with one line on stderr (the file, what is wrong, what to do), no
         traceback, and the docs folder it would have written stays byte-identical;
builds — every door exits 0, and the check says what the reader sees (the text kept, the repair
         shown on the data-quality page, the warning printed).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import CONFIG, prepare_docs

from generator.cli import main

# A small report, in our own words.
MEETING = "——2024 年 1 月 18 日在清河县第六届人民代表大会第三次会议上"
BODY = ("各位代表：\n\n一、2023年工作回顾\n\n"
        "全县地区生产总值完成 86.5 亿元，增长 5.2%。一般公共预算收入 6.1 亿元，增长 4.3%。\n\n"
        "二、2024年工作安排\n\n全县地区生产总值增长 5.5%左右。\n")
TEXT = f"{MEETING}\n\n{BODY}"


@dataclass
class Case:
    name: str
    data: bytes
    expect: str  # fatal | builds
    says: str = ""  # a regex the fatal line (or, for builds, stderr) must match
    meta: str | None = None  # the .meta.yml beside it
    errata: str | None = None  # the .errata.yml beside it
    shows: list[str] = field(default_factory=list)  # text the built pages must hold
    repair: str = ""  # a repair kind the data-quality page must list
    extract_reads: bool = False  # `extract` needs no region: it reads the figures all the same
    unrepaired: str = ""  # a repair kind the data-quality page must not list


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


def latin1_mojibake(text: str) -> str:
    """UTF-8 bytes read as Latin-1 and saved again as UTF-8: 绛县 → ç»\x9bå\x8e¿."""
    return text.encode("utf-8").decode("latin-1")


SCRIPT_REGION = 'region: "<script>alert(1)</script>"\n'
CASES = [
    # not a report at all
    Case("empty", b"", "fatal", r"empty"),
    Case("blank", b"  \n\n\t\n \n", "fatal", r"no text"),
    Case("binary", bytes(range(256)) * 8, "fatal", r"not .*text|NUL"),
    Case("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)),
         "fatal", r"PDF"),
    Case("html", utf8("<!DOCTYPE html>\n<html><head><title>政府工作报告</title></head>\n<body><p>"
                      + TEXT.replace("\n", "</p><p>") + "</p></body></html>\n"), "fatal", r"HTML"),
    # encodings
    Case("utf16-le-bom", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "builds", shows=["86.5 亿元"]),
    Case("utf16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "builds", shows=["86.5 亿元"]),
    Case("utf16-le-no-bom", TEXT.encode("utf-16-le"), "builds", shows=["86.5 亿元"]),
    Case("utf16-be-no-bom", TEXT.encode("utf-16-be"), "builds", shows=["86.5 亿元"]),
    Case("gb18030", TEXT.encode("gb18030"), "builds", shows=["86.5 亿元"], unrepaired="encoding"),
    Case("utf8-one-broken-byte", utf8(TEXT).replace("增长 5.2%".encode(), b"\xff\xfe 5.2%"), "builds",
         shows=["86.5 亿元", "\ufffd"], repair="encoding"),
    Case("gb18030-one-broken-byte", TEXT.encode("gb18030").replace("增长 5.2%".encode("gb18030"), b"\xff 5.2%"),
         "builds", shows=["86.5 亿元", "\ufffd"], repair="encoding"),
    Case("big5", "——2024 年 1 月 18 日在清河縣第六屆人民代表大會第三次會議上\n\n一、2023年工作回顧\n\n"
         "全縣地區生產總值完成 86.5 億元，增長 5.2%。\n".encode("big5"), "builds", shows=["86.5 億元", "工作回顧"]),
    Case("windows-1252", "Annual report: growth of 5% in caf\xe9 sales, \u201cgood\u201d year.\n".encode("cp1252"),
         "fatal", r"not UTF-8|no Chinese"),
    Case("mixed-lines", utf8(f"{MEETING}\n\n各位代表：\n\n一、2023年工作回顾\n\n") +
         "全县地区生产总值完成 86.5 亿元，增长 5.2%。\n\n".encode("gb18030") +
         utf8("二、2024年工作安排\n\n全县地区生产总值增长 5.5%左右。\n"),
         "builds", shows=["86.5 亿元", "5.5%左右"], repair="encoding"),
    Case("mojibake-line", utf8(f"{MEETING}\n\n一、2023年工作回顾\n\n"
                               + latin1_mojibake("全县地区生产总值完成 86.5 亿元，增长 5.2%。") + "\n"),
         "builds", shows=["全县地区生产总值完成 86.5 亿元"], repair="encoding"),
    Case("utf8-cut-in-last-character", utf8(TEXT + "新的一年") + "增".encode()[:2], "builds",
         shows=["新的一年"], repair="encoding"),
    # line ends and invisible characters
    Case("cr-only", utf8(TEXT.replace("\n", "\r")), "builds", shows=["86.5 亿元"]),
    Case("crlf", utf8(TEXT.replace("\n", "\r\n")), "builds", shows=["86.5 亿元"]),
    Case("nel", utf8(TEXT.replace("\n", "\u0085")), "builds", shows=["86.5 亿元", "5.5%左右"]),
    Case("line-separator", utf8(TEXT.replace("\n", "\u2028")), "builds", shows=["86.5 亿元", "5.5%左右"]),
    Case("zero-width", utf8(TEXT.replace("86.5", "8\u200b6.5").replace("全县", "全\u200d县\ufeff")), "builds",
         shows=["全县地区生产总值完成 86.5 亿元"], repair="ocr"),
    Case("full-width", utf8(TEXT.replace("86.5", "８６．５").replace("5.2%", "５.２％")), "builds",
         shows=["亿元"]),
    # size
    Case("fifty-megabytes", utf8(MEETING + "\n\n") + ("全年完成目标。" * 2_500_000).encode("utf-8"), "fatal",
         r"too large"),
    Case("one-megabyte-line", utf8(f"{MEETING}\n\n一、2023年工作回顾\n\n全县地区生产总值完成 86.5 亿元，"
                                   + "各项工作稳步推进，" * 40_000 + "。\n"), "fatal",
         r":5: error: a line of 360,020 characters"),
    Case("long-paragraph", utf8(f"{MEETING}\n\n一、2023年工作回顾\n\n" + "全县地区生产总值完成 86.5 亿元，增长 5.2%，"
                                + "各项工作稳步推进，" * 2000 + "。\n"), "builds", shows=["86.5 亿元"]),
    # a long line with no stop, where a rule reads back from each match to a stop: once per line,
    # not once per match (a 分别 list's names, an adjusted growth, a year's sentence)
    Case("no-stop-before-a-list", utf8(TEXT + "城镇和农村居民人均可支配收入稳步增长" * 4000
                                       + "，分别达到35000元、16000元。\n"), "builds", shows=["35000"]),
    Case("no-stop-adjusted-growths", utf8(TEXT + "剔除某某因素增长" * 8000 + "5%。\n"), "builds",
         shows=["剔除某某因素"]),
    Case("no-stop-years", utf8(TEXT + "2020年" * 15000 + "\n"), "builds", shows=["2020年"]),
    # pathological Markdown and numbers
    Case("many-quote-marks", utf8(TEXT + ">" * 5000 + "全年完成目标。\n"), "builds", shows=["全年完成目标"]),
    Case("many-stars", utf8(TEXT + "*" * 5001 + "全年完成目标。\n"), "builds", shows=["全年完成目标"]),
    Case("many-brackets", utf8(TEXT + "[" * 5000 + "全年完成目标。\n"), "builds", shows=["全年完成目标"]),
    Case("many-backticks", utf8(TEXT + "`" * 5000 + "全年完成目标。\n"), "builds", shows=["全年完成目标"]),
    Case("ten-thousand-digits", utf8(TEXT + "全县完成 " + "9" * 10_000 + " 亿元。\n"), "builds",
         shows=["9999999999"]),
    # a line of digits and a word, unfinished: a post's callout is numbers alone, and telling one
    # must not try every way of cutting the digits into numbers
    Case("a-line-of-digits-then-a-word", utf8(TEXT + "9" * 60 + "甲\n全年完成目标。\n"), "builds",
         shows=["全年完成目标"]),
    Case("markup-and-templates", utf8(TEXT + "<script>alert(1)</script>{{ config }}{% raw %}"
                                      "<img src=x onerror=alert(2)>[x](javascript:alert(3)){: onclick=\"a()\" }\n"),
         "builds", shows=["&lt;script&gt;", "{{ config }}"]),
    # structure
    Case("no-headings", utf8(f"{MEETING}\n\n全县地区生产总值完成 86.5 亿元，增长 5.2%。\n\n全年完成目标。\n"), "builds",
         shows=["86.5 亿元"]),
    Case("headings-only", utf8(f"{MEETING}\n\n一、2023年工作回顾\n\n二、2024年工作安排\n\n三、加强政府自身建设\n"),
         "builds", shows=["2024年工作安排"]),
    Case("no-region", utf8("2024 年 1 月 18 日\n\n" + BODY), "fatal", r"region", extract_reads=True),
    Case("meeting-line-without-the-county", utf8("（2024年1月18日在县十七届人民代表大会第五次会议上）\n\n" + BODY),
         "fatal", r"cannot tell the report's region", extract_reads=True),  # not a county called 县
    Case("year-1900", utf8(TEXT.replace("2024 年 1 月 18 日", "1900 年 1 月 18 日")), "fatal",
         r"cannot tell the report's region", extract_reads=True),  # no date a report can have
    Case("year-0001", utf8(TEXT.replace("2024 年 1 月 18 日", "0001 年 1 月 1 日")), "fatal",
         r"cannot tell the report's region", extract_reads=True),
    Case("year-3024", utf8(TEXT.replace("2024 年 1 月 18 日", "3024 年 1 月 18 日")), "fatal",
         r"cannot tell the report's region", extract_reads=True),
    Case("meta-year-1950", utf8(TEXT.replace("2024 年 1 月 18 日", "")), "builds", shows=["86.5 亿元"],
         meta="year: 1950\nmeeting_date: 1950-01-18\n"),  # before 1970: the build's clock still works
    Case("no-year", utf8("在清河县人民代表大会上\n\n各位代表：\n\n全县经济平稳运行。\n"), "fatal", r"year"),
    # sidecars
    Case("meta-bad-yaml", utf8(TEXT), "fatal", r"meta\.yml:2: error: invalid YAML", meta="year: 2024\nregion: [绛县\n"),
    Case("meta-list", utf8(TEXT), "fatal", r"meta\.yml:1: error: region: a list", meta="region: [a, b]\n"),
    Case("meta-year-in-words", utf8(TEXT), "fatal", r"meta\.yml:1: error: year: .*not a year",
         meta="year: 二〇二四\n"),
    Case("meta-script-region", utf8(TEXT), "fatal", r"meta\.yml:1: error: region", meta=SCRIPT_REGION),
    Case("meta-nul-region", utf8(TEXT), "fatal", r"meta\.yml:1: error: region: contains control",
         meta='region: "清河\\0县"\n'),
    Case("meta-huge", utf8(TEXT), "fatal", r"meta\.yml: error: too large", meta="# " + "x" * 200_000 + "\n"),
    Case("meta-unknown-field", utf8(TEXT), "fatal", r"unknown field", meta="colour: red\n"),
    Case("meta-not-utf8", utf8(TEXT), "fatal", r"meta\.yml.*(UTF-8|invalid)", meta=None),
    Case("meta-path-slug", utf8(TEXT), "fatal", r"meta\.yml:1: error: slug", meta="slug: ../../x\n"),
    Case("meta-absolute-slug", utf8(TEXT), "fatal", r"meta\.yml:1: error: slug", meta="slug: /etc/x\n"),
    Case("meta-javascript-url", utf8(TEXT), "fatal", r"meta\.yml:1: error: source_url: .*not a web address",
         meta="source_url: \"javascript:alert(1)\"\n"),
    Case("meta-slash-region", utf8(TEXT), "fatal", r"meta\.yml:1: error: region", meta="region: 清河/县\n"),
    Case("errata-bad-yaml", utf8(TEXT), "fatal", r"errata\.yml:\d+: error: invalid YAML",
         errata="- find: [\n"),
    Case("errata-no-reason", utf8(TEXT), "fatal", r"errata\.yml:1: error: entry lacks 'reason'",
         errata="- find: 86.5\n  replace: 86.6\n"),
    Case("errata-line-break", utf8(TEXT), "fatal", r"errata\.yml:1: error: an erratum corrects text within one line",
         errata="- find: 全县地区生产总值完成\n  replace: \"全县\\n\\n三、2025年工作安排\\n\\n\"\n  reason: 测试\n"),
    Case("errata-alias-bomb", utf8(TEXT), "fatal", r"errata\.yml: error: uses YAML anchors or aliases",
         errata="a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
    Case("meta-alias", utf8(TEXT), "fatal", r"meta\.yml: error: uses YAML anchors or aliases",
         meta="region: &r 清河县\ncity: *r\n"),
    Case("errata-values-as-written", utf8(TEXT.replace("86.5 亿元", "5：20 亿元")), "builds", shows=["5:20 亿元"],
         errata="- find: 5：20\n  replace: 5:20\n  reason: 全角冒号\n"),  # YAML 1.1 would read 5:20 as 320
    Case("errata-matches-nothing", utf8(TEXT), "builds", r"errata-unmatched",
         errata="- find: 不存在的字\n  replace: 字\n  reason: 测试\n"),
    Case("errata-matches-twice", utf8(TEXT), "fatal", r"errata\.yml:1: error: .*2 places.*not 1",
         errata="- find: 地区生产总值\n  replace: 地区生产总值\n  reason: 测试\n"),
    Case("errata-matches-twice-as-said", utf8(TEXT), "builds", shows=["地区生产总量"], repair="errata",
         errata="- find: 地区生产总值\n  replace: 地区生产总量\n  reason: 测试\n  times: 2\n"),
]


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def write_case(folder: Path, case: Case) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / "report.txt"
    report.write_bytes(case.data)
    if case.name == "meta-not-utf8":
        (folder / "report.meta.yml").write_bytes("region: 清河县\n".encode("gb18030"))
    if case.meta is not None:
        (folder / "report.meta.yml").write_text(case.meta, encoding="utf-8")
    if case.errata is not None:
        (folder / "report.errata.yml").write_text(case.errata, encoding="utf-8")
    return report


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_door_gives_the_expected_outcome(case: Case, tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    report = write_case(seeds, case)
    docs = prepare_docs(tmp_path / "docs")
    before = digest(docs)
    doors = {
        "extract": ["extract", str(report)],
        "add": ["add", str(report), "--seeds", str(tmp_path / "filed"), "--dry-run"],
        "build": ["build", "--seeds", str(seeds), "--docs", str(docs), "--no-site", "--config", str(CONFIG)],
    }
    for door, argv in doors.items():
        code, out, err = run(argv, capsys)
        assert "Traceback" not in err, (door, err)
        if case.expect == "fatal" and not (door == "extract" and case.extract_reads):
            lines = err.strip().splitlines()
            assert code == 1 and len(lines) == 1, (door, code, err)
            assert "error:" in lines[0] and re.search(case.says, lines[0]), (door, lines[0])
            assert "report" in lines[0], (door, lines[0])  # names the file
        else:
            assert code == 0, (door, err)
            if case.says and case.expect == "builds":
                assert re.search(case.says, err), (door, err)
    if case.expect == "fatal":
        assert digest(docs) == before
        return
    pages = "\n".join(p.read_text(encoding="utf-8") for p in sorted((docs / "regions").rglob("*.md")))
    for text in case.shows:
        assert text in pages, text
    quality = next((docs / "regions").rglob("quality.md")).read_text(encoding="utf-8")
    if case.repair:
        assert f"{{#{case.repair}}}" in quality, case.repair
    if case.unrepaired:
        assert f"{{#{case.unrepaired}}}" not in quality, case.unrepaired


def seeds_missing(seeds: Path) -> None:
    pass


def seeds_empty(seeds: Path) -> None:
    seeds.mkdir()


def seeds_with_a_symlink_loop(seeds: Path) -> None:
    seeds.mkdir()
    (seeds / "report.txt").write_bytes(utf8(TEXT))
    (seeds / "loop").symlink_to(seeds, target_is_directory=True)


def seeds_with_a_dangling_link(seeds: Path) -> None:
    seeds.mkdir()
    (seeds / "report.txt").symlink_to(seeds / "gone.txt")


def seeds_with_a_link_to_a_report_elsewhere(seeds: Path) -> None:
    seeds.mkdir()
    elsewhere = seeds.parent / "elsewhere.txt"
    elsewhere.write_bytes(utf8(TEXT))
    (seeds / "report.txt").symlink_to(elsewhere)


def seeds_that_is_a_file(seeds: Path) -> None:
    seeds.write_bytes(utf8(TEXT))


def seeds_with_two_reports_of_one_year(seeds: Path) -> None:
    seeds.mkdir()
    (seeds / "report.txt").write_bytes(utf8(TEXT))
    (seeds / "again.txt").write_bytes(utf8(TEXT.replace("86.5", "86.6")))


@pytest.mark.parametrize("make, outcome", [
    (seeds_missing, r"seeds: error: no such folder"),
    (seeds_empty, r"seeds: error: no report files"),
    (seeds_with_a_symlink_loop, None),
    (seeds_with_a_dangling_link, r"report\.txt: error: cannot read"),
    (seeds_with_a_link_to_a_report_elsewhere, None),
    (seeds_that_is_a_file, r"seeds: error: "),
    (seeds_with_two_reports_of_one_year, r"report\.txt: error: a second report .*again\.txt"),
], ids=lambda v: getattr(v, "__name__", ""))
def test_a_seeds_folder_that_cannot_be_read_is_one_line(make, outcome, tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    make(seeds)
    docs = prepare_docs(tmp_path / "docs")
    before = digest(docs)
    code, _, err = run(["build", "--seeds", str(seeds), "--docs", str(docs), "--no-site",
                        "--config", str(CONFIG)], capsys)
    assert "Traceback" not in err
    if outcome is None:  # a loop is not followed, a link is read: the one report builds
        assert code == 0, err
        return
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1 and re.search(outcome, lines[0]), err
    assert digest(docs) == before


HOLD = """
import sys, time
from pathlib import Path
from generator.lock import exclusive
with exclusive(Path(sys.argv[1]), "build"):
    print("held", flush=True)
    time.sleep(120)
"""


def test_one_build_at_a_time_and_a_killed_build_leaves_no_lock(tmp_path: Path, capsys):
    import subprocess
    import sys

    seeds = tmp_path / "seeds"
    write_case(seeds, Case("ok", utf8(TEXT), "builds"))
    docs = prepare_docs(tmp_path / "docs")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(docs)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parent.parent)
    try:
        assert holder.stdout.readline().strip() == "held"
        argv = ["build", "--seeds", str(seeds), "--docs", str(docs), "--no-site", "--config", str(CONFIG)]
        # add locks the folder that holds its seeds folder: the same one here
        for args in (argv, ["add", str(seeds / "report.txt"), "--seeds", str(tmp_path / "seeds2")],
                     ["bundle", "--seeds", str(seeds), "--docs", str(docs), "--dist", str(tmp_path / "dist")]):
            code, _, err = run(args, capsys)
            lines = err.strip().splitlines()
            assert code == 1 and len(lines) == 1, (args[0], err)
            assert "another report-site run is writing here (build, pid" in lines[0], lines[0]
    finally:
        holder.kill()  # as a killed build dies: no chance to clean up
        holder.wait()
    code, _, err = run(argv, capsys)
    assert code == 0, err


@pytest.mark.parametrize("make", ["device", "pipe", "sparse-60-mib"])
def test_a_path_that_is_no_report_file_is_one_line_at_extract_and_add(make, tmp_path: Path, capsys):
    import os

    path = {"device": Path("/dev/zero"), "pipe": tmp_path / "pipe.txt", "sparse-60-mib": tmp_path / "big.txt"}[make]
    if make == "pipe":
        os.mkfifo(path)  # reading it would wait for a writer for ever
    if make == "sparse-60-mib":
        with open(path, "wb") as f:
            f.truncate(60 * 1024 * 1024)
    for argv in (["extract", str(path)], ["add", str(path), "--seeds", str(tmp_path / "seeds"), "--dry-run"]):
        code, _, err = run(argv, capsys)
        lines = err.strip().splitlines()
        assert code == 1 and len(lines) == 1 and str(path) in lines[0], err
        assert re.search(r"not a regular file|too large for one report \(60 MiB", lines[0]), lines[0]


@pytest.mark.parametrize("sidecar", ["report.meta.yml", "report.errata.yml"])
def test_a_sidecar_that_is_a_pipe_is_one_line(sidecar, tmp_path: Path, capsys):
    import os

    seeds = tmp_path / "seeds"
    report = write_case(seeds, Case("ok", utf8(TEXT), "builds"))
    os.mkfifo(seeds / sidecar)  # reading it would wait for a writer for ever
    code, _, err = run(["extract", str(report)], capsys)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1 and f"{sidecar}: error: not a regular file" in lines[0], err


@pytest.mark.parametrize("output", ["seeds", "seeds/inner", "docs", "."])
def test_a_site_folder_that_would_replace_the_reports_or_the_docs_is_refused(output, tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    write_case(seeds, Case("ok", utf8(TEXT), "builds"))
    docs = prepare_docs(tmp_path / "docs")
    before = digest(seeds)
    code, _, err = run(["build", "--seeds", str(seeds), "--docs", str(docs), "--site", str(tmp_path / output),
                        "--config", str(CONFIG)], capsys)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1 and "overlap" in lines[0], err
    assert digest(seeds) == before


def test_a_report_whose_file_name_carries_markup_or_a_line_break(tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a` <b onmouseover=alert(1)>y.txt").write_bytes(utf8(TEXT))
    docs = prepare_docs(tmp_path / "docs")
    code, _, err = run(["build", "--seeds", str(seeds), "--docs", str(docs), "--no-site", "--config", str(CONFIG)],
                       capsys)
    assert code == 0, err
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (docs / "regions").rglob("*.md"))
    assert "<b onmouseover" not in pages and "&lt;b onmouseover=alert(1)&gt;" in pages
    (seeds / "a` <b onmouseover=alert(1)>y.txt").rename(seeds / "line\nbreak.txt")
    code, _, err = run(["build", "--seeds", str(seeds), "--docs", str(docs), "--no-site", "--config", str(CONFIG)],
                       capsys)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1 and "control character" in lines[0], err
