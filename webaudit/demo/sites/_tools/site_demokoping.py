"""Demoköping (9901): a fairly complete site in the classic Sitevision style.

Features: fee calculator and application on a separate e-service host
(etjanst-demokoping, /oversikt/overview/<n>), Äldreguiden linked for hemtjänst,
an A–Ö index, a machine-translation widget (not easy-to-read), generic
'vi planerar tillsammans' text, alarm + meals without assessment (near miss),
generic quality text (near miss).
"""

from __future__ import annotations

from common import Crumb, breadcrumbs, head, host, nav_list, write

SLUG = "demokoping"
ET = host("etjanst-demokoping")
NAME = "Demoköpings kommun"

NAV = [
    ("Förskola och skola", "/forskola-och-skola/"),
    ("Omsorg och stöd", "/omsorg-och-stod/"),
    ("Bygga och bo", "/bygga-och-bo/"),
    ("Kommun och politik", "/kommun-och-politik/"),
    ("A–Ö", "/a-o/"),
]

HOME: Crumb = ("Startsida", "/")
OMS: Crumb = ("Omsorg och stöd", "/omsorg-och-stod/")
ALD: Crumb = ("Äldreomsorg", "/omsorg-och-stod/aldreomsorg/")
HT: Crumb = ("Hemtjänst", "/omsorg-och-stod/aldreomsorg/hemtjanst/")


def layout(path: str, title: str, crumbs: list[Crumb], body: str, *, aside: str = "") -> None:
    side = f'<aside class="sidospalt">{aside}</aside>' if aside else ""
    html = (
        head(f"{title} - {NAME}", "/css/demokoping.css")
        + '<body>\n<a class="hoppa" href="#innehall">Till innehållet</a>\n'
        '<header class="sidhuvud">\n<div class="verktyg"><div class="ram">'
        '<a href="/kontakt/">Kontakta oss</a> <span class="lyssna">Lyssna</span> '
        '<label class="oversatt">Translate <select aria-label="Välj språk för maskinöversättning">'
        "<option>Svenska</option><option>English</option><option>العربية</option>"
        "<option>Suomi</option><option>Soomaali</option></select></label>"
        "</div></div>\n"
        '<div class="ram logorad"><a class="logga" href="/"><span class="vapen">D</span>'
        f"<span>{NAME}</span></a></div>\n"
        f'<nav class="huvudmeny" aria-label="Huvudmeny"><div class="ram">{nav_list(NAV, path, cls="meny")}</div></nav>\n'
        "</header>\n"
        f'<div class="ram">{breadcrumbs(crumbs) if len(crumbs) > 1 else ""}</div>\n'
        f'<div class="ram sidlayout{"" if aside else " utan-spalt"}"><main id="innehall">\n{body}\n</main>{side}</div>\n'
        '<footer class="sidfot"><div class="ram kolumner">'
        f"<div><h2>{NAME}</h2><p>Stora torget 1<br>123 45 Demoköping</p>"
        "<p>Växel: 0123-45 60 00<br>kommun@demokoping.se</p></div>"
        "<div><h2>Kontaktcenter</h2><p>Måndag–torsdag 8.00–16.30<br>Fredag 8.00–15.00</p>"
        '<p><a href="/kontakt/">Fler sätt att kontakta oss</a></p></div>'
        '<div><h2>Genvägar</h2><ul><li><a href="/a-o/">A–Ö</a></li>'
        '<li><a href="/kommun-och-politik/">Lediga jobb</a></li>'
        '<li><a href="/bygga-och-bo/avfall/">Sophämtning</a></li></ul></div>'
        "</div><p class=\"ram liten\">Org.nr 212000-9901 · Senast uppdaterad 2025-06-12</p></footer>\n"
        "</body>\n</html>\n"
    )
    write(SLUG, path, html)


def ald_aside() -> str:
    return (
        "<h2>Äldreomsorg</h2><ul>"
        '<li><a href="/omsorg-och-stod/aldreomsorg/hemtjanst/">Hemtjänst</a></li>'
        '<li><a href="/omsorg-och-stod/aldreomsorg/ansok-om-stod/">Ansök om stöd</a></li>'
        '<li><a href="/omsorg-och-stod/aldreomsorg/trygghetslarm/">Trygghetslarm och matdistribution</a></li>'
        '<li><a href="/omsorg-och-stod/aldreomsorg/sarskilt-boende/">Särskilt boende</a></li>'
        '<li><a href="/omsorg-och-stod/aldreomsorg/riktlinjer-och-kvalitet/">Riktlinjer och kvalitet</a></li>'
        '<li><a href="/omsorg-och-stod/aldreomsorg/synpunkter-och-klagomal/">Synpunkter och klagomål</a></li>'
        "</ul>"
    )


