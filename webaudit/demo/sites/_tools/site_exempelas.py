"""Exempelås (9902): a small municipality with a thin, old-fashioned site.

Almost nothing on home care: one short elderly-care page (hemtjänst only
mentioned in passing) and a trygghetslarm page. Near misses: a working
förskola fee calculator, 'Öppna jämförelser', e-services for other matters,
water and waste tariffs, switchboard-only contact.
"""

from __future__ import annotations

from common import Crumb, breadcrumbs, head, nav_list, write

SLUG = "exempelas"
NAME = "Exempelås kommun"

NAV = [
    ("Kommun och politik", "/kommun-och-politik/"),
    ("Förskola och skola", "/forskola-och-skola/"),
    ("Vård och omsorg", "/vard-och-omsorg/"),
    ("Bygga och bo", "/bygga-och-bo/"),
    ("Uppleva och göra", "/uppleva-och-gora/"),
]
HOME: Crumb = ("Hem", "/")
VO: Crumb = ("Vård och omsorg", "/vard-och-omsorg/")


def layout(path: str, title: str, crumbs: list[Crumb], body: str, *, scripts: str = "") -> None:
    html = (
        head(f"{NAME} - {title}", "/css/stil.css")
        + "<body>\n<div id=\"wrapper\">\n"
        '<div id="header"><a href="/" class="logo">Exempelås<small>kommun</small></a>'
        '<div class="slogan">Mitt i skogen, nära till allt</div></div>\n'
        f'<div id="menu">{nav_list(NAV, path, cls="menu")}</div>\n'
        f"{breadcrumbs(crumbs, cls='brodsmulor', sep=' &raquo; ') if len(crumbs) > 1 else ''}\n"
        f'<div id="content">\n{body}\n</div>\n'
        '<div id="footer"><p><strong>Exempelås kommun</strong> | Storgatan 12, 987 60 Exempelås | '
        'Växel 0555-123 00 | info@exempelas.se</p>'
        '<p><a href="/kontakt/">Kontakt</a> | <a href="/e-tjanster/">E-tjänster</a> | '
        "Kommunhuset har öppet vardagar 8–16</p></div>\n"
        f"</div>\n{scripts}</body>\n</html>\n"
    )
    write(SLUG, path, html)


