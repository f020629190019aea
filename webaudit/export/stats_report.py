"""The statistics report: national counts per item per round and charts, as an HTML folder.

<out>/index.html          the report, in Swedish (works offline)
<out>/diagram/*.png|svg   every chart in both formats
<out>/antal-per-punkt.csv the counts table for further work
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from webaudit.checklists import Checklist
from webaudit.export.charts import (
    Chart,
    confirmed_items_lines,
    group_averages,
    item_per_round,
    score_distribution,
)
from webaudit.export.evidence_list import environment
from webaudit.export.files import write_shared
from webaudit.export.safety import spreadsheet_text
from webaudit.statistics import RoundStats
from webaudit.store.types import utcnow

# The index report's per-year charts: the four confirmed items.
HEADLINE_ITEMS = {
    "fee_calculator": "Kommuner med avgiftskalkylator",
    "provider_comparison": "Kommuner med jämförelse av utförare",
    "flexibility_policy": "Kommuner med flexibilitet inom beslutet",
    "no_needs_assessment": "Kommuner med hemtjänst utan biståndsbedömning",
}


def item_rows(
    stats: list[RoundStats], checklist: Checklist
) -> list[tuple[str, str, list[int | None]]]:
    """(item id, Swedish title, count per round or None where the round lacked the item)."""
    known = {item.id: item.title.sv for item in checklist.items}
    ids = list(dict.fromkeys([*known, *(i for s in stats for i in s.counts)]))
    return [
        (item_id, known.get(item_id, item_id), [s.counts.get(item_id) for s in stats])
        for item_id in ids
    ]


def counts_csv(stats: list[RoundStats], checklist: Checklist) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["punkt", "rubrik", *(s.round_id for s in stats)])
    for item_id, title, counts in item_rows(stats, checklist):
        writer.writerow(
            [item_id, spreadsheet_text(title), *("" if c is None else c for c in counts)]
        )
    return buffer.getvalue().encode("utf-8-sig")


def write_stats_report(stats: list[RoundStats], checklist: Checklist, out_dir: Path) -> Path:
    folder = out_dir / "diagram"
    charts: list[Chart] = []
    present = {i for s in stats for i in s.counts}
    for item_id, title in HEADLINE_ITEMS.items():
        if item_id in present:
            charts.append(item_per_round(stats, item_id, title, folder, f"per-ar-{item_id}"))
    headline = [
        (i, checklist.by_id[i].title.sv if i in checklist.by_id else i) for i in HEADLINE_ITEMS
    ]
    if len(stats) > 1:
        charts.append(confirmed_items_lines(stats, headline, folder))
    if any(s.scores for s in stats):
        charts.append(score_distribution(stats, folder))
    if any(s.average_by_group for s in stats):
        charts.append(group_averages(stats, folder))
    write_shared(out_dir / "antal-per-punkt.csv", counts_csv(stats, checklist))
    html = (
        environment()
        .get_template("stats_report.html")
        .render(
            stats=stats,
            rows=item_rows(stats, checklist),
            charts=charts,
            generated_at=utcnow(),
            latest=stats[-1] if stats else None,
            group_labels={
                1: "upp till 15 000",
                2: "15 000–30 000",
                3: "30 000–70 000",
                4: "70 000–200 000",
                5: "över 200 000",
            },
        )
    )
    return write_shared(out_dir / "index.html", html.encode("utf-8"))
