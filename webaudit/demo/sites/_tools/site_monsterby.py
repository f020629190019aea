"""Mönsterby (9905): a large city with a deep 'Senior' section.

Positives: own provider comparison with quality data, LOV, on-site
application e-service, värdighetsgarantier, other languages, guidelines PDF,
and services without needs assessment ONLY inside a PDF brochure. Near
misses: 'Så beräknas din avgift' explanation, a särskilt-boende fee
calculator, LOV 'valfrihet' instead of flexibility. Has sitemap.xml.
"""

from __future__ import annotations

from common import Crumb, breadcrumbs, head, host, nav_list, write

SLUG = "monsterby"
NAME = "Mönsterby stad"

NAV = [
    ("Förskola och skola", "/forskola-och-skola/"),
    ("Senior", "/senior/"),
    ("Stöd och omsorg", "/stod-och-omsorg/"),
    ("Bygga, bo och miljö", "/bygga-bo-och-miljo/"),
    ("Kommun och politik", "/kommun-och-politik/"),
]
HOME: Crumb = ("Mönsterby stad", "/")
SEN: Crumb = ("Senior", "/senior/")
HIH: Crumb = ("Hjälp i hemmet", "/senior/hjalp-i-hemmet/")
HT: Crumb = ("Hemtjänst", "/senior/hjalp-i-hemmet/hemtjanst/")

PDF_SERVICE = "/download/18.3f2a9c1d18e0a/1709280000000/seniorservice-broschyr-2024.pdf"
PDF_RIKTLINJER = "/download/18.3f2a9c1d18e0a/1706000000000/riktlinjer-handlaggning-aldreomsorg.pdf"

PAGES: list[str] = []


def layout(path: str, title: str, crumbs: list[Crumb], body: str, *, scripts: str = "", lang: str = "") -> None:
    PAGES.append(path)
    html = (
        head(f"{title} - {NAME}", "/static/css/monsterby.css")
        + '<body>\n<header class="mb-header">\n<div class="mb-container mb-header__top">'
        '<a class="mb-logo" href="/"><svg width="34" height="34" viewBox="0 0 34 34" aria-hidden="true">'
        '<rect x="2" y="2" width="30" height="30" rx="6" fill="#f2c14e"/><path d="M8 25V9l9 9 9-9v16" stroke="#3d1f6b" stroke-width="3" fill="none"/></svg>'
        "<span>Mönsterby stad</span></a>"
        '<ul class="mb-service"><li><a href="/e-tjanster/">E-tjänster</a></li>'
        '<li><a href="/senior/andra-sprak/">Other languages</a></li><li><a href="/kontakt/">Kontakt</a></li></ul></div>\n'
        f'<nav class="mb-nav" aria-label="Huvudmeny"><div class="mb-container">{nav_list(NAV, path, cls="mb-nav__list")}</div></nav>\n'
        "</header>\n"
        f'<div class="mb-container">{breadcrumbs(crumbs, cls="mb-breadcrumb") if len(crumbs) > 1 else ""}</div>\n'
        f'<main class="mb-container mb-main"{lang}>\n{body}\n</main>\n'
        '<footer class="mb-footer"><div class="mb-container mb-footer__cols">'
        "<section><h2>Mönsterby stad</h2><p>Stadshuset, Rådmansgatan 1<br>611 83 Mönsterby</p></section>"
        "<section><h2>Servicecenter</h2><p>Telefon 010-450 00 00<br>servicecenter@monsterby.se<br>Vardagar 8–17</p></section>"
        '<section><h2>Om webbplatsen</h2><p><a href="/kontakt/">Kontakta oss</a><br>'
        '<a href="/senior/andra-sprak/">Information på andra språk</a></p></section>'
        f"</div></footer>\n{scripts}</body>\n</html>\n"
    )
    write(SLUG, path, html)


