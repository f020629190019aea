"""`webaudit match`, `webaudit explain` and `webaudit match-pages` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.match.conftest import page, seed_site
from webaudit.checklists import load_checklist
from webaudit.cli.main import cli
from webaudit.config import Settings
from webaudit.workspace import open_workspace

PAGES = {
    "https://www.prov.se/hemtjanst/": page(
        '<h1>Hemtjänst</h1><p>Här kan du <a href="https://www.aldreguiden.se/">jämföra hemtjänstens utförare i Äldreguiden</a>.</p>'
    )
}


def _seeded(tmp_path: Path) -> Path:
    evidence = tmp_path / "evidence"
    workspace = open_workspace(Settings(evidence_dir=evidence))
    seed_site(workspace, PAGES)
    workspace.close()
    return evidence


def test_match_is_idempotent_and_explain_tells_why(tmp_path: Path) -> None:
    evidence = _seeded(tmp_path)
    runner = CliRunner()
    first = runner.invoke(cli, ["--evidence-dir", str(evidence), "match", "--no-crops"])
    assert first.exit_code == 0, first.output
    assert "0114:" in first.output and "1 nya utvärderingar" in first.output
    again = runner.invoke(cli, ["--evidence-dir", str(evidence), "match", "--no-crops"])
    assert "oförändrad" in again.output and "0 nya utvärderingar" in again.output
    forced = runner.invoke(cli, ["--evidence-dir", str(evidence), "match", "--no-crops", "--force"])
    assert "1 nya utvärderingar" in forced.output
    explained = runner.invoke(
        cli, ["--evidence-dir", str(evidence), "explain", "0114", "provider_comparison"]
    )
    assert explained.exit_code == 0, explained.output
    assert "UPPFYLLD" in explained.output and "Äldreguiden" in explained.output
    as_json = runner.invoke(
        cli, ["--evidence-dir", str(evidence), "explain", "0114", "provider_comparison", "--json"]
    )
    data = json.loads(as_json.output)
    assert data["auto"] == "pass" and data["pages"][0]["url"] == "https://www.prov.se/hemtjanst/"


def test_explain_errors_are_one_line(tmp_path: Path) -> None:
    evidence = _seeded(tmp_path)
    runner = CliRunner()
    unknown = runner.invoke(
        cli, ["--evidence-dir", str(evidence), "explain", "0114", "no_such_item"]
    )
    assert (
        unknown.exit_code != 0
        and "no_such_item" in unknown.output
        and "Traceback" not in unknown.output
    )
    not_matched = runner.invoke(
        cli, ["--evidence-dir", str(evidence), "explain", "0114", "fee_calculator"]
    )
    assert not_matched.exit_code != 0 and "webaudit match" in not_matched.output


def test_match_pages_contract_with_the_same_matchers(tmp_path: Path) -> None:
    body = page(
        "<h1>Trygghetslarm</h1><p>Trygghetslarmet är en knapp du bär som armband. Du trycker på knappen och larmcentralen svarar dygnet runt.</p>"
    )
    lines = tmp_path / "sidor.jsonl"
    lines.write_text(
        json.dumps({"id": "larm", "url": "https://www.prov.se/larm/", "html": body}) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["match-pages", str(lines)])
    assert result.exit_code == 0, result.output
    [line] = [json.loads(x) for x in result.output.splitlines()]
    assert set(line) == {"id", "items"} and set(line["items"]) == {
        i.id for i in load_checklist().checklist.items
    }
    alarm = line["items"]["safety_alarm"]
    assert (
        alarm["result"] == "pass" and 0 < alarm["confidence"] <= 1 and "armband" in alarm["quote"]
    )
    assert set(alarm) == {"result", "confidence", "quote"}
    assert line["items"]["fee_calculator"] == {
        "result": "fail",
        "confidence": line["items"]["fee_calculator"]["confidence"],
        "quote": None,
    }
