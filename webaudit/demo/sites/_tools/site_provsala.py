"""Provsala (9903): the hemtjänst page's content is injected by JavaScript.

Only a browser sees service content, rambeslut (flexibility), fast
omsorgskontakt, how to apply and the handläggare contact. The application
e-service lives on etjanst-provsala (/oversikt/overview/457). Near misses:
Äldreguiden linked for särskilt boende only, a PDF price list plus 'kontakta
avgiftshandläggaren för beräkning', the municipality investigating services
without needs assessment, guidelines mentioned without access, generic contact.
"""

from __future__ import annotations

from common import Crumb, breadcrumbs, head, host, nav_list, write

SLUG = "provsala"
ET = host("etjanst-provsala")
NAME = "Provsala kommun"

NAV = [
    ("Stöd och omsorg", "/stod-och-omsorg/"),
    ("Utbildning", "/utbildning/"),
    ("Bo och miljö", "/bo-och-miljo/"),
    ("Kultur och fritid", "/kultur-och-fritid/"),
    ("Kommun och politik", "/kommun-och-politik/"),
]
HOME: Crumb = ("Start", "/")
SO: Crumb = ("Stöd och omsorg", "/stod-och-omsorg/")
ALD: Crumb = ("Äldre", "/stod-och-omsorg/aldre/")


def layout(path: str, title: str, crumbs: list[Crumb], body: str, *, aside: str = "", scripts: str = "") -> None:
    side = f'<aside class="relaterat">{aside}</aside>' if aside else ""
    html = (
        head(f"{title} – {NAME}", "/css/provsala.css")
        + '<body>\n<header class="topp">\n<div class="innehall">'
        '<a href="/" class="logotyp" aria-label="Provsala kommun, till startsidan">'
        '<span class="symbol"></span>Provsala<span class="tunn">kommun</span></a>'
        '<a class="kontaktlank" href="/kontakt/">Kontakt</a></div>\n'
        f'<nav class="meny" aria-label="Huvudmeny"><div class="innehall">{nav_list(NAV, path, cls="menylista")}</div></nav>\n'
        "</header>\n"
        f'<div class="innehall">{breadcrumbs(crumbs, cls="smulor") if len(crumbs) > 1 else ""}</div>\n'
        f'<div class="innehall kolumner"><main>\n{body}\n</main>{side}</div>\n'
        '<footer class="fot"><div class="innehall">'
        "<p><strong>Provsala kommun</strong> · Rådhusgatan 3 · 745 90 Provsala</p>"
        "<p>Kontaktcenter: 0171-50 00 00 · provsala@provsala.se</p>"
        '<p><a href="/kontakt/">Kontakta oss</a> · <a href="/kommun-och-politik/">Om kommunen</a></p>'
        f"</div></footer>\n{scripts}</body>\n</html>\n"
    )
    write(SLUG, path, html)


def aldre_aside() -> str:
    return (
        "<h2>Genvägar</h2><ul>"
        f'<li><a href="{ET}/oversikt/overview/457">Ansök om hemtjänst (e-tjänst)</a></li>'
        '<li><a href="/stod-och-omsorg/aldre/avgifter/">Avgifter inom äldreomsorgen</a></li>'
        '<li><a href="/stod-och-omsorg/aldre/trygghetslarm/">Trygghetslarm</a></li>'
        '<li><a href="/stod-och-omsorg/aldre/sarskilt-boende/">Särskilt boende</a></li>'
        "</ul>"
    )