def build() -> None:
    PAGES.clear()
    layout(
        "/", "Startsida", [HOME],
        """<section class="mb-hero"><h1>Mönsterby – en stad för alla</h1>
<p>268 000 invånare, två universitet och Sveriges längsta stadspark. Här hittar du stadens tjänster och service.</p></section>
<section><h2>Populära tjänster</h2><ul class="mb-cards">
<li><a href="/forskola-och-skola/">Förskola och skola</a></li>
<li><a href="/bygga-bo-och-miljo/">Bygglov</a></li>
<li><a href="/senior/">Senior</a></li>
<li><a href="/e-tjanster/">E-tjänster</a></li>
</ul></section>
<section><h2>Nyheter</h2>
<article class="mb-news"><h3>Spårvägen till Östra Hamnen börjar byggas</h3><p>Arbetena pågår till 2028 och påverkar trafiken på Hamngatan.</p></article>
<article class="mb-news"><h3>Stadsbiblioteket får utökade öppettider</h3><p>Från september är biblioteket öppet till 21 alla vardagar.</p></article>
</section>""",
    )

    layout(
        "/senior/", "Senior", [HOME, ("Senior", None)],
        """<h1>Senior</h1>
<p class="mb-lead">Här har vi samlat information för dig som är äldre och för dig som är anhörig.</p>
<ul class="mb-cards">
<li><a href="/senior/hjalp-i-hemmet/">Hjälp i hemmet</a></li>
<li><a href="/senior/boende/">Boende för äldre</a></li>
<li><a href="/senior/traffpunkter/">Träffpunkter och aktiviteter</a></li>
<li><a href="/senior/andra-sprak/">Information på andra språk</a></li>
</ul>""",
    )

    layout(
        "/senior/hjalp-i-hemmet/", "Hjälp i hemmet", [HOME, SEN, ("Hjälp i hemmet", None)],
        f"""<h1>Hjälp i hemmet</h1>
<p class="mb-lead">Mönsterby stad erbjuder flera former av stöd för att du ska kunna bo kvar hemma.</p>
<div class="mb-list">
<article><h2><a href="/senior/hjalp-i-hemmet/hemtjanst/">Hemtjänst</a></h2><p>Service och personlig omvårdnad i ditt hem.</p></article>
<article><h2><a href="/senior/hjalp-i-hemmet/trygghetslarm/">Trygghetslarm</a></h2><p>Larm som du bär på kroppen och som fungerar dygnet runt.</p></article>
<article><h2>Seniorservice</h2><p>Läs mer om stadens seniorservice i broschyren.</p>
<p><a class="mb-doc" href="{PDF_SERVICE}">Seniorservice i Mönsterby – broschyr (pdf, 32 kB)</a></p></article>
</div>""",
    )

    layout(
        "/senior/hjalp-i-hemmet/hemtjanst/", "Hemtjänst", [HOME, SEN, HIH, ("Hemtjänst", None)],
        f"""<h1>Hemtjänst</h1>
<p class="mb-lead">Hemtjänst är stöd i det egna hemmet för dig som har svårt att klara vardagen på egen hand på grund av ålder, sjukdom eller funktionsnedsättning.</p>
<nav class="mb-toc" aria-label="På den här sidan"><ul>
<li><a href="#innehall">Vad ingår</a></li><li><a href="#valfrihet">Välj utförare</a></li><li><a href="#ansok">Ansök</a></li><li><a href="#kontakt">Kontakt</a></li></ul></nav>
<h2 id="innehall">Vad ingår i hemtjänsten?</h2>
<p><strong>Serviceinsatser:</strong> städning, tvätt, inköp, matlagning och hjälp med post och räkningar.</p>
<p><strong>Omvårdnadsinsatser:</strong> hjälp med personlig hygien, av- och påklädning, toalettbesök, måltider, tillsyn och sociala aktiviteter som promenader.</p>
<h2>Fast omsorgskontakt</h2>
<p>När du får hemtjänst utser utföraren en fast omsorgskontakt åt dig. Omsorgskontakten är ditt första stöd i hemtjänsten och ansvarar tillsammans med dig för att din genomförandeplan är aktuell.</p>
<h2 id="valfrihet">Valfrihet – du väljer utförare</h2>
<p>Mönsterby har valfrihetssystem enligt LOV. Du väljer om du vill ha hjälp av stadens egen hemtjänst eller av ett privat företag. Du kan påverka hur hjälpen utförs och byta utförare om du inte är nöjd.</p>
<p><a href="/senior/hjalp-i-hemmet/hemtjanst/jamfor-utforare/">Jämför utförare av hemtjänst</a></p>
<h2 id="ansok">Ansök om hemtjänst</h2>
<p>Du ansöker hos en biståndshandläggare i ditt område. Handläggaren utreder dina behov tillsammans med dig och fattar beslut enligt socialtjänstlagen. Ansökan kan göras i e-tjänsten eller per telefon.</p>
<p><a class="mb-button" href="/e-tjanster/ansok-om-hemtjanst/">Ansök om hemtjänst via e-tjänst</a></p>
<p>Handläggningen följer stadens <a href="{PDF_RIKTLINJER}">Riktlinjer för handläggning inom äldreomsorgen (pdf)</a>.</p>
<h2 id="kontakt">Kontakt med biståndshandläggare</h2>
<table class="mb-table"><tr><th>Område</th><th>Telefon</th><th>Telefontid</th></tr>
<tr><td>Norr</td><td>010-450 31 10</td><td>Mån–fre 8.30–10.00</td></tr>
<tr><td>Centrum</td><td>010-450 31 20</td><td>Mån–fre 8.30–10.00</td></tr>
<tr><td>Söder</td><td>010-450 31 30</td><td>Mån–fre 13.00–14.30</td></tr>
<tr><td>Väster</td><td>010-450 31 40</td><td>Mån–fre 13.00–14.30</td></tr></table>
<h2>Mer om hemtjänst</h2>
<ul><li><a href="/senior/hjalp-i-hemmet/hemtjanst/avgifter/">Avgifter för hemtjänst</a></li>
<li><a href="/senior/hjalp-i-hemmet/hemtjanst/vardighetsgarantier/">Värdighetsgarantier</a></li>
<li><a href="/stod-och-omsorg/synpunkter-och-klagomal/">Synpunkter och klagomål</a></li></ul>""",
    )

    rows = [
        ("Mönsterby stad, hemtjänst Norr", "Norr", 91, 14, 96, 88, "arabiska, finska"),
        ("Mönsterby stad, hemtjänst Söder", "Söder", 87, 17, 94, 81, "somaliska"),
        ("Omsorgshuset Centrum AB", "Centrum", 84, 19, 92, 74, "persiska, engelska"),
        ("Hemtrygg Mönsterby AB", "Väster", 93, 11, 97, 90, "bosniska"),
        ("Stadsdelens Hemtjänst Ek. för.", "Centrum", 89, 13, 95, 85, "finska, meänkieli"),
        ("Väster Vård & Service AB", "Väster", 80, 22, 90, 69, "arabiska, tigrinja"),
    ]
    trs = "".join(
        f'<tr data-omrade="{o}"><td>{n}</td><td>{o}</td><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td><td>{s}</td></tr>'
        for n, o, a, b, c, d, s in rows
    )
    layout(
        "/senior/hjalp-i-hemmet/hemtjanst/jamfor-utforare/", "Jämför utförare av hemtjänst",
        [HOME, SEN, HIH, HT, ("Jämför utförare", None)],
        f"""<h1>Jämför utförare av hemtjänst</h1>
<p class="mb-lead">Här kan du jämföra de utförare av hemtjänst som du kan välja mellan i Mönsterby. Uppgifterna kommer från brukarundersökningen 2024 och stadens uppföljning.</p>
<p><label for="omrade">Visa område:</label> <select id="omrade"><option value="">Alla områden</option><option>Norr</option><option>Centrum</option><option>Söder</option><option>Väster</option></select></p>
<table class="mb-table mb-compare" id="jamforelse">
<thead><tr><th>Utförare</th><th>Område</th><th>Nöjdhet totalt (%)</th><th>Antal personal på 14 dagar (median)</th><th>Gott bemötande (%)</th><th>Andel undersköterskor (%)</th><th>Språk</th></tr></thead>
<tbody>{trs}</tbody></table>
<p class="mb-small">Klicka på en kolumnrubrik för att sortera. Färre personal på 14 dagar betyder bättre kontinuitet.</p>""",
        scripts='<script src="/static/js/jamfor.js"></script>\n',
    )

    layout(
        "/senior/hjalp-i-hemmet/hemtjanst/avgifter/", "Avgifter för hemtjänst",
        [HOME, SEN, HIH, HT, ("Avgifter", None)],
        """<h1>Avgifter för hemtjänst</h1>
<p class="mb-lead">Avgiften för hemtjänst bestäms av hur många timmar du har beviljats och av ditt avgiftsutrymme. Den högsta avgiften är 2 642 kronor per månad.</p>
<h2>Så beräknas din avgift</h2>
<ol>
<li>Vi räknar ut din inkomst efter skatt, inklusive bostadstillägg.</li>
<li>Från inkomsten drar vi ditt förbehållsbelopp: minimibeloppet plus din bostadskostnad.</li>
<li>Det som blir kvar är ditt avgiftsutrymme. Du betalar för dina timmar, 335 kronor per timme, men aldrig mer än avgiftsutrymmet eller maxtaxan.</li>
</ol>
<p><strong>Exempel:</strong> Greta bor ensam, har 19 500 kronor i månaden efter skatt och betalar 7 200 kronor i hyra. Hennes avgiftsutrymme blir 19 500 − 6 638 − 7 200 = 5 662 kronor. Hon har sex timmar hemtjänst, vilket kostar 2 010 kronor. Greta betalar 2 010 kronor i månaden.</p>
<h2>Inkomstuppgift</h2>
<p>Lämna in blanketten Inkomstuppgift varje år. Om vi inte får uppgifterna betalar du maxtaxan.</p>""",
    )

    layout(
        "/senior/hjalp-i-hemmet/hemtjanst/vardighetsgarantier/", "Värdighetsgarantier i hemtjänsten",
        [HOME, SEN, HIH, HT, ("Värdighetsgarantier", None)],
        """<h1>Värdighetsgarantier i hemtjänsten</h1>
<p class="mb-lead">Äldrenämnden har beslutat om lokala värdighetsgarantier som gäller alla utförare av hemtjänst i Mönsterby.</p>
<ol>
<li><strong>Du får vara delaktig.</strong> Din genomförandeplan upprättas tillsammans med dig inom 14 dagar.</li>
<li><strong>Du möter få personer.</strong> Vi arbetar för att du ska möta högst tolv olika personal under två veckor.</li>
<li><strong>Du får veta vem som kommer.</strong> Om ett besök blir försenat mer än 20 minuter ringer vi dig.</li>
<li><strong>Du får tid för samtal.</strong> Du kan få 30 minuter i veckan för en social aktivitet som du själv väljer.</li>
</ol>
<p>Om en garanti inte uppfylls kan du lämna en synpunkt. Vi återkommer inom en vecka.</p>""",
    )

    layout(
        "/senior/hjalp-i-hemmet/trygghetslarm/", "Trygghetslarm", [HOME, SEN, HIH, ("Trygghetslarm", None)],
        """<h1>Trygghetslarm</h1>
<p>Ett trygghetslarm ger dig möjlighet att kalla på hjälp dygnet runt. Larmet besvaras av stadens larmcentral, som kan prata med dig och skicka personal.</p>
<p>Du som har fyllt 75 år kan beställa trygghetslarm direkt, utan utredning. Är du yngre ansöker du hos biståndshandläggare. Avgiften är 260 kronor per månad.</p>
<p>Det finns också GPS-larm för dig som vill kunna larma utanför hemmet.</p>""",
    )

    layout(
        "/senior/boende/", "Boende för äldre", [HOME, SEN, ("Boende för äldre", None)],
        """<h1>Boende för äldre</h1>
<p class="mb-lead">Om du behöver vård och omsorg dygnet runt kan du ansöka om vård- och omsorgsboende (särskilt boende). Det finns också trygghetsbostäder för dig över 70 som vill bo i gemenskap.</p>
<h2>Beräkna din avgift i särskilt boende</h2>
<p>Räkna ut vad du kommer att betala för hyra, omvårdnad och mat på ett vård- och omsorgsboende.</p>
<form id="boendekalkyl" class="mb-form">
<label>Din inkomst efter skatt (kr/mån) <input type="number" id="sb-inkomst" min="0"></label>
<label>Hyra för lägenheten (kr/mån) <input type="number" id="sb-hyra" min="0" value="6900"></label>
<button type="submit" class="mb-button">Beräkna</button>
</form>
<p id="sb-resultat" class="mb-result"></p>
<p class="mb-small">Matkostnaden på vård- och omsorgsboende är 4 350 kronor per månad och ingår inte i maxtaxan.</p>""",
        scripts='<script src="/static/js/boendekalkyl.js"></script>\n',
    )

    layout(
        "/senior/traffpunkter/", "Träffpunkter och aktiviteter", [HOME, SEN, ("Träffpunkter", None)],
        """<h1>Träffpunkter och aktiviteter</h1>
<p>Stadens elva träffpunkter för seniorer har öppet för alla över 65 år. Här kan du äta lunch, träna, spela bridge eller lära dig mer om din mobiltelefon.</p>
<p>Höstens program innehåller bland annat stavgång i Stadsparken, linedance och föreläsningar om Mönsterbys historia.</p>""",
    )

    layout(
        "/senior/andra-sprak/", "Information på andra språk", [HOME, SEN, ("Andra språk", None)],
        """<h1>Information om hemtjänst på andra språk</h1>
<p>Här finns kort information om hemtjänst i Mönsterby på andra språk. Du kan alltid få tolk när du träffar en biståndshandläggare – tolken är gratis.</p>
<section lang="en"><h2>English – Home care services</h2>
<p>If you need help in your daily life because of age or illness, you can apply for home care (hemtjänst). Home care staff can help you with cleaning, laundry, shopping and personal care. Contact a needs assessor (biståndshandläggare) in your area to apply. You pay a fee based on your income, never more than 2 642 SEK per month.</p></section>
<section lang="fi"><h2>Suomeksi – Kotipalvelu</h2>
<p>Jos tarvitset apua arjessa ikääntymisen tai sairauden vuoksi, voit hakea kotipalvelua. Kotipalvelun henkilökunta voi auttaa siivouksessa, pyykinpesussa, kaupassa käynnissä ja henkilökohtaisessa hoivassa. Ota yhteyttä alueesi avustuskäsittelijään. Mönsterbyssä on suomenkielistä kotipalvelua.</p></section>
<section lang="ar" dir="rtl"><h2>العربية – خدمة المساعدة المنزلية</h2>
<p>إذا كنت بحاجة إلى مساعدة في حياتك اليومية بسبب التقدم في السن أو المرض، يمكنك التقدم بطلب للحصول على خدمة المساعدة المنزلية. اتصل بموظف تقييم الاحتياجات في منطقتك. يمكنك الحصول على مترجم مجاناً.</p></section>""",
    )

    layout(
        "/e-tjanster/", "E-tjänster", [HOME, ("E-tjänster", None)],
        """<h1>E-tjänster</h1>
<ul class="mb-cards">
<li><a href="/e-tjanster/ansok-om-hemtjanst/">Ansök om hemtjänst</a></li>
<li><a href="/forskola-och-skola/">Ansök om förskola</a></li>
<li><a href="/bygga-bo-och-miljo/">Ansök om bygglov</a></li>
</ul>""",
    )

    layout(
        "/e-tjanster/ansok-om-hemtjanst/", "Ansök om hemtjänst – e-tjänst",
        [HOME, ("E-tjänster", "/e-tjanster/"), ("Ansök om hemtjänst", None)],
        """<h1>Ansök om hemtjänst</h1>
<p>Fyll i formuläret för att ansöka om hemtjänst. Du loggar in med BankID. Ansökan skickas till biståndshandläggarna i det område där du bor.</p>
<form class="mb-form" action="/e-tjanster/ansok-om-hemtjanst/" method="post">
<label>Namn <input name="namn" autocomplete="name"></label>
<label>Adress <input name="adress" autocomplete="street-address"></label>
<label>Telefon <input name="telefon" type="tel"></label>
<fieldset><legend>Jag ansöker om</legend>
<label><input type="checkbox" name="insats" value="service"> Hjälp med städning, tvätt eller inköp</label>
<label><input type="checkbox" name="insats" value="omvardnad"> Personlig omvårdnad</label>
<label><input type="checkbox" name="insats" value="natt"> Tillsyn på natten</label></fieldset>
<label>Behöver du tolk? <select name="tolk"><option>Nej</option><option>Ja</option></select></label>
<button type="submit" class="mb-button">Logga in med BankID och skicka</button>
</form>""",
    )

    layout(
        "/stod-och-omsorg/", "Stöd och omsorg", [HOME, ("Stöd och omsorg", None)],
        """<h1>Stöd och omsorg</h1>
<p class="mb-lead">Socialtjänsten i Mönsterby ger stöd till barn, unga, vuxna och familjer. Stöd till äldre hittar du under <a href="/senior/">Senior</a>.</p>
<ul><li>Ekonomiskt bistånd</li><li>Stöd vid missbruk</li><li>Stöd till personer med funktionsnedsättning</li>
<li><a href="/stod-och-omsorg/synpunkter-och-klagomal/">Synpunkter och klagomål på vård och omsorg</a></li></ul>""",
    )

    layout(
        "/stod-och-omsorg/synpunkter-och-klagomal/", "Synpunkter och klagomål",
        [HOME, ("Stöd och omsorg", "/stod-och-omsorg/"), ("Synpunkter och klagomål", None)],
        """<h1>Synpunkter och klagomål på vård och omsorg</h1>
<p>Du som får hemtjänst eller annat stöd, eller är anhörig, kan lämna synpunkter och klagomål. Vi använder dem för att förbättra verksamheten.</p>
<h2>Så gör du</h2>
<ul><li>Ring Servicecenter, 010-450 00 00.</li><li>Skicka e-post till synpunkter.omsorg@monsterby.se.</li><li>Fyll i blanketten som finns hos alla utförare.</li></ul>
<p>Klagomål på privata utförare hanteras också av staden. Allvarliga missförhållanden rapporteras enligt lex Sarah och kan anmälas till IVO.</p>""",
    )

    layout(
        "/forskola-och-skola/", "Förskola och skola", [HOME, ("Förskola och skola", None)],
        """<h1>Förskola och skola</h1>
<p>Mönsterby har 180 förskolor och 95 grundskolor i kommunal och fristående regi. Ansök om förskola senast fyra månader före önskat startdatum.</p>
<p>Gymnasievalet görs i februari i årskurs 9.</p>""",
    )

    layout(
        "/bygga-bo-och-miljo/", "Bygga, bo och miljö", [HOME, ("Bygga, bo och miljö", None)],
        """<h1>Bygga, bo och miljö</h1>
<h2>Bygglov</h2><p>Stadsbyggnadskontoret handlägger omkring 3 000 bygglovsärenden per år. Använd e-tjänsten för att söka bygglov.</p>
<h2>Avfall</h2><p>Matavfall samlas in i bruna kärl i hela staden. Grovavfall lämnas på någon av de fyra återvinningscentralerna.</p>
<h2>Luftkvalitet</h2><p>Staden mäter luftkvaliteten på Hamngatan och Storgatan. Mätvärdena uppdateras varje timme.</p>""",
    )

    layout(
        "/kommun-och-politik/", "Kommun och politik", [HOME, ("Kommun och politik", None)],
        """<h1>Kommun och politik</h1>
<p>Kommunfullmäktige har 81 ledamöter. Äldrenämnden ansvarar för hemtjänst, vård- och omsorgsboenden och träffpunkter.</p>
<p>Mönsterby stad har cirka 21 000 anställda.</p>""",
    )

    layout(
        "/kontakt/", "Kontakta oss", [HOME, ("Kontakta oss", None)],
        """<h1>Kontakta oss</h1>
<p>Servicecenter svarar på frågor om stadens verksamheter: telefon 010-450 00 00, e-post servicecenter@monsterby.se.</p>
<p>Besök oss i Stadshuset, Rådmansgatan 1, vardagar 8–17.</p>""",
    )

    write(SLUG, "/static/css/monsterby.css", CSS)
    write(SLUG, "/static/js/jamfor.js", JAMFOR_JS)
    write(SLUG, "/static/js/boendekalkyl.js", BOENDE_JS)
    me = host(SLUG)
    write(
        SLUG, "/robots.txt",
        f"User-agent: *\nDisallow: /sok/\n\nSitemap: {me}/sitemap.xml\n",
    )
    urls = "".join(f"<url><loc>{me}{p}</loc><lastmod>2025-06-01</lastmod></url>\n" for p in PAGES)
    write(
        SLUG, "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
    )


