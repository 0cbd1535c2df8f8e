"""A published site anyone can check: the manifest every build writes, and `verify`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main


def flip_one_byte(path: Path, at: int = -10) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 1
    path.write_bytes(data)


def verify(capsys, *argv: str) -> tuple[int, list[str], str]:
    code = main(["verify", *argv])
    out = capsys.readouterr()
    return code, out.err.strip().splitlines(), out.out


def test_the_manifest_lists_every_file_and_every_seed(built):
    result, site = built
    manifest = json.loads((site / "downloads" / "manifest.json").read_text(encoding="utf-8"))
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert set(manifest["files"]) == files - {"downloads/manifest.json"}
    assert {s["path"] for s in manifest["seeds"]} == {r.source.path for r in result.reports}
    assert all(len(s["sha256"]) == 64 for s in manifest["seeds"]) and manifest["generator"].startswith("report-site ")


def test_a_fresh_build_and_bundle_verify(built, bundled, capsys):
    _, site = built
    code, problems, out = verify(capsys, str(site))
    assert code == 0 and problems == [] and out.startswith(f"verified {site}: ")
    bundle_result, _ = bundled
    code, problems, out = verify(capsys, str(bundle_result.bundle))
    assert code == 0 and problems == [], problems
    assert "paragraph anchors found" in out


def test_verify_checks_every_sentence_of_the_seeds(built, capsys, tmp_path):
    result, site = built
    from conftest import with_fixtures

    seeds = with_fixtures(tmp_path)  # the same files the site was built from
    code, problems, out = verify(capsys, str(site), "--seeds", str(seeds))
    assert code == 0, problems
    assert f"sentences of {len(result.reports)} reports on their pages" in out


@pytest.mark.parametrize("what", ["page", "download", "asset"])
def test_one_byte_changed_in_a_built_file_fails_naming_it(built, capsys, tmp_path, what):
    _, site = built
    copy = shutil.copytree(site, tmp_path / "site")
    target = {"page": next(copy.glob("regions/**/part-1/index.html")),
              "download": copy / "downloads" / "indicators.csv",
              "asset": next(copy.glob("assets/stylesheets/*.css"))}[what]
    flip_one_byte(target)
    code, problems, _ = verify(capsys, str(copy))
    name = target.relative_to(copy).as_posix()
    assert code == 1 and problems[0] == f"{name}: altered since the build (its SHA-256 is not the manifest's)"
    assert len(problems) == 2 and problems[1].endswith("the site is not the one its manifest describes")


def test_a_file_removed_or_added_fails(built, capsys, tmp_path):
    _, site = built
    copy = shutil.copytree(site, tmp_path / "site")
    (copy / "downloads" / "repairs.csv").unlink()
    (copy / "extra.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    code, problems, _ = verify(capsys, str(copy))
    assert code == 1 and problems[:2] == ["downloads/repairs.csv: missing",
                                          "extra.html: not in the manifest (added after the build)"]


def test_one_byte_changed_in_a_seed_fails_naming_it(built, capsys, tmp_path):
    _, site = built
    from conftest import with_fixtures

    seeds = with_fixtures(tmp_path)
    seed = seeds / "shanxi" / "yuncheng" / "jiangxian" / "2023.txt"
    flip_one_byte(seed, at=len(seed.read_bytes()) // 2)
    code, problems, _ = verify(capsys, str(site), "--seeds", str(seeds))
    assert code == 1 and problems[0].startswith("seeds/shanxi/yuncheng/jiangxian/2023.txt: changed since")


def test_a_changed_bundle_fails(bundled, capsys, tmp_path):
    import zipfile

    result, _ = bundled
    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(result.bundle) as source, zipfile.ZipFile(changed, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("downloads/indicators.csv"):
                data = data.replace(b"\n", b"\r\n", 1)
            target.writestr(info, data)
    code, problems, _ = verify(capsys, str(changed))
    assert code == 1 and problems[0] == ("downloads/indicators.csv: altered since the build "
                                         "(its SHA-256 is not the manifest's)")


def test_a_folder_that_is_no_site_is_one_line(capsys, tmp_path):
    code, problems, _ = verify(capsys, str(tmp_path))
    assert code == 1 and len(problems) == 2 and "no downloads/manifest.json" in problems[0]
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    code, problems, _ = verify(capsys, str(tmp_path / "x.zip"))
    assert code == 1 and problems == [f"{tmp_path / 'x.zip'}: error: neither a built site's folder nor a bundle's zip "
                                      "(pass the site/ folder or the .zip that `report-site bundle` wrote)"]


def test_a_zip_that_unpacks_to_far_more_than_a_bundle_is_refused_unopened(bundled, capsys, monkeypatch):
    from generator import verify as module

    result, _ = bundled
    monkeypatch.setattr(module, "MAX_UNPACKED", 1000)  # as a zip bomb would exceed the real limit
    code, problems, _ = verify(capsys, str(result.bundle))
    assert code == 1 and len(problems) == 1 and "far more than a bundle" in problems[0]


@pytest.mark.parametrize("damage", ["seeds-wrong-type", "path-outside", "download-not-utf8", "zip-bad-crc"])
def test_a_damaged_site_or_zip_is_a_problem_line_not_a_crash(built, bundled, capsys, tmp_path, damage):
    import zipfile

    _, site = built
    target = str(tmp_path / "site")
    copy = shutil.copytree(site, tmp_path / "site")
    manifest = copy / "downloads" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    if damage == "seeds-wrong-type":
        data["seeds"] = 5
        manifest.write_text(json.dumps(data), encoding="utf-8")
        code, problems, _ = verify(capsys, target, "--seeds", str(tmp_path))
    elif damage == "path-outside":
        data["files"]["../../etc/hostname"] = "0" * 64
        manifest.write_text(json.dumps(data), encoding="utf-8")
        code, problems, _ = verify(capsys, target)
        assert any("a path outside the site" in p for p in problems)
    elif damage == "download-not-utf8":
        (copy / "downloads" / "indicators.csv").write_bytes(b"page,anchor\n\xff\xfe,x\n")
        code, problems, _ = verify(capsys, target)
    else:
        result, _ = bundled
        raw = bytearray(result.bundle.read_bytes())
        with zipfile.ZipFile(result.bundle) as archive:
            member = archive.infolist()[len(archive.infolist()) // 2]
        raw[member.header_offset + 30 + len(member.filename) + 5] ^= 0xFF  # inside its compressed data
        target = str(tmp_path / "bad.zip")
        Path(target).write_bytes(raw)
        code, problems, _ = verify(capsys, target)
    assert code == 1 and problems and not any("Traceback" in p for p in problems)
