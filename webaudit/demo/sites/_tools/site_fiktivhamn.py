"""Fiktivhamn (9906): care information lives on a separate host.

The main site (fiktivhamn) only has a short 'Omsorg och stöd' page that links
to omsorg-fiktivhamn (think omsorg.fiktivhamn.se). Positives there: ramtid
(flexibility), LOV list, lokal värdighetsgaranti, complaints, how to apply.
Near misses: an ended trial of servicetimmar without biståndsbeslut, a fee
table without calculator, a bare LOV list (no comparison), a PDF form instead
of an e-service, switchboard-only contact, brandvarnare (not trygghetslarm).
robots.txt on the main site disallows /kalender/.
"""

from __future__ import annotations

from common import Crumb, breadcrumbs, head, host, nav_list, write

SLUG = "fiktivhamn"
OM = "omsorg-fiktivhamn"
OMSORG = host(OM)
MAIN = host(SLUG)
NAME = "Fiktivhamns kommun"

NAV = [
    ("Omsorg och stöd", "/omsorg-och-stod/"),
    ("Förskola och skola", "/forskola-och-skola/"),
    ("Bygga och bo", "/bygga-och-bo/"),
    ("Trygghet och säkerhet", "/raddningstjanst/"),
    ("Kommun och politik", "/kommun-och-politik/"),
]
HOME: Crumb = ("Startsida", "/")


def layout(path: str, title: str, crumbs: list[Crumb], body: str) -> None:
    html = (
        head(f"{title} – {NAME}", "/resurser/hamn.css")
        + '<body>\n<header class="huvud"><div class="bredd">'
        '<a class="namn" href="/"><span class="ankare">⚓</span> Fiktivhamns kommun</a>'
        f'<nav aria-label="Meny">{nav_list(NAV, path, cls="lankar")}</nav>'
        "</div></header>\n"
        f'<div class="bredd">{breadcrumbs(crumbs, cls="stig") if len(crumbs) > 1 else ""}</div>\n'
        f'<main class="bredd sida">\n{body}\n</main>\n'
        '<footer class="fot"><div class="bredd">'
        "<p>Fiktivhamns kommun · Kajen 1 · 456 70 Fiktivhamn · Växel 0523-60 00 00 · info@fiktivhamn.se</p>"
        '<p><a href="/kontakt/">Kontakt</a> · <a href="/kalender/">Evenemangskalender</a></p>'
        "</div></footer>\n</body>\n</html>\n"
    )
    write(SLUG, path, html)