def build() -> None:
    layout(
        "/", "Startsida", [HOME],
        """<section class="puff-stor"><h1>Välkommen till Demoköping</h1>
<p>Mellan sjön Demen och Storskogen bor drygt 84 000 invånare. Här hittar du information om kommunens service, från förskola och bygglov till äldreomsorg.</p></section>
<section><h2>Genvägar</h2><ul class="genvagar">
<li><a href="/forskola-och-skola/">Ansök om förskola</a></li>
<li><a href="/bygga-och-bo/bygglov/">Bygglov</a></li>
<li><a href="/bygga-och-bo/avfall/">Sophämtning och återvinning</a></li>
<li><a href="/omsorg-och-stod/aldreomsorg/">Äldreomsorg</a></li>
<li><a href="/kommun-och-politik/">Lediga jobb</a></li>
</ul></section>
<section class="nyheter"><h2>Nyheter</h2>
<article><h3>Nya gång- och cykelbanan längs Kvarnvägen öppnar</h3><p>Den 2,4 kilometer långa sträckan mellan centrum och Norrbacka är klar efter ett års arbete.</p></article>
<article><h3>Sommarlovsaktiviteter för unga</h3><p>Fritidsgårdarna har öppet hela sommaren och erbjuder bland annat kanotpaddling och matlagning.</p></article>
<article><h3>Budgeten för 2026 är antagen</h3><p>Kommunfullmäktige beslutade på tisdagen om budget och skattesats för nästa år.</p></article>
</section>""",
    )

    layout(
        "/omsorg-och-stod/", "Omsorg och stöd", [HOME, ("Omsorg och stöd", None)],
        """<h1>Omsorg och stöd</h1>
<p class="ingress">Kommunen ger stöd till dig som på grund av ålder, sjukdom eller funktionsnedsättning behöver hjälp i vardagen.</p>
<ul class="kort">
<li><a href="/omsorg-och-stod/aldreomsorg/"><h2>Äldreomsorg</h2></a><p>Hemtjänst, trygghetslarm, särskilt boende och stöd till anhöriga.</p></li>
<li><a href="/omsorg-och-stod/funktionsnedsattning/"><h2>Stöd vid funktionsnedsättning</h2></a><p>Insatser enligt LSS och socialtjänstlagen för barn och vuxna.</p></li>
</ul>
<p>Söker du ekonomiskt bistånd eller stöd för barn och familj? Ring kontaktcenter så hjälper vi dig vidare.</p>""",
    )

    layout(
        "/omsorg-och-stod/funktionsnedsattning/", "Stöd vid funktionsnedsättning",
        [HOME, OMS, ("Stöd vid funktionsnedsättning", None)],
        """<h1>Stöd vid funktionsnedsättning</h1>
<p class="ingress">Har du en varaktig funktionsnedsättning kan du ha rätt till insatser enligt lagen om stöd och service till vissa funktionshindrade (LSS).</p>
<h2>Exempel på insatser</h2>
<ul><li>Personlig assistans</li><li>Daglig verksamhet</li><li>Korttidsvistelse</li><li>Bostad med särskild service</li></ul>
<p>Du ansöker hos LSS-handläggarna på funktionsstödsenheten. Handläggaren utreder om du tillhör lagens personkrets och vilka insatser du behöver.</p>""",
    )

    layout(
        "/omsorg-och-stod/aldreomsorg/", "Äldreomsorg", [HOME, OMS, ("Äldreomsorg", None)],
        """<h1>Äldreomsorg</h1>
<p class="ingress">Att bli äldre innebär för de flesta ett aktivt liv med familj, vänner och intressen. Om du behöver hjälp i vardagen finns kommunens äldreomsorg till för dig.</p>
<ul class="kort">
<li><a href="/omsorg-och-stod/aldreomsorg/hemtjanst/"><h2>Hemtjänst</h2></a><p>Hjälp och stöd hemma, så att du kan bo kvar i din bostad.</p></li>
<li><a href="/omsorg-och-stod/aldreomsorg/trygghetslarm/"><h2>Trygghetslarm och matdistribution</h2></a><p>Larm dygnet runt och lagad mat hem till dig.</p></li>
<li><a href="/omsorg-och-stod/aldreomsorg/sarskilt-boende/"><h2>Särskilt boende</h2></a><p>När det inte längre går att bo kvar hemma.</p></li>
<li><a href="/omsorg-och-stod/aldreomsorg/ansok-om-stod/"><h2>Ansök om stöd</h2></a><p>Så går det till att ansöka och vem du kontaktar.</p></li>
<li><a href="/omsorg-och-stod/aldreomsorg/riktlinjer-och-kvalitet/"><h2>Riktlinjer och kvalitet</h2></a><p>Hur vi bedömer behov och följer upp verksamheten.</p></li>
<li><a href="/omsorg-och-stod/aldreomsorg/synpunkter-och-klagomal/"><h2>Synpunkter och klagomål</h2></a><p>Tyck till om äldreomsorgen.</p></li>
</ul>""",
    )

    layout(
        "/omsorg-och-stod/aldreomsorg/hemtjanst/", "Hemtjänst", [HOME, OMS, ALD, ("Hemtjänst", None)],
        """<h1>Hemtjänst</h1>
<p class="ingress">Hemtjänst är hjälp och stöd i ditt eget hem för dig som inte längre klarar vardagen på egen hand. Målet är att du ska kunna bo kvar hemma och leva ett så självständigt liv som möjligt.</p>
<h2>Vad kan hemtjänsten hjälpa till med?</h2>
<p>Hemtjänst delas in i serviceinsatser och omvårdnadsinsatser.</p>
<h3>Serviceinsatser</h3>
<ul><li>Städning varannan vecka</li><li>Tvätt och strykning</li><li>Inköp av dagligvaror en gång i veckan</li><li>Hjälp att värma färdiglagad mat</li><li>Följeslagning till exempelvis vårdcentral eller bank</li></ul>
<h3>Omvårdnadsinsatser</h3>
<ul><li>Personlig hygien och dusch</li><li>På- och avklädning</li><li>Hjälp vid måltider</li><li>Tillsyn och stöd vid förflyttning</li><li>Hjälp med läkemedel efter delegering från sjuksköterska</li></ul>
<h2>Så planerar vi hjälpen</h2>
<p>När du har fått ett beslut om hemtjänst kontaktar utföraren dig. Vi planerar tillsammans med dig hur och när hjälpen ska ges och skriver ner det i en genomförandeplan. Planen följs upp minst två gånger per år, och du är alltid välkommen att höra av dig om dina behov förändras.</p>
<h2>Fast omsorgskontakt</h2>
<p>Alla som har hemtjänst i Demoköping får en fast omsorgskontakt. Det är en namngiven undersköterska i din hemtjänstgrupp som har särskilt ansvar för att genomförandeplanen följs, att du känner dig trygg och att du möter så få olika personer som möjligt.</p>
<h2>Läs mer</h2>
<ul>
<li><a href="/omsorg-och-stod/aldreomsorg/ansok-om-stod/">Ansök om hemtjänst</a></li>
<li><a href="/omsorg-och-stod/aldreomsorg/hemtjanst/avgifter/">Avgifter för hemtjänst</a></li>
<li><a href="/omsorg-och-stod/aldreomsorg/hemtjanst/valja-utforare/">Välja utförare av hemtjänst</a></li>
<li><a href="/omsorg-och-stod/aldreomsorg/trygghetslarm/">Trygghetslarm och matdistribution</a></li>
</ul>""",
        aside=ald_aside(),
    )

    layout(
        "/omsorg-och-stod/aldreomsorg/hemtjanst/avgifter/", "Avgifter för hemtjänst",
        [HOME, OMS, ALD, HT, ("Avgifter", None)],
        f"""<h1>Avgifter för hemtjänst</h1>
<p class="ingress">Vad du betalar för hemtjänst beror på hur mycket hjälp du får och på din inkomst. Avgiften kan aldrig bli högre än maxtaxan.</p>
<table class="tabell"><caption>Avgifter 2025</caption>
<tr><th scope="row">Hemtjänst, per timme</th><td>329 kr</td></tr>
<tr><th scope="row">Trygghetslarm, per månad</th><td>310 kr</td></tr>
<tr><th scope="row">Matdistribution, per portion</th><td>78 kr</td></tr>
<tr><th scope="row">Maxtaxa, per månad</th><td>2 642 kr</td></tr>
</table>
<p>Kostnaden för matdistribution ingår inte i maxtaxan.</p>
<h2>Förbehållsbelopp</h2>
<p>Du ska alltid ha pengar kvar till dina levnadskostnader. Därför räknar vi med ett förbehållsbelopp som består av ett minimibelopp (6 638 kr i månaden för ensamstående och 5 609 kr per person för sammanboende 2025) och din bostadskostnad. Om din inkomst är lägre än förbehållsbeloppet betalar du ingen avgift.</p>
<h2>Inkomstförfrågan</h2>
<p>När du får hemtjänst första gången skickar vi en blankett där du fyller i dina inkomster och din bostadskostnad. Lämnar du inga uppgifter debiteras maxtaxan.</p>
<h2>Räkna ut din avgift</h2>
<p>I vår e-tjänst kan du göra en preliminär beräkning av din avgift för hemtjänst utifrån din egen inkomst, bostadskostnad och det antal timmar du tror att du behöver.</p>
<p><a class="knapp" href="{ET}/oversikt/overview/123">Beräkna din avgift för hemtjänst (e-tjänst)</a></p>
<h2>Frågor om din faktura</h2>
<p>Avgiftshandläggarna nås på telefon 0123-45 61 35, måndag–fredag 9.00–11.00.</p>""",
        aside=ald_aside(),
    )

    layout(
        "/omsorg-och-stod/aldreomsorg/hemtjanst/valja-utforare/", "Välja utförare av hemtjänst",
        [HOME, OMS, ALD, HT, ("Välja utförare", None)],
        """<h1>Välja utförare av hemtjänst</h1>
<p class="ingress">I Demoköping finns valfrihet inom hemtjänsten enligt lagen om valfrihetssystem (LOV). Du väljer själv vem som ska utföra din hemtjänst.</p>
<p>Du kan välja mellan kommunens egen hemtjänst och de privata företag som kommunen har avtal med. Alla utförare har samma uppdrag, följer samma krav på kvalitet och din avgift är densamma oavsett vem du väljer.</p>
<h2>Jämför utförarna</h2>
<p>I Socialstyrelsens Äldreguiden kan du jämföra hemtjänstens olika enheter i Demoköping, till exempel hur nöjda de äldre är, hur många olika personal man möter under två veckor och om man kan påverka vilka tider man får hjälp.</p>
<p><a href="https://www.aldreguiden.se/" rel="external">Jämför hemtjänst i Äldreguiden (Socialstyrelsen)</a></p>
<h2>Utförare att välja mellan</h2>
<table class="tabell"><tr><th>Utförare</th><th>Område</th><th>Telefon</th><th>Språk utöver svenska</th></tr>
<tr><td>Demoköpings kommun, hemtjänsten</td><td>Hela kommunen</td><td>0123-45 62 00</td><td>Finska, arabiska</td></tr>
<tr><td>Omsorgsgruppen Nord AB</td><td>Centrum, Norrbacka</td><td>0123-77 10 10</td><td>Persiska</td></tr>
<tr><td>Hemhjälpen i Demo AB</td><td>Centrum</td><td>0123-21 40 40</td><td>Bosniska, serbiska</td></tr>
<tr><td>Kvarnbackens Omsorg HB</td><td>Landsbygden söder</td><td>0123-99 05 50</td><td>–</td></tr>
</table>
<h2>Om du inte vill välja</h2>
<p>Om du inte vill eller kan välja får du kommunens egen hemtjänst. Du kan byta utförare när du vill genom att kontakta din biståndshandläggare. Bytet sker inom 14 dagar.</p>""",
        aside=ald_aside(),
    )

    layout(
        "/omsorg-och-stod/aldreomsorg/ansok-om-stod/", "Ansök om hemtjänst och annat stöd",
        [HOME, OMS, ALD, ("Ansök om stöd", None)],
        f"""<h1>Ansök om hemtjänst och annat stöd</h1>
<p class="ingress">Hemtjänst, särskilt boende och annat stöd inom äldreomsorgen är bistånd enligt socialtjänstlagen. Du ansöker hos kommunens biståndshandläggare.</p>
<h2>Så går det till</h2>
<ol class="steg">
<li><strong>Ansök.</strong> Du kan ansöka i vår e-tjänst, ringa oss eller skicka ett brev. En anhörig kan hjälpa dig att ta kontakt, men det är du som ansöker.</li>
<li><strong>Utredning.</strong> En biståndshandläggare kontaktar dig och bokar oftast ett hembesök. Ni pratar om hur din vardag ser ut och vad du behöver hjälp med.</li>
<li><strong>Beslut.</strong> Du får ett skriftligt beslut, vanligtvis inom två till fyra veckor. Är du inte nöjd kan du överklaga beslutet till förvaltningsrätten inom tre veckor.</li>
<li><strong>Insatsen startar.</strong> Utföraren du har valt kontaktar dig för att planera hjälpen.</li>
</ol>
<p><a class="knapp" href="{ET}/oversikt/overview/118">Ansök om hemtjänst – e-tjänst (logga in med BankID)</a></p>
<h2>Kontakta biståndshandläggare</h2>
<p>Biståndsenheten för äldre<br>Telefon: 0123-45 61 20<br>Telefontid: måndag–fredag 8.30–10.00<br>E-post: bistandsenheten@demokoping.se</p>
<p>Du kan också lämna ett meddelande via kontaktcenter, så ringer en handläggare upp dig.</p>""",
        aside=ald_aside(),
    )

    layout(
        "/omsorg-och-stod/aldreomsorg/trygghetslarm/", "Trygghetslarm och matdistribution",
        [HOME, OMS, ALD, ("Trygghetslarm och matdistribution", None)],
        """<h1>Trygghetslarm och matdistribution</h1>
<h2>Trygghetslarm</h2>
<p>Med ett trygghetslarm kan du larma dygnet runt om något händer i hemmet, till exempel om du har ramlat. Larmet består av en larmknapp som du bär som armband eller halsband och en larmenhet som kopplas till mobilnätet. Larmet tas emot av en larmcentral som kontaktar hemtjänstens nattpatrull.</p>
<p>Trygghetslarmet kostar 310 kronor per månad.</p>
<h2>Matdistribution</h2>
<p>Har du svårt att laga mat själv kan du få lunch levererad hem, kyld, tre gånger i veckan. Maten tillagas i Tallbackens kök och det finns alltid ett vegetariskt alternativ.</p>
<h2>Utan biståndsbeslut från 80 år</h2>
<p>Du som har fyllt 80 år kan få trygghetslarm och matdistribution utan biståndsbeslut. Det räcker att du anmäler ditt intresse till biståndsenheten, telefon 0123-45 61 20. Övriga insatser inom hemtjänsten kräver en ansökan och ett beslut.</p>""",
        aside=ald_aside(),
    )

    layout(
        "/omsorg-och-stod/aldreomsorg/sarskilt-boende/", "Särskilt boende",
        [HOME, OMS, ALD, ("Särskilt boende", None)],
        """<h1>Särskilt boende</h1>
<p class="ingress">Om du har omfattande behov av vård och omsorg dygnet runt och inte längre kan bo kvar hemma, kan du ansöka om plats på ett särskilt boende.</p>
<p>Demoköping har sju särskilda boenden med sammanlagt 412 lägenheter. Du har en egen lägenhet med eget badrum och tillgång till gemensamma utrymmen.</p>
<h2>Kostnader</h2>
<p>Du betalar hyra för lägenheten och en avgift för omvårdnad och måltider. Hyran varierar mellan boendena.</p>
<h2>Våra boenden</h2>
<ul><li>Tallbacken, centrum</li><li>Solrosen, Norrbacka</li><li>Ekhagen, Kvarnbacken</li><li>Lärkan, Västerby</li><li>Strandgården, Sjövik</li><li>Björkliden, Östra Demoköping</li><li>Lindgården, Hagby</li></ul>""",
        aside=ald_aside(),
    )

    layout(
        "/omsorg-och-stod/aldreomsorg/riktlinjer-och-kvalitet/", "Riktlinjer och kvalitet",
        [HOME, OMS, ALD, ("Riktlinjer och kvalitet", None)],
        """<h1>Riktlinjer och kvalitet</h1>
<h2>Riktlinjer för biståndshandläggning</h2>
<p>Socialnämnden har antagit riktlinjer för handläggning av bistånd inom äldreomsorgen. Riktlinjerna beskriver hur vi arbetar och vilken nivå av stöd som normalt beviljas, men varje beslut bygger på en individuell bedömning av dina behov.</p>
<ul class="dokument"><li><a href="/download/riktlinjer-bistandshandlaggning-aldreomsorg-2024.pdf">Riktlinjer för biståndshandläggning inom äldreomsorgen 2024 (pdf, 36 kB)</a></li></ul>
<h2>Kvalitet i äldreomsorgen</h2>
<p>Vi arbetar systematiskt med kvalitet. Verksamheterna följs upp genom egenkontroller, avvikelsehantering och Socialstyrelsens årliga brukarundersökning. Resultaten redovisas varje år för socialnämnden i en kvalitetsberättelse.</p>""",
        aside=ald_aside(),
    )

    layout(
        "/omsorg-och-stod/aldreomsorg/synpunkter-och-klagomal/", "Synpunkter och klagomål",
        [HOME, OMS, ALD, ("Synpunkter och klagomål", None)],
        f"""<h1>Synpunkter och klagomål på äldreomsorgen</h1>
<p class="ingress">Dina synpunkter hjälper oss att bli bättre. Du kan lämna beröm, förslag eller klagomål på hemtjänsten, särskilt boende eller handläggningen.</p>
<h2>Så lämnar du en synpunkt</h2>
<ul><li>Prata först med personalen eller enhetschefen där du får hjälp.</li>
<li>Använd e-tjänsten <a href="{ET}/oversikt/overview/140">Lämna synpunkt eller klagomål</a>.</li>
<li>Skriv till Socialförvaltningen, Synpunkter, 123 45 Demoköping.</li></ul>
<p>Du får svar inom tio arbetsdagar. Du kan vara anonym, men då kan vi inte svara dig.</p>
<h2>Lex Sarah och IVO</h2>
<p>All personal är skyldig att rapportera missförhållanden enligt lex Sarah. Du kan också vända dig till Inspektionen för vård och omsorg (IVO) med klagomål på vården: <a href="https://www.ivo.se/" rel="external">www.ivo.se</a>.</p>""",
        aside=ald_aside(),
    )

    layout(
        "/forskola-och-skola/", "Förskola och skola", [HOME, ("Förskola och skola", None)],
        f"""<h1>Förskola och skola</h1>
<p class="ingress">I Demoköping finns 38 förskolor, 19 grundskolor och ett gymnasium med tolv nationella program.</p>
<h2>Förskola</h2>
<p>Barn från ett års ålder kan få plats i förskola. Ansök senast fyra månader innan du behöver platsen.</p>
<p><a href="{ET}/oversikt/overview/204">Ansök om plats i förskola (e-tjänst)</a></p>
<h2>Grundskola</h2>
<p>Skolvalet till förskoleklass görs i januari. Alla barn erbjuds plats på en skola nära hemmet.</p>
<h2>Gymnasium</h2>
<p>Demoköpings gymnasium erbjuder både högskoleförberedande program och yrkesprogram.</p>""",
    )

    layout(
        "/bygga-och-bo/", "Bygga och bo", [HOME, ("Bygga och bo", None)],
        """<h1>Bygga och bo</h1>
<ul class="kort">
<li><a href="/bygga-och-bo/bygglov/"><h2>Bygglov</h2></a><p>När behöver du bygglov och hur ansöker du?</p></li>
<li><a href="/bygga-och-bo/avfall/"><h2>Avfall och återvinning</h2></a><p>Sophämtning, återvinningscentraler och taxor.</p></li>
</ul>""",
    )

    layout(
        "/bygga-och-bo/bygglov/", "Bygglov", [HOME, ("Bygga och bo", "/bygga-och-bo/"), ("Bygglov", None)],
        f"""<h1>Bygglov</h1>
<p class="ingress">Du behöver bygglov för att bygga nytt, bygga till eller ändra användningen av en byggnad.</p>
<p>Vissa åtgärder är bygglovsbefriade, till exempel en friggebod på högst 15 kvadratmeter eller ett Attefallshus, men kräver då ofta en anmälan.</p>
<h2>Handläggningstid</h2>
<p>När ansökan är komplett fattar vi beslut inom tio veckor.</p>
<p><a href="{ET}/oversikt/overview/311">Ansök om bygglov (e-tjänst)</a></p>""",
    )

    layout(
        "/bygga-och-bo/avfall/", "Avfall och återvinning",
        [HOME, ("Bygga och bo", "/bygga-och-bo/"), ("Avfall och återvinning", None)],
        """<h1>Avfall och återvinning</h1>
<p>Matavfall och restavfall hämtas varannan vecka. Förpackningar och tidningar lämnar du på någon av kommunens 42 återvinningsstationer.</p>
<h2>Återvinningscentralen Kvarntorp</h2>
<p>Öppet måndag–torsdag 10–19, lördag 9–15. Här lämnar du grovavfall, elavfall och farligt avfall.</p>
<h2>Avfallstaxa</h2>
<p>Grundavgiften för en villa är 1 850 kr per år. Hämtningsavgiften beror på kärlstorlek och hur ofta du får hämtning.</p>""",
    )

    layout(
        "/kommun-och-politik/", "Kommun och politik", [HOME, ("Kommun och politik", None)],
        """<h1>Kommun och politik</h1>
<p class="ingress">Kommunfullmäktige är Demoköpings högsta beslutande organ med 61 ledamöter.</p>
<h2>Sammanträden</h2>
<p>Fullmäktige sammanträder i Stadshuset, oftast sista tisdagen i månaden. Sammanträdena sänds via webben.</p>
<h2>Lediga jobb</h2>
<p>Kommunen är med cirka 6 200 medarbetare den största arbetsgivaren i Demoköping. Vi söker just nu bland annat lärare, undersköterskor och sjuksköterskor.</p>
<h2>Nämnder</h2>
<ul><li>Kommunstyrelsen</li><li>Socialnämnden</li><li>Barn- och utbildningsnämnden</li><li>Samhällsbyggnadsnämnden</li></ul>""",
    )

    layout(
        "/kontakt/", "Kontakta oss", [HOME, ("Kontakta oss", None)],
        """<h1>Kontakta oss</h1>
<p>Kontaktcenter svarar på frågor om alla kommunens verksamheter och kopplar dig vidare till rätt handläggare.</p>
<p>Telefon (växel): 0123-45 60 00<br>E-post: kommun@demokoping.se<br>Besöksadress: Stora torget 1</p>
<p>Öppettider: måndag–torsdag 8.00–16.30, fredag 8.00–15.00.</p>""",
    )

    az = [
        ("A", [("Avfall och återvinning", "/bygga-och-bo/avfall/"), ("Avgifter för hemtjänst", "/omsorg-och-stod/aldreomsorg/hemtjanst/avgifter/"), ("Ansök om hemtjänst", "/omsorg-och-stod/aldreomsorg/ansok-om-stod/")]),
        ("B", [("Biståndshandläggning", "/omsorg-och-stod/aldreomsorg/ansok-om-stod/"), ("Bygglov", "/bygga-och-bo/bygglov/")]),
        ("F", [("Förskola", "/forskola-och-skola/"), ("Funktionsnedsättning", "/omsorg-och-stod/funktionsnedsattning/")]),
        ("H", [("Hemtjänst", "/omsorg-och-stod/aldreomsorg/hemtjanst/")]),
        ("K", [("Kommunfullmäktige", "/kommun-och-politik/"), ("Kontakta oss", "/kontakt/")]),
        ("L", [("Lediga jobb", "/kommun-och-politik/"), ("LSS", "/omsorg-och-stod/funktionsnedsattning/")]),
        ("M", [("Matdistribution", "/omsorg-och-stod/aldreomsorg/trygghetslarm/")]),
        ("R", [("Riktlinjer för bistånd", "/omsorg-och-stod/aldreomsorg/riktlinjer-och-kvalitet/")]),
        ("S", [("Skola", "/forskola-och-skola/"), ("Sophämtning", "/bygga-och-bo/avfall/"), ("Synpunkter och klagomål", "/omsorg-och-stod/aldreomsorg/synpunkter-och-klagomal/"), ("Särskilt boende", "/omsorg-och-stod/aldreomsorg/sarskilt-boende/")]),
        ("T", [("Trygghetslarm", "/omsorg-och-stod/aldreomsorg/trygghetslarm/")]),
        ("V", [("Välja utförare i hemtjänsten", "/omsorg-och-stod/aldreomsorg/hemtjanst/valja-utforare/")]),
        ("Ä", [("Äldreomsorg", "/omsorg-och-stod/aldreomsorg/")]),
        ("Ö", [("Överklaga beslut om bistånd", "/omsorg-och-stod/aldreomsorg/ansok-om-stod/")]),
    ]
    letters = " ".join(f'<a href="#bokstav-{c}">{c}</a>' for c, _ in az)
    groups = "".join(
        f'<h2 id="bokstav-{c}">{c}</h2><ul>'
        + "".join(f'<li><a href="{h}">{t}</a></li>' for t, h in links)
        + "</ul>"
        for c, links in az
    )
    layout(
        "/a-o/", "A–Ö", [HOME, ("A–Ö", None)],
        f'<h1>A–Ö</h1><p>Hitta kommunens tjänster och information i bokstavsordning.</p><p class="bokstaver">{letters}</p>{groups}',
    )

    write(SLUG, "/robots.txt", "User-agent: *\nDisallow:\n")
    write(SLUG, "/css/demokoping.css", CSS)

    build_etjanst()


