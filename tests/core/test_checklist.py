"""Checklists are data: the bundled one is complete, and loading is strict."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from webaudit.checklists import default_checklist_path, load_checklist
from webaudit.errors import ChecklistError

CONFIRMED = {"fee_calculator", "provider_comparison", "flexibility_policy", "no_needs_assessment"}
ASSUMED_REQUIRED = {
    "how_to_apply",
    "e_application",
    "fee_info",
    "provider_choice",
    "service_content",
    "complaints",
    "contact_info",
    "fast_omsorgskontakt",
    "easy_read_or_languages",
    "assessment_guidelines",
}


def test_bundled_checklist_has_the_confirmed_and_assumed_items() -> None:
    loaded = load_checklist()
    checklist = loaded.checklist
    assert (checklist.id, checklist.round) == ("hemtjanstindex", "2025")
    by_source = {item.id: item.source for item in checklist.items}
    assert {i for i, s in by_source.items() if s == "confirmed"} == CONFIRMED
    assert {i for i, s in by_source.items() if s == "assumed"} >= ASSUMED_REQUIRED
    assert len(checklist.items) >= 14
    for item in checklist.items:
        assert item.title.sv and item.title.en and item.counts.sv and item.does_not_count.sv
        assert item.subindex == "information" and item.weight > 0
        assert item.matcher.phrases or item.matcher.strong_phrases, item.id
    assert len(loaded.sha256) == 64


def _base() -> dict:
    return yaml.safe_load(default_checklist_path().read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict | str) -> Path:
    path = tmp_path / "lista.yaml"
    path.write_text(
        data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True),
        encoding="utf-8",
    )
    return path


def _error(tmp_path: Path, data: dict | str) -> str:
    with pytest.raises(ChecklistError) as raised:
        load_checklist(_write(tmp_path, data))
    return str(raised.value)


def test_unknown_key_names_file_item_and_key(tmp_path: Path) -> None:
    data = _base()
    data["items"][2]["wieght"] = 3
    message = _error(tmp_path, data)
    assert (
        "lista.yaml" in message
        and "flexibility_policy" in message
        and "wieght" in message
        and "okänd nyckel" in message
    )


def test_unknown_key_inside_matcher_is_named(tmp_path: Path) -> None:
    data = _base()
    data["items"][0]["matcher"]["phrasez"] = ["x"]
    message = _error(tmp_path, data)
    assert "fee_calculator" in message and "matcher.phrasez" in message


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    data = _base()
    data["items"][5]["id"] = "fee_calculator"
    message = _error(tmp_path, data)
    assert "fee_calculator" in message and "två gånger" in message and "nr 6" in message


@pytest.mark.parametrize("weight", [0, -1, 101, "tung"])
def test_bad_weight_is_refused(tmp_path: Path, weight: object) -> None:
    data = _base()
    data["items"][1]["weight"] = weight
    message = _error(tmp_path, data)
    assert "provider_comparison" in message and "weight" in message


@pytest.mark.parametrize("field", ["title", "counts", "source", "weight", "id"])
def test_missing_field_is_named(tmp_path: Path, field: str) -> None:
    data = _base()
    del data["items"][3][field]
    message = _error(tmp_path, data)
    assert field in message and "saknas" in message


def test_bad_source_and_bad_regex(tmp_path: Path) -> None:
    data = _base()
    data["items"][0]["source"] = "rumour"
    assert "source" in _error(tmp_path, data)
    data = _base()
    data["items"][1]["matcher"]["link_patterns"] = ["aldreguiden(["]
    assert "link_patterns" in _error(tmp_path, data)


def test_repeated_yaml_key_is_an_error_not_an_overwrite(tmp_path: Path) -> None:
    text = (
        default_checklist_path()
        .read_text(encoding="utf-8")
        .replace('version: "2025.1"', 'version: "2025.1"\nversion: "x"', 1)
    )
    assert "två gånger" in _error(tmp_path, text)


def test_not_yaml_and_missing_file(tmp_path: Path) -> None:
    assert "ogiltig YAML" in _error(tmp_path, "items: [\n  - id: x\n  bad")
    with pytest.raises(ChecklistError, match="finns inte"):
        load_checklist(tmp_path / "saknas.yaml")


def test_an_earlier_round_is_another_file(tmp_path: Path) -> None:
    data = _base()
    data["round"] = 2024
    data["version"] = "2024.1"
    data["items"] = [item for item in data["items"] if item["source"] == "confirmed"]
    loaded = load_checklist(_write(tmp_path, data))
    assert (loaded.checklist.round, loaded.checklist.version, len(loaded.checklist.items)) == (
        "2024",
        "2024.1",
        4,
    )