def build() -> None:
    layout(
        "/", "Startsida", [HOME],
        """<section class="bild"><h1>Fiktivhamn – öppet mot havet</h1>
<p>Fiskehamn, skärgård och 17 000 invånare. Välkommen hit!</p></section>
<div class="tre">
<section><h2>Aktuellt</h2><p><strong>Färjan till Storholmen</strong> går enligt sommartidtabell från 15 juni.</p>
<p><strong>Kommunen söker sommarvikarier</strong> inom omsorgen.</p></section>
<section><h2>Hitta snabbt</h2><ul>
<li><a href="/bygga-och-bo/avfall/">Sophämtning</a></li>
<li><a href="/omsorg-och-stod/">Omsorg och stöd</a></li>
<li><a href="/kalender/">Vad händer i Fiktivhamn?</a></li></ul></section>
<section><h2>Gästhamnen</h2><p>170 gästplatser, el och dusch. Hamnkontoret har öppet 8–20 under högsäsong.</p></section>
</div>""",
    )

    layout(
        "/omsorg-och-stod/", "Omsorg och stöd", [HOME, ("Omsorg och stöd", None)],
        f"""<h1>Omsorg och stöd</h1>
<p class="ingress">Information om äldreomsorg, stöd till personer med funktionsnedsättning och individ- och familjeomsorg finns på omsorgsförvaltningens webbplats.</p>
<p><a class="knapp" href="{OMSORG}/">Gå till Vård och omsorg i Fiktivhamn</a></p>
<h2>Direkt till</h2>
<ul><li><a href="{OMSORG}/aldreomsorg/hemtjanst/">Hemtjänst</a></li>
<li><a href="{OMSORG}/aldreomsorg/">Äldreomsorg</a></li>
<li><a href="{OMSORG}/synpunkter/">Synpunkter och klagomål på omsorgen</a></li></ul>
<p>Vid akuta situationer utanför kontorstid kontaktar du socialjouren via 112.</p>""",
    )

    layout(
        "/forskola-och-skola/", "Förskola och skola", [HOME, ("Förskola och skola", None)],
        """<h1>Förskola och skola</h1>
<p>Sju förskolor, fyra grundskolor och naturbruksgymnasiet Hamnskolan. Skolskjuts med båt finns för elever på Storholmen.</p>""",
    )

    layout(
        "/bygga-och-bo/", "Bygga och bo", [HOME, ("Bygga och bo", None)],
        """<h1>Bygga och bo</h1>
<p>Strandskydd gäller 100 meter från strandlinjen i hela kommunen, och på vissa öar 300 meter. Kontakta bygglovsenheten innan du planerar en brygga eller ett sjöbodsbygge.</p>
<ul><li><a href="/bygga-och-bo/avfall/">Avfall och återvinning</a></li></ul>""",
    )

    layout(
        "/bygga-och-bo/avfall/", "Avfall och återvinning",
        [HOME, ("Bygga och bo", "/bygga-och-bo/"), ("Avfall och återvinning", None)],
        """<h1>Avfall och återvinning</h1>
<p>Fritidshus har sophämtning varannan vecka mellan maj och september. På öarna utan bilväg finns gemensamma sopmajor vid bryggan.</p>""",
    )

    layout(
        "/raddningstjanst/", "Räddningstjänst och brandskydd", [HOME, ("Trygghet och säkerhet", None)],
        """<h1>Räddningstjänst och brandskydd</h1>
<p>Räddningstjänsten Fiktivhamn har heltidsstyrka i centralorten och deltidsstationer i Norrvik och på Storholmen.</p>
<h2>Brandvarnare och brandlarm</h2>
<p>Alla bostäder ska ha minst en fungerande brandvarnare. Testa den en gång i månaden. Företag med automatiskt brandlarm kopplat till räddningstjänsten betalar en avgift vid onödiga larm.</p>
<h2>Inbrottslarm i fritidshus</h2>
<p>Polisen rekommenderar larm och grannsamverkan för fritidshus som står tomma under vintern.</p>""",
    )

    layout(
        "/kommun-och-politik/", "Kommun och politik", [HOME, ("Kommun och politik", None)],
        """<h1>Kommun och politik</h1>
<p>Kommunfullmäktige har 35 ledamöter. Omsorgsnämnden ansvarar för äldreomsorg och socialtjänst.</p>
<p>Sammanträdena är öppna för allmänheten och hålls i Tullhuset.</p>""",
    )

    layout(
        "/kalender/", "Evenemangskalender", [HOME, ("Evenemangskalender", None)],
        """<h1>Evenemangskalender</h1>
<ul><li>21 juni – Midsommarfirande på Hamnplan</li><li>6 juli – Skärgårdsmarknad</li><li>15 augusti – Kräftskiva i Folkparken</li></ul>""",
    )

    layout(
        "/kontakt/", "Kontakt", [HOME, ("Kontakt", None)],
        """<h1>Kontakt</h1>
<p>Kontaktcenter: 0523-60 00 00, vardagar 8–16. E-post info@fiktivhamn.se.</p>""",
    )

    write(SLUG, "/robots.txt", "User-agent: *\nDisallow: /kalender/\n")
    write(SLUG, "/resurser/hamn.css", CSS)
    build_omsorg()


# --------------------------------------------------------------------------
# omsorg-fiktivhamn: the care administration's own site

ONAV = [
    ("Äldreomsorg", "/aldreomsorg/"),
    ("Synpunkter och klagomål", "/synpunkter/"),
    ("Kontakt", "/kontakt/"),
]
OHOME: Crumb = ("Vård och omsorg", "/")
OALD: Crumb = ("Äldreomsorg", "/aldreomsorg/")
OHT: Crumb = ("Hemtjänst", "/aldreomsorg/hemtjanst/")


