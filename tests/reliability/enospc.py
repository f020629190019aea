"""Run the webaudit CLI with a disk that fills up: evidence writes fail with ENOSPC at the
OS-call boundary once a byte budget is used, exactly as os.write would on a full disk.

    python -m tests.reliability.enospc BUDGET_BYTES <webaudit arguments...>

For machines where a small tmpfs cannot be mounted (no root); the root path mounts a real one.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

import webaudit.evidence as evidence

_real_fdopen = os.fdopen


class _Filling:
    """A file handle whose writes fail with ENOSPC once the shared budget is spent."""

    budget = 0

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        if len(data) > _Filling.budget:
            written = self._handle.write(data[: _Filling.budget])  # a partial write, then full
            _Filling.budget = 0
            del written
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        _Filling.budget -= len(data)
        return int(self._handle.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _Filling:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


class _OsOfTheEvidenceWriter:
    """`os` as webaudit.evidence sees it: the same, except that its files fill up."""

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    @staticmethod
    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _Filling(_real_fdopen(fd, *args, **kwargs))


def main() -> int:
    _Filling.budget = int(sys.argv[1])
    evidence.os = _OsOfTheEvidenceWriter()  # type: ignore[assignment]  # only the evidence writer
    from webaudit.cli.main import cli

    cli.main(args=sys.argv[2:], prog_name="webaudit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
