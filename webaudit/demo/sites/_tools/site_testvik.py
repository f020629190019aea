"""Testvik (9904): cookie-consent overlay on every page load.

Positives: an on-site fee calculator, servicetjänster for 75+ without
biståndsbeslut, service guarantees, a lättläst page, complaints. Near misses:
'du kan påverka' / flexible visiting hours, LSS kontaktperson, 'Mina sidor'
without hemtjänst, 'jämfört med' in a news item, no choice of provider.
"""

from __future__ import annotations

from common import Crumb, breadcrumbs, head, nav_list, write

SLUG = "testvik"
NAME = "Testviks kommun"

NAV = [
    ("Äldreomsorg", "/aldreomsorg/"),
    ("Stöd och hjälp", "/stod-och-hjalp/"),
    ("Förskola och skola", "/forskola-och-skola/"),
    ("Bygga och bo", "/bygga-och-bo/"),
    ("Kommun och politik", "/kommun-och-politik/"),
]
HOME: Crumb = ("Hem", "/")
AO: Crumb = ("Äldreomsorg", "/aldreomsorg/")
HIH: Crumb = ("Hjälp i hemmet", "/aldreomsorg/hjalp-i-hemmet/")
HT: Crumb = ("Hemtjänst", "/aldreomsorg/hjalp-i-hemmet/hemtjanst/")

COOKIE = """<div id="kakbanner" class="kakor-overlay" role="dialog" aria-modal="true" aria-labelledby="kakor-rubrik">
<div class="kakor-ruta">
<h2 id="kakor-rubrik">Vi använder kakor</h2>
<p>Testviks kommun använder kakor (cookies) för att webbplatsen ska fungera och för att förstå hur den används. Nödvändiga kakor behövs för att sidorna ska fungera. Statistikkakor hjälper oss att förbättra webbplatsen och sparas bara om du godkänner dem.</p>
<div class="kakor-knappar">
<button type="button" id="kakor-alla" class="kakor-knapp primar">Godkänn alla kakor</button>
<button type="button" id="kakor-nodvandiga" class="kakor-knapp">Endast nödvändiga</button>
</div>
</div>
</div>
"""


def layout(path: str, title: str, crumbs: list[Crumb], body: str, *, scripts: str = "") -> None:
    html = (
        head(f"{title} | {NAME}", "/assets/testvik.css")
        + '<body class="kakor-aktiv">\n'
        + COOKIE
        + '<header class="site-header"><div class="wrap">'
        '<a href="/" class="brand"><span class="wave">≈</span> Testviks kommun</a>'
        '<div class="header-links"><a href="/mina-sidor/">Mina sidor</a> <a href="/aldreomsorg/lattlast/">Lättläst</a></div>'
        "</div>\n"
        f'<nav class="primary" aria-label="Huvudnavigering"><div class="wrap">{nav_list(NAV, path, cls="primary-list")}</div></nav></header>\n'
        f'<div class="wrap">{breadcrumbs(crumbs, cls="crumbs") if len(crumbs) > 1 else ""}</div>\n'
        f'<main class="wrap page" id="main">\n{body}\n</main>\n'
        '<footer class="site-footer"><div class="wrap grid3">'
        "<div><strong>Testviks kommun</strong><br>Hamngatan 20<br>432 80 Testvik</div>"
        "<div>Växel: 0340-88 00 00<br>kommunen@testvik.se</div>"
        '<div><a href="/kommun-och-politik/">Om kommunen</a><br><a href="/intranat/">För medarbetare</a></div>'
        "</div></footer>\n"
        '<script src="/assets/kakor.js"></script>\n'
        f"{scripts}</body>\n</html>\n"
    )
    write(SLUG, path, html)


