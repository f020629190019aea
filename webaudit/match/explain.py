"""Why an item got its pre-flag: the pages, phrases and rules behind it, in plain Swedish.

`explain_item` gathers what the latest evaluation recorded (site flag, findings with all their
evidence, near misses ruled out, the crawl's negative evidence, the reviewer's decision);
`format_explanation` turns it into text a reviewer or a municipality can read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from webaudit.checklists import Checklist, ChecklistItem
from webaudit.errors import NotFoundError
from webaudit.store import Store
from webaudit.store.captures import get_captures
from webaudit.store.decisions import current_decisions
from webaudit.store.findings import evaluation_flags, get_findings, latest_evaluation
from webaudit.store.tables import Capture, Decision, Evaluation, Finding, ItemFlag, Municipality

RESULT_SV = {"pass": "UPPFYLLD", "review": "GRANSKA", "fail": "SAKNAS"}
DECISION_SV = {"yes": "ja", "no": "nej", "not_applicable": "ej tillämplig"}
KIND_SV = {
    "text": "text",
    "link": "länk",
    "frame": "inbäddad ram",
    "form": "formulär",
    "page": "sidans rubrik/adress",
}
SHOWN_EVIDENCE = 3


@dataclass
class PageExplanation:
    finding: Finding
    capture: Capture | None

    @property
    def evidence(self) -> list[dict[str, Any]]:
        details = self.finding.details or {}
        return list(details.get("evidence", []))

    @property
    def near_misses(self) -> list[dict[str, Any]]:
        details = self.finding.details or {}
        return list(details.get("near_misses", []))


@dataclass
class Explanation:
    municipality: Municipality
    item: ChecklistItem
    round_id: str
    evaluation: Evaluation
    flag: ItemFlag
    pages: list[PageExplanation] = field(default_factory=list)
    decision: Decision | None = None


def explain_item(
    store: Store, checklist: Checklist, round_id: str, code: str, item_id: str
) -> Explanation:
    item = checklist.item(item_id)
    with store.session() as session:
        municipality = session.get(Municipality, code)
        if municipality is None:
            raise NotFoundError(f"kommunkoden {code} finns inte i registret")
        evaluation = latest_evaluation(session, round_id, code)
        if evaluation is None or evaluation.id is None:
            raise NotFoundError(
                f"{municipality.name} ({code}) har ingen utvärdering i omgång {round_id}; "
                "kör `webaudit match` först"
            )
        flag = evaluation_flags(session, evaluation.id).get(item_id)
        if flag is None:
            raise NotFoundError(
                f"utvärdering {evaluation.id} saknar punkten '{item_id}' "
                f"(checklista {evaluation.checklist_version}); kör `webaudit match --force`"
            )
        findings = get_findings(session, flag.finding_ids)
        captures = get_captures(session, {f.capture_id for f in findings.values()})
        decision = current_decisions(session, round_id, code).get((code, item_id))
    pages = [
        PageExplanation(findings[fid], captures.get(findings[fid].capture_id))
        for fid in flag.finding_ids
        if fid in findings
    ]
    return Explanation(municipality, item, round_id, evaluation, flag, pages, decision)


def _number(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def _time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "okänd tid"


def _quote(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return f"”{text[:limit]}{'…' if len(text) > limit else ''}”"


def _evidence_lines(evidence: dict[str, Any], indent: str) -> list[str]:
    kind = KIND_SV.get(str(evidence.get("kind")), str(evidence.get("kind")))
    terms = [t for t in evidence.get("terms", []) if not str(t).startswith("url:")]
    lines = [
        f"{indent}✔ {evidence.get('note', '')} ({kind}, styrka {_number(float(evidence.get('strength', 0)))})",
        f"{indent}  {_quote(str(evidence.get('quote', '')))}",
        f"{indent}  plats: {evidence.get('location', '?')}",
    ]
    if terms:
        lines.append(f"{indent}  träffade ord: {', '.join(str(t).lstrip('=') for t in terms[:6])}")
    return lines


def _near_miss_line(near: dict[str, Any], indent: str) -> str:
    cancelled = [str(c).lstrip("=") for c in near.get("cancelled_by", [])]
    why = (
        f"räknas inte – ”{', '.join(cancelled[:3])}” står i närheten"
        if cancelled
        else ("motbelägg" if float(near.get("strength", 0)) < 0 else "för svagt belägg")
    )
    where = f" på {near['url']}" if near.get("url") else ""
    return f"{indent}✘ {_quote(str(near.get('quote', '')), 160)}{where}: {why} ({near.get('note', '')})"


def format_explanation(explanation: Explanation) -> str:
    e = explanation
    item, flag, evaluation = e.item, e.flag, e.evaluation
    lines = [
        f"{e.municipality.name} ({e.municipality.code}) – {item.title.sv} [{item.id}]",
        f"Förhandsbedömning: {RESULT_SV.get(flag.result, flag.result)} "
        f"(säkerhet {_number(flag.confidence)}) – {flag.reason or ''}".rstrip(" –"),
        f"Utvärdering {evaluation.id}, {_time(evaluation.created_at)}, matchare "
        f"{evaluation.matcher_version}, checklista {evaluation.checklist_id} "
        f"{evaluation.checklist_version}, omgång {e.round_id}",
        "",
        f"Räknas: {item.counts.sv}",
        f"Räknas inte: {item.does_not_count.sv}",
        "",
    ]
    if e.pages and flag.result != "fail":
        lines.append("Sidor och belägg (starkast först):")
        for number, page in enumerate(e.pages, start=1):
            capture = page.capture
            url = capture.final_url if capture else f"fångst {page.finding.capture_id}"
            sha = (capture.html_sha256 or capture.text_sha256 or "") if capture else ""
            lines.append(
                f" {number}. {url}  [{RESULT_SV.get(page.finding.result, page.finding.result).lower()}, "
                f"{_number(page.finding.confidence)}]"
            )
            if capture is not None:
                lines.append(f"    fångad {_time(capture.captured_at)}, sha256 {sha[:16]}…")
            shown: set[object] = set()
            for evidence in page.evidence:  # strongest first; one entry per element
                if evidence.get("location") in shown or len(shown) == SHOWN_EVIDENCE:
                    continue
                shown.add(evidence.get("location"))
                lines.extend(_evidence_lines(evidence, "    "))
            if page.finding.crop_path:
                lines.append(f"    urklipp: {page.finding.crop_path}")
        lines.append("")
    near = list((flag.negative_evidence or {}).get("near_misses", []))
    if not near:
        for page in e.pages:
            url = page.capture.final_url if page.capture else ""
            near.extend({**n, "url": url} for n in page.near_misses)
    if near:
        lines.append("Träffar som inte räknas:")
        lines.extend(_near_miss_line(n, "  ") for n in near[:5])
        lines.append("")
    negative = flag.negative_evidence or {}
    if flag.result != "pass" and negative:
        status = negative.get("crawl_status", "?")
        lines.append(
            f"Genomsökning: {status}; {negative.get('pages_searched', 0)} sidor matchade, "
            f"{negative.get('pages_visited', 0)} besökta."
        )
        if flag.result == "fail":
            lines.append(
                "Inget på de genomsökta sidorna uppfyller punkten (negativt belägg: listan över "
                "besökta sidor och sökningar finns i utvärderingen)."
            )
        lines.append("")
    if e.decision is not None and e.decision.value is not None:
        lines.append(
            f"Beslut: {DECISION_SV.get(e.decision.value, e.decision.value)} av "
            f"{e.decision.reviewer}, {_time(e.decision.decided_at)}"
            + (f" – {e.decision.note}" if e.decision.note else "")
        )
    else:
        lines.append("Beslut: inget ännu (granskaren avgör).")
    return "\n".join(lines)


def explanation_json(explanation: Explanation) -> dict[str, Any]:
    e = explanation
    return {
        "municipality": {"code": e.municipality.code, "name": e.municipality.name},
        "item": e.item.id,
        "round": e.round_id,
        "evaluation": {
            "id": e.evaluation.id,
            "created_at": e.evaluation.created_at.isoformat() if e.evaluation.created_at else None,
            "matcher_version": e.evaluation.matcher_version,
            "checklist": {
                "id": e.evaluation.checklist_id,
                "version": e.evaluation.checklist_version,
            },
        },
        "auto": e.flag.result,
        "confidence": e.flag.confidence,
        "reason": e.flag.reason,
        "pages": [
            {
                "url": p.capture.final_url if p.capture else None,
                "result": p.finding.result,
                "confidence": p.finding.confidence,
                "crop": p.finding.crop_path,
                "evidence": p.evidence,
                "near_misses": p.near_misses,
            }
            for p in e.pages
        ],
        "negative_evidence": e.flag.negative_evidence,
        "decision": e.decision.value if e.decision else None,
    }
