"""Which Chromium is used: $WEBAUDIT_CHROMIUM, Playwright's own build, then PATH; else one clear error."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from webaudit.crawl import browser
from webaudit.errors import BrowserNotFoundError


def _fake_executable(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_environment_variable_wins(tmp_path: Path) -> None:
    chosen = _fake_executable(tmp_path, "min-chromium")
    choice = browser.find_chromium({"WEBAUDIT_CHROMIUM": str(chosen), "PATH": ""})
    assert (choice.executable, choice.source) == (chosen, "WEBAUDIT_CHROMIUM")


def test_environment_variable_that_is_not_a_program_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BrowserNotFoundError, match="WEBAUDIT_CHROMIUM"):
        browser.find_chromium({"WEBAUDIT_CHROMIUM": str(tmp_path / "saknas")})


def test_playwright_build_before_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = _fake_executable(tmp_path, "chrome")
    monkeypatch.setattr(browser, "_playwright_executable", lambda: own)
    _fake_executable(tmp_path, "chromium")
    assert browser.find_chromium({"PATH": str(tmp_path)}).source == "playwright"


@pytest.mark.parametrize("name", ["chromium", "chromium-browser", "google-chrome"])
def test_path_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(browser, "_playwright_executable", lambda: None)
    expected = _fake_executable(tmp_path, name)
    choice = browser.find_chromium({"PATH": str(tmp_path)})
    assert (choice.executable, choice.source) == (expected, "PATH")


def test_none_found_names_both_ways_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browser, "_playwright_executable", lambda: None)
    with pytest.raises(BrowserNotFoundError) as raised:
        browser.find_chromium({"PATH": str(tmp_path)})
    message = str(raised.value)
    assert "playwright install chromium" in message and "apt-get install chromium" in message
    assert "\n" not in message


@pytest.mark.browser
def test_the_machine_has_a_browser_that_launches() -> None:
    assert browser.check() == 0