def olayout(path: str, title: str, crumbs: list[Crumb], body: str) -> None:
    html = (
        head(f"{title} | Vård och omsorg i Fiktivhamn", "/css/omsorg.css")
        + '<body>\n<header class="o-topp"><div class="o-bredd">'
        '<a class="o-logga" href="/">Vård och omsorg<span>Fiktivhamns kommun</span></a>'
        f'<a class="o-hem" href="{MAIN}/">fiktivhamn.se</a></div>'
        f'<nav class="o-nav"><div class="o-bredd">{nav_list(ONAV, path, cls="o-meny")}</div></nav></header>\n'
        f'<div class="o-bredd">{breadcrumbs(crumbs, cls="o-smulor") if len(crumbs) > 1 else ""}</div>\n'
        f'<main class="o-bredd o-main">\n{body}\n</main>\n'
        '<footer class="o-fot"><div class="o-bredd">Omsorgsförvaltningen, Fiktivhamns kommun · '
        "Växel 0523-60 00 00</div></footer>\n</body>\n</html>\n"
    )
    write(OM, path, html)


def build_omsorg() -> None:
    olayout(
        "/", "Start", [OHOME],
        """<h1>Vård och omsorg i Fiktivhamn</h1>
<p class="o-ingress">Omsorgsförvaltningen ger stöd till äldre, till personer med funktionsnedsättning och till barn och familjer i Fiktivhamns kommun.</p>
<div class="o-block">
<a href="/aldreomsorg/"><strong>Äldreomsorg</strong><br>Hemtjänst, boende och stöd till anhöriga</a>
<a href="/synpunkter/"><strong>Synpunkter och klagomål</strong><br>Tyck till om omsorgen</a>
</div>""",
    )

    olayout(
        "/aldreomsorg/", "Äldreomsorg", [OHOME, ("Äldreomsorg", None)],
        """<h1>Äldreomsorg</h1>
<ul class="o-lista">
<li><a href="/aldreomsorg/hemtjanst/">Hemtjänst</a></li>
<li><a href="/aldreomsorg/ansokan/">Så ansöker du om stöd</a></li>
<li><a href="/aldreomsorg/servicetimmar/">Servicetimmar för äldre</a></li>
</ul>
<h2>Anhörigstöd</h2>
<p>Är du anhörig till någon som är sjuk eller äldre? Anhörigkonsulenten erbjuder samtal och anhöriggrupper.</p>""",
    )

    olayout(
        "/aldreomsorg/hemtjanst/", "Hemtjänst", [OHOME, OALD, ("Hemtjänst", None)],
        """<h1>Hemtjänst</h1>
<p class="o-ingress">Hemtjänsten hjälper dig som bor hemma och behöver stöd i vardagen, såväl i centralorten som ute på öarna.</p>
<h2>Vad kan jag få hjälp med?</h2>
<p>Hemtjänsten ger service, som städning, tvätt, inköp och matlagning, och personlig omvårdnad, som hjälp med hygien, påklädning, måltider och att komma i och ur sängen. På öarna utan fast landförbindelse planeras besöken efter båttiderna.</p>
<h2>Ramtid – du bestämmer hur tiden används</h2>
<p>I Fiktivhamn beviljas hemtjänst som ramtid, det vill säga ett antal timmar per månad. Inom ramen bestämmer du själv vad tiden ska användas till. Du kan byta en insats mot en annan – till exempel ta en promenad eller baka i stället för att dammsuga en vecka – och fördela dina timmar över månaden som det passar dig.</p>
<h2>Mer information</h2>
<ul class="o-lista">
<li><a href="/aldreomsorg/ansokan/">Så ansöker du</a></li>
<li><a href="/aldreomsorg/hemtjanst/avgifter/">Avgifter</a></li>
<li><a href="/aldreomsorg/hemtjanst/utforare/">Utförare av hemtjänst</a></li>
<li><a href="/aldreomsorg/hemtjanst/vardighetsgaranti/">Lokal värdighetsgaranti</a></li>
</ul>""",
    )

    olayout(
        "/aldreomsorg/hemtjanst/avgifter/", "Avgifter för hemtjänst", [OHOME, OALD, OHT, ("Avgifter", None)],
        """<h1>Avgifter för hemtjänst</h1>
<p>Avgiften baseras på din inkomst och på antalet beviljade timmar. Du betalar aldrig mer än maxtaxan.</p>
<table class="o-tabell"><caption>Taxor 2025</caption>
<tr><th>Antal timmar per månad</th><th>Avgift per månad</th></tr>
<tr><td>1–4 timmar</td><td>1 190 kr</td></tr>
<tr><td>5–8 timmar</td><td>1 980 kr</td></tr>
<tr><td>9 timmar eller fler</td><td>2 642 kr (maxtaxa)</td></tr>
</table>
<p>Om din inkomst efter avdrag för förbehållsbelopp är lägre än avgiften i tabellen sätts avgiften ned. Blanketten Inkomstförfrågan skickas hem till dig när beslutet om hemtjänst är fattat.</p>""",
    )

    olayout(
        "/aldreomsorg/hemtjanst/utforare/", "Utförare av hemtjänst", [OHOME, OALD, OHT, ("Utförare", None)],
        """<h1>Utförare av hemtjänst</h1>
<p>Fiktivhamn har valfrihetssystem enligt LOV i centralorten. Du kan välja någon av följande utförare:</p>
<ul>
<li>Fiktivhamns kommun, hemtjänst Centrum – 0523-60 02 10</li>
<li>Kustomsorg AB – 0523-41 22 00</li>
<li>Hjälpande Händer i Fiktivhamn AB – 0523-18 90 90</li>
</ul>
<p>På öarna och i Norrvik utförs hemtjänsten av kommunen.</p>""",
    )

    olayout(
        "/aldreomsorg/hemtjanst/vardighetsgaranti/", "Lokal värdighetsgaranti", [OHOME, OALD, OHT, ("Värdighetsgaranti", None)],
        """<h1>Lokal värdighetsgaranti för hemtjänsten</h1>
<p>Omsorgsnämnden har beslutat om en lokal värdighetsgaranti. Vi garanterar att:</p>
<ul>
<li>du får vara med och bestämma när ditt beslut ska genomföras och en genomförandeplan är klar inom tre veckor,</li>
<li>personalen ringer dig om de blir mer än 15 minuter sena,</li>
<li>du får information om vilka personer som kommer till dig under nästa vecka, om du vill,</li>
<li>du blir bemött med respekt för din integritet och dina vanor.</li>
</ul>
<p>Om vi inte lever upp till garantin kan du lämna en synpunkt eller ett klagomål.</p>""",
    )

    olayout(
        "/aldreomsorg/servicetimmar/", "Servicetimmar för äldre", [OHOME, OALD, ("Servicetimmar", None)],
        """<h1>Servicetimmar för äldre – försöket har avslutats</h1>
<p>Under 2022 och 2023 kunde du som fyllt 80 år få upp till tre timmar städning och inköp i månaden utan att ansöka hos biståndshandläggare. Försöket avslutades den 31 december 2023 efter beslut i omsorgsnämnden.</p>
<p>I dag behöver du ansöka om hemtjänst på vanligt sätt. Läs mer under <a href="/aldreomsorg/ansokan/">Så ansöker du om stöd</a>.</p>""",
    )

    olayout(
        "/aldreomsorg/ansokan/", "Så ansöker du om stöd", [OHOME, OALD, ("Så ansöker du", None)],
        """<h1>Så ansöker du om stöd</h1>
<p>För att få hemtjänst eller annat stöd inom äldreomsorgen gör du en ansökan. Det kan du göra muntligt eller skriftligt.</p>
<ol>
<li>Ring kommunens kontaktcenter via växeln, 0523-60 00 00, och be att få prata med äldreomsorgen. Du kan också skicka in blanketten nedan.</li>
<li>En biståndshandläggare utreder ditt behov, oftast genom ett hembesök.</li>
<li>Du får ett skriftligt beslut. Om du får avslag kan du överklaga.</li>
<li>När du har fått beslut kontaktar hemtjänsten dig.</li>
</ol>
<p><a href="/dokument/ansokan-om-bistand-aldreomsorg.pdf">Ansökan om bistånd enligt socialtjänstlagen – blankett att skriva ut (pdf)</a></p>""",
    )

    olayout(
        "/synpunkter/", "Synpunkter och klagomål", [OHOME, ("Synpunkter och klagomål", None)],
        """<h1>Synpunkter och klagomål</h1>
<p>Vi vill veta vad du tycker om hemtjänsten och andra verksamheter inom omsorgen. Dina synpunkter och klagomål hjälper oss att förbättra verksamheten.</p>
<p>Lämna din synpunkt till personalen, ring enhetschefen eller skriv till: Omsorgsförvaltningen, Synpunkter, Kajen 1, 456 70 Fiktivhamn. Du kan också mejla synpunkter@fiktivhamn.se.</p>
<p>Missförhållanden i omsorgen rapporteras enligt lex Sarah. Du kan även klaga hos Inspektionen för vård och omsorg (IVO).</p>""",
    )

    olayout(
        "/kontakt/", "Kontakt", [OHOME, ("Kontakt", None)],
        """<h1>Kontakt</h1>
<p>Omsorgsförvaltningen nås via kommunens växel, 0523-60 00 00, vardagar 8–16.</p>
<p>Besöksadress: Kajen 1, plan 3.</p>""",
    )

    write(OM, "/css/omsorg.css", OCSS)
    write(OM, "/robots.txt", "User-agent: *\nDisallow:\n")


