"""The core never imports the UI: only webaudit/tui (and lazily webaudit/cli) touch Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "webaudit"


def _imports(path: Path) -> list[tuple[str, bool]]:
    """Imported module names, and whether the import is at module level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [(name, id(node) in top_level) for name in names]
    return found


def test_core_modules_never_import_textual_or_the_tui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(("tui/", "demo/sites/")):
            continue
        for name, top_level in _imports(path):
            ui = name.split(".")[0] in ("textual", "textual_serve") or name.startswith(
                "webaudit.tui"
            )
            # The CLI may start the UI, but only inside a command (lazily).
            if ui and (not relative.startswith("cli/") or top_level):
                offenders.append(f"{relative}: {name}")
    assert offenders == []


def test_importing_the_cli_does_not_load_textual() -> None:
    code = "import sys, webaudit.cli.main; print('textual' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "False"
