"""Disputes: both ways of deciding, a different reviewer, concurrency, events, scores, report."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from tests.conftest import make_workspace
from tests.export.factory import REVIEWER, BuiltRound, build_round
from webaudit.crawl.capture import PageSnapshot
from webaudit.crawl.single import store_single_capture
from webaudit.disputes import (
    DisputeClaim,
    DisputeError,
    carried_over,
    decide_dispute,
    open_dispute,
    set_deadline,
)
from webaudit.errors import StaleWriteError
from webaudit.export.dispute_report import write_dispute_report
from webaudit.export.snapshot import read_round
from webaudit.store.decisions import DecisionInput, decision_history, record_decision
from webaudit.store.tables import Capture, Event
from webaudit.store.types import utcnow
from webaudit.workspace import Workspace

CLAIM = 'Vi har en kalkylator sedan i våras <script>alert("x")</script>'


@pytest.fixture
def disputed(tmp_path: Path, db_url: str) -> Iterator[tuple[Workspace, BuiltRound]]:
    workspace = make_workspace(tmp_path, db=db_url)
    try:
        yield workspace, build_round(workspace, sites=2, pages_per_site=4, seed=11)
    finally:
        workspace.close()


def fake_capture(workspace: Workspace, round_id: str, code: str, body: str = "Räkna ut din avgift"):
    """Stores a capture like webaudit.crawl.single does, without a browser."""

    def capture(url: str) -> Capture:
        image = io.BytesIO()
        Image.new("RGB", (1280, 900), "white").save(image, format="PNG")
        html = f"<html><body><h1>Avgifter</h1><p>{body} för hemtjänst.</p></body></html>"
        snapshot = PageSnapshot(
            url,
            url,
            200,
            "text/html",
            {},
            utcnow(),
            title="Avgifter",
            raw=html.encode(),
            html=html,
            text=body,
            screenshot=image.getvalue(),
        )
        return store_single_capture(
            workspace.store,
            workspace.evidence,
            snapshot,
            round_id=round_id,
            municipality_code=code,
            actor="lisa",
            source="dispute",
        )

    return capture


def _decided(workspace: Workspace, round_: BuiltRound, value: str) -> tuple[str, str, Capture]:
    """A (code, item) the reviewer decided `value`, and one crawled capture of that site."""
    snapshot = read_round(workspace.store, workspace.checklist, round_.round_id)
    for state in snapshot.municipalities:
        for item in state.items:
            if item.decision and item.decision.value == value:
                with workspace.store.session() as session:
                    capture = session.exec(
                        select(Capture).where(Capture.municipality_code == state.municipality.code)
                    ).first()
                assert capture is not None
                return state.municipality.code, item.item_id, capture
    raise AssertionError(f"no item decided {value}")


def _events(workspace: Workspace, dispute_id: int) -> list[str]:
    with workspace.store.session() as session:
        events = session.exec(select(Event)).all()
    return [e.kind for e in events if e.payload.get("dispute_id") == dispute_id]


@pytest.mark.postgres
def test_review_was_wrong_changes_the_decision_and_the_score(
    disputed: tuple[Workspace, BuiltRound],
) -> None:
    workspace, round_ = disputed
    code, item_id, archived = _decided(workspace, round_, "no")
    weight = workspace.checklist.item(item_id).weight
    before = read_round(workspace.store, workspace.checklist, round_.round_id).municipality(code)
    assert before is not None
    dispute = open_dispute(
        workspace.store,
        workspace.checklist,
        DisputeClaim(round_.round_id, code, item_id, CLAIM, archived.url, "lisa"),
        capture=fake_capture(workspace, round_.round_id, code),
    )
    assert dispute.archived_capture_id == archived.id
    assert dispute.capture_id is not None and dispute.capture_error is None
    with pytest.raises(DisputeError, match="annan granskare"):
        decide_dispute(
            workspace.store,
            workspace.checklist,
            dispute.id or 0,
            outcome="review_wrong",
            reviewer=REVIEWER,
        )
    outcome = decide_dispute(
        workspace.store,
        workspace.checklist,
        dispute.id or 0,
        outcome="review_wrong",
        reviewer="bertil",
        note="Fanns på sidan 2 september.",
    )
    assert outcome.new_decision is not None and outcome.new_decision.value == "yes"
    assert outcome.new_decision.evidence_capture_ids == [archived.id]
    assert outcome.new_decision.reviewer == "bertil"
    # Hand-computed: one more item worth `weight` earned out of the same denominator.
    possible = sum(
        i.weight
        for i in workspace.checklist.items
        if (d := before.item(i.id).decision) is None or d.value != "not_applicable"
    )
    expected = round(100 * (before.score.information * possible / 100 + weight) / possible, 1)
    assert outcome.score_after.information == pytest.approx(expected, abs=0.11)
    after = read_round(workspace.store, workspace.checklist, round_.round_id).municipality(code)
    assert after is not None and after.item(item_id).verdict == "yes"
    assert after.score.information == outcome.score_after.information
    with workspace.store.session() as session:
        history = decision_history(session, round_.round_id, code, item_id)
    assert [d.value for d in history] == ["no", "yes"]  # the original is kept
    assert _events(workspace, dispute.id or 0) == [
        "dispute_opened",
        "dispute_captured",
        "dispute_decided",
        "score_recomputed",
    ]
    with pytest.raises(DisputeError, match="redan avgjord"):
        decide_dispute(
            workspace.store,
            workspace.checklist,
            dispute.id or 0,
            outcome="rejected",
            reviewer="bertil",
        )


@pytest.mark.postgres
def test_fixed_since_keeps_the_decision_and_notes_the_next_round(
    disputed: tuple[Workspace, BuiltRound],
) -> None:
    workspace, round_ = disputed
    code, item_id, _capture = _decided(workspace, round_, "no")
    new_page = "https://www.example.se/ny-sida-efter-granskningen"
    dispute = open_dispute(
        workspace.store,
        workspace.checklist,
        DisputeClaim(round_.round_id, code, item_id, "Nu finns det", new_page, "lisa"),
        capture=fake_capture(workspace, round_.round_id, code),
    )
    assert dispute.archived_capture_id is None  # the crawl never saw that page
    before = read_round(workspace.store, workspace.checklist, round_.round_id).municipality(code)
    outcome = decide_dispute(
        workspace.store,
        workspace.checklist,
        dispute.id or 0,
        outcome="fixed_since",
        reviewer="bertil",
    )
    assert outcome.new_decision is None
    assert outcome.score_after.scores == outcome.score_before.scores
    after = read_round(workspace.store, workspace.checklist, round_.round_id).municipality(code)
    assert before is not None and after is not None
    assert after.item(item_id).verdict == "no" and after.score.scores == before.score.scores
    assert "carry_over_noted" in _events(workspace, dispute.id or 0)
    assert [d.id for d in carried_over(workspace.store, "2026")] == [dispute.id]


def test_a_changed_decision_refuses_a_stale_dispute_decision(
    disputed: tuple[Workspace, BuiltRound],
) -> None:
    workspace, round_ = disputed
    code, item_id, capture = _decided(workspace, round_, "no")
    dispute = open_dispute(
        workspace.store,
        workspace.checklist,
        DisputeClaim(round_.round_id, code, item_id, "Fel", capture.url, "lisa"),
    )
    with workspace.store.session(write=True) as session:
        record_decision(
            session,
            DecisionInput(
                round_.round_id,
                code,
                item_id,
                "yes",
                "cecilia",
                workspace.checklist.id,
                workspace.checklist.version,
            ),
            expected_revision=None,
        )
    with pytest.raises(StaleWriteError, match="ändrats sedan"):
        decide_dispute(
            workspace.store,
            workspace.checklist,
            dispute.id or 0,
            outcome="review_wrong",
            reviewer="bertil",
        )


def test_failed_capture_keeps_the_claim_and_deadline_is_enforced(
    disputed: tuple[Workspace, BuiltRound],
) -> None:
    workspace, round_ = disputed
    code, item_id, _ = _decided(workspace, round_, "no")

    def broken(url: str) -> Capture:
        raise RuntimeError("Chromium startade inte")

    dispute = open_dispute(
        workspace.store,
        workspace.checklist,
        DisputeClaim(round_.round_id, code, item_id, "Fel", "https://x.example.se/", "lisa"),
        capture=broken,
    )
    assert dispute.capture_id is None and "Chromium" in (dispute.capture_error or "")
    set_deadline(workspace.store, round_.round_id, utcnow() - timedelta(days=1), "indexteamet")
    claim = DisputeClaim(round_.round_id, code, item_id, "Sent", None, "lisa")
    with pytest.raises(DisputeError, match="--late"):
        open_dispute(workspace.store, workspace.checklist, claim)
    late = open_dispute(
        workspace.store,
        workspace.checklist,
        DisputeClaim(round_.round_id, code, item_id, "Sent", None, "lisa", late=True),
    )
    assert late.id is not None
    with pytest.raises(DisputeError, match="http"):
        open_dispute(
            workspace.store,
            workspace.checklist,
            DisputeClaim(
                round_.round_id, code, item_id, "x", "javascript:alert(1)", "lisa", late=True
            ),
        )


def test_dispute_report_shows_both_captures_escaped(
    disputed: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    workspace, round_ = disputed
    code, item_id, archived = _decided(workspace, round_, "no")
    dispute = open_dispute(
        workspace.store,
        workspace.checklist,
        DisputeClaim(round_.round_id, code, item_id, CLAIM, archived.url, "lisa"),
        capture=fake_capture(workspace, round_.round_id, code),
    )
    decide_dispute(
        workspace.store,
        workspace.checklist,
        dispute.id or 0,
        outcome="review_wrong",
        reviewer="bertil",
    )
    report = write_dispute_report(
        workspace.store,
        workspace.evidence,
        workspace.checklist,
        round_.round_id,
        tmp_path / "rapport",
    )
    html = report.read_text("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "Arkiverad fångst" in html and "Ny fångst" in html
    assert "granskningen var fel" in html
    assert "Matcharen:" in html  # the matcher's view of the fresh capture
    assert "→" in html  # decision and score before -> after
    assert list((tmp_path / "rapport" / "bilder").glob("*.png"))
