"""The store's retry layer: transient errors ridden out, others not, a cut-off COMMIT not doubled."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, func, select

from tests.reliability.seed import seed_members
from webaudit.errors import StaleWriteError
from webaudit.store import Store
from webaudit.store.decisions import DecisionInput
from webaudit.store.retry import (
    DatabaseUnavailableError,
    is_transient,
    record_decision_retrying,
    run_with_retry,
)
from webaudit.store.tables import Decision
from webaudit.workspace import Workspace


def _lost(message: str = "server closed the connection unexpectedly") -> OperationalError:
    return OperationalError("COMMIT", {}, Exception(message), connection_invalidated=True)


def test_transient_errors_are_retried_until_they_pass() -> None:
    calls = []

    def work() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise _lost()
        return "klart"

    seen: list[int] = []
    assert run_with_retry(work, on_retry=lambda n, _e: seen.append(n)) == "klart"
    assert seen == [1, 2]


def test_other_errors_are_not_retried() -> None:
    calls = []

    def work() -> None:
        calls.append(1)
        raise IntegrityError("INSERT", {}, Exception("duplicate key"))

    with pytest.raises(IntegrityError):
        run_with_retry(work)
    assert len(calls) == 1
    assert not is_transient(ValueError("x"))


def test_past_the_deadline_a_user_gets_one_clear_line() -> None:
    def work() -> None:
        raise _lost("connection refused\nIs the server running?")

    with pytest.raises(DatabaseUnavailableError) as caught:
        run_with_retry(work, where="postgresql://db/x", deadline=0.3)
    message = str(caught.value)
    assert "går inte att nå" in message and "\n" not in message and "connection refused" in message


def _decision(ws: Workspace, round_id: str, value: str) -> DecisionInput:
    return DecisionInput(
        round_id,
        "9001",
        "fee_calculator",
        value,
        "anna",
        ws.checklist.id,
        ws.checklist.version,
        note="från retry-testet",
    )


def test_a_cut_off_commit_that_landed_is_not_written_twice(
    any_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = any_workspace
    round_id = seed_members(ws)
    store = ws.store
    original = Store.session
    cut = {"done": False}

    @contextlib.contextmanager
    def flaky(self: Store, *, write: bool = False) -> Iterator[Session]:
        with original(self, write=write) as session:
            yield session
        if write and not cut["done"]:
            cut["done"] = True
            raise _lost()  # committed, but the acknowledgement never arrived

    monkeypatch.setattr(Store, "session", flaky)
    decision = record_decision_retrying(store, _decision(ws, round_id, "yes"), expected_revision=0)
    monkeypatch.setattr(Store, "session", original)
    assert cut["done"] and decision.revision == 1
    with store.session() as session:
        assert session.exec(select(func.count()).select_from(Decision)).one() == 1
    # Someone else's write in between is still refused, not taken for ours.
    record_decision_retrying(store, _decision(ws, round_id, "no"), expected_revision=1)
    with pytest.raises(StaleWriteError):
        record_decision_retrying(store, _decision(ws, round_id, "yes"), expected_revision=1)


def test_a_write_that_never_landed_is_retried(
    any_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = any_workspace
    round_id = seed_members(ws)
    original = Store.session
    failures = {"left": 2}

    @contextlib.contextmanager
    def down(self: Store, *, write: bool = False) -> Iterator[Any]:
        if write and failures["left"]:
            failures["left"] -= 1
            raise _lost("connection refused")
        with original(self, write=write) as session:
            yield session

    monkeypatch.setattr(Store, "session", down)
    decision = record_decision_retrying(
        ws.store, _decision(ws, round_id, "yes"), expected_revision=None
    )
    assert decision.revision == 1 and failures["left"] == 0
