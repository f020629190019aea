"""Swedish text banks for the generated municipal sites.

Placeholders filled by the generator: {kommun} (name), {kommuns} (genitive), {tel} (care
phone), {vaxel} (switchboard), {epost} (care e-mail domain part), {ar} (year), {maxtaxa},
{alder} (age limit), {timmar} (hours per month), {slug}.
"""

from __future__ import annotations

NAME_PREFIXES = [
    "Björk",
    "Ek",
    "Lind",
    "Gran",
    "Asp",
    "Al",
    "Sjö",
    "Berg",
    "Dal",
    "Hav",
    "Norr",
    "Sunn",
    "Väst",
    "Öst",
    "Rön",
    "Hassel",
    "Fur",
    "Tall",
    "Ljung",
    "Mos",
    "Stor",
    "Lill",
    "Myr",
    "Klint",
    "Sand",
    "Sten",
    "Älv",
    "Hed",
    "Åker",
    "Lövs",
    "Sälg",
    "Hägg",
    "Ros",
    "Lilje",
    "Vit",
    "Svart",
    "Gull",
    "Silver",
    "Kopp",
    "Järn",
    "Skog",
    "Mad",
    "Kärr",
    "Strand",
]
NAME_SUFFIXES = [
    "ås",
    "vik",
    "köping",
    "by",
    "holm",
    "sjö",
    "dal",
    "berg",
    "hult",
    "näs",
    "stad",
    "torp",
    "fors",
    "ryd",
    "hamn",
    "mark",
    "lunda",
    "sund",
    "inge",
    "boda",
    "tuna",
    "bro",
    "målen",
    "ö",
    "sta",
    "arp",
    "åker",
    "fjärd",
]
# combinations that are (or sound too much like) real municipalities
REAL_NAMES = {
    "Eksjö",
    "Ljungby",
    "Borås",
    "Tranås",
    "Sandviken",
    "Ängelholm",
    "Mark",
    "Älvsbyn",
    "Hedemora",
    "Bergsjö",
    "Ekerö",
    "Storfors",
    "Norrköping",
    "Stenungsund",
    "Sunne",
    "Älvdalen",
    "Dalby",
}

# --- site chrome ---------------------------------------------------------------------------

TOP_SECTIONS = [
    (
        "Förskola och skola",
        [
            "Förskola",
            "Grundskola",
            "Fritidshem",
            "Skolval",
            "Skolskjuts",
            "Skolmat",
            "Gymnasieskola",
            "Vuxenutbildning",
            "Svenska för invandrare",
            "Avgifter för förskola",
        ],
    ),
    (
        "Bygga, bo och miljö",
        [
            "Bygglov",
            "Detaljplaner",
            "Avfall och återvinning",
            "Vatten och avlopp",
            "Miljö och hälsoskydd",
            "Energi- och klimatrådgivning",
            "Kartor och mätning",
            "Bostadsanpassning",
            "Brandskydd och sotning",
        ],
    ),
    (
        "Kultur och fritid",
        [
            "Bibliotek",
            "Badhus och simhall",
            "Idrottsanläggningar",
            "Föreningsstöd",
            "Kulturskola",
            "Friluftsliv och naturreservat",
            "Evenemang",
            "Ungdomens hus",
        ],
    ),
    (
        "Kommun och politik",
        [
            "Kommunfullmäktige",
            "Kommunstyrelsen",
            "Nämnder",
            "Protokoll och handlingar",
            "Budget och årsredovisning",
            "Val",
            "Synpunkter och felanmälan",
            "Kontakta kommunen",
            "Lediga jobb",
            "Press och media",
            "Allmänna handlingar",
        ],
    ),
    (
        "Trafik och infrastruktur",
        [
            "Gator och vägar",
            "Parkering",
            "Snöröjning och halkbekämpning",
            "Kollektivtrafik",
            "Gång- och cykelvägar",
            "Trafiksäkerhet",
        ],
    ),
    (
        "Näringsliv och arbete",
        [
            "Starta företag",
            "Upphandling",
            "Serveringstillstånd",
            "Mark för företag",
            "Arbetsmarknadsinsatser",
        ],
    ),
]

