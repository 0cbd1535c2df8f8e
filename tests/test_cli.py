"""The command line: options in either position, one line on fatal input."""

from __future__ import annotations

import pytest

from generator.cli import main, parse_args


@pytest.mark.parametrize("argv", [["--debug", "build"], ["build", "--debug"]])
def test_debug_is_honoured_before_or_after_the_command(argv):
    assert parse_args(argv).debug is True


def test_debug_is_off_by_default():
    assert parse_args(["build"]).debug is False


def test_missing_seeds_folder_is_one_line_and_exit_1(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert main(["build", "--seeds", "nowhere"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("nowhere: error: no such folder"), err


def test_build_from_another_folder_writes_where_it_is_told(tmp_path, monkeypatch):
    """Relative --docs and --site are the working folder's, not the configuration's."""
    from conftest import CONFIG, SEEDS, prepare_docs

    prepare_docs(tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--seeds", str(SEEDS), "--docs", "docs", "--site", "site", "--config", str(CONFIG)]) == 0
    assert (tmp_path / "site" / "index.html").exists()
    assert not (CONFIG.parent / ".site.staging").exists()


def test_a_site_folder_that_cannot_be_written_is_one_line(tmp_path, monkeypatch, capsys):
    from conftest import CONFIG, SEEDS, prepare_docs

    prepare_docs(tmp_path / "docs")
    (tmp_path / "site").write_text("a file where the site folder should be", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["build", "--seeds", str(SEEDS), "--docs", "docs", "--site", "site/inner", "--config", str(CONFIG)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "error:" in err[0] and "Traceback" not in err[0], err
