"""The demo chain end to end with the real browser: crawl -> match -> decisions -> score -> export."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from webaudit.checklists import load_checklist
from webaudit.config import Settings
from webaudit.demo.manifest import load_manifest
from webaudit.scoring import score_municipality
from webaudit.store.tables import Capture, Decision
from webaudit.workspace import open_workspace

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _webaudit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "webaudit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("demo")
    evidence = base / "evidence"
    result = _webaudit("demo", "--no-tui", "--evidence-dir", str(evidence), cwd=base)
    assert "JSON-export" in result.stdout
    return evidence


def test_demo_captures_every_site_with_screenshots(demo_run: Path) -> None:
    manifest = load_manifest()
    workspace = open_workspace(Settings(evidence_dir=demo_run))
    with workspace.store.session() as session:
        captures = session.exec(select(Capture)).all()
    by_site: dict[str, list[Capture]] = {}
    for capture in captures:
        by_site.setdefault(capture.municipality_code, []).append(capture)
    assert set(by_site) == {site.code for site in manifest.sites}
    for code, site_captures in by_site.items():
        pages = [c for c in site_captures if c.kind == "page" and c.status == 200]
        assert len(pages) >= 3, code
        for capture in pages:
            assert capture.screenshot_path and capture.html_sha256 and capture.raw_sha256
            assert capture.captured_at.tzinfo is not None
            width, height = _png_size(workspace.evidence.absolute(capture.screenshot_path))
            assert width == 1280 and height >= 300
            assert (
                workspace.evidence.check(capture.screenshot_path, capture.screenshot_sha256 or "")
                == "ok"
            )
    # Provsala's home-care text is injected by JavaScript: only a real browser sees it.
    provsala = next(site for site in manifest.sites if site.slug == "provsala")
    texts = [
        workspace.evidence.read(c.text_path).decode() for c in by_site[provsala.code] if c.text_path
    ]
    raws = [
        workspace.evidence.read(c.raw_path).decode("utf-8", "replace")
        for c in by_site[provsala.code]
        if c.raw_path and c.kind == "page"
    ]
    assert any("ambeslut" in text for text in texts)
    assert not any("ambeslut" in raw for raw in raws)
    workspace.close()


def test_export_json_contract_and_scores_from_decisions(demo_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    _webaudit(
        "export",
        "--format",
        "json",
        "--out",
        str(out),
        "--evidence-dir",
        str(demo_run),
        cwd=tmp_path,
    )
    document = json.loads(out.read_text(encoding="utf-8"))
    checklist = load_checklist().checklist
    assert document["round"] == "2025"
    assert document["checklist"] == {"id": checklist.id, "version": checklist.version}
    assert document["generated_at"].endswith("+00:00")
    municipalities = document["municipalities"]
    assert len(municipalities) == len(load_manifest().sites)
    screenshots = 0
    for entry in municipalities:
        assert set(entry) >= {"code", "name", "size_group", "crawl", "scores", "items"}
        assert entry["crawl"]["status"] in ("ok", "partial", "failed", "not_crawled")
        assert entry["crawl"]["pages"] > 0
        assert [item["id"] for item in entry["items"]] == [item.id for item in checklist.items]
        for item in entry["items"]:
            assert item["auto"] in ("pass", "fail", "review")
            assert 0.0 <= item["confidence"] <= 1.0
            assert item["decision"] in ("yes", "no", "not_applicable", None)
            assert item["verdict"] == (item["decision"] or "pending")
            if entry["crawl"]["status"] == "failed":
                assert item["auto"] == "review"
            for evidence in item["evidence"]:
                assert set(evidence) == {"url", "captured_at", "sha256", "screenshot", "quote"}
                assert len(evidence["sha256"]) == 64
                if evidence["screenshot"]:
                    _png_size(demo_run / evidence["screenshot"])
                    screenshots += 1
        decisions = {item["id"]: item["decision"] for item in entry["items"]}
        assert (
            entry["scores"]["information"]
            == score_municipality(entry["code"], decisions, checklist).scores["information"]
        )
    assert screenshots > 10


def test_decisions_were_stored_with_versions(demo_run: Path) -> None:
    workspace = open_workspace(Settings(evidence_dir=demo_run))
    with workspace.store.session() as session:
        decisions = session.exec(select(Decision)).all()
    workspace.close()
    assert decisions
    assert all(
        d.checklist_id == "hemtjanstindex" and d.checklist_version and d.matcher_version
        for d in decisions
    )
    assert {d.value for d in decisions} <= {"yes", "no"}


def test_evidence_lists_written(demo_run: Path) -> None:
    lists = sorted((demo_run / "demo" / "underlag").glob("*/index.html"))
    assert len(lists) == len(load_manifest().sites)
    html = lists[0].read_text(encoding="utf-8")
    assert "Avgiftskalkylator" in html and "SHA-256" in html
