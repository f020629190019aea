"""Charts for the statistics report, in the style of the index report, as PNG and SVG.

matplotlib's object API with the Agg canvas (no pyplot, no display, no global state), so it
runs headless and in threads. Output is reproducible: fixed SVG hash salt, no dates in metadata.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from webaudit.export.files import write_shared
from webaudit.statistics import RoundStats

ACCENT = "#1f4e5a"
PALETTE = ["#1f4e5a", "#4f9a94", "#c8a14a", "#b5543c", "#7a6fb0", "#5a7d2a"]
GROUP_LABELS = {
    1: "1: upp till 15 000",
    2: "2: 15 000–30 000",
    3: "3: 30 000–70 000",
    4: "4: 70 000–200 000",
    5: "5: över 200 000",
}
STYLE: Any = {  # matplotlib types keys as literals; this is a plain rc mapping
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titleweight": "bold",
    "axes.titlesize": 12,
    "svg.hashsalt": "webaudit",
    "svg.fonttype": "path",
}


@dataclass(frozen=True)
class Chart:
    name: str  # file stem
    title: str
    png: str  # file names, relative to the report folder
    svg: str


def _save(figure: Figure, folder: Path, name: str, title: str) -> Chart:
    FigureCanvasAgg(figure)
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in ("png", "svg"):
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, dpi=150, metadata=metadata, bbox_inches="tight")
        write_shared(folder / f"{name}.{fmt}", buffer.getvalue())
    return Chart(name, title, f"diagram/{name}.png", f"diagram/{name}.svg")


def _figure(width: float = 7.0, height: float = 3.6) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def item_per_round(
    stats: Sequence[RoundStats], item_id: str, title: str, folder: Path, name: str
) -> Chart:
    """Bars: municipalities with the item, per round (the index report's 'per year' charts)."""
    rounds = [s for s in stats if item_id in s.counts]
    with matplotlib.rc_context(STYLE):
        figure = _figure()
        axes = figure.add_subplot()
        labels = [s.round_id + ("*" if s.provisional else "") for s in rounds]
        values = [s.counts[item_id] for s in rounds]
        bars = axes.bar(labels, values, color=ACCENT, width=0.6)
        axes.bar_label(bars, padding=2)
        axes.set_ylim(0, max([*values, 10]) * 1.18)
        axes.set_ylabel("Antal kommuner")
        axes.set_title(title)
        if any(s.provisional for s in rounds):
            axes.set_xlabel("* preliminärt: alla punkter är inte beslutade", fontsize=8)
        return _save(figure, folder, name, title)


def confirmed_items_lines(
    stats: Sequence[RoundStats], items: Sequence[tuple[str, str]], folder: Path
) -> Chart:
    title = "Kommuner med respektive information, per år"
    with matplotlib.rc_context(STYLE):
        figure = _figure(7.5, 4.0)
        axes = figure.add_subplot()
        for color, (item_id, label) in zip(PALETTE, items, strict=False):
            points = [(s.round_id, s.counts[item_id]) for s in stats if item_id in s.counts]
            if points:
                axes.plot(
                    [p[0] for p in points],
                    [p[1] for p in points],
                    marker="o",
                    color=color,
                    label=label,
                )
        axes.set_ylabel("Antal kommuner")
        axes.set_ylim(bottom=0)
        axes.set_title(title)
        axes.legend(frameon=False, fontsize=8, loc="upper left")
        return _save(figure, folder, "utveckling-per-ar", title)


def score_distribution(stats: Sequence[RoundStats], folder: Path) -> Chart:
    """Histogram of Information scores in 10-point bins; the latest round, the one before faint."""
    title = "Fördelning av poäng i delindex Information"
    shown = [s for s in stats if s.scores][-2:]
    bins = list(range(0, 101, 10))
    with matplotlib.rc_context(STYLE):
        figure = _figure()
        axes = figure.add_subplot()
        for index, round_stats in enumerate(shown):
            latest = index == len(shown) - 1
            axes.hist(
                round_stats.scores,
                bins=bins,
                color=ACCENT if latest else "#9fbfc2",
                alpha=1.0 if latest else 0.6,
                rwidth=0.85 if latest else 0.95,
                label=f"{round_stats.round_id} (snitt {_sv(round_stats.national_average)})",
                zorder=2 if latest else 1,
            )
        axes.set_xticks(bins)
        axes.set_xlabel("Poäng (0–100)")
        axes.set_ylabel("Antal kommuner")
        axes.set_title(title)
        if shown:
            axes.legend(frameon=False, fontsize=8)
        return _save(figure, folder, "poangfordelning", title)


def group_averages(stats: Sequence[RoundStats], folder: Path) -> Chart:
    """Grouped bars: average Information score per size group, for up to the last 3 rounds."""
    title = "Genomsnitt i delindex Information per storleksgrupp"
    shown = [s for s in stats if s.average_by_group][-3:]
    groups = [1, 2, 3, 4, 5]
    with matplotlib.rc_context(STYLE):
        figure = _figure(7.5, 3.8)
        axes = figure.add_subplot()
        width = 0.8 / max(1, len(shown))
        for index, round_stats in enumerate(shown):
            positions = [g + (index - (len(shown) - 1) / 2) * width for g in groups]
            values = [round_stats.average_by_group.get(g, 0.0) for g in groups]
            bars = axes.bar(
                positions,
                values,
                width=width * 0.95,
                color=PALETTE[index],
                label=round_stats.round_id,
            )
            axes.bar_label(bars, labels=[_sv(v) for v in values], fontsize=7, padding=1)
        axes.set_xticks(groups, [GROUP_LABELS[g] for g in groups], fontsize=8)
        axes.set_xlabel("Storleksgrupp (invånare)")
        axes.set_ylabel("Genomsnittlig poäng")
        axes.set_ylim(0, 100)
        axes.set_title(title)
        if shown:
            axes.legend(frameon=False, fontsize=8)
        return _save(figure, folder, "storleksgrupper", title)


def _sv(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",")
