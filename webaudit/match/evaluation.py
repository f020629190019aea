"""Measuring the matchers against labelled pages and labelled sites.

Two kinds of ground truth:
- a page corpus: `<folder>/<item>/{pos,neg}_NN.html`, whose first line is
  `<!-- label: item=yes|no; other_item=yes|no; why: ... -->` and whose canonical link is the
  page's URL; every labelled (page, item) pair counts;
- a site set: `<folder>/<site>/site.yaml` with `pages: {file: url}` and `truth: {item: bool}`;
  each site's pages are matched and aggregated as one complete crawl.

The metrics are those of the index team's targets: recall of present items (flagged pass or
review), precision of `pass`, and the share of pairs left for review. A plain keyword search
(the 'before' picture) is measured the same way for comparison.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from webaudit.checklists import Checklist
from webaudit.match.aggregate import PageResult, aggregate_item
from webaudit.match.document import parse_html
from webaudit.match.engine import ItemMatch, Result, match_document
from webaudit.text import fold

LABEL = re.compile(r"<!--\s*label:(.*?)-->", re.DOTALL)
CANONICAL = re.compile(
    r"<link[^>]+rel=[\"']?canonical[\"']?[^>]*href=[\"']([^\"']+)", re.IGNORECASE
)

# The search a reviewer would type without webaudit: the item's obvious words, anywhere on the
# page, no context, no exclusions.
KEYWORDS: dict[str, list[str]] = {
    "fee_calculator": [
        "avgiftskalkylator",
        "räkna ut din avgift",
        "beräkna din avgift",
        "kalkylator",
    ],
    "provider_comparison": ["äldreguiden", "jämför"],
    "flexibility_policy": ["flexibel", "ramtid", "rambeslut"],
    "no_needs_assessment": [
        "utan biståndsbeslut",
        "utan behovsprövning",
        "förenklat beslutsfattande",
    ],
    "how_to_apply": ["ansöka om hemtjänst", "ansök om hemtjänst"],
    "e_application": ["e-tjänst"],
    "fee_info": ["maxtaxa", "avgift"],
    "provider_choice": ["välja utförare", "valfrihet"],
    "service_content": ["städning", "personlig omvårdnad"],
    "complaints": ["klagomål", "synpunkter"],
    "contact_info": ["biståndshandläggare"],
    "fast_omsorgskontakt": ["fast omsorgskontakt", "kontaktperson"],
    "easy_read_or_languages": ["lättläst", "other languages"],
    "assessment_guidelines": ["riktlinjer"],
    "quality_guarantees": ["garanti"],
    "safety_alarm": ["trygghetslarm"],
}


@dataclass(frozen=True)
class LabelledPage:
    path: Path
    url: str
    labels: dict[str, bool]
    why: str


def parse_label(first_line: str) -> tuple[dict[str, bool], str]:
    found = LABEL.search(first_line)
    if found is None:
        raise ValueError("ingen etikett (<!-- label: ... -->) på första raden")
    labels: dict[str, bool] = {}
    why = ""
    for part in found.group(1).split(";"):
        key, _, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if key.startswith("why"):
            why = part.split(":", 1)[-1].strip()
        elif key and value in ("yes", "no"):
            labels[key] = value == "yes"
    return labels, why


def load_corpus(folder: Path) -> list[LabelledPage]:
    pages = []
    for path in sorted(folder.glob("*/*.html")):
        if path.parent.name.startswith("_"):
            continue
        html = path.read_text(encoding="utf-8")
        labels, why = parse_label(html.split("\n", 1)[0])
        canonical = CANONICAL.search(html)
        url = canonical.group(1) if canonical else f"https://example.se/{path.stem}"
        pages.append(LabelledPage(path, url, labels, why))
    return pages


@dataclass
class Counts:
    """Outcomes for one item: truth (present/absent) x result (pass/review/fail)."""

    present: dict[str, int] = field(default_factory=lambda: {"pass": 0, "review": 0, "fail": 0})
    absent: dict[str, int] = field(default_factory=lambda: {"pass": 0, "review": 0, "fail": 0})

    def add(self, truth: bool, result: str) -> None:
        (self.present if truth else self.absent)[result] += 1

    @property
    def total(self) -> int:
        return sum(self.present.values()) + sum(self.absent.values())

    @property
    def recall(self) -> float:
        """Present items flagged pass or review."""
        n = sum(self.present.values())
        return (self.present["pass"] + self.present["review"]) / n if n else 1.0

    @property
    def pass_recall(self) -> float:
        n = sum(self.present.values())
        return self.present["pass"] / n if n else 1.0

    @property
    def precision(self) -> float:
        """Of the pairs flagged pass, the share truly present."""
        flagged = self.present["pass"] + self.absent["pass"]
        return self.present["pass"] / flagged if flagged else 1.0

    @property
    def review_share(self) -> float:
        return (self.present["review"] + self.absent["review"]) / self.total if self.total else 0.0

    def merge(self, other: Counts) -> None:
        for key in self.present:
            self.present[key] += other.present[key]
            self.absent[key] += other.absent[key]


@dataclass
class Report:
    items: dict[str, Counts]
    mistakes: list[tuple[str, str, bool, str]] = field(
        default_factory=list
    )  # unit, item, truth, result

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.items.values():
            total.merge(counts)
        return total


PageMatcher = Callable[[str, str], dict[str, ItemMatch]]


def matcher_for(checklist: Checklist) -> PageMatcher:
    def match(html: str, url: str) -> dict[str, ItemMatch]:
        return match_document(parse_html(html, url), checklist)

    return match


def keyword_matcher(checklist: Checklist) -> PageMatcher:
    """The plain keyword search: any keyword in the page's text is a pass."""

    def match(html: str, url: str) -> dict[str, ItemMatch]:
        text = fold(parse_html(html, url).full_text)
        results: dict[str, ItemMatch] = {}
        for item in checklist.items:
            hit = any(fold(word) in text for word in KEYWORDS.get(item.id, []))
            result: Result = "pass" if hit else "fail"
            results[item.id] = ItemMatch(item.id, result, 1.0, 1.0 if hit else 0.0)
        return results

    return match