CSS = """/* Demoköpings kommun – gemensam stilmall */
* { box-sizing: border-box; }
body { margin: 0; font-family: "Segoe UI", Arial, sans-serif; color: #1d2a33; background: #f4f6f7; line-height: 1.55; }
a { color: #005a7a; }
.ram { max-width: 1100px; margin: 0 auto; padding: 0 1rem; }
.hoppa { position: absolute; left: -999px; }
.hoppa:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
.verktyg { background: #003b50; color: #fff; font-size: .85rem; }
.verktyg .ram { display: flex; gap: 1.5rem; justify-content: flex-end; padding: .35rem 1rem; }
.verktyg a { color: #fff; }
.logorad { padding: 1.2rem 1rem; background: #fff; }
.sidhuvud { background: #fff; border-bottom: 4px solid #00826b; }
.logga { display: flex; align-items: center; gap: .7rem; font-size: 1.6rem; font-weight: 700; color: #003b50; text-decoration: none; }
.vapen { display: inline-grid; place-items: center; width: 2.6rem; height: 3rem; background: #00826b; color: #fff; border-radius: 0 0 1.3rem 1.3rem; font-family: Georgia, serif; }
.huvudmeny { background: #00826b; }
.meny { list-style: none; display: flex; flex-wrap: wrap; margin: 0; padding: 0; }
.meny a { display: block; padding: .8rem 1.1rem; color: #fff; text-decoration: none; font-weight: 600; }
.meny .aktiv a, .meny a:hover { background: #005e4d; }
.breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; padding: .8rem 0; margin: 0; font-size: .9rem; }
.breadcrumbs li + li::before { content: "/"; margin: 0 .45rem; color: #7a8a93; }
.sidlayout { display: grid; grid-template-columns: 1fr 280px; gap: 2rem; padding-bottom: 3rem; }
.sidlayout.utan-spalt { grid-template-columns: 1fr; }
main { background: #fff; padding: 1.5rem 2rem; border-radius: 4px; }
.sidospalt { background: #e6f2ef; padding: 1rem 1.2rem; border-radius: 4px; align-self: start; }
.sidospalt ul { padding-left: 1.1rem; }
.ingress { font-size: 1.15rem; }
.kort { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 1rem; }
.kort li { border: 1px solid #cfdbe0; border-top: 4px solid #00826b; padding: .8rem 1rem; }
.kort h2 { font-size: 1.1rem; margin: 0; }
.tabell { border-collapse: collapse; margin: 1rem 0; }
.tabell th, .tabell td { border-bottom: 1px solid #cfdbe0; padding: .4rem .8rem; text-align: left; }
.knapp { display: inline-block; background: #00826b; color: #fff; padding: .6rem 1rem; border-radius: 3px; text-decoration: none; font-weight: 600; }
.puff-stor { background: linear-gradient(120deg, #003b50, #00826b); color: #fff; padding: 2rem; border-radius: 4px; }
.genvagar { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0; }
.genvagar a { display: block; padding: .5rem .9rem; border: 2px solid #00826b; border-radius: 2rem; text-decoration: none; }
.bokstaver a { font-weight: 700; margin-right: .4rem; }
.steg li { margin-bottom: .6rem; }
.sidfot { background: #003b50; color: #fff; padding: 2rem 0 1rem; }
.sidfot a { color: #cde9e3; }
.sidfot h2 { font-size: 1rem; }
.kolumner { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2rem; }
.liten { font-size: .8rem; opacity: .8; }
@media (max-width: 800px) { .sidlayout, .kolumner { grid-template-columns: 1fr; } }
"""