def build() -> None:
    layout(
        "/", "Startsida", [HOME],
        """<div class="valkommen"><h1>Provsala – staden vid ån</h1>
<p>Välkommen till Provsala kommun. Här hittar du information och tjänster för dig som bor, arbetar eller besöker Provsala.</p></div>
<h2>Mest besökt</h2>
<ul class="rutor">
<li><a href="/utbildning/">Förskola</a></li>
<li><a href="/bo-och-miljo/">Sophämtning</a></li>
<li><a href="/bo-och-miljo/bygglov/">Bygglov</a></li>
<li><a href="/stod-och-omsorg/">Stöd och omsorg</a></li>
<li><a href="/kultur-och-fritid/">Simhallen</a></li>
</ul>
<h2>Aktuellt</h2>
<p><strong>Ny förskola i Ånäs</strong> – i augusti öppnar förskolan Näckrosen med sex avdelningar.</p>
<p><strong>Höstens kulturprogram</strong> – konserter, teater och föredrag i Kulturhuset Ågården.</p>""",
    )

    layout(
        "/stod-och-omsorg/", "Stöd och omsorg", [HOME, ("Stöd och omsorg", None)],
        """<h1>Stöd och omsorg</h1>
<p class="ingress">Här finns information om kommunens stöd till äldre, till personer med funktionsnedsättning och till barn och familjer.</p>
<ul class="rutor">
<li><a href="/stod-och-omsorg/aldre/">Äldre</a></li>
<li><a href="/stod-och-omsorg/aldre/utveckling/">Utveckling av äldreomsorgen</a></li>
</ul>
<p>Behöver du stöd som inte finns beskrivet här? Kontakta kommunens kontaktcenter.</p>""",
    )

    layout(
        "/stod-och-omsorg/aldre/", "Äldre", [HOME, SO, ("Äldre", None)],
        """<h1>Äldre</h1>
<p class="ingress">Provsala kommun vill att du ska kunna leva ett tryggt och aktivt liv även när du behöver stöd i vardagen.</p>
<ul class="lista">
<li><a href="/stod-och-omsorg/aldre/hemtjanst/">Hemtjänst</a> – hjälp i ditt hem</li>
<li><a href="/stod-och-omsorg/aldre/trygghetslarm/">Trygghetslarm</a></li>
<li><a href="/stod-och-omsorg/aldre/sarskilt-boende/">Särskilt boende</a></li>
<li><a href="/stod-och-omsorg/aldre/avgifter/">Avgifter inom äldreomsorgen</a></li>
</ul>
<h2>Träffpunkter</h2>
<p>På träffpunkterna Ågården och Lindgården kan du fika, spela boule och delta i studiecirklar. Ingen anmälan behövs.</p>""",
    )

    layout(
        "/stod-och-omsorg/aldre/hemtjanst/", "Hemtjänst", [HOME, SO, ALD, ("Hemtjänst", None)],
        """<article id="sidinnehall" data-sida="hemtjanst">
<h1>Hemtjänst</h1>
<div id="hemtjanst-innehall" class="laddar">Laddar innehåll …</div>
<noscript><p>Den här sidan kräver JavaScript. Aktivera JavaScript i din webbläsare eller ring kommunens kontaktcenter.</p></noscript>
</article>""",
        aside=aldre_aside(),
        scripts='<script src="/js/sidinnehall.js" defer></script>\n',
    )

    layout(
        "/stod-och-omsorg/aldre/trygghetslarm/", "Trygghetslarm", [HOME, SO, ALD, ("Trygghetslarm", None)],
        """<h1>Trygghetslarm</h1>
<p class="ingress">Trygghetslarmet ger dig möjlighet att påkalla hjälp dygnet runt om du till exempel har fallit eller känner dig sjuk.</p>
<p>Larmet är en klocka eller ett halsband med en knapp. När du trycker kopplas samtalet till en larmcentral, som pratar med dig och vid behov skickar personal från hemtjänsten.</p>
<h2>Så får du trygghetslarm</h2>
<p>Trygghetslarm beviljas efter en ansökan hos biståndshandläggare. Larmet installeras inom tre arbetsdagar efter beslut.</p>
<h2>Kostnad</h2>
<p>Trygghetslarmet kostar 295 kronor i månaden och ingår i maxtaxan.</p>""",
        aside=aldre_aside(),
    )

    layout(
        "/stod-och-omsorg/aldre/sarskilt-boende/", "Särskilt boende", [HOME, SO, ALD, ("Särskilt boende", None)],
        """<h1>Särskilt boende</h1>
<p class="ingress">På ett särskilt boende finns personal dygnet runt. Du har en egen lägenhet och betalar hyra som i ett vanligt boende.</p>
<h2>Provsalas särskilda boenden</h2>
<ul><li>Åbrinken, 48 lägenheter</li><li>Lindgården, 36 lägenheter, varav 12 för personer med demenssjukdom</li><li>Sjöängen, 24 lägenheter</li></ul>
<h2>Jämför äldreboenden</h2>
<p>I Socialstyrelsens Äldreguiden kan du jämföra våra särskilda boenden med andra äldreboenden, till exempel när det gäller bemötande, mat och möjlighet till utevistelse.</p>
<p><a href="https://www.socialstyrelsen.se/aldreguiden/" rel="external">Äldreguiden – jämför äldreboenden</a></p>""",
        aside=aldre_aside(),
    )

    layout(
        "/stod-och-omsorg/aldre/avgifter/", "Avgifter inom äldreomsorgen", [HOME, SO, ALD, ("Avgifter", None)],
        """<h1>Avgifter inom äldreomsorgen</h1>
<p class="ingress">Avgiften för hemtjänst och trygghetslarm beror på din inkomst och på hur mycket hjälp du får. Den kan aldrig bli högre än maxtaxan, 2 642 kronor i månaden år 2025.</p>
<p>Hemtjänst debiteras med 310 kronor per utförd timme. Om dina inkomster är låga kan avgiften bli lägre eller helt utebli, eftersom du alltid ska ha ett förbehållsbelopp kvar för dina levnadskostnader.</p>
<h2>Prislista</h2>
<ul class="dokument"><li><a href="/globalassets/dokument/avgifter-aldreomsorg-2025.pdf">Avgifter inom äldreomsorgen 2025 (pdf)</a></li></ul>
<h2>Vill du veta vad du kommer att betala?</h2>
<p>Kontakta avgiftshandläggaren för en beräkning, telefon 0171-50 03 40. Ha gärna uppgifter om din pension och hyra till hands.</p>""",
        aside=aldre_aside(),
    )

    layout(
        "/stod-och-omsorg/aldre/utveckling/", "Utveckling av äldreomsorgen",
        [HOME, SO, ("Utveckling av äldreomsorgen", None)],
        """<h1>Utveckling av äldreomsorgen</h1>
<p class="ingress">Vård- och omsorgsnämnden arbetar med flera utvecklingsprojekt för en tryggare och mer flexibel äldreomsorg.</p>
<h2>Hemtjänst utan biståndsbeslut?</h2>
<p>Kommunen utreder möjligheten att erbjuda vissa serviceinsatser, som städning och inköp, utan biståndsbeslut enligt 4 kap. 2 a § socialtjänstlagen. Utredningen ska vara klar under våren 2026 och därefter fattar nämnden beslut. I dag krävs en ansökan och ett biståndsbeslut för all hemtjänst.</p>
<h2>Nya riktlinjer</h2>
<p>Nämnden antog i mars nya riktlinjer för biståndshandläggning inom äldreomsorgen. Riktlinjerna gäller från 1 maj.</p>
<h2>Välfärdsteknik</h2>
<p>Under året provar vi digital tillsyn nattetid med kamera, för dig som hellre vill slippa besök på natten.</p>""",
    )

    layout(
        "/utbildning/", "Utbildning", [HOME, ("Utbildning", None)],
        f"""<h1>Utbildning</h1>
<p>Provsala har 14 förskolor, sju grundskolor och Ågymnasiet. Vuxenutbildningen finns i Lärcentrum vid resecentrum.</p>
<h2>Ansök om förskola</h2>
<p>Du ansöker om förskoleplats i vår e-tjänst. Placering erbjuds inom fyra månader.</p>
<p><a href="{ET}/oversikt/overview/212">Ansök om förskoleplats (e-tjänst)</a></p>""",
    )

    layout(
        "/bo-och-miljo/", "Bo och miljö", [HOME, ("Bo och miljö", None)],
        """<h1>Bo och miljö</h1>
<ul class="lista"><li><a href="/bo-och-miljo/bygglov/">Bygglov</a></li></ul>
<h2>Sophämtning</h2>
<p>Provsala sorterar matavfall i papperspåse. Tömning sker varannan vecka. Kontakta Provsala Vatten och Avfall om du har frågor om din hämtning.</p>
<h2>Dricksvatten</h2>
<p>Vattnet kommer från Åsens grundvattentäkt och är av mycket god kvalitet.</p>""",
    )

    layout(
        "/bo-och-miljo/bygglov/", "Bygglov", [HOME, ("Bo och miljö", "/bo-och-miljo/"), ("Bygglov", None)],
        """<h1>Bygglov</h1>
<p>Planerar du att bygga nytt, bygga till eller ändra fasaden? Då behöver du oftast bygglov. Kontakta bygglovshandläggarna tidigt, så undviker du onödiga kompletteringar.</p>
<p>Bygglovshandläggarna har telefontid tisdag och torsdag 9–11.</p>""",
    )

    layout(
        "/kultur-och-fritid/", "Kultur och fritid", [HOME, ("Kultur och fritid", None)],
        """<h1>Kultur och fritid</h1>
<p>Simhallen Ådalsbadet har öppet alla dagar. Biblioteket ordnar sagostunder varje onsdag och språkcafé på lördagar.</p>""",
    )

    layout(
        "/kommun-och-politik/", "Kommun och politik", [HOME, ("Kommun och politik", None)],
        """<h1>Kommun och politik</h1>
<p>Provsala styrs av kommunfullmäktige med 41 ledamöter. Vård- och omsorgsnämnden ansvarar för äldreomsorg och stöd till personer med funktionsnedsättning.</p>""",
    )

    layout(
        "/kontakt/", "Kontakt", [HOME, ("Kontakt", None)],
        """<h1>Kontakta oss</h1>
<p>Ring kontaktcenter på 0171-50 00 00 eller mejla provsala@provsala.se, så hjälper vi dig vidare. Vi svarar vardagar 7.30–17.00.</p>
<p>Besök oss på Rådhusgatan 3.</p>""",
    )

    write(SLUG, "/robots.txt", "User-agent: *\nDisallow:\n")
    write(SLUG, "/css/provsala.css", CSS)
    write(SLUG, "/js/sidinnehall.js", JS)
    build_etjanst()


