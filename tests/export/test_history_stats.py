"""Earlier rounds imported (CSV per round, JSON exports), national statistics and the charts."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from tests.export.factory import BuiltRound
from webaudit.errors import DataFileError
from webaudit.export.json_export import write_json
from webaudit.export.snapshot import read_round
from webaudit.export.stats_report import write_stats_report
from webaudit.history import import_history, parse_round_csv
from webaudit.statistics import collect_statistics
from webaudit.workspace import Workspace

HEADER = "Kod;Kommun;Län;Storleksgrupp;Delindex Information;Avgiftskalkylator för hemtjänst;provider_comparison;flexibility_policy;no_needs_assessment\n"


def _csv(rows: list[str]) -> bytes:
    return (HEADER + "".join(rows)).encode("cp1252")  # as Swedish Excel saves "CSV (semikolon)"


def test_round_csv_in_excel_dialect(workspace: Workspace) -> None:
    data = _csv(
        [
            "0114;Upplands Väsby;Stockholms län;3;41,5;ja;Nej;;x\n",
            "180;Stockholm;Stockholms län;5;55;nej;ja;ej tillämplig;0\n",
        ]
    )
    parsed = parse_round_csv(data, "r.csv", workspace.checklist)
    assert parsed.ignored_columns == ["Län"]
    first, second = parsed.rows
    assert (first.code, first.name, first.size_group, first.information) == (
        "0114",
        "Upplands Väsby",
        3,
        41.5,
    )
    assert first.items == {
        "fee_calculator": "yes",
        "provider_comparison": "no",
        "flexibility_policy": None,
        "no_needs_assessment": "yes",
    }
    assert second.code == "0180" and second.items["flexibility_policy"] == "not_applicable"


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("0114;A;x;3;41,5;kanske;ja;;\n", "rad 2, kolumn 'Avgiftskalkylator för hemtjänst'"),
        ("01a4;A;x;3;41,5;ja;ja;;\n", "ogiltig kommunkod"),
        ("0114;A;x;tre;41,5;ja;ja;;\n", "inte ett tal"),
    ],
)
def test_bad_cells_name_the_line_and_column(workspace: Workspace, row: str, fragment: str) -> None:
    with pytest.raises(DataFileError, match=fragment):
        parse_round_csv(_csv([row]), "r.csv", workspace.checklist)


def test_json_export_imports_as_an_earlier_round(
    built: tuple[Workspace, BuiltRound], tmp_path: Path
) -> None:
    workspace, round_ = built
    snapshot = read_round(workspace.store, workspace.checklist, round_.round_id)
    exported = tmp_path / "hemtjanstindex-2024.json"
    document = write_json(snapshot, exported)
    document["round"] = "2024"
    exported.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    record, _parsed = import_history(
        workspace.store, exported, workspace.checklist, round_id=None, actor="t"
    )
    assert record.round_id == "2024" and record.rows == 3 and record.format == "json"
    stats = {s.round_id: s for s in collect_statistics(workspace.store, workspace.checklist)}
    assert set(stats) == {"2024", "2025"}
    # The imported round reproduces the reviewed round's counts and average exactly.
    assert stats["2024"].counts == stats["2025"].counts
    assert stats["2024"].national_average == stats["2025"].national_average
    assert stats["2025"].source == "granskning" and stats["2024"].source == exported.name


def test_statistics_report_with_charts(built: tuple[Workspace, BuiltRound], tmp_path: Path) -> None:
    workspace, _round = built
    for year, counts in (("2022", (26, 47, 11, 30)), ("2023", (51, 90, 17, 35))):
        rows = []
        for number in range(120):
            cells = ["ja" if number < c else "nej" for c in counts]
            rows.append(
                f"{number + 1:04d};K{number};x;{number % 5 + 1};{(number * 7) % 100};{';'.join(cells)}\n"
            )
        path = tmp_path / f"resultat-{year}.csv"
        path.write_bytes(_csv(rows))
        import_history(workspace.store, path, workspace.checklist, round_id=None, actor="t")
    stats = collect_statistics(workspace.store, workspace.checklist)
    assert [s.round_id for s in stats] == ["2022", "2023", "2025"]
    assert stats[0].counts["fee_calculator"] == 26 and stats[1].counts["provider_comparison"] == 90
    assert stats[0].average_by_group  # size groups from the file
    out = tmp_path / "statistik"
    report = write_stats_report(stats, workspace.checklist, out)
    html = report.read_text("utf-8")
    assert "Kommuner med avgiftskalkylator" in html and "2022" in html
    charts = sorted((out / "diagram").glob("*.png"))
    names = {p.stem for p in charts}
    assert {
        "per-ar-fee_calculator",
        "per-ar-provider_comparison",
        "per-ar-flexibility_policy",
        "per-ar-no_needs_assessment",
        "poangfordelning",
        "storleksgrupper",
        "utveckling-per-ar",
    } <= names
    for png in charts:
        with Image.open(png) as image:
            assert image.width > 600 and len(image.convert("L").getcolors(256) or []) > 3
        svg = png.with_suffix(".svg")
        assert ElementTree.parse(svg).getroot().tag.endswith("svg")
    # Reproducible: the same figures give the same SVG.
    first = (out / "diagram" / "poangfordelning.svg").read_bytes()
    write_stats_report(stats, workspace.checklist, out)
    assert (out / "diagram" / "poangfordelning.svg").read_bytes() == first
    assert (
        (out / "antal-per-punkt.csv")
        .read_text("utf-8-sig")
        .startswith("punkt,rubrik,2022,2023,2025")
    )