# --------------------------------------------------------------------------
# etjanst-demokoping: the e-service platform on another host

ET_NAME = "E-tjänster – Demoköpings kommun"


def et_layout(path: str, title: str, body: str, *, scripts: str = "") -> None:
    html = (
        head(f"{title} | {ET_NAME}", "/static/plattform.css")
        + '<body class="plattform">\n<header class="topp"><a class="hem" href="/">'
        '<strong>Demoköpings kommun</strong> <span>E-tjänster</span></a>'
        f'<a class="tillbaka" href="{host("demokoping")}/">Till demokoping.se</a></header>\n'
        f'<main class="yta">\n{body}\n</main>\n'
        '<footer class="fot">Demoköpings kommun · Växel 0123-45 60 00 · '
        '<a href="/">Alla e-tjänster</a> · Tillgänglighetsredogörelse</footer>\n'
        f"{scripts}</body>\n</html>\n"
    )
    write("etjanst-demokoping", path, html)


def build_etjanst() -> None:
    et_layout(
        "/", "Alla e-tjänster",
        """<h1>E-tjänster</h1>
<p>Här hittar du Demoköpings kommuns e-tjänster. De flesta kräver inloggning med BankID eller Freja eID.</p>
<h2>Omsorg och stöd</h2>
<ul class="tjanster">
<li><a href="/oversikt/overview/118">Ansök om hemtjänst</a></li>
<li><a href="/oversikt/overview/123">Beräkna din avgift för hemtjänst</a></li>
<li><a href="/oversikt/overview/140">Lämna synpunkt eller klagomål – vård och omsorg</a></li>
</ul>
<h2>Förskola och skola</h2>
<ul class="tjanster"><li><a href="/oversikt/overview/204">Ansök om plats i förskola</a></li></ul>
<h2>Bygga och bo</h2>
<ul class="tjanster"><li><a href="/oversikt/overview/311">Ansök om bygglov</a></li></ul>""",
    )

    et_layout(
        "/oversikt/overview/118/", "Ansök om hemtjänst",
        """<p class="etikett">Omsorg och stöd</p>
<h1>Ansök om hemtjänst</h1>
<p>Här kan du ansöka om hemtjänst. Ansökan går direkt till biståndsenheten. En biståndshandläggare kontaktar dig inom en vecka för att boka ett samtal.</p>
<p class="steg">Steg 1 av 3: Legitimera dig</p>
<p><button type="button" class="bankid">Logga in med BankID</button></p>
<form class="formular" action="/oversikt/overview/118/kvitto/" method="get">
<fieldset><legend>Vad behöver du hjälp med?</legend>
<label><input type="checkbox" name="hjalp" value="stad"> Städning</label>
<label><input type="checkbox" name="hjalp" value="tvatt"> Tvätt</label>
<label><input type="checkbox" name="hjalp" value="inkop"> Inköp</label>
<label><input type="checkbox" name="hjalp" value="omvardnad"> Personlig omvårdnad</label>
<label><input type="checkbox" name="hjalp" value="larm"> Trygghetslarm</label>
</fieldset>
<label for="beskriv">Beskriv din situation</label>
<textarea id="beskriv" name="beskrivning" rows="4"></textarea>
<label for="tel">Telefonnummer</label>
<input id="tel" name="telefon" type="tel">
<button type="submit">Skicka ansökan</button>
</form>""",
    )

    et_layout(
        "/oversikt/overview/118/kvitto/", "Kvitto",
        """<h1>Tack för din ansökan</h1>
<p>Din ansökan om hemtjänst är mottagen. Ärendenummer: SN 2025/0412. En biståndshandläggare kontaktar dig.</p>
<p><a href="/">Tillbaka till alla e-tjänster</a></p>""",
    )

    et_layout(
        "/oversikt/overview/123/", "Beräkna din avgift för hemtjänst",
        """<p class="etikett">Omsorg och stöd</p>
<h1>Beräkna din avgift för hemtjänst</h1>
<p>Fyll i dina uppgifter för att få en preliminär beräkning av din månadsavgift för hemtjänst och trygghetslarm. Beräkningen är inte ett beslut; din faktiska avgift fastställs av avgiftshandläggaren.</p>
<form id="avgiftsberakning" class="formular">
<label for="hushall">Hushåll</label>
<select id="hushall" name="hushall"><option value="ensam">Ensamstående</option><option value="sambo">Gift eller sambo</option></select>
<label for="inkomst">Din inkomst efter skatt (kr/mån)</label>
<input id="inkomst" name="inkomst" type="number" min="0" step="100" required>
<label for="bostad">Din bostadskostnad (kr/mån)</label>
<input id="bostad" name="bostad" type="number" min="0" step="100" required>
<label for="timmar">Antal timmar hemtjänst per månad</label>
<input id="timmar" name="timmar" type="number" min="0" step="0.5" value="0">
<label><input id="larm" name="larm" type="checkbox"> Jag har eller vill ha trygghetslarm</label>
<button type="submit">Beräkna</button>
</form>
<p id="resultat" class="resultat" aria-live="polite"></p>
<p class="liten">Beräkningen bygger på 2025 års taxa: 329 kr per timme, trygghetslarm 310 kr per månad och maxtaxa 2 642 kr per månad.</p>""",
        scripts='<script src="/static/avgiftsberakning.js"></script>\n',
    )

    et_layout(
        "/oversikt/overview/140/", "Lämna synpunkt eller klagomål",
        """<p class="etikett">Omsorg och stöd</p>
<h1>Lämna synpunkt eller klagomål – vård och omsorg</h1>
<p>Berätta vad du tycker om hemtjänst, särskilt boende eller annan verksamhet inom socialförvaltningen.</p>
<form class="formular" action="/" method="get">
<label for="typ">Typ av synpunkt</label>
<select id="typ" name="typ"><option>Klagomål</option><option>Beröm</option><option>Förslag</option></select>
<label for="text">Din synpunkt</label>
<textarea id="text" name="text" rows="5"></textarea>
<button type="submit">Skicka</button>
</form>""",
    )

    et_layout(
        "/oversikt/overview/204/", "Ansök om plats i förskola",
        """<p class="etikett">Förskola och skola</p>
<h1>Ansök om plats i förskola</h1>
<p>Logga in med BankID för att ansöka om förskoleplats för ditt barn. Du kan välja upp till tre förskolor.</p>
<p><button type="button" class="bankid">Logga in med BankID</button></p>""",
    )

    et_layout(
        "/oversikt/overview/311/", "Ansök om bygglov",
        """<p class="etikett">Bygga och bo</p>
<h1>Ansök om bygglov</h1>
<p>Ladda upp ritningar och fyll i uppgifter om fastigheten. Ansökan skickas till samhällsbyggnadsförvaltningen.</p>
<p><button type="button" class="bankid">Logga in med BankID</button></p>""",
    )

    write("etjanst-demokoping", "/static/plattform.css", ET_CSS)
    write("etjanst-demokoping", "/static/avgiftsberakning.js", ET_JS)
    write("etjanst-demokoping", "/robots.txt", "User-agent: *\nDisallow:\n")