# other care pages (siblings of the home-care chain)
CARE_OTHER = [
    "Särskilt boende",
    "Anhörigstöd",
    "Dagverksamhet",
    "Stöd vid funktionsnedsättning",
    "Ekonomiskt bistånd",
    "Individ- och familjeomsorg",
    "Missbruk och beroende",
    "Våld i nära relationer",
    "Färdtjänst",
    "Hemsjukvård",
    "Mötesplatser för seniorer",
    "Trygghetsboende",
    "Korttidsvistelse",
    "Dödsfall och begravning",
]

CARE_TOP_WORDS = ["Omsorg och stöd", "Vård och omsorg", "Stöd och omsorg", "Omsorg, vård och stöd"]
CARE_TOP_WORDS_DIRECT = ["Äldreomsorg", "Senior", "Äldre", "Hjälp i hemmet"]  # depth 2 tops
CARE_MID_WORDS = ["Äldreomsorg", "Äldre", "Senior", "Stöd till äldre", "Hjälp i hemmet"]
CARE_LOW_WORDS = ["Stöd i hemmet", "Hjälp i hemmet", "Bo kvar hemma", "Hjälp och stöd i hemmet"]
HOME_CARE_TITLES = [
    "Hemtjänst",
    "Hemtjänst",
    "Hemtjänst",
    "Hemtjänst i ordinärt boende",
    "Hjälp i hemmet – hemtjänst",
]

FOOTER_LINKS = [
    "Om webbplatsen",
    "Tillgänglighetsredogörelse",
    "Kakor (cookies)",
    "Behandling av personuppgifter",
]

NEWS_TITLES = [
    "Nu öppnar simhallen igen efter renoveringen",
    "Ny detaljplan för centrum ute på samråd",
    "Sommarlovsaktiviteter för barn och unga",
    "Kommunen bygger nytt äldreboende i {kommun}",
    "Tyck till om den nya cykelplanen",
    "Biblioteket utökar sina öppettider",
    "Vattenläcka på Storgatan – reparation pågår",
    "Välkommen på medborgardialog om skolans framtid",
    "Nu kan du ansöka om föreningsbidrag",
    "Kommunens årsredovisning visar överskott",
    "Julmarknad på torget första advent",
    "Ny återvinningscentral invigd",
    "Snart startar höstens kurser på kulturskolan",
    "Trafikomläggning vid järnvägsstationen",
    "Prisad satsning på skolmåltider",
    "Seniordagen {ar} – program och anmälan",
]

GENERIC_SENTENCES = [
    "Har du frågor är du välkommen att kontakta kommunens kontaktcenter.",
    "Informationen på den här sidan uppdateras löpande.",
    "Du hittar fler blanketter och e-tjänster under Självservice.",
    "Kommunen arbetar för att det ska vara enkelt att komma i kontakt med oss.",
    "Läs mer om hur vi behandlar dina personuppgifter på sidan om dataskydd.",
    "Vi strävar efter att svara på frågor inom två arbetsdagar.",
    "Kontaktcenter har öppet vardagar klockan 8–16.",
    "Vid akuta ärenden utanför kontorstid kan du ringa vår jourtelefon.",
    "På den här sidan har vi samlat den viktigaste informationen.",
    "Beslut fattas av den nämnd som ansvarar för verksamheten.",
    "Taxor och avgifter beslutas av kommunfullmäktige varje år.",
    "Du kan också besöka oss i kommunhuset under ordinarie öppettider.",
]

