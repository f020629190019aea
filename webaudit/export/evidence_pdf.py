"""Evidence lists as PDF: each municipality's index.html printed beside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from webaudit.export.evidence_list import folder_for, pdf_name
from webaudit.export.pdf import DEFAULT_WORKERS, PdfJob, print_pdfs
from webaudit.export.snapshot import RoundSnapshot


def evidence_pdf_jobs(snapshot: RoundSnapshot, out_dir: Path) -> list[PdfJob]:
    jobs = []
    for state in snapshot.municipalities:
        folder = folder_for(out_dir, state.municipality.code)
        jobs.append(
            PdfJob(
                html=folder / "index.html",
                pdf=folder / pdf_name(state, snapshot.round_id),
                footer=(
                    f"Underlag Hemtjänstindex {snapshot.round_id} · {state.municipality.name} "
                    f"({state.municipality.code})"
                ),
            )
        )
    return jobs


def write_evidence_pdfs(
    snapshot: RoundSnapshot,
    out_dir: Path,
    *,
    workers: int = DEFAULT_WORKERS,
    on_done: Callable[[PdfJob], None] = lambda _job: None,
) -> list[Path]:
    """Print the already written HTML lists of `snapshot` to PDF."""
    return print_pdfs(evidence_pdf_jobs(snapshot, out_dir), workers=workers, on_done=on_done)
