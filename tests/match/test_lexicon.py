"""Swedish phrase matching: case, å/ä/ö, inflections, compounds, typos, exact phrases."""

from __future__ import annotations

import pytest

from webaudit.match.lexicon import Lexicon, contains


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        (
            "beräkna din avgift",
            "Här kan du BERÄKNA DINA AVGIFTER för hemtjänst.",
        ),  # case, inflection
        ("kalkylator", "Avgiftskalkylatorn finns på Mina sidor."),  # compound, definite form
        ("hemtjänst", "Läs mer på www.prov.se/hemtjanst/avgifter"),  # å/ä/ö written without
        (
            "flexibel hemtjänst",
            "Vi erbjuder flexibla hemtjänstinsatser.",
        ),  # syncope: flexibel ~ flexibla
        ("räknesnurra", "Prova vår räknesnura för avgiften."),  # a typo
        ("avgift kalkylator", "Öppna avgiftskalkylatorn."),  # two words in one compound
        (
            "utan biståndsbeslut",
            "Du kan få hjälp utan att ha ett biståndsbeslut.",
        ),  # words in between
    ],
)
def test_phrase_matches(phrase: str, text: str) -> None:
    assert contains(Lexicon(), [phrase], text) == [phrase]


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("ramtid", "I framtiden bygger vi fler boenden."),  # no compound with a one-letter head
        ("=kräver biståndsbeslut", "Det krävs inget biståndsbeslut."),  # exact words, adjacent
        ("=lov", "Vi lovar att komma i tid."),  # exact word, not a prefix
        ("att ansöka", "Ansök om hemtjänst här."),  # a short phrase keeps its function words
        ("utan biståndsbeslut", "Utan att du ansöker blir det inget. Biståndsbeslut fattas sedan."),
    ],
)
def test_phrase_does_not_match(phrase: str, text: str) -> None:
    assert contains(Lexicon(), [phrase], text) == []


def test_same_lexicon_gives_the_same_answer_twice() -> None:
    lexicon = Lexicon()
    text = "Räkna ut din avgift med avgiftskalkylatorn."
    first = contains(lexicon, ["räkna ut din avgift", "kalkylator", "förskola"], text)
    assert first == contains(lexicon, ["räkna ut din avgift", "kalkylator", "förskola"], text)
    assert first == ["räkna ut din avgift", "kalkylator"]