ET_CSS = """/* E-tjänsteplattform */
body.plattform { margin: 0; font-family: Roboto, Helvetica, Arial, sans-serif; background: #eef1f4; color: #222; }
.topp { display: flex; justify-content: space-between; align-items: center; background: #fff; padding: .8rem 1.5rem; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.topp .hem { text-decoration: none; color: #003b50; font-size: 1.2rem; }
.topp .hem span { color: #777; font-weight: 400; }
.yta { max-width: 760px; margin: 2rem auto; background: #fff; padding: 2rem; border-radius: 6px; }
.etikett { text-transform: uppercase; font-size: .75rem; letter-spacing: .08em; color: #00826b; }
.tjanster { list-style: none; padding: 0; }
.tjanster li { border-bottom: 1px solid #ddd; padding: .6rem 0; }
.formular { display: grid; gap: .5rem; max-width: 420px; }
.formular fieldset { display: grid; gap: .3rem; border: 1px solid #ccd; }
.formular input, .formular select, .formular textarea { padding: .45rem; font-size: 1rem; }
.formular button, .bankid { background: #193e6b; color: #fff; border: 0; padding: .7rem 1.2rem; font-size: 1rem; border-radius: 4px; cursor: pointer; }
.resultat { font-size: 1.3rem; font-weight: 700; color: #00826b; }
.liten { font-size: .85rem; color: #555; }
.fot { text-align: center; font-size: .85rem; color: #555; padding: 2rem; }
"""

ET_JS = """// Preliminär avgiftsberäkning för hemtjänst, Demoköpings kommun (taxa 2025)
(function () {
  var TIMTAXA = 329, LARM = 310, MAXTAXA = 2642;
  var MINIMIBELOPP = { ensam: 6638, sambo: 5609 };
  var form = document.getElementById("avgiftsberakning");
  var ut = document.getElementById("resultat");
  if (!form) { return; }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var inkomst = Number(form.inkomst.value) || 0;
    var bostad = Number(form.bostad.value) || 0;
    var timmar = Number(form.timmar.value) || 0;
    var forbehall = MINIMIBELOPP[form.hushall.value] + bostad;
    var utrymme = Math.max(0, inkomst - forbehall);
    var kostnad = timmar * TIMTAXA + (form.larm.checked ? LARM : 0);
    var avgift = Math.round(Math.min(kostnad, MAXTAXA, utrymme));
    ut.textContent = "Din preliminära avgift: " + avgift.toLocaleString("sv-SE") + " kr/mån";
  });
})();
"""
