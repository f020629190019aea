"""Every command has --help with an example, and user errors are one line without a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from webaudit.cli.main import cli

REQUIRED_COMMANDS = {
    "init",
    "crawl",
    "match",
    "review",
    "score",
    "export",
    "evidence",
    "demo",
    "verify",
    "match-pages",
}


def test_all_stage_commands_exist() -> None:
    assert set(cli.commands) >= REQUIRED_COMMANDS


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Exempel:" in result.output
    assert f"webaudit {command.split()[0]}" in result.output


def test_top_level_help_lists_the_stages() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in REQUIRED_COMMANDS:
        assert command in result.output


def test_crawl_contract_options() -> None:
    output = CliRunner().invoke(cli, ["crawl", "--help"]).output
    for option in ("--municipalities", "--only", "--allow-private"):
        assert option in output
    export = CliRunner().invoke(cli, ["export", "--help"]).output
    assert "--format" in export and "--out" in export and "json" in export


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "webaudit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["crawl", "--municipalities", "saknas.csv"], "saknas.csv"),
        (["init", "--checklist", "saknas.yaml"], "saknas.yaml"),
        (["export", "--format", "json", "--out", "x.json", "--round", "1999"], "1999"),
        (["score", "--db", "mysql://x/y"], "stöds inte"),
        (["evidence"], "--all"),
    ],
)
def test_user_errors_are_one_line_without_traceback(
    tmp_path: Path, args: list[str], fragment: str
) -> None:
    result = _run(*args, "--evidence-dir", str(tmp_path / "ev"), cwd=tmp_path)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("fel: ") and fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_unknown_code_in_only_is_named(tmp_path: Path) -> None:
    registry = tmp_path / "r.csv"
    registry.write_text("code,name,website\n0114,A,https://a.se\n", encoding="utf-8")
    result = _run(
        "crawl",
        "--municipalities",
        str(registry),
        "--only",
        "9999",
        "--evidence-dir",
        str(tmp_path / "ev"),
        cwd=tmp_path,
    )
    assert result.returncode == 1 and "9999" in result.stderr and "Traceback" not in result.stderr
