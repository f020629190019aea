"""What the reviewer sees, as plain data: queue rows, item rows, evidence candidates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from webaudit.checklists import ChecklistItem
from webaudit.review.changes import Change, PageChange
from webaudit.store.tables import Capture, Decision, Finding, ItemFlag

Role = Literal["primary", "second"]
SortKey = Literal["uncertainty", "name", "size_group", "progress"]
SORT_KEYS: tuple[SortKey, ...] = ("uncertainty", "name", "size_group", "progress")

# pass -> yes, fail -> no: what accepting a pre-flag decides. A `review` flag has no suggestion.
SUGGESTION = {"pass": "yes", "fail": "no"}


@dataclass
class QueueRow:
    code: str
    name: str
    size_group: int | None
    crawl_status: str
    pages: int
    decided: int
    total: int
    flags: dict[str, int]  # pass / fail / review counts of the newest evaluation
    uncertainty: float
    claimed_by: str | None
    second_sampled: bool = False
    second_by: str | None = None
    second_decided: int = 0

    @property
    def progress(self) -> float:
        return self.decided / self.total if self.total else 0.0

    @property
    def done(self) -> bool:
        return self.total > 0 and self.decided >= self.total


@dataclass(frozen=True)
class Candidate:
    """One piece of evidence: a matcher's finding on a capture, or a page captured by hand."""

    capture: Capture
    finding: Finding | None = None

    @property
    def screenshot(self) -> str | None:
        return self.capture.screenshot_path

    @property
    def crop(self) -> str | None:
        return self.finding.crop_path if self.finding is not None else None

    @property
    def manual(self) -> bool:
        return self.capture.source != "crawl"


@dataclass
class ItemRow:
    item: ChecklistItem
    flag: ItemFlag | None
    role: Role
    decision: Decision | None  # the current decision for `role`
    revision: int
    candidates: list[Candidate] = field(default_factory=list)
    previous_round: Decision | None = None
    change: Change | None = None
    page_changes: list[PageChange] = field(default_factory=list)

    @property
    def auto(self) -> str:
        return self.flag.result if self.flag else "review"

    @property
    def confidence(self) -> float | None:
        return self.flag.confidence if self.flag else None

    @property
    def suggestion(self) -> str | None:
        return SUGGESTION.get(self.auto)

    @property
    def value(self) -> str | None:
        return self.decision.value if self.decision else None

    @property
    def negative_evidence(self) -> dict[str, Any]:
        return dict(self.flag.negative_evidence) if self.flag else {}

    def evidence_for_decision(self, limit: int = 3) -> tuple[int, ...]:
        """Captures a decision cites: those already attached, then the strongest candidates."""
        ids: list[int] = list(self.decision.evidence_capture_ids) if self.decision else []
        ids += [c.capture.id for c in self.candidates[:limit] if c.capture.id is not None]
        return tuple(dict.fromkeys(ids))


@dataclass
class SiteView:
    code: str
    name: str
    role: Role
    crawl_status: str
    pages: int
    rows: list[ItemRow]
    claimed_by: str | None  # who holds the claim for this role (may be someone else)
    previous_round_id: str | None

    @property
    def decided(self) -> int:
        return sum(1 for row in self.rows if row.value)