JS = """/* Provsala kommun – sidinnehåll från publiceringssystemet (renderas i webbläsaren) */
(function () {
  "use strict";
  var innehall = {
    hemtjanst: [
      { rubrik: null, text: "<p class=\\"ingress\\">Hemtjänst är stöd i ditt eget hem för dig som behöver hjälp för att klara vardagen. Hjälpen ges av kommunens hemtjänstgrupper dygnet runt, alla dagar.</p>" },
      { rubrik: "Det här kan du få hjälp med", text:
        "<p>Hemtjänsten kan hjälpa dig med <strong>service</strong>, till exempel städning, tvätt, inköp och ärenden på apoteket, och med <strong>personlig omvårdnad</strong>, till exempel dusch, på- och avklädning, hjälp att äta och att ta dina mediciner.</p>" },
      { rubrik: "Rambeslut – du bestämmer hur tiden används", text:
        "<p>Sedan 2024 fattar vi rambeslut i hemtjänsten. Du får ett beslut om ett visst antal timmar per månad för dina behov av service och omsorg. Hur tiden används bestämmer du i samråd med personalen. Du kan fördela dina timmar olika från vecka till vecka och byta en insats mot en annan, till exempel en promenad i stället för storstädning.</p>" },
      { rubrik: "Fast omsorgskontakt", text:
        "<p>Du får en fast omsorgskontakt i hemtjänstgruppen – en person som känner dig väl, som du kan vända dig till med frågor och som ser till att hjälpen blir som ni har kommit överens om.</p>" },
      { rubrik: "Så ansöker du", text:
        "<p>Du ansöker om hemtjänst hos en biståndshandläggare, i e-tjänsten eller per telefon. Handläggaren utreder ditt behov, oftast vid ett hembesök, och fattar sedan ett skriftligt beslut. Är du missnöjd med beslutet kan du överklaga det.</p>" },
      { rubrik: "Kontakt", text:
        "<p>Biståndshandläggarna för äldre nås på telefon 0171-50 03 10, måndag–fredag klockan 8.00–9.30. E-post: bistand.aldre@provsala.se.</p>" }
    ]
  };

  function rendera() {
    var mal = document.getElementById("hemtjanst-innehall");
    var sida = document.getElementById("sidinnehall");
    if (!mal || !sida) { return; }
    var delar = innehall[sida.getAttribute("data-sida")] || [];
    mal.innerHTML = delar.map(function (d) {
      return (d.rubrik ? "<h2>" + d.rubrik + "</h2>" : "") + d.text;
    }).join("");
    mal.className = "";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", rendera);
  } else {
    rendera();
  }
})();
"""

