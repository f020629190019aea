"""The commands of this area through the CLI, including a dispute with a real capture."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.export.factory import BuiltRound
from webaudit.cli.main import cli
from webaudit.workspace import Workspace


def run(workspace: Workspace, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--evidence-dir", str(workspace.settings.evidence_dir), *args]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_export_xlsx_csv_and_score(built: tuple[Workspace, BuiltRound], tmp_path: Path) -> None:
    workspace, _ = built
    output = run(workspace, "export", "--format", "xlsx", "--out", str(tmp_path / "r.xlsx"))
    assert "3 kommuner" in output
    assert load_workbook(tmp_path / "r.xlsx")["Kommuner"]["B2"].value == "Upplands Väsby"
    run(workspace, "export", "--format", "csv", "--out", str(tmp_path / "r.csv"))
    assert (tmp_path / "r-bevis.csv").is_file()
    assert "Österåker" in run(workspace, "score")


def test_evidence_without_pdf_and_unknown_codes(
    built: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    workspace, round_ = built
    output = run(workspace, "evidence", round_.codes[0], "--no-pdf", "--out", str(tmp_path / "ul"))
    assert "Skrev 1 underlag" in output
    assert (tmp_path / "ul" / round_.codes[0] / "index.html").is_file()
    result = CliRunner().invoke(
        cli,
        ["--evidence-dir", str(workspace.settings.evidence_dir), "evidence", "9999", "--no-pdf"],
    )
    assert result.exit_code != 0 and "9999" in result.output and "Traceback" not in result.output


def test_history_import_and_stats(built: tuple[Workspace, BuiltRound], tmp_path: Path) -> None:
    workspace, _ = built
    history = tmp_path / "resultat-2024.csv"
    history.write_text(
        "kod,kommun,fee_calculator\n0114,Upplands Väsby,ja\n0115,Vallentuna,nej\n", "utf-8"
    )
    assert "omgång 2024" in run(workspace, "history", "import", str(history))
    assert "resultat-2024.csv" in run(workspace, "history", "list")
    output = run(workspace, "stats", "--out", str(tmp_path / "statistik"))
    assert "Avgiftskalkylator för hemtjänst" in output
    assert (tmp_path / "statistik" / "diagram" / "per-ar-fee_calculator.svg").is_file()
    bad = tmp_path / "fel.csv"
    bad.write_text("kod,fee_calculator\n0114,kanske\n", "utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "--evidence-dir",
            str(workspace.settings.evidence_dir),
            "history",
            "import",
            str(bad),
            "--round",
            "2023",
        ],
    )
    assert result.exit_code != 0 and "rad 2" in result.output and "Traceback" not in result.output


@pytest.fixture
def page_server(tmp_path: Path) -> Iterator[str]:
    """A municipal page on loopback, as the disputing municipality points at it."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "avgifter.html").write_text(
        "<html><head><title>Avgifter</title></head><body><h1>Avgifter för hemtjänst</h1>"
        "<p>Räkna ut din avgift med vår avgiftskalkylator för hemtjänst.</p>"
        # hostile parts: a script, a javascript: link, a formula, a huge paragraph
        "<script>alert('sida')</script><a href=\"javascript:alert(1)\">Beräkna din avgift</a>"
        '<p>=HYPERLINK("http://evil.example","klicka")</p>'
        f"<p>{'Avgift för hemtjänst. ' * 5000}</p></body></html>",
        "utf-8",
    )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.browser
def test_dispute_through_the_cli_with_a_real_capture(
    built: tuple[Workspace, BuiltRound], page_server: str, tmp_path: Path
) -> None:
    workspace, round_ = built
    code = round_.codes[1]
    url = f"{page_server}/avgifter.html"
    output = run(
        workspace,
        "dispute",
        "add",
        code,
        "fee_calculator",
        "--claim",
        "Kalkylatorn finns",
        "--url",
        url,
        "--allow-private",
        "--by",
        "lisa",
    )
    assert "Invändning 1 registrerad" in output and "Ny fångst:" in output
    shown = run(workspace, "dispute", "show", "1")
    assert "Ny fångst:" in shown and "matcharen: " in shown
    assert "sidan sparades på nytt" in shown
    assert "under prövning" in run(workspace, "dispute", "list", "--open")
    decided = run(
        workspace, "dispute", "decide", "1", "--outcome", "fixed_since", "--reviewer", "bertil"
    )
    assert "noteras till nästa omgång" in decided
    run(workspace, "dispute", "report", "--out", str(tmp_path / "rapport"))
    html = (tmp_path / "rapport" / "index.html").read_text("utf-8")
    assert "Kalkylatorn finns" in html and "Ny fångst" in html
    assert "<script>alert" not in html and 'href="javascript:' not in html
    assert len(html) < 200_000  # the enormous paragraph is cut
    assert "Sista dag" in run(workspace, "dispute", "deadline", "2025-10-31", "--by", "indexteamet")
    evidence = tmp_path / "ul"
    run(workspace, "evidence", code, "--no-pdf", "--out", str(evidence))
    page = (evidence / code / "index.html").read_text("utf-8")
    assert "31 oktober 2025" in page and "Invändning 1" in page
