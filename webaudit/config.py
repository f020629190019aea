"""One typed settings object, resolved as: defaults < settings file < environment < flags.

The settings file is TOML (`webaudit.toml` in the working directory, or the file named by
`--config` / `WEBAUDIT_CONFIG`). Environment variables are `WEBAUDIT_<NAME>` for top-level
settings and `WEBAUDIT_CRAWL_<NAME>` for crawl settings.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from webaudit.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_FILE = Path("webaudit.toml")
DEFAULT_CONTACT = "webaudit@hemtjanstindex.se"


class CrawlSettings(BaseModel):
    """How politely and how deep the crawler goes."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    per_host_delay: float = Field(1.0, ge=0, description="seconds between requests to one host")
    per_host_in_flight: int = Field(2, ge=1, le=8, description="requests in flight per host")
    max_pages_per_site: int = Field(60, ge=1, description="captured pages per site")
    max_depth: int = Field(
        6, ge=0, description="clicks from the home page (a PDF or e-service may be one more)"
    )
    max_links_per_page: int = Field(400, ge=1, description="links read from one page")
    max_page_bytes: int = Field(15_000_000, ge=10_000, description="larger bodies are cut off")
    page_timeout: float = Field(30.0, gt=0, description="seconds to load one page")
    site_timeout: float = Field(1800.0, gt=0, description="seconds for one whole site")
    retries: int = Field(2, ge=0, le=10, description="retries on 5xx and timeouts")
    workers: int = Field(
        0, ge=0, description="browser pages in parallel; 0 = sized for the machine"
    )
    external_hops: int = Field(1, ge=0, le=2, description="hops off the site for e-services/PDFs")
    allow_private: bool = Field(False, description="allow loopback/private addresses (test sites)")
    max_fetches_per_site: int = Field(
        300, ge=1, description="HTTP requests per site (pages, PDFs, searches, sitemaps, retries)"
    )
    search_terms: list[str] = Field(
        default_factory=lambda: [
            "hemtjänst",
            "avgift hemtjänst",
            "utan biståndsbedömning",
            "jämför utförare",
        ],
        description="words searched for with the site's own search, when robots.txt allows",
    )
    sites_in_parallel: int = Field(
        0, ge=0, description="sites crawled at once; 0 = as many as keep the browser busy"
    )
    subresource_delay: bool = Field(
        False, description="pace a page's own scripts/styles/images by the per-host delay too"
    )
    max_crawl_delay: float = Field(30.0, ge=0, description="highest robots.txt Crawl-delay obeyed")
    max_screenshot_height: int = Field(15_000, ge=900, description="pixels; taller pages are cut")


class Settings(BaseModel):
    """Everything a command needs to know about where things are and how to behave."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    evidence_dir: Path = Path("evidence")
    db: str | None = Field(None, description="SQLAlchemy URL; default SQLite in the evidence dir")
    checklist: Path | None = Field(None, description="checklist file; default newest bundled")
    reviewer: str | None = None
    contact: str = DEFAULT_CONTACT
    user_agent: str | None = Field(None, description="default names webaudit and the contact")
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)

    @field_validator("user_agent", "contact")
    @classmethod
    def _header_safe(cls, value: str | None) -> str | None:
        # Both end up in the User-Agent header, which is ASCII only.
        if value is not None and not (value.isascii() and value.isprintable()):
            raise ValueError("får bara innehålla ASCII-tecken (den skickas i User-Agent)")
        return value

    @property
    def db_url(self) -> str:
        if self.db:
            return self.db if "://" in self.db else f"sqlite:///{Path(self.db).resolve()}"
        return f"sqlite:///{(self.evidence_dir / 'webaudit.db').resolve()}"

    @property
    def effective_user_agent(self) -> str:
        from webaudit import __version__

        return self.user_agent or (
            f"webaudit/{__version__} (Hemtjanstindex website review; +mailto:{self.contact})"
        )

    @property
    def effective_reviewer(self) -> str | None:
        return self.reviewer or os.environ.get("USER") or None


_TOP_LEVEL_ENV = {
    "WEBAUDIT_EVIDENCE": "evidence_dir",
    "WEBAUDIT_DB": "db",
    "WEBAUDIT_CHECKLIST": "checklist",
    "WEBAUDIT_REVIEWER": "reviewer",
    "WEBAUDIT_CONTACT": "contact",
    "WEBAUDIT_USER_AGENT": "user_agent",
}


def _from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for variable, key in _TOP_LEVEL_ENV.items():
        if environ.get(variable):
            values[key] = environ[variable]
    crawl = {
        name.removeprefix("WEBAUDIT_CRAWL_").lower(): value
        for name, value in environ.items()
        if name.startswith("WEBAUDIT_CRAWL_") and value
    }
    if crawl:
        values["crawl"] = crawl
    return values


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: kan inte läsas ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: ogiltig TOML: {error}") from error


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def load_settings(
    flags: Mapping[str, Any] | None = None,
    *,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Resolve settings: defaults < file < environment < flags (flags set to None are ignored)."""
    environ = os.environ if environ is None else environ
    layered: dict[str, Any] = {}
    file = config_file or (
        Path(environ["WEBAUDIT_CONFIG"]) if environ.get("WEBAUDIT_CONFIG") else None
    )
    if file is None and DEFAULT_CONFIG_FILE.is_file():
        file = DEFAULT_CONFIG_FILE
    if file is not None:
        layered = _merge(layered, _read_file(file))
    layered = _merge(layered, _from_environment(environ))
    layered = _merge(layered, {k: v for k, v in (flags or {}).items() if v is not None})
    try:
        return Settings.model_validate(layered)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        source = f" ({file})" if file else ""
        raise ConfigError(f"inställningen '{where}'{source}: {first['msg']}") from error