JAMFOR_JS = """// Filtrera och sortera jämförelsetabellen för hemtjänstutförare
(function () {
  var tabell = document.getElementById("jamforelse");
  var val = document.getElementById("omrade");
  var kropp = tabell.tBodies[0];
  val.addEventListener("change", function () {
    Array.prototype.forEach.call(kropp.rows, function (rad) {
      rad.hidden = val.value !== "" && rad.getAttribute("data-omrade") !== val.value;
    });
  });
  Array.prototype.forEach.call(tabell.tHead.rows[0].cells, function (th, i) {
    th.style.cursor = "pointer";
    th.addEventListener("click", function () {
      var rader = Array.prototype.slice.call(kropp.rows);
      rader.sort(function (a, b) {
        var x = a.cells[i].textContent, y = b.cells[i].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        return isNaN(nx) ? x.localeCompare(y, "sv") : ny - nx;
      });
      rader.forEach(function (r) { kropp.appendChild(r); });
    });
  });
})();
"""

BOENDE_JS = """// Avgiftsberäkning för vård- och omsorgsboende (särskilt boende)
document.getElementById("boendekalkyl").addEventListener("submit", function (e) {
  e.preventDefault();
  var inkomst = Number(document.getElementById("sb-inkomst").value) || 0;
  var hyra = Number(document.getElementById("sb-hyra").value) || 0;
  var mat = 4350, minimi = 6638, max = 2642;
  var utrymme = Math.max(0, inkomst - hyra - mat - minimi);
  var omvardnad = Math.min(max, utrymme);
  document.getElementById("sb-resultat").textContent =
    "Hyra " + hyra + " kr + mat " + mat + " kr + omvårdnadsavgift " + Math.round(omvardnad) + " kr per månad.";
});
"""