def build() -> None:
    layout(
        "/", "Startsida", [HOME],
        """<h1>Välkommen till Exempelås</h1>
<p>Exempelås är en kommun med drygt 12 000 invånare, sjöar, skog och ett aktivt föreningsliv. Här finns allt från småskalig industri till turism vid Stora Åsjön.</p>
<div class="puffar">
<div class="puff"><h2>Aktuellt</h2>
<p><strong>Vägarbete på Storgatan</strong> – mellan 10 och 28 juni leds trafiken om via Kyrkvägen.</p>
<p><strong>Badplatserna öppnar</strong> – provtagning av badvattnet visar god kvalitet på alla sex badplatser.</p></div>
<div class="puff"><h2>Snabblänkar</h2><ul>
<li><a href="/forskola-och-skola/barnomsorgsavgift/">Räkna ut avgift för förskola</a></li>
<li><a href="/bygga-och-bo/">Sophämtning</a></li>
<li><a href="/vard-och-omsorg/">Vård och omsorg</a></li>
<li><a href="/e-tjanster/">E-tjänster</a></li>
</ul></div></div>""",
    )

    layout(
        "/vard-och-omsorg/", "Vård och omsorg", [HOME, ("Vård och omsorg", None)],
        """<h1>Vård och omsorg</h1>
<p>Socialförvaltningen ansvarar för äldreomsorg, stöd till personer med funktionsnedsättning och individ- och familjeomsorg.</p>
<ul>
<li><a href="/vard-och-omsorg/aldreomsorg/">Äldreomsorg</a></li>
<li><a href="/vard-och-omsorg/aldreomsorg/trygghetslarm/">Trygghetslarm</a></li>
</ul>
<h2>Exempelås i Öppna jämförelser</h2>
<p>Socialstyrelsens Öppna jämförelser 2024 visar att Exempelås ligger över riksgenomsnittet när det gäller äldres nöjdhet med bemötandet. Vill du jämföra kommunens resultat med andra kommuner kan du läsa mer hos Socialstyrelsen.</p>
<p><a href="https://www.socialstyrelsen.se/statistik-och-data/oppna-jamforelser/" rel="external">Öppna jämförelser – Socialstyrelsen</a></p>""",
    )

    layout(
        "/vard-och-omsorg/aldreomsorg/", "Äldreomsorg", [HOME, VO, ("Äldreomsorg", None)],
        """<h1>Äldreomsorg</h1>
<p>Kommunen erbjuder stöd till äldre som behöver hjälp i vardagen, till exempel hemtjänst, trygghetslarm, dagverksamhet och särskilt boende.</p>
<h2>Dagverksamhet</h2>
<p>Dagverksamheten Gläntan har öppet tisdag och torsdag. Där finns gemenskap, lunch och aktiviteter som sittgympa och högläsning.</p>
<h2>Särskilt boende</h2>
<p>Exempelås har två särskilda boenden, Solgården i centralorten och Björkhaga i Lillås.</p>
<p>Har du frågor om äldreomsorgen? Ring kommunens växel, 0555-123 00.</p>
<p><a href="/vard-och-omsorg/aldreomsorg/trygghetslarm/">Läs om trygghetslarm</a></p>""",
    )

    layout(
        "/vard-och-omsorg/aldreomsorg/trygghetslarm/", "Trygghetslarm",
        [HOME, VO, ("Äldreomsorg", "/vard-och-omsorg/aldreomsorg/"), ("Trygghetslarm", None)],
        """<h1>Trygghetslarm</h1>
<p>Ett trygghetslarm gör att du snabbt kan få kontakt med personal om något händer när du är ensam hemma, till exempel om du ramlar och inte kommer upp. Du bär en larmknapp runt handleden eller halsen.</p>
<p>När du trycker på knappen kopplas du till en larmoperatör som pratar med dig genom högtalaren i larmenheten och skickar personal hem till dig vid behov. Larmet fungerar dygnet runt.</p>
<p>Trygghetslarmet beställs via kommunens växel. Personal från kommunen installerar larmet och visar hur det fungerar.</p>""",
    )

    layout(
        "/forskola-och-skola/", "Förskola och skola", [HOME, ("Förskola och skola", None)],
        """<h1>Förskola och skola</h1>
<p>I kommunen finns sex förskolor, tre grundskolor och ett familjedaghem. Gymnasieelever studerar främst i grannkommunerna.</p>
<ul>
<li><a href="/forskola-och-skola/barnomsorgsavgift/">Avgift för förskola och fritidshem</a></li>
<li><a href="/e-tjanster/">Ansök om förskoleplats via e-tjänst</a></li>
</ul>""",
    )

    layout(
        "/forskola-och-skola/barnomsorgsavgift/", "Avgift för förskola och fritidshem",
        [HOME, ("Förskola och skola", "/forskola-och-skola/"), ("Avgift för förskola", None)],
        """<h1>Avgift för förskola och fritidshem</h1>
<p>Exempelås tillämpar maxtaxa inom barnomsorgen. Avgiften beräknas på hushållets sammanlagda inkomst före skatt, upp till inkomsttaket 59 200 kr per månad.</p>
<h2>Avgiftskalkylator för förskola</h2>
<form id="kalkylator">
<p><label>Hushållets inkomst före skatt (kr/mån)<br><input type="number" id="inkomst" min="0"></label></p>
<p><label>Antal barn i förskola<br><select id="barn"><option>1</option><option>2</option><option>3</option></select></label></p>
<p><button type="submit">Räkna ut</button></p>
</form>
<p id="svar"></p>
<p>Barn som har allmän förskola (15 timmar i veckan från tre års ålder) har avgiftsfri tid.</p>""",
        scripts='<script src="/js/forskolekalkyl.js"></script>\n',
    )

    layout(
        "/bygga-och-bo/", "Bygga och bo", [HOME, ("Bygga och bo", None)],
        """<h1>Bygga och bo</h1>
<h2>Bygglov</h2>
<p>Ansökan om bygglov skickas till miljö- och byggnämnden. Handläggningstiden är normalt fyra till sex veckor.</p>
<h2>Sophämtning</h2>
<p>Sopor hämtas varannan vecka i villaområden och varje vecka i flerfamiljshus. Återvinningscentralen vid Sågvägen har öppet onsdagar 14–19 och lördagar 9–13.</p>
<h2>Taxor för vatten och avfall</h2>
<table class="taxa"><tr><th>Taxa</th><th>Pris 2025</th></tr>
<tr><td>VA, fast avgift per år</td><td>5 420 kr</td></tr>
<tr><td>VA, per kubikmeter</td><td>38,50 kr</td></tr>
<tr><td>Avfall, grundavgift villa</td><td>1 320 kr</td></tr></table>""",
    )

    layout(
        "/uppleva-och-gora/", "Uppleva och göra", [HOME, ("Uppleva och göra", None)],
        """<h1>Uppleva och göra</h1>
<p>Biblioteket i Folkets hus har öppet fem dagar i veckan. Sporthallen och simhallen finns vid Åsskolan.</p>
<p>Sommartid arrangerar hembygdsföreningen visningar av Gamla prästgården, och vid Stora Åsjön finns en kanotuthyrning.</p>""",
    )

    layout(
        "/kommun-och-politik/", "Kommun och politik", [HOME, ("Kommun och politik", None)],
        """<h1>Kommun och politik</h1>
<p>Kommunfullmäktige har 31 ledamöter och sammanträder i Kommunhusets sessionssal. Protokoll publiceras på anslagstavlan.</p>
<p>Har du frågor om kommunens verksamhet är du välkommen att kontakta oss via växeln.</p>""",
    )

    layout(
        "/e-tjanster/", "E-tjänster", [HOME, ("E-tjänster", None)],
        """<h1>E-tjänster</h1>
<p>Här samlar vi kommunens e-tjänster.</p>
<ul>
<li>Ansök om förskoleplats (logga in med BankID)</li>
<li>Anmäl byte av sopkärl</li>
<li>Felanmälan gata och belysning</li>
<li>Ansök om serveringstillstånd</li>
</ul>
<p>E-tjänsterna är tillfälligt stängda för uppgradering. Kontakta växeln om du behöver hjälp.</p>""",
    )

    layout(
        "/kontakt/", "Kontakt", [HOME, ("Kontakt", None)],
        """<h1>Kontakta Exempelås kommun</h1>
<p>Växel: 0555-123 00 (vardagar 8–16, lunchstängt 12–13)<br>E-post: info@exempelas.se<br>Postadress: Exempelås kommun, 987 60 Exempelås</p>""",
    )

    write(SLUG, "/robots.txt", "User-agent: *\nAllow: /\n")
    write(SLUG, "/css/stil.css", CSS)
    write(SLUG, "/js/forskolekalkyl.js", JS)