CSS = """/* Provsala kommun */
body { margin: 0; font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; font-size: 18px; color: #2b2b2b; background: #fff; }
a { color: #8a1c2b; }
.innehall { max-width: 1080px; margin: 0 auto; padding: 0 20px; }
.topp { background: #8a1c2b; }
.topp > .innehall { display: flex; justify-content: space-between; align-items: center; padding: 14px 20px; }
.logotyp { color: #fff; font-size: 30px; font-weight: 700; text-decoration: none; display: flex; align-items: center; gap: 10px; }
.logotyp .tunn { font-weight: 300; margin-left: 6px; }
.symbol { width: 34px; height: 34px; border-radius: 50%; background: radial-gradient(circle at 30% 30%, #f6c343, #d68a1e); }
.kontaktlank { color: #fff; }
.meny { background: #6d1622; }
.menylista { display: flex; gap: 4px; list-style: none; margin: 0; padding: 0; }
.menylista a { display: block; color: #fff; padding: 12px 16px; text-decoration: none; }
.menylista .aktiv a { background: #fff; color: #6d1622; }
.smulor ol { list-style: none; display: flex; gap: 8px; padding: 14px 0; margin: 0; font-size: 15px; }
.smulor li + li::before { content: "›"; margin-right: 8px; }
.kolumner { display: flex; gap: 40px; padding-bottom: 40px; }
main { flex: 3; }
.relaterat { flex: 1; border-left: 4px solid #f6c343; padding-left: 18px; font-size: 16px; }
.ingress { font-size: 21px; }
.rutor { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; padding: 0; }
.rutor a { display: block; padding: 16px 22px; background: #fbeff1; border-radius: 8px; text-decoration: none; font-weight: 600; }
.valkommen { background: #fbeff1; padding: 24px; margin-top: 20px; border-radius: 8px; }
.laddar { color: #999; font-style: italic; min-height: 200px; }
.fot { background: #2b2b2b; color: #ddd; padding: 20px 0; font-size: 15px; }
.fot a { color: #f6c343; }
"""


