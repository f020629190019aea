"""Evidence lists: a self-contained, escaped HTML folder, looked at in Chromium, and its PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.export.factory import HOSTILE_TITLE, HOSTILE_URL, BuiltRound
from webaudit.export.evidence_list import write_evidence_lists
from webaudit.export.evidence_pdf import write_evidence_pdfs
from webaudit.export.snapshot import read_round
from webaudit.workspace import Workspace


def artifacts(tmp_path: Path) -> Path:
    """Where screenshots go: $WEBAUDIT_TEST_ARTIFACTS to keep them for a human to look at."""
    folder = Path(os.environ.get("WEBAUDIT_TEST_ARTIFACTS") or tmp_path / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write(workspace: Workspace, round_: BuiltRound, out: Path) -> list[Path]:
    snapshot = read_round(workspace.store, workspace.checklist, round_.round_id)
    return write_evidence_lists(snapshot, workspace.evidence, out, contact="test@example.se")


def test_folder_is_self_contained_and_escaped(
    built: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    workspace, round_ = built
    pages = _write(workspace, round_, tmp_path / "ul")
    assert [p.parent.name for p in pages] == round_.codes
    html = pages[0].read_text("utf-8")
    # Swedish, with the parts an official needs.
    for text in (
        "Resultat",
        "Så gör ni en invändning",
        "Regel som tillämpades",
        "Vad som söktes",
        "SHA-256 för sidans svar",
        "Genomsökta sidor",
        "test@example.se",
        "Webbarkiv",
    ):
        assert text in html, text
    # Hostile content is text, never markup; no javascript: link; no script at all.
    assert "<script" not in html.lower()
    assert HOSTILE_TITLE not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html.lower() and HOSTILE_URL in html
    assert "&lt;b&gt;anteckning&lt;/b&gt;" in html
    # Works offline: every picture and link to a file points inside the folder, and exists.
    references = re.findall(r'(?:src|href)="([^"#]+)"', html)
    local = [r for r in references if not r.startswith(("http://", "https://", "mailto:"))]
    assert local, "expected pictures"
    for reference in local:
        if reference.endswith(".pdf"):
            continue  # printed separately
        target = (pages[0].parent / reference).resolve()
        assert target.is_relative_to(pages[0].parent.resolve()) and target.is_file(), reference
    assert not any(r.startswith("http") for r in re.findall(r'src="([^"]+)"', html))
    # Pictures are copies, not links into the evidence folder.
    picture = next(pages[0].parent.glob("bilder/sida-*.png"))
    assert picture.stat().st_nlink == 1
    # The crawl's web archive travels with the list that cites it.
    archive = pages[1].parent / "arkiv" / "webbarkiv-0115-2025-2.wacz"
    assert archive.read_bytes().startswith(b"PK") and 'href="arkiv/' in pages[1].read_text("utf-8")
    assert not (pages[0].parent / "arkiv").exists() or not any(
        (pages[0].parent / "arkiv").iterdir()
    )
    assert "ett webbarkiv (WACZ) för uppspelning av sidorna finns inte" in html
    # Negative evidence names the searches run, or why none could be.
    assert "ingen sökfunktion hittades på startsidan" in html
    assert "hemtjänst (4 träffar)" in pages[1].read_text("utf-8")
    # Enormous quotes are cut for display.
    assert max(len(q) for q in re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S)) < 3000


def test_crop_is_used_when_the_matcher_made_one(
    built: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    workspace, round_ = built
    pages = _write(workspace, round_, tmp_path / "ul")
    folders = [p.parent for p in pages]
    assert any(list(f.glob("bilder/utdrag-*.png")) for f in folders)  # matcher crops
    assert any(list(f.glob("bilder/topp-*.jpg")) for f in folders)  # page tops where none
    top = next(p for f in folders for p in f.glob("bilder/topp-*.jpg"))
    with Image.open(top) as image:
        assert image.width <= 960 and image.height <= 1100


@pytest.mark.browser
def test_rendered_in_chromium_without_scripts_or_requests(
    built: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    from webaudit.crawl.browser import launch_options

    workspace, round_ = built
    page_file = _write(workspace, round_, tmp_path / "ul")[0]
    shots = artifacts(tmp_path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        page = browser.new_page(viewport={"width": 1000, "height": 1400})
        dialogs: list[str] = []
        requests: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        shot = shots / "evidence_list_top.png"
        page.screenshot(path=str(shot))
        broken = page.evaluate(
            "[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length"
        )
        heading = page.locator("h1").inner_text()
        verdicts = page.locator(".verdict").count()
        browser.close()
    assert dialogs == []  # no script from a page ran
    assert all(url.startswith("file:") for url in requests)  # nothing left the machine
    assert broken == 0
    assert heading == "Upplands Väsby kommun"
    assert verdicts >= 2 * len(workspace.checklist.items)
    with Image.open(shot) as image:  # the screenshot is a real, non-blank page
        assert image.size == (1000, 1400)
        assert len(image.convert("L").resize((50, 70)).getcolors(256) or []) > 5


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_pdf_is_printed_and_its_pages_render(
    built: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    workspace, round_ = built
    out = tmp_path / "ul"
    snapshot = read_round(workspace.store, workspace.checklist, round_.round_id, [round_.codes[1]])
    write_evidence_lists(snapshot, workspace.evidence, out)
    [pdf] = write_evidence_pdfs(snapshot, out, workers=1)
    assert pdf.name == "underlag-0115-Vallentuna-2025.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 3
    text = reader.pages[0].extract_text()
    assert "Vallentuna" in text and "Resultat" in text
    assert "sida 1 av" in text  # footer with page numbers
    shots = artifacts(tmp_path)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-f",
            "1",
            "-l",
            "2",
            str(pdf),
            str(shots / "evidence_pdf"),
        ],
        check=True,
        timeout=60,
    )
    rendered = sorted(shots.glob("evidence_pdf-*.png"))
    assert len(rendered) >= 2
    with Image.open(rendered[0]) as image:
        assert image.width < image.height  # A4 portrait
        assert len(image.convert("L").resize((40, 56)).getcolors(256) or []) > 5
