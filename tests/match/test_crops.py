"""Cropped, highlighted screenshots of the best evidence, re-rendered offline in Chromium."""

from __future__ import annotations

import struct

import pytest
from sqlmodel import select

from tests.match.conftest import page, seed_site
from webaudit.evidence import EvidenceStore
from webaudit.match.crops import CropRenderer, CropRequest
from webaudit.match.runner import evaluate_round
from webaudit.store.tables import Finding, StoredFile
from webaudit.workspace import Workspace

pytestmark = pytest.mark.browser

HTML = page(
    "<h1>Hemtjänst</h1><details><summary>Avgift</summary><p id='dold'>Prova vår räknesnurra.</p></details>"
    '<p>Här kan du <a href="https://www.aldreguiden.se/">jämföra hemtjänstens utförare i Äldreguiden</a>.</p>'
    '<img src="https://www.prov.se/stor-bild.jpg" alt="">'
)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_crops_found_by_selector_or_quote_hidden_ones_shown(tmp_path) -> None:  # type: ignore[no-untyped-def]
    evidence = EvidenceStore(tmp_path)
    requests = [
        CropRequest(
            "link",
            1,
            HTML,
            "https://www.prov.se/hemtjanst/",
            "main > p:nth-of-type(1) > a:nth-of-type(1)",
        ),
        CropRequest("hidden", 1, HTML, "https://www.prov.se/hemtjanst/", "p#dold"),
        CropRequest(
            "by-quote",
            1,
            HTML,
            "https://www.prov.se/hemtjanst/",
            "div.finns-inte",
            "Prova vår räknesnurra",
        ),
        CropRequest(
            "missing",
            1,
            HTML,
            "https://www.prov.se/hemtjanst/",
            "div.finns-inte",
            "text som inte finns",
        ),
    ]
    with CropRenderer(evidence) as renderer:
        stored = renderer.render(requests)
    assert stored["missing"] is None
    for key in ("link", "hidden", "by-quote"):
        crop = stored[key]
        assert crop is not None and crop.media_type == "image/png"
        width, height = _png_size(evidence.read(crop.path))
        assert 640 <= width <= 1280 and 20 <= height <= 900
        assert evidence.check(crop.path, crop.sha256) == "ok"


def test_match_stage_crops_the_best_evidence_of_pass_and_review_flags(workspace: Workspace) -> None:
    round_id = seed_site(workspace, {"https://www.prov.se/hemtjanst/": HTML})
    [site] = evaluate_round(
        workspace.store,
        workspace.evidence,
        workspace.loaded_checklist,
        round_id,
        ["0114"],
        crops=True,
    )
    assert site.flags["provider_comparison"].result == "pass" and site.crops >= 1
    with workspace.store.session() as session:
        cropped = session.exec(select(Finding).where(Finding.crop_path.is_not(None))).all()  # type: ignore[union-attr]
        assert {f.item_id for f in cropped} >= {"provider_comparison"}
        assert all(f.result in ("pass", "review") for f in cropped)
        for finding in cropped:
            assert session.get(StoredFile, finding.crop_sha256) is not None
            assert (
                workspace.evidence.check(finding.crop_path or "", finding.crop_sha256 or "") == "ok"
            )
