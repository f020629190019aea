"""Where is home care? Scores of link texts, URLs and pages."""

from __future__ import annotations

import pytest

from webaudit.checklists import load_checklist
from webaudit.crawl.relevance import Scorer, is_well_known_external, looks_like_eservice


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer(load_checklist().checklist)


@pytest.mark.parametrize(
    "text",
    [
        "Hemtjänst",
        "Omsorg & stöd",
        "Stöd, omsorg och hälsa",
        "Äldreomsorg",
        "Aldreomsorg",  # without diacritics
        "Äldreomsorgen",  # inflected
        "Hjälp hemma",
        "Vård, omsorg och stöd",
        "Senior",
        "Avgiftskalkylator för hemtjänst",
        "Jämför utförare",
    ],
)
def test_care_and_item_words_are_followed(scorer: Scorer, text: str) -> None:
    assert scorer.link_score(text, "http://k.se/x") >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "Bygga och bo",
        "Avgifter för förskola",
        "Diarium och protokollarkiv",
        "Lediga jobb",
        "Kalender",
    ],
)
def test_other_topics_are_not(scorer: Scorer, text: str) -> None:
    assert scorer.link_score(text, "http://k.se/x") < 0.35


def test_url_words_count_too(scorer: Scorer) -> None:
    assert (
        scorer.link_score("Läs mer", "http://k.se/omsorg-och-stod/aldreomsorg/hemtjanst.html")
        >= 0.8
    )
    assert scorer.link_score("Läs mer", "http://k.se/index.php?id=123") == 0
    assert scorer.link_score("Läs mer", "https://etjanst.k.se/oversikt/overview/123") >= 0.8


def test_page_score_counts_care_words_only(scorer: Scorer) -> None:
    assert scorer.page_score("Hemtjänst - Exempel kommun", [], "", "http://k.se/a") == 1.0
    care_crumbs = scorer.page_score(
        "Synpunkter", [], "Startsida › Vård och omsorg", "http://k.se/a"
    )
    assert care_crumbs >= 0.7
    assert (
        scorer.page_score("Synpunkter och felanmälan", [], "Kommun och politik", "http://k.se/a")
        == 0
    )


def test_external_targets() -> None:
    assert is_well_known_external("www.aldreguiden.se")
    assert is_well_known_external("socialstyrelsen.se")
    assert not is_well_known_external("aldreguiden.se.evil.example")
    assert looks_like_eservice("https://etjanster.kommun.se/")
    assert looks_like_eservice("https://kommun.e-tjanst.se/oversikt")
    assert looks_like_eservice("https://www.kommun.se/oversikt/overview/42")
    assert not looks_like_eservice("https://www.kommun.se/omsorg/")
