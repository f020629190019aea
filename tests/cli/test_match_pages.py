"""`webaudit match-pages`: the JSONL contract, with no database and no browser."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from webaudit.checklists import load_checklist

CALCULATOR = """<html><head><title>Avgifter för hemtjänst</title></head><body><main>
<h1>Avgifter för hemtjänst</h1>
<p>Här kan du räkna ut din avgift för hemtjänst med vår avgiftskalkylator.</p>
<form id="kalkyl"><label>Inkomst <input type="number" name="inkomst"></label>
<label>Hyra <input type="number" name="hyra"></label><button>Beräkna</button></form>
</main></body></html>"""


def _run(args: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "webaudit", "match-pages", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_one_json_line_per_input_with_every_item(tmp_path: Path) -> None:
    (tmp_path / "sida.html").write_text(
        "<html><body><p>Kommunens bibliotek har öppet.</p></body></html>", encoding="utf-8"
    )
    pages = tmp_path / "sidor.jsonl"
    pages.write_text(
        json.dumps({"id": "a", "url": "https://www.x.se/hemtjanst/avgifter", "html": CALCULATOR})
        + "\n"
        + json.dumps({"id": 7, "url": "https://www.x.se/bibliotek", "html_file": "sida.html"})
        + "\n",
        encoding="utf-8",
    )
    result = _run([str(pages)], tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", 7]
    item_ids = {item.id for item in load_checklist().checklist.items}
    for line in lines:
        assert set(line["items"]) == item_ids
        for value in line["items"].values():
            assert value["result"] in ("pass", "fail", "review")
            assert 0.0 <= value["confidence"] <= 1.0
            assert "quote" in value
    calculator = lines[0]["items"]["fee_calculator"]
    assert calculator["result"] == "pass" and "avgift" in calculator["quote"].lower()
    assert lines[1]["items"]["fee_calculator"]["result"] == "fail"
    assert not (tmp_path / "evidence").exists()  # no database, no evidence folder


def test_stdin_and_bad_lines_keep_going(tmp_path: Path) -> None:
    stdin = (
        "{not json}\n"
        + json.dumps({"id": "ok", "url": "https://x.se", "html": CALCULATOR})
        + "\n"
        + json.dumps({"id": "tom"})
        + "\n"
    )
    result = _run(["-"], tmp_path, stdin=stdin)
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert "error" in lines[0] and lines[1]["id"] == "ok" and "items" in lines[1]
    assert lines[2] == {"id": "tom", "error": lines[2]["error"]} and "html" in lines[2]["error"]
    assert "rad 1" in result.stderr and "Traceback" not in result.stderr