def evaluate_pages(pages: Iterable[LabelledPage], match: PageMatcher) -> Report:
    report = Report({})
    for page in pages:
        results = match(page.path.read_text(encoding="utf-8"), page.url)
        for item_id, truth in page.labels.items():
            if item_id not in results:
                continue
            result = results[item_id].result
            report.items.setdefault(item_id, Counts()).add(truth, result)
            if (truth and result == "fail") or (not truth and result == "pass"):
                report.mistakes.append((page.path.name, item_id, truth, result))
    return report


@dataclass(frozen=True)
class LabelledSite:
    name: str
    folder: Path
    pages: dict[str, str]  # file name -> URL
    truth: dict[str, bool]


def load_sites(folder: Path) -> list[LabelledSite]:
    sites = []
    for path in sorted(folder.glob("*/site.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        sites.append(
            LabelledSite(
                path.parent.name,
                path.parent,
                {str(k): str(v) for k, v in (data.get("pages") or {}).items()},
                {str(k): bool(v) for k, v in (data.get("truth") or {}).items()},
            )
        )
    return sites


def evaluate_sites(
    sites: Iterable[LabelledSite], checklist: Checklist, match: PageMatcher
) -> Report:
    """Each site as one complete crawl of its pages; the site-level flag is what is scored."""
    report = Report({})
    thresholds = {item.id: item.matcher.review_threshold for item in checklist.items}
    for site in sites:
        per_item: dict[str, list[PageResult]] = {item.id: [] for item in checklist.items}
        for number, (name, url) in enumerate(sorted(site.pages.items())):
            html = (site.folder / name).read_text(encoding="utf-8", errors="replace")
            for item_id, found in match(html, url).items():
                per_item[item_id].append(PageResult(number, url, found))
        for item in checklist.items:
            if item.id not in site.truth:
                continue
            flag = aggregate_item(
                item.id, per_item[item.id], "ok", review_threshold=thresholds[item.id]
            )
            truth = site.truth[item.id]
            report.items.setdefault(item.id, Counts()).add(truth, flag.result)
            if (truth and flag.result == "fail") or (not truth and flag.result == "pass"):
                report.mistakes.append((site.name, item.id, truth, flag.result))
    return report


def format_report(report: Report, checklist: Checklist, title: str) -> str:
    lines = [
        title,
        f"{'punkt':24} {'n':>4} {'recall':>7} {'pass-rec':>8} {'precision':>9} {'review':>7}",
    ]
    for item in checklist.items:
        counts = report.items.get(item.id)
        if counts is None:
            continue
        mark = "*" if item.source == "confirmed" else " "
        lines.append(
            f"{item.id:23}{mark} {counts.total:4} {counts.recall:7.2f} {counts.pass_recall:8.2f} "
            f"{counts.precision:9.2f} {counts.review_share:7.1%}"
        )
    total = report.overall
    lines.append(
        f"{'alla':24} {total.total:4} {total.recall:7.2f} {total.pass_recall:8.2f} "
        f"{total.precision:9.2f} {total.review_share:7.1%}"
    )
    return "\n".join(lines)