CSS = """/* Mönsterby stad designsystem (förenklat) */
:root { --mb-purple: #3d1f6b; --mb-yellow: #f2c14e; --mb-grey: #f3f1f6; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Inter, "Helvetica Neue", Arial, sans-serif; color: #1e1b24; background: #fff; font-size: 17px; line-height: 1.6; }
a { color: #5b2ea6; }
.mb-container { max-width: 1200px; margin: 0 auto; padding: 0 32px; }
.mb-header { border-bottom: 1px solid #ddd; }
.mb-header__top { display: flex; justify-content: space-between; align-items: center; padding-top: 16px; padding-bottom: 16px; }
.mb-logo { display: flex; gap: 10px; align-items: center; color: var(--mb-purple); font-weight: 800; font-size: 24px; text-decoration: none; }
.mb-service { display: flex; gap: 20px; list-style: none; margin: 0; padding: 0; font-size: 15px; }
.mb-nav { background: var(--mb-purple); }
.mb-nav__list { display: flex; list-style: none; margin: 0; padding: 0; }
.mb-nav__list a { display: block; color: #fff; padding: 16px 20px; text-decoration: none; font-weight: 600; }
.mb-nav__list .aktiv a { background: var(--mb-yellow); color: var(--mb-purple); }
.mb-breadcrumb ol { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 18px 0 0; margin: 0; font-size: 14px; }
.mb-breadcrumb li + li::before { content: "→"; margin-right: 6px; color: #888; }
.mb-main { padding-top: 8px; padding-bottom: 56px; max-width: 900px; }
.mb-lead { font-size: 21px; color: #3b3545; }
.mb-hero { background: var(--mb-purple); color: #fff; padding: 48px; border-radius: 0 0 32px 0; margin-bottom: 24px; }
.mb-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 16px; list-style: none; padding: 0; }
.mb-cards a { display: block; padding: 22px; background: var(--mb-grey); border-radius: 12px; font-weight: 700; text-decoration: none; }
.mb-list article { border-bottom: 1px solid #e3e0e8; padding: 6px 0; }
.mb-doc::before { content: "PDF "; font-size: 12px; background: #b3261e; color: #fff; padding: 1px 5px; border-radius: 3px; margin-right: 6px; }
.mb-toc ul { display: flex; gap: 16px; list-style: none; padding: 12px 16px; background: var(--mb-grey); border-radius: 8px; }
.mb-table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 15px; }
.mb-table th, .mb-table td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #e3e0e8; }
.mb-table th { background: var(--mb-grey); }
.mb-button { display: inline-block; background: var(--mb-yellow); color: var(--mb-purple); padding: 12px 22px; border-radius: 24px; font-weight: 700; text-decoration: none; border: 0; font-size: 16px; cursor: pointer; }
.mb-form { display: grid; gap: 10px; max-width: 480px; }
.mb-form input, .mb-form select { display: block; width: 100%; padding: 8px; margin-top: 2px; }
.mb-result { font-weight: 700; font-size: 19px; }
.mb-small { font-size: 14px; color: #5d5766; }
.mb-footer { background: #1e1b24; color: #e7e3ee; padding: 36px 0; }
.mb-footer a { color: var(--mb-yellow); }
.mb-footer h2 { font-size: 16px; }
.mb-footer__cols { display: grid; grid-template-columns: repeat(3, 1fr); gap: 32px; }
"""