def build() -> None:
    layout(
        "/", "Startsida", [HOME],
        """<section class="hero"><h1>Välkommen till Testvik</h1><p>Kustkommunen med 48 000 invånare, fiskelägen och ett växande näringsliv.</p></section>
<div class="grid3">
<a class="tile" href="/aldreomsorg/">Äldreomsorg</a>
<a class="tile" href="/forskola-och-skola/">Förskola och skola</a>
<a class="tile" href="/bygga-och-bo/">Bygglov och avfall</a>
</div>
<h2>Nyheter</h2>
<p><strong>Fler vill bo i Testvik</strong> – befolkningen växte med 640 personer under 2024.</p>
<p><strong>Sommarjobb för unga</strong> – ansökan till feriepraktiken är öppen till 15 mars.</p>""",
    )

    layout(
        "/aldreomsorg/", "Äldreomsorg", [HOME, ("Äldreomsorg", None)],
        """<h1>Äldreomsorg</h1>
<p class="lead">Vi vill att du ska kunna leva ett självständigt och tryggt liv, hemma så länge du vill och kan.</p>
<div class="grid3">
<a class="tile" href="/aldreomsorg/hjalp-i-hemmet/">Hjälp i hemmet</a>
<a class="tile" href="/aldreomsorg/sarskilt-boende/">Bo på särskilt boende</a>
<a class="tile" href="/aldreomsorg/synpunkter/">Synpunkter och klagomål</a>
</div>
<p><a href="/aldreomsorg/lattlast/">Läs om hemtjänst på lättläst svenska</a></p>""",
    )

    layout(
        "/aldreomsorg/hjalp-i-hemmet/", "Hjälp i hemmet", [HOME, AO, ("Hjälp i hemmet", None)],
        """<h1>Hjälp i hemmet</h1>
<p class="lead">Det finns flera sätt att få hjälp för att kunna bo kvar hemma.</p>
<ul class="linklist">
<li><a href="/aldreomsorg/hjalp-i-hemmet/hemtjanst/">Hemtjänst</a></li>
<li><a href="/aldreomsorg/hjalp-i-hemmet/servicetjanster-75/">Servicetjänster för dig som fyllt 75 – utan biståndsbeslut</a></li>
<li><a href="/aldreomsorg/hjalp-i-hemmet/trygghetslarm/">Trygghetslarm</a></li>
<li><a href="/aldreomsorg/hjalp-i-hemmet/avgifter/">Avgifter för hjälp i hemmet</a></li>
</ul>""",
    )

    layout(
        "/aldreomsorg/hjalp-i-hemmet/hemtjanst/", "Hemtjänst", [HOME, AO, HIH, ("Hemtjänst", None)],
        """<h1>Hemtjänst</h1>
<p class="lead">Hemtjänsten ger stöd och omsorg i ditt hem, dygnet runt, utifrån dina behov.</p>
<h2>Vad ingår?</h2>
<p>Du kan få hjälp med praktiska sysslor som städning, tvätt, inköp och matlagning. Du kan också få personlig omvårdnad, till exempel hjälp att duscha, klä på dig, gå på toaletten och äta. Nattetid gör nattpatrullen tillsynsbesök.</p>
<h2>Du kan påverka</h2>
<p>Du kan påverka hur hjälpen utförs. Säg till om du vill att personalen kommer en annan tid – besökstiderna kan ofta anpassas efter dina önskemål, till exempel om du vill sova längre på morgonen.</p>
<h2>Så ansöker du</h2>
<p>Du ansöker hos en biståndshandläggare. Handläggaren gör en utredning tillsammans med dig, ofta vid ett hembesök, och fattar sedan ett beslut om vilken hjälp du har rätt till. Beslutet kan överklagas.</p>
<h2>Kontakt</h2>
<p>Biståndshandläggare för äldre: 0340-88 12 50, telefontid vardagar 8.00–9.00 och 13.00–14.00. E-post: aldrehandlaggning@testvik.se</p>
<h2>Mer om hemtjänst</h2>
<ul class="linklist">
<li><a href="/aldreomsorg/hjalp-i-hemmet/hemtjanst/kvalitetsgarantier/">Våra servicegarantier</a></li>
<li><a href="/aldreomsorg/hjalp-i-hemmet/avgifter/">Avgifter</a></li>
</ul>""",
    )

    layout(
        "/aldreomsorg/hjalp-i-hemmet/hemtjanst/kvalitetsgarantier/", "Servicegarantier för hemtjänsten",
        [HOME, AO, HIH, HT, ("Servicegarantier", None)],
        """<h1>Servicegarantier för hemtjänsten</h1>
<p class="lead">Testviks hemtjänst lämnar följande garantier till dig som har hemtjänst.</p>
<ul class="garantier">
<li>Du får besök av en biståndshandläggare inom fem arbetsdagar efter att du har ansökt.</li>
<li>En genomförandeplan är upprättad senast två veckor efter att hemtjänsten har startat.</li>
<li>Personalen bär alltid namnskylt och id-kort och presenterar sig när de kommer.</li>
<li>Om vi blir mer än 30 minuter försenade ringer vi och meddelar dig.</li>
<li>Du får en ny städtid inom en vecka om ett städtillfälle blir inställt.</li>
</ul>
<p>Om vi inte håller en garanti vill vi att du hör av dig. Du får då en förklaring och vi rättar till det.</p>""",
    )

    layout(
        "/aldreomsorg/hjalp-i-hemmet/servicetjanster-75/", "Servicetjänster för dig som fyllt 75",
        [HOME, AO, HIH, ("Servicetjänster 75+", None)],
        """<h1>Servicetjänster för dig som fyllt 75 – utan biståndsbeslut</h1>
<p class="lead">Du som bor i Testvik och har fyllt 75 år kan få hjälp med vissa sysslor i hemmet utan att ansöka hos en biståndshandläggare.</p>
<p>Kommunen erbjuder servicetjänsterna enligt 4 kap. 2 a § socialtjänstlagen. Det betyder att ingen individuell behovsprövning görs – det räcker att du har fyllt 75 år och är folkbokförd i kommunen.</p>
<h2>Det här kan du få hjälp med</h2>
<ul><li>Städning</li><li>Tvätt</li><li>Inköp av dagligvaror</li><li>Enklare ärenden, till exempel till apotek eller post</li></ul>
<p>Du kan använda upp till fyra timmar per månad.</p>
<h2>Kostnad</h2>
<p>Servicetjänsterna kostar 150 kronor per timme och räknas in i maxtaxan.</p>
<h2>Så anmäler du dig</h2>
<p>Ring Servicegruppen på 0340-88 12 90 eller fyll i anmälan på plats i Träffpunkt Hamnen. Servicegruppen hör av sig inom en vecka för att komma överens om dag och tid.</p>""",
    )

    layout(
        "/aldreomsorg/hjalp-i-hemmet/trygghetslarm/", "Trygghetslarm", [HOME, AO, HIH, ("Trygghetslarm", None)],
        """<h1>Trygghetslarm</h1>
<p>Trygghetslarmet gör att du kan få hjälp dygnet runt om något händer. Du bär en larmknapp på handleden och kopplas vid larm till en larmcentral som pratar med dig via högtalaren.</p>
<p>Du ansöker om trygghetslarm hos biståndshandläggaren. Larmet kostar 250 kronor per månad.</p>
<h2>Byte till digitala larm</h2>
<p>Alla analoga trygghetslarm är nu utbytta mot digitala larm som fungerar via mobilnätet.</p>""",
    )

    layout(
        "/aldreomsorg/hjalp-i-hemmet/avgifter/", "Avgifter för hjälp i hemmet", [HOME, AO, HIH, ("Avgifter", None)],
        """<h1>Avgifter för hjälp i hemmet</h1>
<p class="lead">Din avgift beror på din inkomst och på hur mycket hjälp du får. Du betalar aldrig mer än maxtaxan, 2 642 kronor per månad (2025).</p>
<table class="prices"><tr><th>Insats</th><th>Avgift</th></tr>
<tr><td>Hemtjänst</td><td>345 kr/timme</td></tr>
<tr><td>Servicetjänster 75+</td><td>150 kr/timme</td></tr>
<tr><td>Trygghetslarm</td><td>250 kr/mån</td></tr></table>
<p>Du betalar bara om du har ett avgiftsutrymme, det vill säga om din inkomst är högre än ditt förbehållsbelopp (minimibelopp plus boendekostnad).</p>
<p><a class="button" href="/aldreomsorg/hjalp-i-hemmet/avgifter/rakna-ut-din-avgift/">Räkna ut din avgift</a></p>""",
    )

    layout(
        "/aldreomsorg/hjalp-i-hemmet/avgifter/rakna-ut-din-avgift/", "Räkna ut din avgift för hemtjänst",
        [HOME, AO, HIH, ("Avgifter", "/aldreomsorg/hjalp-i-hemmet/avgifter/"), ("Räkna ut din avgift", None)],
        """<h1>Räkna ut din avgift för hemtjänst</h1>
<p>Med avgiftskalkylen kan du räkna fram en preliminär avgift för hemtjänst och trygghetslarm. Den slutliga avgiften beslutas när vi har fått din inkomstförfrågan.</p>
<form id="avgiftskalkyl" class="calc">
<fieldset><legend>Boende</legend>
<label><input type="radio" name="hushall" value="ensam" checked> Jag bor ensam</label>
<label><input type="radio" name="hushall" value="sambo"> Jag är gift eller sambo</label>
</fieldset>
<label for="inkomst">Inkomst efter skatt, kr per månad</label>
<input type="number" id="inkomst" min="0" required>
<label for="bostadskostnad">Bostadskostnad (hyra eller driftkostnad), kr per månad</label>
<input type="number" id="bostadskostnad" min="0" required>
<label for="timmar">Antal timmar hemtjänst per månad</label>
<input type="number" id="timmar" min="0" step="0.5" value="4">
<label><input type="checkbox" id="larm"> Trygghetslarm</label>
<button type="submit" class="button">Beräkna avgift</button>
</form>
<output id="kalkylresultat" class="result" for="inkomst bostadskostnad timmar"></output>""",
        scripts='<script src="/assets/avgiftskalkyl.js"></script>\n',
    )

    layout(
        "/aldreomsorg/lattlast/", "Hemtjänst – lättläst", [HOME, AO, ("Lättläst", None)],
        """<h1>Hemtjänst – lättläst</h1>
<p>Den här sidan är skriven på lättläst svenska.</p>
<h2>Vad är hemtjänst?</h2>
<p>Hemtjänst är hjälp i ditt hem.<br>Personal kommer hem till dig.<br>De kan hjälpa dig att städa, tvätta och handla mat.<br>De kan också hjälpa dig att duscha och klä på dig.</p>
<h2>Hur får jag hemtjänst?</h2>
<p>Du ringer till kommunen.<br>Du pratar med en handläggare.<br>Handläggaren frågar vad du behöver hjälp med.<br>Sedan får du ett beslut.</p>
<h2>Kostar det pengar?</h2>
<p>Ja, du betalar en avgift varje månad.<br>Avgiften beror på hur mycket pengar du har.</p>""",
    )

    layout(
        "/aldreomsorg/synpunkter/", "Synpunkter och klagomål", [HOME, AO, ("Synpunkter och klagomål", None)],
        """<h1>Synpunkter och klagomål på vård och omsorg</h1>
<p>Är du missnöjd med hemtjänsten eller något annat inom äldreomsorgen? Berätta det för oss. Vi tar emot klagomål, beröm och förslag.</p>
<ul><li>Prata med personalen eller enhetschefen.</li>
<li>Skicka e-post till synpunkter.omsorg@testvik.se.</li>
<li>Skriv till Testviks kommun, Omsorgsförvaltningen, 432 80 Testvik.</li></ul>
<p>Du får en bekräftelse inom tre arbetsdagar och ett svar inom två veckor.</p>
<p>Vill du klaga på vården till en myndighet kan du vända dig till Inspektionen för vård och omsorg, IVO.</p>""",
    )

    layout(
        "/aldreomsorg/sarskilt-boende/", "Bo på särskilt boende", [HOME, AO, ("Särskilt boende", None)],
        """<h1>Bo på särskilt boende</h1>
<p>Ett särskilt boende är för dig som behöver vård och omsorg dygnet runt. Testvik har fem boenden: Havsbrisen, Måsen, Tångvallen, Fyrbacken och Ekudden.</p>
<p>Du ansöker hos biståndshandläggare. Väntetiden är i genomsnitt 45 dagar.</p>""",
    )

    layout(
        "/stod-och-hjalp/", "Stöd och hjälp", [HOME, ("Stöd och hjälp", None)],
        """<h1>Stöd och hjälp</h1>
<h2>Kontaktperson enligt LSS</h2>
<p>En kontaktperson är en medmänniska som kan hjälpa dig att bryta isolering och delta i fritidsaktiviteter. Insatsen kan beviljas enligt LSS eller socialtjänstlagen.</p>
<h2>Ekonomiskt bistånd</h2>
<p>Om du inte kan försörja dig själv kan du ansöka om ekonomiskt bistånd. Boka tid för ett första samtal via växeln.</p>
<h2>Budget- och skuldrådgivning</h2>
<p>Kostnadsfri rådgivning för dig som har svårt att få ekonomin att gå ihop.</p>""",
    )

    layout(
        "/mina-sidor/", "Mina sidor", [HOME, ("Mina sidor", None)],
        """<h1>Mina sidor</h1>
<p>På Mina sidor kan du följa dina ärenden om bygglov och förskoleplats, se dina fakturor för vatten och avfall och ändra dina kontaktuppgifter.</p>
<p><button type="button" class="button">Logga in på Mina sidor</button></p>""",
    )

    layout(
        "/forskola-och-skola/", "Förskola och skola", [HOME, ("Förskola och skola", None)],
        """<h1>Förskola och skola</h1>
<p>Testvik har 31 förskolor och 14 grundskolor. Ansökan om förskoleplats görs via Mina sidor.</p>
<p>Skolskjuts ges till elever som har mer än tre kilometer till skolan i årskurs 1–3.</p>""",
    )

    layout(
        "/bygga-och-bo/", "Bygga och bo", [HOME, ("Bygga och bo", None)],
        """<h1>Bygga och bo</h1>
<h2>Bygglov</h2>
<p>Inom strandskyddat område krävs dispens innan du bygger. Kontakta plan- och byggenheten för förhandsbesked.</p>
<h2>Avfall</h2>
<p>Hushållen i Testvik sorterar i fyrfackskärl. Kärlen töms var fjortonde dag.</p>""",
    )

    layout(
        "/kommun-och-politik/", "Kommun och politik", [HOME, ("Kommun och politik", None)],
        """<h1>Kommun och politik</h1>
<p>Kommunfullmäktige har 49 ledamöter. Omsorgsnämnden ansvarar för äldreomsorg och stöd till personer med funktionsnedsättning.</p>
<h2>Årsredovisning 2024</h2>
<p>Jämfört med 2023 ökade kommunens kostnader för äldreomsorgen med 4,2 procent, främst på grund av fler personer över 80 år. Resultatet för året blev 38 miljoner kronor.</p>""",
    )

    layout(
        "/intranat/", "Intranät", [HOME, ("Intranät", None)],
        """<h1>Intranät för medarbetare</h1>
<p>Logga in med ditt medarbetarkonto för att komma till intranätet.</p>""",
    )

    write(SLUG, "/robots.txt", "User-agent: *\nDisallow: /intranat/\n")
    write(SLUG, "/assets/testvik.css", CSS)
    write(SLUG, "/assets/kakor.js", COOKIE_JS)
    write(SLUG, "/assets/avgiftskalkyl.js", CALC_JS)


