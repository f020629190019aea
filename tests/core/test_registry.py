"""The bundled registry of 290 municipalities, and registry files teams bring."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from webaudit.errors import RegistryError
from webaudit.municipalities import DEFAULT_REGISTRY, load_registry, size_group_for

# Municipalities per county (länskod), as in SCB's classification.
COUNTY_SIZES = {
    "01": 26,
    "03": 8,
    "04": 9,
    "05": 13,
    "06": 13,
    "07": 8,
    "08": 12,
    "09": 1,
    "10": 5,
    "12": 33,
    "13": 6,
    "14": 49,
    "17": 16,
    "18": 12,
    "19": 10,
    "20": 15,
    "21": 10,
    "22": 7,
    "23": 8,
    "24": 15,
    "25": 14,
}


def test_bundled_registry_has_all_290_with_consistent_facts() -> None:
    registry = load_registry()
    assert registry.problems == []
    rows = registry.municipalities
    assert len(rows) == 290
    assert len({m.code for m in rows}) == 290
    assert all(len(m.code) == 4 and m.code.isdigit() for m in rows)
    assert Counter(m.code[:2] for m in rows) == COUNTY_SIZES
    for m in rows:
        assert m.population and m.population_year == 2025
        assert m.size_group == size_group_for(m.population), m.code
        assert m.website.startswith("https://"), m.code
        assert m.official_name and m.county
    assert Counter(m.size_group for m in rows).keys() == {1, 2, 3, 4, 5}
    assert 10_000_000 < sum(m.population or 0 for m in rows) < 11_000_000  # Sweden, 2025


def test_registry_matches_the_shared_reference_file() -> None:
    reference = Path(__file__).resolve().parents[3] / "shared" / "data" / "municipalities.csv"
    if not reference.exists():
        pytest.skip("shared reference data not present in this checkout")
    with reference.open(encoding="utf-8") as handle:
        expected = {row["code"]: row for row in csv.DictReader(handle)}
    for m in load_registry().municipalities:
        row = expected[m.code]
        assert (m.name, m.website, m.population) == (
            row["name"],
            row["website"],
            int(row["population"]),
        )


@pytest.mark.parametrize(
    ("population", "group"),
    [
        (0, 1),
        (15_000, 1),
        (15_001, 2),
        (30_000, 2),
        (30_001, 3),
        (70_000, 3),
        (70_001, 4),
        (200_000, 4),
        (200_001, 5),
    ],
)
def test_size_group_bounds(population: int, group: int) -> None:
    assert size_group_for(population) == group


def test_minimal_csv_and_bad_rows_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "urval.csv"
    path.write_text(
        "code,name,website,population,size_group\n"
        "0114,Upplands Väsby,https://www.upplandsvasby.se,,\n"
        "0115,Vallentuna,www.vallentuna.se,,\n"
        "0117,Österåker,https://www.osteraker.se,49943,5\n"
        "0114,Dubblett,https://dubblett.se,,\n"
        "0120,Värmdö\n"
        "0180,Stockholm,https://start.stockholm,999239,5\n",
        encoding="utf-8",
    )
    registry = load_registry(path)
    assert [m.code for m in registry.municipalities] == ["0114", "0180"]
    problems = {p.line: p.message for p in registry.problems}
    assert set(problems) == {3, 4, 5, 6}
    assert "http" in problems[3]
    assert "storleksgrupp 5" in problems[4]
    assert "finns redan på rad 2" in problems[5]
    assert "fält" in problems[6]


def test_missing_column_fails_at_once(tmp_path: Path) -> None:
    path = tmp_path / "fel.csv"
    path.write_text("kod,namn,webb\n0114,X,https://x.se\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="code, name, website"):
        load_registry(path)


def test_select_unknown_code_is_named() -> None:
    with pytest.raises(RegistryError, match="9999"):
        load_registry().select(["0114", "9999"])


def test_default_registry_lives_in_checklists() -> None:
    assert DEFAULT_REGISTRY.parent.name == "checklists"
