"""The review core without any UI: queue, site view, decisions, undo, claims, team."""

from __future__ import annotations

import pytest

from tests.tui.seed import Seeded
from webaudit.errors import StaleWriteError, WebauditError
from webaudit.review.agreement import cohens_kappa, item_agreement
from webaudit.review.changes import evidence_changes, hashes_by_url
from webaudit.review.highlight import display_quote, term_spans
from webaudit.review.service import ReviewService, filter_queue, sort_queue
from webaudit.review.team import (
    adjudicate,
    agreement_report,
    disagreements,
    sample_second_review,
)
from webaudit.store.decisions import current_decisions, decision_history
from webaudit.store.review import CaptureHash
from webaudit.workspace import Workspace


def test_queue_lists_every_site_with_flags_and_progress(
    seeded_any: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_any
    service = ReviewService(workspace, seeded.round_id, "anna")
    rows = service.queue()
    assert [r.code for r in rows] == seeded.codes
    for row in rows:
        assert row.crawl_status == "ok" and row.pages == 6
        assert sum(row.flags.values()) == len(workspace.checklist.items) == row.total
        assert row.decided == 0 and row.claimed_by is None
    service.claim(seeded.codes[1])
    assert service.queue()[1].claimed_by == "anna"
    assert [r.name for r in sort_queue(rows, "name")] == sorted(r.name for r in rows)
    assert sort_queue(rows, "uncertainty")[0].uncertainty == max(r.uncertainty for r in rows)
    assert [r.code for r in filter_queue(rows, seeded.names[seeded.codes[2]].upper())] == [
        seeded.codes[2]
    ]
    assert [r.code for r in filter_queue(rows, seeded.codes[0])] == [seeded.codes[0]]


def test_site_shows_flags_evidence_last_round_and_changes(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    view = ReviewService(workspace, seeded.round_id, "anna").site(seeded.codes[0])
    assert len(view.rows) == len(workspace.checklist.items)
    assert view.previous_round_id == seeded.previous_round_id
    for row in view.rows:
        assert row.previous_round is not None and row.previous_round.value in ("yes", "no")
        if row.auto == "fail":
            assert row.candidates == [] and row.negative_evidence["pages_visited"] == 6
        else:
            assert len(row.candidates) == 2
            assert row.candidates[0].crop is not None and row.candidates[0].screenshot
            assert row.change in ("same", "changed", "new")
    # The seed changes pages 2.. and adds page 5 this round; pages 0 and 1 are unchanged.
    changes = {c.url.rsplit("/", 2)[-2]: c.change for r in view.rows for c in r.page_changes}
    assert changes["sida-0"] == "same" and changes["sida-3"] == "changed"
    assert changes.get("sida-5", "new") == "new"


def test_decide_records_who_when_how_long_evidence_and_versions(
    seeded_any: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_any
    service = ReviewService(workspace, seeded.round_id, "anna")
    code = seeded.codes[0]
    row = next(r for r in service.site(code).rows if r.auto == "pass")
    decision = service.accept_suggestion(code, row, seconds_spent=12.345)
    assert decision.value == "yes" and decision.reviewer == "anna"
    assert decision.seconds_spent == 12.35 and decision.revision == 1
    assert decision.checklist_version == workspace.checklist.version
    assert decision.matcher_version
    assert decision.evidence_capture_ids == [c.capture.id for c in row.candidates]
    assert row.revision == 1  # the row follows the write
    review = next(r for r in service.site(code).rows if r.auto == "review")
    with pytest.raises(WebauditError, match="osäker"):
        service.accept_suggestion(code, review, seconds_spent=1)
    with pytest.raises(WebauditError, match="skäl"):
        service.decide_row(code, review, "not_applicable")


def test_stale_write_is_refused_and_nothing_is_lost(
    seeded_any: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_any
    code = seeded.codes[0]
    anna = ReviewService(workspace, seeded.round_id, "anna")
    bertil = ReviewService(workspace, seeded.round_id, "bertil")
    row_a = anna.site(code).rows[0]
    row_b = bertil.site(code).rows[0]
    anna.decide_row(code, row_a, "yes")
    with pytest.raises(StaleWriteError, match="anna"):
        bertil.decide_row(code, row_b, "no")
    fresh = bertil.item(code, row_b.item.id)
    assert fresh.value == "yes" and fresh.revision == 1
    bertil.decide_row(code, fresh, "no")  # deciding on the fresh state works
    with workspace.store.session() as session:
        history = decision_history(session, seeded.round_id, code, row_a.item.id)
    assert [(d.reviewer, d.value) for d in history] == [("anna", "yes"), ("bertil", "no")]


def test_undo_and_note_append_new_revisions(seeded_workspace: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_workspace
    service = ReviewService(workspace, seeded.round_id, "anna")
    code = seeded.codes[0]
    row = service.site(code).rows[3]
    service.decide_row(code, row, "yes")
    service.decide_row(code, row, "not_applicable", note="kommunen har ingen hemtjänst i egen regi")
    service.set_note(code, row, "kollat med förvaltningen")
    assert row.value == "not_applicable" and row.decision is not None
    assert row.decision.note == "kollat med förvaltningen"
    service.undo(code, row)  # back to before the note
    assert row.decision.note == "kommunen har ingen hemtjänst i egen regi"
    service.undo(code, row)
    assert row.value == "yes"  # repeated undos keep stepping back
    service.undo(code, row)
    assert row.value is None
    with pytest.raises(WebauditError, match="inget att ångra"):
        service.undo(code, row)
    assert service.item(code, row.item.id).revision == row.revision == 6


def test_blind_second_review_is_refused_to_the_first_reviewer(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    code = seeded.codes[0]
    anna = ReviewService(workspace, seeded.round_id, "anna")
    anna.decide_row(code, anna.site(code).rows[0], "yes")
    with pytest.raises(WebauditError, match="andragranskningen"):
        anna.claim(code, "second")
    cecilia = ReviewService(workspace, seeded.round_id, "cecilia")
    view = cecilia.site(code, "second")
    assert view.rows[0].decision is None  # blind: the primary decision is not shown
    cecilia.decide_row(code, view.rows[0], "no")
    with workspace.store.session() as session:
        assert (
            current_decisions(session, seeded.round_id, code)[(code, view.rows[0].item.id)].value
            == "yes"
        )
        assert (
            current_decisions(session, seeded.round_id, code, role="second")[
                (code, view.rows[0].item.id)
            ].value
            == "no"
        )


def test_sampling_agreement_and_adjudication(seeded_any: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_any
    added = sample_second_review(workspace, seeded.round_id, 0.5, seed=1, actor="lead")
    assert len(added) == 3  # one per size group present (groups 1, 2, 3), rounded up
    assert sample_second_review(workspace, seeded.round_id, 0.5, seed=1, actor="lead") == []
    anna = ReviewService(workspace, seeded.round_id, "anna")
    cecilia = ReviewService(workspace, seeded.round_id, "cecilia")
    items = [i.id for i in workspace.checklist.items]
    for code in seeded.codes:
        first = anna.site(code).rows
        second = cecilia.site(code, "second").rows
        anna.decide_row(code, first[0], "yes")
        cecilia.decide_row(code, second[0], "yes" if code != seeded.codes[0] else "no")
        anna.decide_row(code, first[1], "no")
        cecilia.decide_row(code, second[1], "no")
    report = agreement_report(workspace, seeded.round_id)
    by_item = {row.item_id: row for row in report.items}
    assert by_item[items[0]].pairs == 3 and by_item[items[0]].agreed == 2
    assert by_item[items[0]].kappa == 0.0  # anna always said yes: no agreement beyond chance
    assert by_item[items[1]].rate == 1.0 and by_item[items[1]].kappa is None
    assert report.overall.pairs == 6 and report.overall.agreed == 5
    assert report.overall.kappa == pytest.approx(
        cohens_kappa([("yes", "no")] + [("yes", "yes")] * 2 + [("no", "no")] * 3)
    )
    cases = disagreements(workspace, seeded.round_id)
    assert [(c.code, c.item_id) for c in cases] == [(seeded.codes[0], items[0])]
    adjudicate(workspace, seeded.round_id, cases[0], "no", reviewer="lead", note="ingen kalkylator")
    with workspace.store.session() as session:
        primary = current_decisions(session, seeded.round_id, seeded.codes[0])
        ruling = current_decisions(session, seeded.round_id, seeded.codes[0], role="adjudication")
    assert primary[(seeded.codes[0], items[0])].value == "no"
    assert ruling[(seeded.codes[0], items[0])].reviewer == "lead"
    assert disagreements(workspace, seeded.round_id)[0].settled
    with pytest.raises(StaleWriteError):  # a second ruling on the old view is stale
        adjudicate(workspace, seeded.round_id, cases[0], "yes", reviewer="lead")


def test_kappa_by_hand() -> None:
    # p_o = 3/4; marginals yes 3/4 vs 2/4, no 1/4 vs 2/4: p_e = (6 + 2) / 16 = 1/2.
    assert cohens_kappa([("yes", "yes"), ("no", "no"), ("yes", "no"), ("yes", "yes")]) == 0.5
    assert cohens_kappa([]) is None
    assert cohens_kappa([("yes", "yes")] * 4) is None
    assert item_agreement("x", [("yes", "no"), ("no", "yes")]).kappa == -1.0


def test_highlight_follows_inflections_and_marks_negatives() -> None:
    text = display_quote("Beräkna  dina avgifter i vår avgiftskalkylatorn. Gäller inte förskola.")
    spans = term_spans(text, ["beräkna din avgift", "kalkylator", "-förskola"])
    assert [text[s.start : s.end] for s in spans] == [
        "Beräkna dina avgifter",
        "avgiftskalkylatorn",
        "förskola",
    ]
    assert [s.negative for s in spans] == [False, False, True]


def test_changes_compare_hashes_by_url() -> None:
    def page(url: str, digest: str) -> CaptureHash:
        return CaptureHash(1, url, url, digest)

    now = hashes_by_url(
        [page("https://a/x", "1"), page("https://a/y", "2"), page("https://a/n", "3")]
    )
    before = hashes_by_url(
        [page("https://a/x/", "1"), page("https://a/y", "9"), page("https://a/g", "4")]
    )
    result = {
        c.url: c.change
        for c in evidence_changes(
            ["https://a/x", "https://a/y", "https://a/n"], ["https://a/g"], now, before
        )
    }
    assert result == {
        "https://a/x": "same",
        "https://a/y": "changed",
        "https://a/n": "new",
        "https://a/g": "gone",
    }