TOPIC_SENTENCES: dict[str, list[str]] = {
    "Förskola": [
        "Förskolan är till för barn från ett års ålder tills de börjar förskoleklass.",
        "Du ansöker om plats i förskola via e-tjänsten senast fyra månader innan du behöver platsen.",
        "I {kommun} finns både kommunala och fristående förskolor.",
        "Alla barn har rätt till 15 timmar i veckan i allmän förskola från hösten det år barnet fyller tre år.",
    ],
    "Grundskola": [
        "Grundskolan omfattar förskoleklass och årskurs 1–9.",
        "Du har rätt att önska vilken skola ditt barn ska gå i.",
        "Skolorna i {kommun} arbetar med att alla elever ska nå målen.",
    ],
    "Avgifter för förskola": [
        "Du betalar avgift för tolv månader per år.",
        "Ändrad inkomst ska anmälas via e-tjänsten för barnomsorg.",
    ],
    "Bygglov": [
        "Du behöver bygglov för att bygga nytt, bygga till eller ändra användningen av en byggnad.",
        "Vissa åtgärder, som attefallshus, kräver bara en anmälan.",
        "Handläggningstiden är normalt upp till tio veckor från det att ansökan är komplett.",
        "Avgiften för bygglov beräknas enligt kommunens plan- och bygglovstaxa.",
    ],
    "Avfall och återvinning": [
        "Hushållsavfallet hämtas varannan vecka.",
        "Grovavfall, farligt avfall och elavfall lämnar du på återvinningscentralen.",
        "Matavfall sorteras i den bruna påsen.",
        "Avfallstaxan består av en grundavgift och en hämtningsavgift.",
    ],
    "Vatten och avlopp": [
        "Kommunen ansvarar för det allmänna vatten- och avloppsnätet.",
        "VA-taxan består av anläggningsavgift och brukningsavgift.",
        "Vid driftstörningar informerar vi på startsidan och via sms.",
    ],
    "Brandskydd och sotning": [
        "Kontrollera ditt brandlarm en gång i månaden genom att trycka på testknappen.",
        "Sotning och brandskyddskontroll utförs enligt fastställda frister.",
    ],
    "Bibliotek": [
        "Biblioteket är en mötesplats för alla med böcker, tidningar, film och datorer.",
        "Med ett lånekort kan du låna upp till 50 medier.",
        "Meröppet innebär att du kan besöka biblioteket även när det är obemannat.",
    ],
    "Badhus och simhall": [
        "I simhallen finns en 25-metersbassäng, undervisningsbassäng och bastu.",
        "Simskola för barn startar varje termin.",
    ],
    "Föreningsstöd": [
        "Ideella föreningar kan söka bidrag för verksamhet för barn och unga.",
        "Ansökan ska vara inne senast den 1 mars.",
    ],
    "Kommunfullmäktige": [
        "Kommunfullmäktige är kommunens högsta beslutande organ.",
        "Sammanträdena är öppna för allmänheten och sänds på webben.",
        "Fullmäktige består av 49 ledamöter.",
    ],
    "Protokoll och handlingar": [
        "Här publiceras kallelser, handlingar och protokoll från nämnder och fullmäktige.",
        "Protokollen justeras normalt inom två veckor efter sammanträdet.",
    ],
    "Synpunkter och felanmälan": [
        "Har du sett en trasig gatlampa eller ett hål i vägen? Gör en felanmälan i vår e-tjänst.",
        "Du kan lämna synpunkter på gator, parker och lekplatser.",
    ],
    "Kontakta kommunen": [
        "Kommunens växel nås på telefon {vaxel}.",
        "Kontaktcenter svarar på frågor om alla kommunens verksamheter.",
        "Du kan också skicka e-post till kommunen@{epost}.",
    ],
    "Lediga jobb": [
        "Vi är en av de största arbetsgivarna i {kommun}.",
        "Alla lediga tjänster annonseras på vår rekryteringssida.",
    ],
    "Parkering": [
        "Avgiftsbelagd parkering gäller i centrum vardagar 9–18.",
        "Du som har rörelsehinder kan ansöka om parkeringstillstånd.",
    ],
    "Snöröjning och halkbekämpning": [
        "Gång- och cykelvägar prioriteras vid snöfall.",
        "Fastighetsägare ansvarar för att skotta trottoaren utanför tomten.",
    ],
    "Färdtjänst": [
        "Färdtjänst är ett komplement till kollektivtrafiken för dig med funktionsnedsättning.",
    ],
    "Särskilt boende": [
        "Särskilt boende är för dig som har behov av omsorg dygnet runt.",
        "Du ansöker om särskilt boende hos en biståndshandläggare.",
        "Hyran för lägenheten på äldreboendet betalar du separat.",
    ],
    "Anhörigstöd": [
        "Vårdar du en närstående? Anhörigkonsulenten erbjuder samtal, information och träffar.",
        "Anhöriga kan få avlösning i hemmet utan kostnad upp till åtta timmar per månad efter beslut.",
    ],
    "Stöd vid funktionsnedsättning": [
        "Stöd enligt LSS kan vara till exempel daglig verksamhet, ledsagarservice och korttidsvistelse.",
    ],
    "Ekonomiskt bistånd": [
        "Ekonomiskt bistånd är ett tillfälligt stöd när du inte kan försörja dig på annat sätt.",
        "Du ansöker om ekonomiskt bistånd via e-tjänst.",
    ],
    "Hemsjukvård": [
        "Hemsjukvård ges till dig som inte kan ta dig till vårdcentralen.",
        "Sjuksköterskor, arbetsterapeuter och fysioterapeuter arbetar i hemsjukvården.",
    ],
    "Mötesplatser för seniorer": [
        "På träffpunkterna kan du äta lunch, delta i aktiviteter och träffa andra.",
        "Programmet för hösten finns att hämta på träffpunkterna.",
    ],
    "Dagverksamhet": [
        "Dagverksamhet är för dig med demenssjukdom som bor hemma.",
        "Verksamheten erbjuder gemenskap, aktiviteter och måltider.",
    ],
    "Trygghetsboende": [
        "Trygghetsboende är för dig som är 70 år eller äldre och vill bo i en gemenskap.",
        "Lägenheterna hyrs ut via det kommunala bostadsbolaget.",
    ],
}

