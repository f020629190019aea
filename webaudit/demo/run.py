"""`webaudit demo`: serve the bundled sites, crawl them in Chromium, match, then review or summarise."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from webaudit.crawl.crawler import CrawlProgress
from webaudit.crawl.job import CrawlReport, crawl_municipalities
from webaudit.demo.manifest import SITES_DIR, DemoManifest, load_manifest
from webaudit.demo.server import ServedSite, serve_sites
from webaudit.errors import StaleWriteError
from webaudit.export.evidence_list import write_evidence_lists
from webaudit.export.evidence_pdf import write_evidence_pdfs
from webaudit.export.json_export import write_json
from webaudit.export.snapshot import RoundSnapshot, read_round
from webaudit.export.xlsx_export import write_xlsx
from webaudit.match import MATCHER_VERSION
from webaudit.match.runner import SiteEvaluation, evaluate_round
from webaudit.store.decisions import DecisionInput, current_decisions, record_decision
from webaudit.workspace import Workspace

# In --no-tui mode nobody reviews, so confident pre-flags are recorded as decisions by this
# clearly named pseudo-reviewer; uncertain items stay pending. Real decisions are never replaced.
DEMO_REVIEWER = "demo (automatiskt)"
AUTO_DECISION_CONFIDENCE = 0.8


@dataclass
class DemoResult:
    round_id: str
    crawl: CrawlReport
    evaluations: list[SiteEvaluation]
    snapshot: RoundSnapshot | None = None
    json_path: Path | None = None
    xlsx_path: Path | None = None
    evidence_dir: Path | None = None


@contextmanager
def served_demo(
    manifest: DemoManifest | None = None,
) -> Iterator[tuple[DemoManifest, dict[str, ServedSite]]]:
    manifest = manifest or load_manifest()
    with serve_sites(SITES_DIR) as served:
        yield manifest, served


def crawl_and_match(
    workspace: Workspace,
    manifest: DemoManifest,
    served: dict[str, ServedSite],
    progress: CrawlProgress | None = None,
    on_stage: Callable[[str], None] = lambda _: None,
) -> DemoResult:
    crawl = workspace.settings.crawl
    crawl.allow_private = True  # the demo sites are on 127.0.0.1
    crawl.per_host_delay = min(crawl.per_host_delay, 0.1)
    rows = [site.registry_row(served[site.slug].url + "/") for site in manifest.sites]
    on_stage("Genomsöker demosajterna med Chromium …")
    report = crawl_municipalities(workspace, rows, fresh=True, progress=progress, actor="demo")
    on_stage("Förhandsbedömer checklistans punkter …")
    evaluations = evaluate_round(
        workspace.store,
        workspace.evidence,
        workspace.loaded_checklist,
        report.round_id,
        [r.code for r in rows],
        actor="demo",
        crops=True,  # highlighted crops of the matched elements, as in a real round
    )
    return DemoResult(report.round_id, report, evaluations)


def record_auto_decisions(workspace: Workspace, result: DemoResult) -> int:
    """Confident pre-flags become decisions of DEMO_REVIEWER, where no decision exists yet."""
    checklist = workspace.checklist
    written = 0
    with workspace.store.session(write=True) as session:
        existing = current_decisions(session, result.round_id)
        for evaluation in result.evaluations:
            for item_id, flag in evaluation.flags.items():
                if (evaluation.municipality_code, item_id) in existing or flag.result == "review":
                    continue
                if flag.confidence < AUTO_DECISION_CONFIDENCE:
                    continue
                captures = tuple(dict.fromkeys(p.capture_id for p in flag.pages))[:3]
                data = DecisionInput(
                    round_id=result.round_id,
                    municipality_code=evaluation.municipality_code,
                    item_id=item_id,
                    value="yes" if flag.result == "pass" else "no",
                    reviewer=DEMO_REVIEWER,
                    checklist_id=checklist.id,
                    checklist_version=checklist.version,
                    note="Automatiskt demobeslut från förhandsbedömningen",
                    evidence_capture_ids=captures,
                    matcher_version=MATCHER_VERSION,
                )
                try:
                    record_decision(session, data, expected_revision=0)
                except StaleWriteError:
                    continue
                written += 1
    return written


def write_outputs(workspace: Workspace, result: DemoResult, out_dir: Path) -> DemoResult:
    codes = [e.municipality_code for e in result.evaluations] or [
        o.code for o in result.crawl.outcomes
    ]
    snapshot = read_round(workspace.store, workspace.checklist, result.round_id, codes)
    result.snapshot = snapshot
    result.json_path = out_dir / f"demo-{result.round_id}.json"
    write_json(snapshot, result.json_path)
    result.xlsx_path = write_xlsx(snapshot, out_dir / f"demo-{result.round_id}.xlsx")
    result.evidence_dir = out_dir / "underlag"
    write_evidence_lists(snapshot, workspace.evidence, result.evidence_dir, with_pdf=True)
    write_evidence_pdfs(snapshot, result.evidence_dir)
    return result
