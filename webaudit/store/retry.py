"""Riding out a database that is briefly unreachable (PostgreSQL restarted, network blip).

A unit of work is retried as a whole, from a fresh session, while the error is a connection-level
one (SQLSTATE class 08, server shutdown 57P01-57P03, serialization/deadlock 40001/40P01, SQLite
'database is locked'), with growing pauses up to a deadline. Past the deadline the caller gets a
DatabaseUnavailableError: one clear line, and nothing half-written (every unit is one
transaction).

A decision whose COMMIT was cut off may or may not have landed. Retrying it with the revision
the reviewer saw settles it: if it landed, the head has moved to exactly our decision, which is
then returned instead of being written twice; if someone else's did, StaleWriteError as usual.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.exc import DBAPIError

from webaudit.errors import StaleWriteError, StoreError
from webaudit.store.decisions import DecisionInput, current_revision, record_decision
from webaudit.store.tables import Decision, DecisionHead

if TYPE_CHECKING:
    from webaudit.store.engine import Store

T = TypeVar("T")
log = logging.getLogger(__name__)

TRANSIENT_SQLSTATES = frozenset({"57P01", "57P02", "57P03", "40001", "40P01"})
DEFAULT_DEADLINE = 30.0  # seconds: long enough for a server restart, short enough to tell a user
PAUSES = (0.1, 0.25, 0.5, 1.0, 2.0)  # then 2 s each time


class DatabaseUnavailableError(StoreError):
    """The database could not be reached (for now); nothing was written."""


def _sqlstate(error: BaseException) -> str | None:
    original = getattr(error, "orig", None) or error
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return str(state) if state else None


def is_transient(error: BaseException) -> bool:
    """True for errors that another attempt on a fresh connection may not meet."""
    if isinstance(error, DatabaseUnavailableError):
        return True
    if isinstance(error, StoreError) and error.__cause__ is not None:
        return is_transient(error.__cause__)
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    state = _sqlstate(error)
    if state is not None:
        return state.startswith("08") or state in TRANSIENT_SQLSTATES
    message = str(error.orig).lower()
    return any(
        fragment in message
        for fragment in (
            "database is locked",
            "connection refused",
            "server closed the connection",
            "terminating connection",
            "could not connect",
            "connection is closed",
            "the database system is",
        )
    )


def first_line(error: BaseException) -> str:
    """The driver's own first line, under any wrapping of ours."""
    while isinstance(error, StoreError) and error.__cause__ is not None:
        error = error.__cause__
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__


def unavailable(error: BaseException, where: str) -> DatabaseUnavailableError:
    return DatabaseUnavailableError(
        f"databasen {where} går inte att nå just nu ({first_line(error)}); "
        "inget ändrades, försök igen om en stund"
    )


def run_with_retry(
    work: Callable[[], T],
    *,
    where: str = "",
    deadline: float = DEFAULT_DEADLINE,
    on_retry: Callable[[int, BaseException], None] | None = None,
) -> T:
    """Run `work` (one whole transaction), again while it fails transiently, until `deadline`."""
    started = time.monotonic()
    attempt = 0
    while True:
        try:
            return work()
        except Exception as error:
            if not is_transient(error):
                raise
            attempt += 1
            pause = PAUSES[min(attempt - 1, len(PAUSES) - 1)]
            if time.monotonic() - started + pause > deadline:
                raise unavailable(error, where) from error
            log.warning(
                "databasen svarar inte (%s); försöker igen om %.1f s (försök %d)",
                first_line(error),
                pause,
                attempt + 1,
            )
            if on_retry is not None:
                on_retry(attempt, error)
            time.sleep(pause)


def _is_ours(decision: Decision | None, data: DecisionInput, revision: int) -> bool:
    return (
        decision is not None
        and decision.revision == revision
        and decision.reviewer == data.reviewer
        and decision.value == data.value
        and decision.note == data.note
        and decision.role == data.role
        and list(decision.evidence_capture_ids) == list(data.evidence_capture_ids)
        and decision.seconds_spent == data.seconds_spent
    )


def record_decision_retrying(
    store: Store,
    data: DecisionInput,
    *,
    expected_revision: int | None,
    deadline: float = DEFAULT_DEADLINE,
    on_retry: Callable[[int, BaseException], None] | None = None,
) -> Decision:
    """record_decision in its own write transaction, riding out a briefly unreachable database.

    `expected_revision=None` is pinned to the revision read just before the first attempt, so
    a retry can never write the same decision twice.
    """
    key = (data.round_id, data.municipality_code, data.item_id, data.role)

    def read_revision() -> int:
        with store.session() as session:
            return current_revision(session, *key)

    expected = (
        expected_revision
        if expected_revision is not None
        else run_with_retry(read_revision, where=store.display_url, deadline=deadline)
    )
    interrupted = False

    def attempt() -> Decision:
        nonlocal interrupted
        try:
            with store.session(write=True) as session:
                return record_decision(session, data, expected_revision=expected)
        except StaleWriteError:
            if interrupted:
                with store.session() as session:
                    head = session.get(DecisionHead, key)
                    mine = session.get(Decision, head.decision_id) if head else None
                    if _is_ours(mine, data, expected + 1):
                        assert mine is not None
                        return mine  # the cut-off COMMIT had landed
            raise
        except Exception as error:
            interrupted = interrupted or is_transient(error)
            raise

    return run_with_retry(attempt, where=store.display_url, deadline=deadline, on_retry=on_retry)