ET_NAME = "Provsala kommuns e-tjänster"


def et_layout(path: str, title: str, body: str) -> None:
    html = (
        head(f"{title} - {ET_NAME}", "/assets/etjanst.css")
        + '<body>\n<div class="balk"><a href="/">Provsala kommun · E-tjänster</a>'
        f'<a href="{host("provsala")}/">provsala.se</a></div>\n'
        f'<div class="panel">\n{body}\n</div>\n'
        '<p class="sidfot">Frågor? Ring kontaktcenter 0171-50 00 00.</p>\n'
        "</body>\n</html>\n"
    )
    write("etjanst-provsala", path, html)


def build_etjanst() -> None:
    et_layout(
        "/", "Start",
        """<h1>E-tjänster</h1>
<ul>
<li><a href="/oversikt/overview/457">Ansökan om hemtjänst</a></li>
<li><a href="/oversikt/overview/212">Ansökan om förskoleplats</a></li>
</ul>""",
    )
    et_layout(
        "/oversikt/overview/457/", "Ansökan om hemtjänst",
        """<h1>Ansökan om hemtjänst</h1>
<p>Med den här e-tjänsten ansöker du om hemtjänst i Provsala kommun. Du kan också ansöka för någon annans räkning om du har fullmakt.</p>
<form action="/oversikt/overview/457/" method="get" class="ansokan">
<p><label>Personnummer <input name="pnr" placeholder="ÅÅÅÅMMDD-XXXX"></label></p>
<p><label>Vad behöver du hjälp med? <textarea name="behov" rows="4"></textarea></label></p>
<p><label><input type="checkbox" name="fullmakt"> Jag ansöker med fullmakt för någon annan</label></p>
<p><button type="submit">Skicka in</button></p>
</form>""",
    )
    et_layout(
        "/oversikt/overview/212/", "Ansökan om förskoleplats",
        """<h1>Ansökan om förskoleplats</h1>
<p>Logga in med e-legitimation för att ansöka om plats i förskola eller pedagogisk omsorg.</p>
<p><button type="button">Logga in</button></p>""",
    )
    write("etjanst-provsala", "/assets/etjanst.css", """body { margin: 0; font-family: Arial, sans-serif; background: #f2f2f2; }
.balk { display: flex; justify-content: space-between; background: #4a4a4a; padding: 10px 20px; }
.balk a { color: #fff; text-decoration: none; }
.panel { max-width: 700px; margin: 30px auto; background: #fff; padding: 24px 30px; border-top: 5px solid #8a1c2b; }
.ansokan textarea, .ansokan input[name=pnr] { display: block; width: 100%; margin-top: 4px; }
.sidfot { text-align: center; color: #666; font-size: 13px; }
""")
    write("etjanst-provsala", "/robots.txt", "User-agent: *\nDisallow:\n")
