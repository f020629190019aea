"""The exception tree. Every error a user can cause is a WebauditError with one clear line.

The CLI prints `fel: <message>` and exits non-zero for these; anything else is a bug and keeps
its traceback.
"""

from __future__ import annotations

from pathlib import Path


class WebauditError(Exception):
    """A problem the user can fix; str(error) is the one line shown to them."""

    exit_code = 1


class ConfigError(WebauditError):
    """Settings file, environment or flags are invalid."""


class DataFileError(WebauditError):
    """A data file (checklist, registry, corpus) is malformed."""

    def __init__(self, path: Path | str, problem: str, *, where: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.where = where
        location = f"{self.path}: {where}: " if where else f"{self.path}: "
        super().__init__(f"{location}{problem}")


class ChecklistError(DataFileError):
    """A checklist file is malformed: the file, item and key are named."""


class RegistryError(DataFileError):
    """A municipality registry file is malformed: the file and line are named."""


class BrowserNotFoundError(WebauditError):
    """No Chromium that Playwright can drive was found."""


class StoreError(WebauditError):
    """The database cannot be opened, migrated or reached."""


class NotFoundError(WebauditError):
    """A round, municipality, item or record the user named does not exist."""


class StaleWriteError(WebauditError):
    """Someone else changed the record since it was read; nothing was written."""


class UnsafeURLError(WebauditError):
    """A URL the crawler refuses: odd scheme, credentials, or a private address."""
