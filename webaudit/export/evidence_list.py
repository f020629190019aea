"""Evidence lists for municipalities: a self-contained HTML folder per municipality.

    <out>/<code>/index.html      the list, in Swedish; opens by double-click, works offline
    <out>/<code>/bilder/         highlighted crops (or the top of the page) and full screenshots
    <out>/<code>/arkiv/          the crawl's web archive (WACZ), when the crawl made one
    <out>/<code>/underlag-<code>-<name>-<round>.pdf   the same list printed (see pdf.py)

Everything that came from a crawled page is escaped (Jinja2 autoescape), only http(s) URLs
become links, a Content-Security-Policy forbids scripts and remote loads, and long quotes are
cut. Pictures are copies, never links into the evidence folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, select_autoescape

from webaudit.checklists import ChecklistItem
from webaudit.config import DEFAULT_CONTACT
from webaudit.errors import WebauditError
from webaudit.evidence import EvidenceStore
from webaudit.export.files import write_shared
from webaudit.export.images import make_page_tops, page_top, place_file
from webaudit.export.safety import clip, safe_filename, safe_href
from webaudit.export.snapshot import EvidenceRef, ItemState, MunicipalityState, RoundSnapshot
from webaudit.export.tabular import CRAWL_SV
from webaudit.store.tables import Capture

VERDICT_SV = {"yes": "Ja", "no": "Nej", "not_applicable": "Ej tillämplig", "pending": "Ej beslutad"}
AUTO_SV = {"pass": "uppfylld", "fail": "saknas", "review": "behöver granskas"}
OUTCOME_SV = {
    "review_wrong": "granskningen var fel – beslutet ändrades",
    "fixed_since": "åtgärdat efter granskningen – noteras till nästa omgång",
    "rejected": "avslagen – beslutet står fast",
}
EVENT_SV = {
    "dispute_opened": "invändningen registrerades",
    "dispute_captured": "sidan sparades på nytt",
    "dispute_decided": "invändningen prövades",
    "carry_over_noted": "noterades till nästa omgång",
    "score_recomputed": "poängen räknades om",
}
MONTHS_SV = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
SWEDEN = ZoneInfo("Europe/Stockholm")
QUOTE_LIMIT = 1200  # characters of a quote shown; the full text stays in the capture
VISITED_LIMIT = 200
SEARCH_TERMS_LIMIT = 24


def safe_name(text: str) -> str:
    """Kept for callers of the first version: a file-name-safe form of a code or name."""
    return safe_filename(text)


def swedish_time(moment: datetime | None, *, seconds: bool = True) -> str:
    """'3 september 2025 kl. 16:12:05 (14:12:05 UTC)'."""
    if moment is None:
        return "–"
    utc = moment.astimezone(UTC)
    local = utc.astimezone(SWEDEN)
    fmt = "%H:%M:%S" if seconds else "%H:%M"
    return (
        f"{local.day} {MONTHS_SV[local.month - 1]} {local.year} kl. {local.strftime(fmt)} "
        f"({utc.strftime(fmt)} UTC)"
    )


def swedish_date(moment: datetime | None) -> str:
    if moment is None:
        return "–"
    local = moment.astimezone(SWEDEN)
    return f"{local.day} {MONTHS_SV[local.month - 1]} {local.year}"


def decimal_sv(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}".replace(".", ",")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("webaudit.export", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["verdict_sv"] = lambda value: VERDICT_SV.get(value, value)
    env.filters["auto_sv"] = lambda value: AUTO_SV.get(value, value)
    env.filters["outcome_sv"] = lambda value: OUTCOME_SV.get(value or "", "ej avgjord")
    env.filters["safe_href"] = safe_href
    env.filters["sv_time"] = swedish_time
    env.filters["sv_date"] = swedish_date
    env.filters["sv_decimal"] = decimal_sv
    env.filters["clip"] = clip
    env.filters["event_sv"] = lambda value: EVENT_SV.get(value, value)
    return env


@dataclass
class EvidenceView:
    url: str
    href: str | None
    title: str | None
    captured_at: datetime
    sha256: str | None
    screenshot_sha256: str | None
    quote: str | None
    picture: str | None  # relative to index.html
    picture_is_crop: bool
    full_page: str | None  # relative to index.html
    chosen_by_reviewer: bool
    source: str
    status: int | None


@dataclass
class ItemView:
    number: int
    item: ChecklistItem
    state: ItemState
    evidence: list[EvidenceView]
    search_terms: list[str]
    negative: dict[str, object]
    disputes: list[object] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return self.state.verdict


class Pictures:
    """Copies pictures into one evidence-list folder, each once."""

    def __init__(self, evidence: EvidenceStore, folder: Path) -> None:
        self.evidence = evidence
        self.images = folder / "bilder"
        self.cache = evidence.root / "cache" / "page-top"

    def _copy(self, relative: str | None, name: str) -> str | None:
        if not relative:
            return None
        try:
            source = self.evidence.absolute(relative)
        except WebauditError:
            return None
        if not source.is_file():
            return None
        place_file(source, self.images / name)
        return f"bilder/{name}"

    def full_page(self, ref: EvidenceRef | Capture) -> str | None:
        capture = ref.capture if isinstance(ref, EvidenceRef) else ref
        if not capture.screenshot_sha256:
            return None
        return self._copy(capture.screenshot_path, f"sida-{capture.screenshot_sha256[:20]}.png")

    def picture(self, ref: EvidenceRef | Capture) -> tuple[str | None, bool]:
        """The highlighted crop if the matcher made one, else the top of the page."""
        if isinstance(ref, EvidenceRef) and ref.crop_path and ref.crop_sha256:
            crop = self._copy(ref.crop_path, f"utdrag-{ref.crop_sha256[:20]}.png")
            if crop:
                return crop, True
        capture = ref.capture if isinstance(ref, EvidenceRef) else ref
        if not (capture.screenshot_path and capture.screenshot_sha256):
            return None, False
        target = self.images / f"topp-{capture.screenshot_sha256[:20]}.jpg"
        if not target.exists():
            try:
                source = self.evidence.absolute(capture.screenshot_path)
                if not source.is_file():
                    return None, False
                place_file(page_top(source, capture.screenshot_sha256, self.cache), target)
            except (OSError, ValueError, WebauditError):
                return None, False
        return f"bilder/{target.name}", False


def _search_terms(item: ChecklistItem) -> list[str]:
    spec = item.matcher
    terms = list(dict.fromkeys([*spec.strong_phrases, *spec.phrases, *spec.link_text]))
    return terms[:SEARCH_TERMS_LIMIT]


def _item_views(
    state: MunicipalityState, snapshot: RoundSnapshot, pictures: Pictures
) -> list[ItemView]:
    views = []
    for number, item_state in enumerate(state.items, start=1):
        item = snapshot.checklist.item(item_state.item_id)
        evidence = []
        for ref in item_state.evidence(snapshot.captures):
            picture, is_crop = pictures.picture(ref)
            capture = ref.capture
            evidence.append(
                EvidenceView(
                    url=capture.final_url,
                    href=safe_href(capture.final_url),
                    title=capture.title,
                    captured_at=capture.captured_at,
                    sha256=capture.raw_sha256 or capture.html_sha256,
                    screenshot_sha256=capture.screenshot_sha256,
                    quote=clip(ref.quote, QUOTE_LIMIT) if ref.quote else None,
                    picture=picture,
                    picture_is_crop=is_crop,
                    full_page=pictures.full_page(ref),
                    chosen_by_reviewer=ref.chosen_by_reviewer,
                    source=capture.source,
                    status=capture.status,
                )
            )
        negative = dict(item_state.flag.negative_evidence) if item_state.flag else {}
        views.append(
            ItemView(
                number,
                item,
                item_state,
                evidence,
                _search_terms(item),
                negative,
                [d for d in state.disputes if d.item_id == item.id],
            )
        )
    return views


def _visited(views: Iterable[ItemView]) -> list[str]:
    for view in views:
        visited = view.negative.get("visited")
        if isinstance(visited, list) and visited:
            return [str(url) for url in visited[:VISITED_LIMIT]]
    return []


def _pages_visited(views: Iterable[ItemView], fallback: int) -> int:
    for view in views:
        count = view.negative.get("pages_visited")
        if isinstance(count, int):
            return count
    return fallback


def _size_sv(size: int) -> str:
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{decimal_sv(size / 1e6)} MB"


def pdf_name(state: MunicipalityState, round_id: str) -> str:
    m = state.municipality
    return f"underlag-{safe_filename(m.code)}-{safe_filename(m.name, 40)}-{safe_filename(round_id)}.pdf"


def folder_for(out_dir: Path, code: str) -> Path:
    return out_dir / safe_filename(code)


def render_evidence_list(
    state: MunicipalityState,
    snapshot: RoundSnapshot,
    evidence: EvidenceStore,
    folder: Path,
    *,
    contact: str = DEFAULT_CONTACT,
    generated_at: datetime | None = None,
    with_pdf: bool = False,
) -> str:
    pictures = Pictures(evidence, folder)
    views = _item_views(state, snapshot, pictures)
    archives = []
    for run in snapshot.archives(state):
        try:
            source = evidence.absolute(run.wacz_path or "")
        except WebauditError:
            continue
        if not source.is_file():
            continue
        m = state.municipality
        name = f"webbarkiv-{safe_filename(m.code)}-{safe_filename(snapshot.round_id)}-{run.id}.wacz"
        place_file(source, folder / "arkiv" / name)
        archives.append(
            {
                "file": f"arkiv/{name}",
                "sha256": run.wacz_sha256,
                "size": _size_sv(source.stat().st_size),
                "started_at": run.started_at,
            }
        )
    summary = snapshot.summary
    group = state.municipality.size_group
    return (
        environment()
        .get_template("evidence_list.html")
        .render(
            state=state,
            m=state.municipality,
            items=views,
            round_id=snapshot.round_id,
            checklist=snapshot.checklist,
            summary=summary,
            rank_text=summary.rank_text(state.municipality.code) if summary else None,
            group_average=summary.average_by_group.get(group) if summary and group else None,
            national_average=summary.national_average if summary else None,
            crawl_status=CRAWL_SV.get(state.crawl_status, state.crawl_status),
            visited=_visited(views),
            pages_visited=_pages_visited(views, state.pages),
            archives=archives,
            contact=contact,
            contact_href=safe_href(f"mailto:{contact}") or f"mailto:{contact}",
            dispute_until=snapshot.dispute_until,
            generated_at=generated_at or snapshot.read_at,
            pdf_file=pdf_name(state, snapshot.round_id) if with_pdf else None,
            disputes=state.disputes,
            checklist_title=snapshot.checklist.title.sv,
        )
    )


def write_evidence_list(
    state: MunicipalityState,
    snapshot: RoundSnapshot,
    evidence: EvidenceStore,
    out_dir: Path,
    *,
    contact: str = DEFAULT_CONTACT,
    with_pdf: bool = False,
) -> Path:
    folder = folder_for(out_dir, state.municipality.code)
    # A list is rewritten whole: pictures, archives and a PDF from an earlier run would no
    # longer match it (the PDF is printed again afterwards when asked for).
    for stale in ("bilder", "arkiv"):
        shutil.rmtree(folder / stale, ignore_errors=True)
    for old_pdf in folder.glob("underlag-*.pdf"):
        old_pdf.unlink()
    (folder / "bilder").mkdir(parents=True, exist_ok=True)
    html = render_evidence_list(
        state, snapshot, evidence, folder, contact=contact, with_pdf=with_pdf
    )
    target = folder / "index.html"
    write_shared(target, html.encode("utf-8"))
    return target


def write_evidence_lists(
    snapshot: RoundSnapshot,
    evidence: EvidenceStore,
    out_dir: Path,
    *,
    contact: str = DEFAULT_CONTACT,
    workers: int | None = None,
    with_pdf: bool = False,
) -> list[Path]:
    """Write every municipality's list; page-top pictures are made first, in parallel."""
    make_page_tops(
        _page_top_sources(snapshot, evidence),
        evidence.root / "cache" / "page-top",
        workers if workers is not None else min(4, os.cpu_count() or 1),
    )
    return [
        write_evidence_list(state, snapshot, evidence, out_dir, contact=contact, with_pdf=with_pdf)
        for state in snapshot.municipalities
    ]


def _page_top_sources(snapshot: RoundSnapshot, evidence: EvidenceStore) -> list[tuple[Path, str]]:
    """Screenshots that will be shown as the top of the page (no matcher crop to show)."""
    sources: dict[str, Path] = {}
    for state in snapshot.municipalities:
        for item in state.items:
            for ref in item.evidence(snapshot.captures):
                capture = ref.capture
                if ref.crop_path or not (capture.screenshot_path and capture.screenshot_sha256):
                    continue
                if capture.screenshot_sha256 in sources:
                    continue
                try:
                    sources[capture.screenshot_sha256] = evidence.absolute(capture.screenshot_path)
                except WebauditError:
                    continue
    return [(path, sha) for sha, path in sources.items()]