CSS = """body { margin: 0; font-family: Georgia, "Times New Roman", serif; background: #f5fafc; color: #123; }
.bredd { max-width: 980px; margin: 0 auto; padding: 0 18px; }
.huvud { background: #0b4f71; color: #fff; }
.huvud .bredd { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; padding: 14px 18px; }
.namn { color: #fff; font-size: 26px; text-decoration: none; }
.ankare { color: #ffd166; }
.lankar { display: flex; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; gap: 2px; font-family: Arial, sans-serif; font-size: 15px; }
.lankar a { color: #fff; padding: 8px 12px; display: block; text-decoration: none; }
.lankar .aktiv a { background: #ffd166; color: #0b4f71; border-radius: 3px; }
.stig ol { list-style: none; padding: 10px 0; margin: 0; font: 13px Arial, sans-serif; }
.stig li { display: inline; }
.stig li + li::before { content: " > "; }
.sida { background: #fff; padding: 10px 28px 30px; border: 1px solid #d5e6ee; margin-bottom: 30px; }
.bild { background: linear-gradient(#0b4f71, #1c7ca6); color: #fff; padding: 40px 30px; margin: 0 -28px 20px; }
.tre { display: grid; grid-template-columns: repeat(3, 1fr); gap: 20px; }
.ingress { font-size: 19px; }
.knapp { display: inline-block; background: #0b4f71; color: #fff; padding: 10px 16px; text-decoration: none; border-radius: 3px; }
.fot { background: #083a53; color: #cfe5ef; font: 13px Arial, sans-serif; padding: 12px 0; }
.fot a { color: #ffd166; }
"""