CSS = """body { background: #dfe8d8; font-family: Verdana, Geneva, sans-serif; font-size: 13px; margin: 0; color: #222; }
#wrapper { width: 900px; margin: 0 auto; background: #fff; border: 1px solid #9bb38a; }
#header { background: #3f6b2a; color: #fff; padding: 18px 20px; display: flex; justify-content: space-between; align-items: flex-end; }
.logo { color: #fff; font: bold 30px Georgia, serif; text-decoration: none; }
.logo small { display: block; font-size: 13px; font-weight: normal; letter-spacing: 3px; text-transform: uppercase; }
.slogan { font-style: italic; }
#menu { background: #e9f0e3; border-bottom: 1px solid #9bb38a; }
.menu { margin: 0; padding: 0; list-style: none; }
.menu li { display: inline-block; }
.menu a { display: block; padding: 8px 14px; color: #2d4d1e; font-weight: bold; text-decoration: none; }
.menu .aktiv a { background: #fff; }
.brodsmulor ol { list-style: none; margin: 10px 20px 0; padding: 0; font-size: 11px; }
.brodsmulor li { display: inline; }
#content { padding: 10px 20px 30px; min-height: 300px; }
#content h1 { color: #3f6b2a; font-family: Georgia, serif; }
.puffar { display: flex; gap: 20px; }
.puff { flex: 1; border: 1px solid #cdd9c4; padding: 0 12px; background: #f7faf4; }
table.taxa td, table.taxa th { border: 1px solid #bbb; padding: 4px 8px; }
#footer { background: #3f6b2a; color: #fff; padding: 8px 20px; font-size: 11px; }
#footer a { color: #fff; }
"""

JS = """// Avgiftskalkylator för förskola (maxtaxa barnomsorg)
document.getElementById("kalkylator").addEventListener("submit", function (e) {
  e.preventDefault();
  var tak = 59200;
  var inkomst = Math.min(Number(document.getElementById("inkomst").value) || 0, tak);
  var barn = Number(document.getElementById("barn").value);
  var procent = [0.03, 0.02, 0.01];
  var summa = 0;
  for (var i = 0; i < barn; i++) { summa += inkomst * procent[i]; }
  document.getElementById("svar").textContent =
    "Er avgift för förskola blir " + Math.round(summa) + " kr per månad.";
});
"""