START_INTRO = [
    "Välkommen till {kommuns} webbplats. Här hittar du information om kommunens service och verksamheter.",
    "{kommun} – en kommun för alla åldrar. Här finns information om skola, omsorg, boende och fritid.",
    "Välkommen till {kommun}! Hitta snabbt e-tjänster, nyheter och kontaktuppgifter.",
]

# --- home care ------------------------------------------------------------------------------

HOME_CARE_INTRO = [
    "Hemtjänst är till för dig som på grund av ålder, sjukdom eller funktionsnedsättning behöver stöd för att kunna bo kvar i ditt hem.",
    "Om du har svårt att klara vardagen på egen hand kan du få hemtjänst.",
    "Hemtjänsten finns i hela {kommun} och arbetar alla dagar i veckan.",
    "Målet är att du ska kunna leva ett självständigt och tryggt liv i din egen bostad.",
]

SECTION_INTRO = [
    "Här hittar du information om stöd och hjälp för dig som är äldre eller har en funktionsnedsättning.",
    "Kommunen erbjuder stöd och omsorg så att du kan leva ett tryggt och självständigt liv.",
    "Välj ett område nedan för att läsa mer.",
]

# item -> list of (heading, [paragraphs]); positive statements
POSITIVE: dict[str, list[tuple[str, list[str]]]] = {
    "how_to_apply": [
        (
            "Så ansöker du om hemtjänst",
            [
                "Du ansöker om hemtjänst genom att kontakta en biståndshandläggare. Handläggaren utreder ditt behov, ofta vid ett hembesök, och fattar sedan ett beslut.",
                "Du får beslutet skriftligt. Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten.",
            ],
        ),
        (
            "Ansökan och beslut",
            [
                "Vill du ansöka om hemtjänst kontaktar du äldreomsorgens handläggare per telefon eller skriver en ansökan. Efter ansökan gör handläggaren en utredning tillsammans med dig.",
                "När utredningen är klar fattar handläggaren beslut om vilken hjälp du har rätt till enligt socialtjänstlagen. Därefter kontaktar hemtjänsten dig för att planera starten.",
            ],
        ),
        (
            "Hur går det till?",
            [
                "1. Du eller en anhörig kontaktar biståndshandläggaren och berättar om ditt behov. 2. Handläggaren gör en utredning, oftast vid ett hembesök. 3. Du får ett skriftligt beslut. 4. Hemtjänsten startar och ni gör en genomförandeplan.",
            ],
        ),
    ],
    "e_application": [
        (
            "Ansök via e-tjänst",
            [
                "Du kan ansöka om hemtjänst direkt via vår e-tjänst. Logga in med BankID, fyll i ansökan om bistånd för hemtjänst och skicka in den.",
            ],
        ),
        (
            "E-tjänst: Ansökan om hemtjänst",
            [
                "Använd e-tjänsten Ansökan om hemtjänst för att ansöka digitalt. Du kan också följa ditt ärende i e-tjänsten.",
            ],
        ),
    ],
    "fee_info": [
        (
            "Avgift för hemtjänst",
            [
                "Avgiften för hemtjänst beror på din inkomst och hur många timmar hjälp du får. Timtaxan är 350 kronor.",
                "Avgiften kan aldrig bli högre än maxtaxan, som är {maxtaxa} kronor per månad år {ar}. Du har alltid rätt att behålla ett förbehållsbelopp för dina levnadskostnader.",
                "För att vi ska kunna räkna fram din avgift behöver du lämna in en inkomstförfrågan (avgiftsunderlag). Lämnar du inte in uppgifterna debiteras maxtaxan.",
            ],
        ),
        (
            "Vad kostar hemtjänst?",
            [
                "Du betalar en avgift för den hemtjänst du får. Avgiften bestäms utifrån ditt avgiftsutrymme, det vill säga det som är kvar av din inkomst när förbehållsbeloppet och boendekostnaden är avräknade.",
                "Högsta avgift (maxtaxa) för hemtjänst är {maxtaxa} kr per månad.",
            ],
        ),
        (
            "Avgifter inom äldreomsorgen {ar}",
            [
                "Hemtjänst, timavgift: 350 kr per timme. Dagverksamhet: 60 kr per dag. Högsta avgift per månad (maxtaxa): {maxtaxa} kr.",
                "Minimibelopp för ensamstående: 6 918 kr per månad. Avgiften räknas om varje år i januari.",
            ],
        ),
    ],
    "fee_calculator": [
        (
            "Räkna ut din avgift",
            [
                "Med vår avgiftskalkyl kan du beräkna din preliminära avgift för hemtjänst. Fyll i din inkomst, din boendekostnad och hur många timmar hjälp du har.",
            ],
        ),
        (
            "Beräkna din preliminära avgift",
            [
                "I räknesnurran nedan kan du själv räkna fram vad hemtjänsten preliminärt kommer att kosta dig per månad.",
            ],
        ),
    ],
    "provider_choice": [
        (
            "Välj utförare",
            [
                "I {kommun} finns valfrihet i hemtjänsten enligt lagen om valfrihetssystem (LOV). Det betyder att du själv kan välja vem som ska utföra din hemtjänst.",
                "Du kan välja mellan kommunens egen hemtjänst och godkända privata utförare. Om du inte vill eller kan välja får du ett så kallat ickevalsalternativ.",
            ],
        ),
        (
            "Valfrihet i hemtjänsten",
            [
                "När du har fått beslut om hemtjänst får du välja utförare bland de företag som kommunen har godkänt. Du kan byta utförare när du vill, med två veckors varsel.",
            ],
        ),
    ],
    "provider_comparison": [
        (
            "Jämför utförare",
            [
                "Du kan jämföra hemtjänstens kvalitet i Socialstyrelsens Äldreguiden. Där ser du till exempel hur nöjda kunderna är och hur många olika personal som besöker en kund under 14 dagar.",
            ],
        ),
        (
            "Jämför hemtjänsten",
            [
                "Använd Äldreguiden för att jämföra hemtjänstverksamheter i {kommun} och i andra kommuner. Resultaten bygger på brukarundersökningen Vad tycker de äldre om äldreomsorgen?",
            ],
        ),
    ],
    "service_content": [
        (
            "Vad kan hemtjänst vara?",
            [
                "Hemtjänst kan vara serviceinsatser som städning, tvätt, inköp och ärenden på bank eller apotek.",
                "Hemtjänst kan också vara omvårdnadsinsatser, till exempel hjälp med personlig hygien, på- och avklädning, måltider, förflyttning och tillsyn.",
            ],
        ),
        (
            "Detta ingår i hemtjänsten",
            [
                "Serviceinsatser: städning av bostaden varannan vecka, tvätt, inköp av dagligvaror och matdistribution. Omvårdnad: hjälp att duscha, klä dig, äta, gå på toaletten och följeslagning till exempelvis läkarbesök.",
            ],
        ),
    ],
    "complaints": [
        (
            "Synpunkter och klagomål",
            [
                "Är du inte nöjd med hemtjänsten vill vi gärna veta det. Lämna dina synpunkter och klagomål via vår e-tjänst, per telefon eller brev till vård- och omsorgsförvaltningen.",
                "Du kan också vända dig till Inspektionen för vård och omsorg (IVO). All personal är skyldig att rapportera missförhållanden enligt lex Sarah.",
            ],
        ),
        (
            "Lämna synpunkter på vård och omsorg",
            [
                "Dina synpunkter och klagomål hjälper oss att förbättra verksamheten. Du kan vara anonym. Vi återkommer inom tio arbetsdagar om du har lämnat kontaktuppgifter.",
            ],
        ),
    ],
    "contact_info": [
        (
            "Kontakta biståndshandläggare",
            [
                "Biståndshandläggarna för äldreomsorg nås på telefon {tel}, telefontid måndag–fredag kl. 8.30–9.30.",
                "E-post: bistand.aldre@{epost}",
            ],
        ),
        (
            "Kontakt",
            [
                "Handläggningsenheten äldreomsorg: telefon {tel} (telefontid vardagar 9–10). Du kan också lämna ett meddelande via kontaktcenter så ringer handläggaren upp.",
            ],
        ),
    ],
    "fast_omsorgskontakt": [
        (
            "Fast omsorgskontakt",
            [
                "När du har hemtjänst får du en fast omsorgskontakt. Det är en person i hemtjänstgruppen som har särskilt ansvar för dig och som du kan vända dig till med frågor.",
            ],
        ),
        (
            "Din kontaktman",
            [
                "Alla som har hemtjänst får en kontaktman i hemtjänsten. Kontaktmannen ansvarar för att din genomförandeplan följs och är din fasta omsorgskontakt.",
            ],
        ),
    ],
    "easy_read_or_languages": [
        (
            "Lättläst om hemtjänst",
            [
                "Hemtjänst är hjälp hemma. Du kan få hjälp att städa, handla och duscha. Du ansöker hos kommunen. Det kostar pengar. Läs mer på lättläst svenska.",
            ],
        ),
        (
            "Information på andra språk",
            [
                "Information om hemtjänst finns på flera språk: Home care in English, Kotipalvelu suomeksi, معلومات عن الخدمة المنزلية بالعربية och Pomoc domowa po polsku.",
            ],
        ),
    ],
    "assessment_guidelines": [
        (
            "Riktlinjer för biståndshandläggning",
            [
                "Socialnämnden har beslutat om riktlinjer för biståndshandläggning inom äldreomsorgen. Riktlinjerna beskriver hur behov utreds och vilken nivå på insatser som normalt beviljas.",
            ],
        ),
        (
            "Riktlinjer och styrdokument",
            [
                "Här kan du läsa riktlinjerna för handläggning inom äldreomsorgen, antagna av vård- och omsorgsnämnden {ar}.",
            ],
        ),
    ],
    "quality_guarantees": [
        (
            "Kvalitetsgarantier för hemtjänsten",
            [
                "Vi garanterar att du får besök av högst 12 olika personal under en 14-dagarsperiod, att personalen kommer inom 30 minuter från överenskommen tid och att din genomförandeplan är klar inom tre veckor.",
                "Om vi inte håller våra garantier kan du kontakta enhetschefen.",
            ],
        ),
        (
            "Lokal värdighetsgaranti",
            [
                "Vård- och omsorgsnämnden har antagit lokala värdighetsgarantier för hemtjänsten. Du ska bland annat bli bemött med respekt, få information om förändringar i förväg och kunna påverka när hjälpen ges.",
            ],
        ),
    ],
    "safety_alarm": [
        (
            "Trygghetslarm",
            [
                "Ett trygghetslarm gör att du kan larma dygnet runt om du behöver hjälp i hemmet. Larmet består av en larmknapp som du bär runt handleden och en larmenhet.",
                "Du ansöker om trygghetslarm hos biståndshandläggaren. Avgiften är 250 kronor per månad.",
            ],
        ),
        (
            "Trygghetslarm i hemmet",
            [
                "När du trycker på larmknappen kopplas du till larmcentralen som kontaktar hemtjänsten. Trygghetslarmet installeras av kommunens larmgrupp.",
            ],
        ),
    ],
    "flexibility_policy": [
        (
            "Du bestämmer över din tid",
            [
                "I {kommun} beviljas hemtjänst som ramtid. Det innebär att du själv bestämmer vad tiden ska användas till inom ramen för ditt beslut. Du kan byta en insats mot en annan och fördela dina timmar över månaden.",
            ],
        ),
        (
            "Rambeslut i hemtjänsten",
            [
                "Vi arbetar med rambeslut: du beviljas ett antal timmar per månad och bestämmer tillsammans med personalen hur och när timmarna används. Vill du hellre ta en promenad än att städa en vecka går det bra.",
            ],
        ),
    ],
    "no_needs_assessment": [
        (
            "Service utan biståndsbeslut",
            [
                "Är du {alder} år eller äldre kan du få serviceinsatser utan biståndsbeslut, så kallat förenklat beslutsfattande enligt socialtjänstlagen 4 kap. 2 a §.",
                "Du kan få hjälp med städning, tvätt och inköp upp till {timmar} timmar per månad. Du behöver inte göra någon ansökan eller behovsprövning – kontakta bara hemtjänsten.",
            ],
        ),
        (
            "Servicetimmar för dig över {alder}",
            [
                "Alla invånare som fyllt {alder} år kan få {timmar} servicetimmar i månaden utan behovsprövning. Tiden kan användas till städning, tvätt, inköp eller promenader.",
            ],
        ),
    ],
}

