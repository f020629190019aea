"""The store on both databases: migrations, rounds, captures, decisions, append-only tables."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from webaudit.errors import StaleWriteError, StoreError
from webaudit.municipalities import Municipality as Row
from webaudit.store import Store
from webaudit.store.captures import (
    add_capture,
    finish_crawl_run,
    latest_runs,
    start_crawl_run,
    unfinished_run,
)
from webaudit.store.decisions import (
    DecisionInput,
    current_decisions,
    decision_history,
    record_decision,
)
from webaudit.store.engine import schema_revision
from webaudit.store.events import log_event
from webaudit.store.rounds import register_municipalities, round_municipalities
from webaudit.store.tables import Capture, Event
from webaudit.workspace import Workspace

pytestmark = pytest.mark.postgres

ROWS = [
    Row(
        code="0114",
        name="Upplands Väsby",
        website="https://www.upplandsvasby.se",
        population=50495,
        size_group=3,
    ),
    Row(
        code="0180",
        name="Stockholm",
        website="https://start.stockholm",
        population=999239,
        size_group=5,
    ),
]


def _decision(
    value: str | None, reviewer: str = "anna", item: str = "fee_calculator"
) -> DecisionInput:
    return DecisionInput(
        round_id="2025",
        municipality_code="0114",
        item_id=item,
        value=value,
        reviewer=reviewer,
        checklist_id="hemtjanstindex",
        checklist_version="2025.1",
    )


def _seed(ws: Workspace) -> str:
    round_id = ws.ensure_round()
    with ws.store.session(write=True) as session:
        register_municipalities(session, round_id, ROWS)
    return round_id


def test_opening_twice_keeps_data_and_schema(any_workspace: Workspace) -> None:
    round_id = _seed(any_workspace)
    url = any_workspace.store.url
    any_workspace.close()
    with Store(url) as again:
        with again.session() as session:
            codes = [m.code for m, _ in round_municipalities(session, round_id)]
        assert codes == ["0114", "0180"]
        assert schema_revision(again.engine) is not None


def test_unknown_newer_schema_is_refused(any_workspace: Workspace) -> None:
    store = any_workspace.store
    with store.engine.begin() as connection:
        # One row per migration head (branches are fine); replace them all by an unknown one.
        connection.execute(text("DELETE FROM alembic_version"))
        connection.execute(text("INSERT INTO alembic_version (version_num) VALUES ('ffff_future')"))
    with pytest.raises(StoreError, match="ffff_future"):
        Store(store.url)


def test_round_records_checklist_and_membership(any_workspace: Workspace) -> None:
    round_id = _seed(any_workspace)
    assert round_id == "2025"
    with any_workspace.store.session() as session:
        members = round_municipalities(session, round_id)
    assert [(m.code, m.size_group) for m, _ in members] == [("0114", 3), ("0180", 5)]


def test_captures_are_append_only(any_workspace: Workspace) -> None:
    round_id = _seed(any_workspace)
    with any_workspace.store.session(write=True) as session:
        run = start_crawl_run(
            session, round_id, "0114", "https://www.upplandsvasby.se", settings={}, user_agent="t"
        )
        add_capture(
            session,
            Capture(
                crawl_run_id=run.id or 0,
                round_id=round_id,
                municipality_code="0114",
                url="https://x/",
                final_url="https://x/",
                status=200,
            ),
            [],
        )
    with (
        pytest.raises(DBAPIError, match="append-only"),
        any_workspace.store.session(write=True) as session,
    ):
        session.execute(text("UPDATE capture SET status = 500"))
    with (
        pytest.raises(DBAPIError, match="append-only"),
        any_workspace.store.session(write=True) as session,
    ):
        session.execute(text("DELETE FROM capture"))
    with any_workspace.store.session() as session:
        assert session.exec(select(Capture.status)).all() == [200]


def test_event_log_is_append_only(any_workspace: Workspace) -> None:
    _seed(any_workspace)
    with any_workspace.store.session(write=True) as session:
        log_event(session, "anna", "note", detail="x")
    with (
        pytest.raises(DBAPIError, match="append-only"),
        any_workspace.store.session(write=True) as session,
    ):
        session.execute(text("DELETE FROM event"))
    with any_workspace.store.session() as session:
        assert "note" in session.exec(select(Event.kind)).all()


def test_unfinished_run_is_found_for_resumption(any_workspace: Workspace) -> None:
    round_id = _seed(any_workspace)
    with any_workspace.store.session(write=True) as session:
        first = start_crawl_run(session, round_id, "0114", "https://a", settings={}, user_agent="t")
        finish_crawl_run(session, first, status="ok", stop_reason="klart")
        second = start_crawl_run(
            session, round_id, "0114", "https://a", settings={}, user_agent="t"
        )
    with any_workspace.store.session() as session:
        assert unfinished_run(session, round_id, "0114").id == second.id  # type: ignore[union-attr]
        assert latest_runs(session, round_id)["0114"].id == second.id


def test_decisions_append_and_refuse_stale_writes(any_workspace: Workspace) -> None:
    _seed(any_workspace)
    store = any_workspace.store
    with store.session(write=True) as session:
        first = record_decision(session, _decision("yes"), expected_revision=0)
    assert first.revision == 1
    # A second reviewer who also saw revision 0 is refused, and nothing is written.
    with pytest.raises(StaleWriteError, match="anna"), store.session(write=True) as session:
        record_decision(session, _decision("no", reviewer="bertil"), expected_revision=0)
    with store.session(write=True) as session:
        record_decision(session, _decision("no", reviewer="bertil"), expected_revision=1)
    with store.session() as session:
        current = current_decisions(session, "2025")[("0114", "fee_calculator")]
        history = decision_history(session, "2025", "0114", "fee_calculator")
    assert (current.value, current.reviewer, current.revision) == ("no", "bertil", 2)
    assert [(d.value, d.reviewer) for d in history] == [("yes", "anna"), ("no", "bertil")]
    assert history[1].previous_id == history[0].id


def test_decision_values_are_checked(any_workspace: Workspace) -> None:
    _seed(any_workspace)
    with (
        pytest.raises(ValueError, match="maybe"),
        any_workspace.store.session(write=True) as session,
    ):
        record_decision(session, _decision("maybe"), expected_revision=0)


def test_unsupported_database_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(StoreError, match="stöds inte"):
        Store("mysql://localhost/x")
