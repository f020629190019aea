"""Settings: defaults < file < environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from webaudit.config import load_settings
from webaudit.errors import ConfigError


def test_precedence(tmp_path: Path) -> None:
    file = tmp_path / "webaudit.toml"
    file.write_text(
        'evidence_dir = "från-fil"\nreviewer = "fil"\n[crawl]\nper_host_delay = 3.0\nmax_pages_per_site = 7\n',
        encoding="utf-8",
    )
    env = {"WEBAUDIT_REVIEWER": "miljö", "WEBAUDIT_CRAWL_PER_HOST_DELAY": "2.5"}
    settings = load_settings(
        {"reviewer": None, "db": "postgresql://x/y"}, config_file=file, environ=env
    )
    assert settings.evidence_dir == Path("från-fil")  # file over default
    assert settings.reviewer == "miljö"  # environment over file
    assert settings.crawl.per_host_delay == 2.5 and settings.crawl.max_pages_per_site == 7
    assert settings.db_url == "postgresql://x/y"  # flag
    flagged = load_settings({"reviewer": "flagga"}, config_file=file, environ=env)
    assert flagged.reviewer == "flagga"


def test_defaults_put_the_database_in_the_evidence_folder() -> None:
    settings = load_settings(environ={})
    assert settings.evidence_dir == Path("evidence")
    assert settings.db_url.endswith("/evidence/webaudit.db") and settings.db_url.startswith(
        "sqlite:///"
    )
    assert (
        "webaudit" in settings.effective_user_agent
        and settings.contact in settings.effective_user_agent
    )


def test_plain_file_path_as_db() -> None:
    assert load_settings({"db": "lag.db"}, environ={}).db_url.startswith("sqlite:////")


def test_bad_values_are_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"crawl\.per_host_delay"):
        load_settings(environ={"WEBAUDIT_CRAWL_PER_HOST_DELAY": "-1"})
    with pytest.raises(ConfigError, match="okand"):
        load_settings({"okand": 1}, environ={})
    broken = tmp_path / "trasig.toml"
    broken.write_text("db = ", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"trasig\.toml"):
        load_settings(config_file=broken, environ={})
    with pytest.raises(ConfigError, match="ASCII"):
        load_settings({"contact": "granskning@hemtjänst.se"}, environ={})