# item -> near-miss paragraphs (text that resembles the item but must not count)
NEAR_MISS: dict[str, list[str]] = {
    "fee_calculator": [
        "Så beräknas din avgift: avgiften räknas ut utifrån din inkomst, din boendekostnad och förbehållsbeloppet. Kontakta avgiftshandläggaren om du vill ha hjälp med beräkningen.",
        "Avgiftstabell hemtjänst {ar}: 1–5 timmar 1 100 kr, 6–10 timmar 2 000 kr, över 10 timmar {maxtaxa} kr (maxtaxa).",
    ],
    "provider_comparison": [
        "Följande utförare är godkända för hemtjänst i {kommun}: Kommunens hemtjänst, Omsorgsgruppen Norr AB och Trygga Händer Hemtjänst AB.",
        "I Öppna jämförelser redovisar Socialstyrelsen statistik om äldreomsorgen i alla kommuner.",
    ],
    "flexibility_policy": [
        "Tillsammans med dig gör vi en genomförandeplan där det står hur och när hjälpen ska ges. Vi planerar tillsammans med dig.",
        "Du kan påverka hur hjälpen utförs genom att prata med personalen. Personalen kan vara flexibel med besökstiderna.",
    ],
    "no_needs_assessment": [
        "Trygghetslarm och matdistribution kan du få utan behovsprövning om du är över 80 år.",
        "Under 2022 pågick ett försök med städning utan biståndsbedömning. Försöket avslutades 2023.",
        "Kommunen utreder möjligheten att i framtiden erbjuda vissa insatser utan behovsprövning.",
        "Vill du ha hjälp med städning utan att ansöka hos kommunen kan du anlita ett privat företag och få RUT-avdrag.",
    ],
    "how_to_apply": [
        "Ansök",
    ],
    "e_application": [
        "Blankett: Ansökan om bistånd (PDF). Skriv ut blanketten och skicka den till vård- och omsorgsförvaltningen.",
        "Logga in på Mina sidor för att se dina fakturor.",
    ],
    "fee_info": [
        "Avgifterna för barnomsorg följer maxtaxan.",
    ],
    "provider_choice": [
        "Du kan önska vilket särskilt boende du vill bo på.",
    ],
    "service_content": [
        "Kommunen erbjuder hemtjänst och annat stöd.",
    ],
    "complaints": [
        "Välkommen att kontakta oss om du har frågor.",
    ],
    "contact_info": [
        "Kommunens växel: {vaxel}.",
    ],
    "fast_omsorgskontakt": [
        "Kontakta oss gärna om du har frågor om hemtjänsten.",
    ],
    "easy_read_or_languages": [
        "Translate – välj språk i menyn för att översätta sidan automatiskt.",
    ],
    "assessment_guidelines": [
        "Handläggningen sker enligt socialtjänstlagen och kommunens riktlinjer.",
    ],
    "quality_guarantees": [
        "Vi arbetar ständigt med kvalitet och utveckling inom hemtjänsten.",
    ],
    "safety_alarm": [
        "Glöm inte att testa ditt brandlarm regelbundet.",
    ],
}

