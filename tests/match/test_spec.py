"""The matcher blocks are data and are validated strictly: terms, signals, scopes, regexes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from webaudit.checklists import default_checklist_path, load_checklist
from webaudit.errors import ChecklistError
from webaudit.match.rules import compile_checklist, required_literal


def _load_with(tmp_path: Path, change: dict[str, object], item: int = 0) -> str:
    data = yaml.safe_load(default_checklist_path().read_text(encoding="utf-8"))
    data["items"][item]["matcher"].update(change)
    path = tmp_path / "lista.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ChecklistError) as raised:
        load_checklist(path)
    return str(raised.value)


def _signal(**fields: object) -> dict[str, object]:
    return {"id": "prov", "any": ["räknesnurra"], "strength": 0.8, "note": "test", **fields}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"signals": [_signal(any=["@finns_inte"])]}, "finns_inte"),
        ({"signals": [_signal(), _signal()]}, "två gånger"),
        ({"signals": [_signal(near="stycke")]}, "near"),
        ({"signals": [_signal(strength=1.5)]}, "strength"),
        ({"signals": [_signal(kind="link", any=[], url=["aldreguiden(["])]}, "url"),
        ({"signals": [_signal(any=[], url=[])]}, "saknar"),
        ({"signals": [_signal(note="")]}, "note"),
        ({"signals": [_signal(unles=["x"])]}, "unles"),
        ({"terms": {"Stor": ["x"]}}, "termnamn"),
        ({"terms": {"tom": []}}, "tom"),
        ({"pass_threshold": 0.3, "review_threshold": 0.5}, "review_threshold"),
    ],
)
def test_bad_matcher_blocks_are_refused_with_item_and_key(
    tmp_path: Path, change: dict[str, object], expected: str
) -> None:
    message = _load_with(tmp_path, change)
    assert "fee_calculator" in message and expected in message


def test_every_bundled_signal_compiles_and_names_its_evidence() -> None:
    checklist = load_checklist().checklist
    compiled = compile_checklist(checklist)
    assert [item.id for item in compiled.items] == [item.id for item in checklist.items]
    for item in compiled.items:
        assert item.signals, item.id
        for signal in item.signals:
            assert signal.note and -1 <= signal.strength <= 1
            assert signal.any or signal.url or signal.buttons, (item.id, signal.id)
    assert compile_checklist(checklist) is compiled  # compiled once per checklist


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        ("aldreguiden\\.se", "aldreguiden.se"),
        ("(?<![a-z])e-?tjanst", "tjanst"),
        ("a|b", None),
        ("(kalkyl|berakn).*avgift", "avgift"),
    ],
)
def test_url_prefilter_only_uses_text_every_match_contains(
    pattern: str, literal: str | None
) -> None:
    assert required_literal(pattern) == literal
