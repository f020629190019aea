"""Malformed registry and checklist files are refused clearly: one line naming the file and the
place, a non-zero exit, never a traceback; a registry's bad rows are skipped with their line
numbers while the good rows go on."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from sqlmodel import select

from tests.conftest import make_workspace
from webaudit.checklists import default_checklist_path
from webaudit.cli.main import cli
from webaudit.store.tables import RoundMunicipality

HEADER = "code,name,website\n"
GOOD = "9001,Provköping,https://provkoping.example\n"


def _run(tmp_path: Path, *args: str) -> Any:
    base = ["--evidence-dir", str(tmp_path / "evidence")]
    return CliRunner().invoke(cli, [*base, *args])


def _one_clear_line(result: Any, *fragments: str) -> None:
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.startswith("fel:")]
    assert len(lines) == 1, result.output
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


REGISTRY_FILES: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "empty": (b"", ("kolumner saknas",)),
    "missing website column": (b"code,name\n9001,Provk\xc3\xb6ping\n", ("rad 1", "website")),
    "not utf-8": (
        HEADER.encode() + "9001,Provköping,https://p.example\n".encode("latin-1"),
        ("UTF-8",),
    ),
    "binary": (bytes(range(256)) * 20, ("",)),
    "only bad rows": (
        (HEADER + "../../etc,Ond,https://a.example\n9002,Ond,javascript:alert(1)\n").encode(),
        ("inga giltiga kommuner", "rad 2"),
    ),
}


@pytest.mark.parametrize("case", sorted(REGISTRY_FILES))
def test_a_broken_registry_is_refused(tmp_path: Path, case: str) -> None:
    data, fragments = REGISTRY_FILES[case]
    path = tmp_path / "register.csv"
    path.write_bytes(data)
    _one_clear_line(_run(tmp_path, "init", "--municipalities", str(path)), str(path), *fragments)


def test_bad_registry_rows_are_skipped_with_their_line_numbers(tmp_path: Path) -> None:
    rows = [
        GOOD,
        "../../etc,Traversal,https://a.example\n",  # 3: a code that could become a path
        "9003,Skript,javascript:alert(1)\n",  # 4
        "9004,Fil,file:///etc/passwd\n",  # 5
        "9005,Inlogg,https://user:hemligt@kommun.example\n",  # 6
        "9006,Ftp,ftp://kommun.example\n",  # 7
        "9001,Dubblett,https://dubblett.example\n",  # 8
        "9007,För många,https://x.example,extra\n",  # 9
        "9008,Utan värd,https://\n",  # 10
        "9009,Ödeby,https://odeby.example\n",  # 11: good
    ]
    path = tmp_path / "register.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    result = _run(tmp_path, "init", "--municipalities", str(path))
    assert result.exit_code == 0, result.output
    for line in range(3, 11):
        assert f"rad {line}:" in result.output, line
    assert "rad 2:" not in result.output and "rad 11:" not in result.output
    ws = make_workspace(tmp_path)
    with ws.store.session() as session:
        codes = sorted(m.municipality_code for m in session.exec(select(RoundMunicipality)).all())
    ws.close()
    assert codes == ["9001", "9009"]


def _checklist() -> dict[str, Any]:
    return yaml.safe_load(default_checklist_path().read_text(encoding="utf-8"))


def _mutate(change: Callable[[dict[str, Any]], None]) -> str:
    data = copy.deepcopy(_checklist())
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _first_item(data: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = data["items"][0]
    return item


BOMB = "\n".join(
    [
        f"_{n}: &{n} [{', '.join(['x'] * 10)}]"
        if n == "a"
        else f"_{n}: &{n} [{', '.join([f'*{p}'] * 10)}]"
        for p, n in zip(" abcdefgh", "abcdefghi", strict=True)
    ]
)

CHECKLISTS: dict[str, tuple[Callable[[], str], tuple[str, ...]]] = {
    "yaml syntax": (lambda: "id: x\nitems: [\n  - {id: a\n", ("ogiltig YAML", "rad")),
    "repeated key": (lambda: "id: x\nid: y\n", ("två gånger",)),
    "not a mapping": (lambda: "- bara\n- en lista\n", ("",)),
    "unknown key": (lambda: _mutate(lambda d: _first_item(d).update(hemlig=1)), ("hemlig",)),
    "duplicate id": (
        lambda: _mutate(lambda d: d["items"].append(copy.deepcopy(d["items"][0]))),
        (_checklist()["items"][0]["id"],),
    ),
    "missing field": (lambda: _mutate(lambda d: _first_item(d).pop("title")), ("title",)),
    "bad weight": (lambda: _mutate(lambda d: _first_item(d).update(weight=-3)), ("weight",)),
    "weight as text": (lambda: _mutate(lambda d: _first_item(d).update(weight="tio")), ("weight",)),
    "alias bomb": (lambda: BOMB + "\n" + _mutate(lambda d: None), ("",)),
}


@pytest.mark.parametrize("case", sorted(CHECKLISTS))
def test_a_broken_checklist_is_refused(tmp_path: Path, case: str) -> None:
    make, fragments = CHECKLISTS[case]
    path = tmp_path / "checklista.yaml"
    path.write_text(make(), encoding="utf-8")
    started = time.monotonic()
    result = _run(tmp_path, "--checklist", str(path), "init")
    assert time.monotonic() - started < 20
    _one_clear_line(result, str(path), *fragments)


def test_a_checklist_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "checklista.yaml"
    path.write_bytes("id: hemtjänst\n".encode("latin-1"))
    _one_clear_line(_run(tmp_path, "--checklist", str(path), "init"), str(path), "UTF-8")


def test_the_unbroken_files_load(tmp_path: Path) -> None:
    """The mutations above start from a checklist that loads: each failure is the mutation's."""
    path = tmp_path / "checklista.yaml"
    path.write_text(_mutate(lambda d: None), encoding="utf-8")
    registry = tmp_path / "register.csv"
    registry.write_text(HEADER + GOOD, encoding="utf-8")
    result = _run(tmp_path, "--checklist", str(path), "init", "--municipalities", str(registry))
    assert result.exit_code == 0, result.output