# item -> title of the sub-page that naturally carries it (several sites use the main page)
CARRIER_TITLES: dict[str, list[str]] = {
    "how_to_apply": ["Ansök om hemtjänst", "Så ansöker du"],
    "e_application": ["Ansök om hemtjänst", "Så ansöker du"],
    "fee_info": ["Avgifter för hemtjänst", "Avgifter inom äldreomsorgen", "Vad kostar hemtjänst?"],
    "fee_calculator": [
        "Avgifter för hemtjänst",
        "Avgifter inom äldreomsorgen",
        "Vad kostar hemtjänst?",
    ],
    "provider_choice": ["Välj utförare", "Valfrihet i hemtjänsten"],
    "provider_comparison": ["Välj utförare", "Valfrihet i hemtjänsten"],
    "service_content": ["Vad ingår i hemtjänst?", "Så fungerar hemtjänsten"],
    "flexibility_policy": ["Så fungerar hemtjänsten", "Vad ingår i hemtjänst?"],
    "fast_omsorgskontakt": ["Så fungerar hemtjänsten", "Vad ingår i hemtjänst?"],
    "no_needs_assessment": ["Service utan biståndsbeslut", "Servicetjänster för seniorer"],
    "safety_alarm": ["Trygghetslarm"],
    "complaints": ["Synpunkter och klagomål", "Synpunkter på vård och omsorg"],
    "contact_info": ["Kontakt äldreomsorg", "Kontakta biståndshandläggare"],
    "easy_read_or_languages": ["Lättläst om hemtjänst", "Other languages – andra språk"],
    "assessment_guidelines": ["Riktlinjer och styrdokument", "Riktlinjer för biståndshandläggning"],
    "quality_guarantees": ["Kvalitetsgarantier", "Värdighetsgarantier"],
}

