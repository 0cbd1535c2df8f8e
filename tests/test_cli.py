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