COOKIE_JS = """// Kakbanner: visas vid varje sidladdning, döljs när besökaren gör ett val.
(function () {
  var banner = document.getElementById("kakbanner");
  if (!banner) { return; }
  function visa() {
    banner.style.display = "flex";
    document.body.classList.add("kakor-aktiv");
  }
  function dolj() {
    banner.style.display = "none";
    document.body.classList.remove("kakor-aktiv");
  }
  document.getElementById("kakor-alla").addEventListener("click", dolj);
  document.getElementById("kakor-nodvandiga").addEventListener("click", dolj);
  visa();
})();
"""

CALC_JS = """// Avgiftskalkyl hemtjänst, Testviks kommun 2025
(function () {
  var TAXA = { timme: 345, larm: 250, max: 2642 };
  var MINIMI = { ensam: 6638, sambo: 5609 };
  var form = document.getElementById("avgiftskalkyl");
  var ut = document.getElementById("kalkylresultat");
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var hushall = form.querySelector("input[name=hushall]:checked").value;
    var inkomst = parseFloat(document.getElementById("inkomst").value) || 0;
    var bostad = parseFloat(document.getElementById("bostadskostnad").value) || 0;
    var timmar = parseFloat(document.getElementById("timmar").value) || 0;
    var larm = document.getElementById("larm").checked;
    var utrymme = Math.max(0, inkomst - MINIMI[hushall] - bostad);
    var insatser = timmar * TAXA.timme + (larm ? TAXA.larm : 0);
    var avgift = Math.round(Math.min(insatser, TAXA.max, utrymme));
    ut.textContent = "Din preliminära avgift: " + avgift + " kr/mån";
  });
})();
"""