# sub-pages that may sit beside the home-care page instead of under it
SIBLING_ITEMS = {
    "safety_alarm",
    "no_needs_assessment",
    "complaints",
    "contact_info",
    "assessment_guidelines",
}

PDF_TITLES: dict[str, list[str]] = {
    "fee_info": ["Taxor och avgifter {ar}", "Avgifter inom vård och omsorg {ar}"],
    "assessment_guidelines": [
        "Riktlinjer för biståndshandläggning äldreomsorg",
        "Riktlinjer handläggning SoL",
    ],
    "quality_guarantees": ["Kvalitetsdeklaration hemtjänst", "Värdighetsgarantier"],
    "service_content": ["Broschyr om hemtjänst", "Information om hemtjänsten"],
    "flexibility_policy": ["Broschyr om hemtjänst", "Information om hemtjänsten"],
    "easy_read_or_languages": ["Hemtjänst lättläst", "Home care information in English"],
    "fast_omsorgskontakt": ["Information om hemtjänsten"],
    "no_needs_assessment": ["Informationsblad servicetimmar"],
}
PDF_ITEMS = tuple(PDF_TITLES)

PROVIDERS = [
    "Kommunens hemtjänst",
    "Omsorgsgruppen Norr AB",
    "Trygga Händer Hemtjänst AB",
    "Vardagshjälpen i {kommun} AB",
    "Hemomsorg Syd AB",
    "Nära Omsorg AB",
]