OCSS = """body { margin: 0; font-family: Lato, Arial, sans-serif; background: #fff; color: #222; line-height: 1.6; }
.o-bredd { max-width: 900px; margin: 0 auto; padding: 0 16px; }
.o-topp { border-top: 6px solid #2a9d8f; }
.o-topp > .o-bredd { display: flex; justify-content: space-between; align-items: center; padding: 16px; }
.o-logga { font-size: 24px; font-weight: 700; color: #264653; text-decoration: none; }
.o-logga span { display: block; font-size: 13px; font-weight: 400; color: #2a9d8f; }
.o-nav { background: #e9f5f3; }
.o-meny { display: flex; list-style: none; margin: 0; padding: 0; }
.o-meny a { display: block; padding: 10px 16px; color: #264653; text-decoration: none; }
.o-meny .aktiv a { font-weight: 700; border-bottom: 3px solid #2a9d8f; }
.o-smulor ol { list-style: none; display: flex; gap: 6px; padding: 10px 0; margin: 0; font-size: 13px; }
.o-smulor li + li::before { content: "·"; margin-right: 6px; }
.o-main { padding-bottom: 40px; }
.o-ingress { font-size: 19px; color: #264653; }
.o-block { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.o-block a { display: block; padding: 20px; background: #2a9d8f; color: #fff; text-decoration: none; border-radius: 4px; }
.o-tabell { border-collapse: collapse; }
.o-tabell th, .o-tabell td { border: 1px solid #bcd; padding: 6px 12px; }
.o-fot { background: #264653; color: #fff; padding: 14px 0; font-size: 14px; }
"""
