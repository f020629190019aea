"""The factory every entry point uses: settings -> store, evidence folder, checklist.

The CLI, the TUI and the tests all build a Workspace the same way, so what a test exercises is
what a reviewer runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from webaudit.checklists import LoadedChecklist, load_checklist
from webaudit.config import Settings
from webaudit.evidence import EvidenceStore
from webaudit.store import Store
from webaudit.store.rounds import ensure_round


@dataclass
class Workspace:
    settings: Settings
    _store: Store | None = field(default=None, repr=False)

    @cached_property
    def loaded_checklist(self) -> LoadedChecklist:
        return load_checklist(self.settings.checklist)

    @property
    def checklist(self):  # type: ignore[no-untyped-def]  # -> Checklist, kept lazy
        return self.loaded_checklist.checklist

    @cached_property
    def evidence(self) -> EvidenceStore:
        self.settings.evidence_dir.mkdir(parents=True, exist_ok=True)
        return EvidenceStore(self.settings.evidence_dir)

    @property
    def store(self) -> Store:
        if self._store is None:
            self.evidence  # noqa: B018 - the default database lives in the evidence folder
            self._store = Store(self.settings.db_url)
        return self._store

    def round_id(self, requested: str | None = None) -> str:
        """The round a command works on: the one asked for, else the checklist's year."""
        return requested or self.checklist.round

    def ensure_round(self, requested: str | None = None, actor: str = "webaudit") -> str:
        with self.store.session(write=True) as session:
            return ensure_round(session, self.loaded_checklist, self.round_id(requested), actor).id

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def open_workspace(settings: Settings) -> Workspace:
    return Workspace(settings)