LANG_PAGES = [
    (
        "English",
        "en",
        "Home care",
        "Home care (hemtjänst) is help in your home if you find it hard to manage on your own. Contact a needs assessor to apply.",
    ),
    (
        "Suomi",
        "fi",
        "Kotipalvelu",
        "Kotipalvelu on apua kotona. Voit hakea kotipalvelua kunnan avustuskäsittelijältä.",
    ),
    (
        "العربية",
        "ar",
        "الخدمة المنزلية",
        "الخدمة المنزلية هي مساعدة في منزلك. تواصل مع مسؤول المساعدات لتقديم طلب.",
    ),
]

# topic -> (item, sentence): decoys placed on unrelated pages, recorded as near misses
DECOYS: dict[str, tuple[str, str]] = {
    "Brandskydd och sotning": (
        "safety_alarm",
        "Räddningstjänsten rekommenderar brandvarnare i varje rum. Ett inbrottslarm kopplat till larmcentral ger extra trygghet när du är bortrest.",
    ),
    "Stöd vid funktionsnedsättning": (
        "fast_omsorgskontakt",
        "En kontaktperson enligt LSS är en medmänniska som kan bryta isolering och ge stöd i vardagen.",
    ),
    "Avgifter för förskola": (
        "fee_info",
        "Avgiften för förskola och fritidshem följer maxtaxan och beror på hushållets inkomst. Högsta avgift är 1 688 kronor per månad.",
    ),
    "Färdtjänst": (
        "how_to_apply",
        "Du ansöker om färdtjänst hos kommunens färdtjänsthandläggare. Handläggaren utreder ditt behov och fattar beslut.",
    ),
    "Synpunkter och felanmälan": (
        "complaints",
        "Har du synpunkter på gator, parker eller lekplatser? Lämna dem i vår e-tjänst för felanmälan.",
    ),
}
