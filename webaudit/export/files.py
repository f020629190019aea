"""Writing export files: atomically (see evidence.write_atomically) and readable by others.

Exports and evidence lists are meant to be shared, so they get mode 0644 rather than the
0600 of the temporary file they were written through.
"""

from __future__ import annotations

from pathlib import Path

from webaudit.evidence import write_atomically


def write_shared(target: Path, data: bytes) -> Path:
    write_atomically(target, data)
    target.chmod(0o644)
    return target
