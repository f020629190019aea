"""The page model: blocks with sections, site chrome, links in their sentence, widgets, PDFs."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from tests.match.conftest import page
from webaudit.match.document import parse_html, parse_text, split_sentences

BODY = """<h1>Avgifter för hemtjänst</h1>
<p>Hemtjänsten kostar 350 kr per timme. Prova vår <a href="/kalkyl/">räknesnurra</a> för att se din avgift.</p>
<h2>Maxtaxa</h2><p>Du betalar högst 2 576 kr per månad.</p>
<article><header><h2>Nyhet</h2></header><p>Nya taxor från 1 januari.</p></article>
<div class="calc"><label for="ink">Inkomst</label><input id="ink" type="number">
<label>Hyra <input name="hyra" inputmode="numeric"></label><button>Beräkna</button><output></output></div>"""


def test_blocks_sections_and_chrome() -> None:
    document = parse_html(page(BODY), "https://www.prov.se/omsorg/avgifter/")
    texts = {b.text: b for b in document.blocks}
    assert texts["Avgifter för hemtjänst"].level == 1
    maxtaxa = texts["Du betalar högst 2 576 kr per månad."]
    assert document.blocks[maxtaxa.section].text == "Maxtaxa"
    assert [document.blocks[h].text for h in maxtaxa.headings] == [
        "Avgifter för hemtjänst",
        "Maxtaxa",
    ]
    # The site's menu and footer repeat on every page: their text is no content, their links stay.
    assert (
        "Avgiftskalkylator för förskola" not in texts
        and "Provkommun, telefon 0123-45 67 00" not in texts
    )
    menu = next(link for link in document.links if link.text == "Avgiftskalkylator för förskola")
    assert menu.chrome and menu.url == "https://www.prov.se/forskola/avgiftskalkylator/"
    assert "Nyhet" in texts  # an article's own header is content
    assert document.title == "Hemtjänst - Provkommun"


def test_link_knows_its_sentence_and_absolute_url() -> None:
    document = parse_html(page(BODY), "https://www.prov.se/omsorg/avgifter/")
    link = next(link for link in document.links if link.text == "räknesnurra")
    assert link.url == "https://www.prov.se/kalkyl/"
    block = document.blocks[link.block]
    sentence = next(s for s in block.sentences if s.start <= link.offset <= s.start + len(s.text))
    assert sentence.text == "Prova vår räknesnurra för att se din avgift."
    assert not link.chrome


def test_loose_inputs_make_a_widget_with_labels_buttons_and_output() -> None:
    document = parse_html(page(BODY), "https://www.prov.se/omsorg/avgifter/")
    widget = next(w for w in document.widgets if "Inkomst" in w.fields)
    assert widget.fields == ["Inkomst", "Hyra"]
    assert widget.numeric == 2 and widget.buttons == ["Beräkna"] and widget.has_output


def test_location_is_a_selector_that_finds_the_element_again() -> None:
    html = page(BODY)
    document = parse_html(html, "https://www.prov.se/omsorg/avgifter/")
    block = next(b for b in document.blocks if b.text.startswith("Du betalar högst"))
    selector = document.location(block.index)
    found = LexborHTMLParser(html).css_first(selector)
    assert found is not None and found.text().startswith("Du betalar högst")


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert split_sentences("Enligt 4 kap. 2 a § SoL får vi erbjuda t.ex. städning. Ring oss.") == [
        "Enligt 4 kap. 2 a § SoL får vi erbjuda t.ex. städning.",
        "Ring oss.",
    ]


def test_pdf_text_becomes_paragraphs_headings_and_items() -> None:
    text = "Riktlinjer för handläggning\nInledning\nDessa riktlinjer beskriver hur\nhandläggare utreder behov.\n☐ Hemtjänst   ☐ Trygghetslarm\n"
    document = parse_text(text, "https://www.prov.se/riktlinjer.pdf")
    texts = [(b.text, b.level) for b in document.blocks]
    assert ("Dessa riktlinjer beskriver hur handläggare utreder behov.", 0) in texts
    assert ("Inledning", 3) in texts
    assert ("☐ Hemtjänst ☐ Trygghetslarm", 0) in texts
    assert document.is_pdf and document.blocks[0].location_hint.startswith("pdf-stycke-")
