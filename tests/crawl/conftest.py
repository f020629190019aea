"""A generated test web, served on loopback, crawled once per test session by the real crawler
in real Chromium; the tests then read what it did (store, evidence folder, server logs)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlmodel import select

from tests.testweb import Web, WebServer, generate_web, serve_web, write_registry_csv
from webaudit.config import Settings
from webaudit.crawl.job import CrawlReport, crawl_municipalities
from webaudit.municipalities import Municipality, load_registry
from webaudit.store.tables import Capture, CrawlLogEntry, CrawlRun
from webaudit.workspace import Workspace, open_workspace

DELAY = 0.2  # per-host delay for the test crawls (the default 1 s would only make them slow)
SITES = 12


def crawl_settings(evidence: Path, **crawl: object) -> Settings:
    return Settings(
        evidence_dir=evidence,
        crawl={
            "allow_private": True,
            "per_host_delay": DELAY,
            "workers": 3,
            "page_timeout": 20.0,
            **crawl,
        },
    )


@dataclass
class CrawledWeb:
    web: Web
    server: WebServer
    registry: list[Municipality]
    workspace: Workspace
    report: CrawlReport

    def captures(self, code: str | None = None) -> list[Capture]:
        with self.workspace.store.session() as session:
            query = select(Capture)
            if code is not None:
                query = query.where(Capture.municipality_code == code)
            return list(session.exec(query).all())

    def runs(self) -> dict[str, CrawlRun]:
        with self.workspace.store.session() as session:
            return {r.municipality_code: r for r in session.exec(select(CrawlRun)).all()}

    def log(self, code: str, kind: str | None = None) -> list[CrawlLogEntry]:
        run = self.runs()[code]
        with self.workspace.store.session() as session:
            query = select(CrawlLogEntry).where(CrawlLogEntry.crawl_run_id == run.id)
            if kind is not None:
                query = query.where(CrawlLogEntry.kind == kind)
            return list(session.exec(query).all())


@pytest.fixture(scope="session")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CrawledWeb]:
    """Every feature of the test web on some site (Crawl-delay apart: it has its own test)."""
    base = tmp_path_factory.mktemp("crawled")
    features = {"crawl_delay": 0}
    web = generate_web(SITES, seed=7, features={**_defaults(), **features})
    with serve_web(web, latency=0.01) as server:
        registry = load_registry(write_registry_csv(web, base / "registry.csv")).municipalities
        workspace = open_workspace(crawl_settings(base / "evidence"))
        report = crawl_municipalities(workspace, registry, fresh=True)
        yield CrawledWeb(web, server, registry, workspace, report)
        workspace.close()


def _defaults() -> dict[str, float | int]:
    from tests.testweb import FEATURES

    return {name: amount for name, (amount, _) in FEATURES.items()}
