"""`webaudit review` options that need no terminal: sampling, agreement, help, --web."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.tui.seed import Seeded
from webaudit.cli.main import cli
from webaudit.workspace import Workspace


def run(workspace: Workspace, *args: str) -> str:
    result = CliRunner().invoke(
        cli,
        [
            "--evidence-dir",
            str(workspace.settings.evidence_dir),
            "review",
            "--reviewer",
            "lead",
            *args,
        ],
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_sample_and_agreement_from_the_command_line(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    out = run(workspace, "--sample-second", "1", "--seed", "3")
    assert "3 kommuner utvalda" in out and all(code in out for code in seeded.codes)
    out = run(workspace, "--agreement")
    assert "3 kommuner utvalda för andragranskning" in out and "alla punkter" in out


def test_help_has_examples_and_the_web_option() -> None:
    result = CliRunner().invoke(cli, ["review", "--help"])
    assert result.exit_code == 0
    assert "Exempel:" in result.output and "--web" in result.output and "127.0.0.1" in result.output


@pytest.mark.slow
def test_web_serves_the_app_on_loopback(seeded_workspace: tuple[Workspace, Seeded]) -> None:
    workspace, _ = seeded_workspace
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    evidence = str(workspace.settings.evidence_dir)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "webaudit",
            "--evidence-dir",
            evidence,
            "review",
            "--reviewer",
            "anna",
            "--web",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=Path(evidence).parent,
    )
    try:
        page = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert "webaudit – granskning" in page  # textual-serve's page for our app
        if shutil.which("ss"):  # bound to loopback only, not to every interface
            listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout
            assert f"127.0.0.1:{port}" in listening and f"0.0.0.0:{port}" not in listening
    finally:
        server.terminate()
        server.wait(10)