CSS = """:root { --navy: #14284b; --orange: #e8772e; --sand: #f7f2ea; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Open Sans", system-ui, sans-serif; color: #1b1b1b; background: #fff; }
body.kakor-aktiv { overflow: hidden; }
.wrap { max-width: 1040px; margin: 0 auto; padding: 0 24px; }
.site-header { background: var(--navy); color: #fff; }
.site-header > .wrap { display: flex; justify-content: space-between; align-items: center; padding: 18px 24px; }
.brand { color: #fff; font-size: 26px; font-weight: 800; text-decoration: none; }
.wave { color: var(--orange); }
.header-links a { color: #fff; margin-left: 18px; }
.primary { background: #0e1d38; }
.primary-list { display: flex; list-style: none; margin: 0; padding: 0; }
.primary-list a { display: block; padding: 14px 18px; color: #fff; text-decoration: none; border-bottom: 3px solid transparent; }
.primary-list .aktiv a, .primary-list a:hover { border-bottom-color: var(--orange); }
.crumbs ol { list-style: none; display: flex; gap: 10px; padding: 16px 0 0; margin: 0; font-size: 14px; }
.crumbs li + li::before { content: "/"; margin-right: 10px; color: #999; }
.page { padding-bottom: 48px; }
.lead { font-size: 20px; }
.hero { background: var(--sand); padding: 32px; margin: 24px 0; border-left: 8px solid var(--orange); }
.grid3 { display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; }
.tile { display: block; padding: 24px; background: var(--navy); color: #fff; text-decoration: none; font-weight: 700; border-radius: 6px; }
.linklist { padding-left: 20px; }
.prices td, .prices th { padding: 6px 14px; border-bottom: 1px solid #ddd; text-align: left; }
.button { display: inline-block; background: var(--orange); color: #fff; border: 0; padding: 12px 20px; font-size: 16px; border-radius: 6px; text-decoration: none; cursor: pointer; }
.calc { display: grid; gap: 8px; max-width: 440px; background: var(--sand); padding: 20px; border-radius: 6px; }
.calc input[type=number] { padding: 8px; font-size: 16px; }
.result { display: block; margin-top: 16px; font-size: 22px; font-weight: 700; color: var(--navy); }
.garantier li { margin-bottom: 8px; }
.site-footer { background: var(--navy); color: #fff; padding: 28px 0; }
.site-footer a { color: #ffd2b3; }
.kakor-overlay { position: fixed; inset: 0; z-index: 1000; display: flex; align-items: center; justify-content: center; background: rgba(10, 20, 40, .75); }
.kakor-ruta { background: #fff; max-width: 520px; padding: 28px 32px; border-radius: 10px; box-shadow: 0 8px 30px rgba(0,0,0,.4); }
.kakor-knappar { display: flex; gap: 12px; margin-top: 16px; }
.kakor-knapp { padding: 12px 18px; font-size: 16px; border: 2px solid var(--navy); background: #fff; color: var(--navy); border-radius: 6px; cursor: pointer; }
.kakor-knapp.primar { background: var(--navy); color: #fff; }
"""
