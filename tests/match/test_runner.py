"""The match stage on a store: evaluations, findings with evidence, flags, idempotence, explain."""

from __future__ import annotations

import pytest
from sqlmodel import select

from tests.match.conftest import page, seed_site
from webaudit.match import MATCHER_VERSION
from webaudit.match.explain import explain_item, format_explanation
from webaudit.match.runner import evaluate_round
from webaudit.store.tables import Capture, Evaluation, Event, Finding, ItemFlag
from webaudit.workspace import Workspace

PAGES = {
    "https://www.prov.se/omsorg/hemtjanst/": page(
        "<h1>Hemtjänst</h1><p>Innan du väljer utförare kan du "
        '<a href="https://www.aldreguiden.se/jamfor">jämföra hemtjänstens utförare i Äldreguiden</a>.</p>'
        "<p>Du kan byta en insats mot en annan inom ditt beslut.</p>"
    ),
    "https://www.prov.se/omsorg/hemtjanst/avgifter/": page(
        '<h1>Avgifter för hemtjänst</h1><p>Räkna ut din avgift för förskola med <a href="/forskola/kalkyl/">avgiftskalkylatorn</a>.</p>'
        "<p>Maxtaxan för hemtjänst är 2 576 kr per månad.</p>"
    ),
}


@pytest.mark.postgres
def test_evaluation_findings_flags_and_events(any_workspace: Workspace) -> None:
    round_id = seed_site(any_workspace, PAGES)
    [site] = evaluate_round(
        any_workspace.store,
        any_workspace.evidence,
        any_workspace.loaded_checklist,
        round_id,
        ["0114"],
    )
    assert not site.reused
    flags = site.flags
    assert flags["provider_comparison"].result == "pass"
    assert flags["flexibility_policy"].result == "pass"
    assert flags["fee_calculator"].result == "fail"  # only a childcare calculator
    assert flags["no_needs_assessment"].result == "fail"
    with any_workspace.store.session() as session:
        evaluation = session.get(Evaluation, site.evaluation_id)
        assert evaluation is not None and evaluation.matcher_version == MATCHER_VERSION
        assert (
            evaluation.inputs_sha256
            and evaluation.checklist_sha256 == any_workspace.loaded_checklist.sha256
        )
        rows = {
            f.item_id: f
            for f in session.exec(
                select(ItemFlag).where(ItemFlag.evaluation_id == site.evaluation_id)
            )
        }
        comparison = rows["provider_comparison"]
        [finding] = [session.get(Finding, fid) for fid in comparison.finding_ids]
        assert (
            finding is not None
            and finding.result == "pass"
            and "Äldreguiden" in (finding.quote or "")
        )
        assert finding.location and finding.details and finding.details["evidence"][0]["note"]
        fee = rows["fee_calculator"]
        assert (
            fee.negative_evidence["crawl_status"] == "ok"
            and fee.negative_evidence["pages_visited"] == 2
        )
        assert any("förskola" in n["cancelled_by"] for n in fee.negative_evidence["near_misses"])
        assert (
            session.exec(select(Event).where(Event.kind == "evaluation_created")).first()
            is not None
        )


def test_same_inputs_are_not_evaluated_twice_unless_forced(workspace: Workspace) -> None:
    round_id = seed_site(workspace, PAGES)
    args = (workspace.store, workspace.evidence, workspace.loaded_checklist, round_id, ["0114"])
    [first] = evaluate_round(*args)
    [again] = evaluate_round(*args)
    assert again.reused and again.evaluation_id == first.evaluation_id
    assert {k: f.result for k, f in again.flags.items()} == {
        k: f.result for k, f in first.flags.items()
    }
    assert [p.capture_id for p in again.flags["provider_comparison"].pages] == [
        p.capture_id for p in first.flags["provider_comparison"].pages
    ]
    [forced] = evaluate_round(*args, force=True)
    assert not forced.reused and forced.evaluation_id != first.evaluation_id
    with workspace.store.session() as session:
        assert len(session.exec(select(Evaluation)).all()) == 2
        assert len(session.exec(select(Capture)).all()) == 2  # captures untouched


def test_explain_names_pages_phrases_and_near_misses(workspace: Workspace) -> None:
    round_id = seed_site(workspace, PAGES)
    evaluate_round(
        workspace.store, workspace.evidence, workspace.loaded_checklist, round_id, ["0114"]
    )
    text = format_explanation(
        explain_item(workspace.store, workspace.checklist, round_id, "0114", "provider_comparison")
    )
    assert (
        "UPPFYLLD" in text
        and "https://www.prov.se/omsorg/hemtjanst/" in text
        and "Äldreguiden" in text
    )
    assert "Räknas inte:" in text and "Beslut: inget ännu" in text
    fee = format_explanation(
        explain_item(workspace.store, workspace.checklist, round_id, "0114", "fee_calculator")
    )
    assert "SAKNAS" in fee and "förskola" in fee and "Genomsökning: ok" in fee


def test_an_incomplete_crawl_gives_review_not_fail(workspace: Workspace) -> None:
    round_id = seed_site(workspace, PAGES, status="partial")
    [site] = evaluate_round(
        workspace.store, workspace.evidence, workspace.loaded_checklist, round_id, ["0114"]
    )
    assert site.flags["no_needs_assessment"].result == "review"
    assert "inte fullständig" in site.flags["no_needs_assessment"].reason


@pytest.mark.slow
def test_several_worker_processes_give_the_same_result(workspace: Workspace) -> None:
    pages = dict(PAGES)
    for number in range(20):  # more pages than one task takes, so the pool is used
        pages[f"https://www.prov.se/omsorg/sida-{number}/"] = page(
            f"<h1>Sida {number}</h1><p>Trygghetslarm kostar 200 kr per månad.</p>"
        )
    round_id = seed_site(workspace, pages)
    args = (workspace.store, workspace.evidence, workspace.loaded_checklist, round_id, ["0114"])
    [alone] = evaluate_round(*args)
    [pooled] = evaluate_round(*args, force=True, workers=2)
    assert {k: (f.result, f.confidence) for k, f in pooled.flags.items()} == {
        k: (f.result, f.confidence) for k, f in alone.flags.items()
    }
