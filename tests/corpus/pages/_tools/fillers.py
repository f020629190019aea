"""Shared, hand-written sections that real home-care pages carry around the part that
matters (how to apply, complaints, contact...).  They are appended after a page's own
content to vary length and structure.

Every section here is NEUTRAL for the four confirmed items: no hemtjänst fee calculator,
no provider comparison or Äldreguiden link, no statement that the person may use the
granted time freely, and no home-care service offered without needs assessment.  Some are
deliberate near misses (fee tables, LOV lists, genomförandeplan, alarm prices).  Keep it so.
"""

FILLERS: dict[str, str] = {}

FILLERS["ansokan1"] = """\
## Så ansöker du om hemtjänst

Du ansöker om hemtjänst hos en biståndshandläggare. Det går bra att ringa kommunens kontaktcenter och be att bli kopplad, eller att skriva en ansökan på papper och skicka in den. Du kan också ansöka för någon annans räkning om du har en fullmakt.

Handläggaren kontaktar dig och bokar oftast ett hembesök. Under samtalet går ni igenom hur du har det i vardagen, vad du klarar själv och vad du behöver hjälp med. Du får gärna ha en anhörig med dig.

När utredningen är klar fattar handläggaren ett beslut. Beslutet skickas hem till dig. Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten. Handläggaren hjälper dig om du vill överklaga."""

FILLERS["ansokan2"] = """\
## Ansökan och utredning

1. Du eller en närstående kontaktar äldreomsorgens handläggare.
2. Handläggaren gör en utredning, oftast vid ett besök hemma hos dig.
3. Du får ett skriftligt beslut om vilka insatser du beviljas och hur mycket tid som behövs.
4. Beslutet skickas till den utförare som ska ge dig hjälpen, och de kontaktar dig för att planera starten.

Handläggningstiden är normalt två till fyra veckor. Om du har ett akut behov, till exempel när du skrivs ut från sjukhuset, kan beslut fattas snabbare.

Alla beslut följs upp. Handläggaren tar kontakt med dig minst en gång per år för att se om hjälpen fortfarande passar dina behov."""

FILLERS["ansokan3"] = """\
## Vill du ansöka?

Ring biståndsenheten på telefontiden så berättar vi mer. Du behöver inte veta exakt vilken hjälp du behöver när du hör av dig – det tar vi reda på tillsammans. Ansökan är kostnadsfri och du bestämmer själv om du vill ta emot de insatser du beviljas.

Efter utredningen får du ett beslut där det står vilka insatser du har rätt till. Får du avslag på hela eller delar av din ansökan får du också information om hur du överklagar."""

FILLERS["vadingar1"] = """\
## Vad kan hemtjänsten hjälpa till med?

Hemtjänst delas in i serviceinsatser och omvårdnadsinsatser.

### Serviceinsatser
- städning av de rum du använder, normalt varannan vecka
- tvätt och strykning
- inköp av dagligvaror en gång per vecka
- ärenden till apotek och post

### Omvårdnadsinsatser
- hjälp med personlig hygien och dusch
- på- och avklädning
- hjälp vid måltider
- tillsyn och trygghetsbesök
- stöd för att kunna vara ute på promenad

Vilka insatser du får står i ditt beslut och bygger på utredningen av just dina behov."""

FILLERS["vadingar2"] = """\
## Hjälp som anpassas efter dina behov

Hemtjänsten kan hjälpa dig med det praktiska i hemmet, till exempel att handla, tvätta och städa. Du kan också få hjälp med det som rör din kropp och ditt välbefinnande: att duscha, klä på dig, äta och gå på toaletten. Personalen kan komma flera gånger per dag, även kvällar och helger, om du behöver det.

Hemtjänsten gör inte storstädning, fönsterputs, snöskottning eller trädgårdsarbete. Sådana tjänster kan du köpa av privata företag."""

FILLERS["avgifttext1"] = """\
## Vad kostar hemtjänsten?

Du betalar en avgift för hemtjänst. Avgiften beror på hur mycket hjälp du får och på din inkomst. Det finns ett tak för hur mycket du som mest behöver betala per månad, den så kallade maxtaxan. För 2025 är maxtaxan 2 576 kronor per månad.

Du ska alltid ha kvar ett visst belopp att leva på när du betalat din hyra och avgiften, ett så kallat förbehållsbelopp. För att vi ska kunna räkna fram din avgift behöver du lämna uppgifter om dina inkomster och din bostadskostnad. Gör du inte det debiteras du den högsta avgiften.

Avgiftshandläggarna svarar på frågor om avgifter och fakturor vardagar klockan 9–11."""

FILLERS["avgifttabell1"] = """\
## Avgifter 2025

| Insats | Avgift |
| Hemtjänst, per timme | 376 kr |
| Trygghetslarm, per månad | 310 kr |
| Matdistribution, per portion | 72 kr |
| Dagverksamhet, per tillfälle | 60 kr |
| Högsta avgift (maxtaxa) per månad | 2 576 kr |

Avgiften för trygghetslarm och hemtjänst räknas ihop, men blir aldrig högre än maxtaxan. Kostnaden för maten ingår inte i maxtaxan."""

FILLERS["avgifttabell2"] = """\
## Taxor inom vård och omsorg

| Vad | Kostnad 2025 |
| Servicetimme (städ, tvätt, inköp) | 331 kr/timme |
| Omvårdnad i ordinärt boende | 331 kr/timme |
| Larm, inklusive larmmottagning | 265 kr/månad |
| Kortidsvistelse, måltider | 135 kr/dygn |
| Avgiftstak | 2 576 kr/månad |

Avgifterna justeras varje år efter prisbasbeloppet. [Taxor och avgifter för vård och omsorg 2025 (pdf)](/download/18.2b4c/taxor-vard-och-omsorg-2025.pdf)"""

FILLERS["lov1"] = """\
## Du kan välja utförare

I kommunen finns valfrihetssystem enligt lagen om valfrihetssystem (LOV). Det betyder att du som har beslut om hemtjänst kan välja vem som ska utföra hjälpen. Du kan välja kommunens egen hemtjänst eller något av de privata företag som kommunen har avtal med. Avgiften är densamma oavsett vem du väljer.

Godkända utförare:
- Kommunens hemtjänst, telefon 0470-41 00 00
- Attendo Hemtjänst, telefon 010-120 00 00
- Vardaga hemtjänst, telefon 010-470 10 00
- Omsorgshuset i Norden AB, telefon 08-30 45 00
- Familjära Hemtjänst AB, telefon 0771-22 33 00

Om du inte vill eller kan välja får du hjälp av kommunens hemtjänst, som är ickevalsalternativ. Du kan byta utförare när du vill; det tar ungefär två veckor."""

FILLERS["lov2"] = """\
## Valfrihet i hemtjänsten

Sedan 2011 kan du som bor i kommunen välja vilket företag som ska ge dig hemtjänst. Alla utförare har avtal med kommunen och följer samma krav på kvalitet, bemanning och kompetens. Kommunen följer upp utförarna regelbundet.

[Lista över godkända utförare (pdf)](/download/18.7a3/godkanda-utforare-hemtjanst.pdf)

Vill du byta utförare kontaktar du din biståndshandläggare. Bytet sker normalt inom fjorton dagar."""

FILLERS["klagomal1"] = """\
## Synpunkter och klagomål

Vi vill gärna veta vad du tycker om hemtjänsten. Dina synpunkter hjälper oss att bli bättre. Prata i första hand med personalen eller enhetschefen. Du kan också lämna synpunkter via kommunens e-tjänst, per brev eller genom att ringa kontaktcenter. Du kan vara anonym om du vill.

Är du inte nöjd med hur kommunen har hanterat ditt klagomål kan du vända dig till Inspektionen för vård och omsorg (IVO)."""

FILLERS["klagomal2"] = """\
## Tyck till om äldreomsorgen

Beröm, förslag eller klagomål – alla synpunkter tas emot och registreras. Den som är ansvarig för verksamheten svarar dig inom tio arbetsdagar om du har lämnat dina kontaktuppgifter.

Medarbetare i äldreomsorgen är skyldiga att rapportera missförhållanden enligt lex Sarah. Allvarliga missförhållanden anmäls till IVO."""

FILLERS["larm1"] = """\
## Trygghetslarm

Ett trygghetslarm gör att du kan kalla på hjälp dygnet runt om något händer, till exempel om du har ramlat. Larmet består av en larmknapp som du bär runt handleden eller halsen och en larmenhet som kopplas in i hemmet. När du larmar kommer du i kontakt med en larmoperatör som skickar hemtjänstpersonal till dig.

Trygghetslarmet kostar 290 kronor per månad. Ansök om trygghetslarm hos biståndshandläggaren."""

FILLERS["kontakt1"] = """\
## Kontakt

**Biståndshandläggare äldreomsorg**
Telefontid måndag–fredag 8.30–10.00
Telefon via kontaktcenter

**Avgiftshandläggare**
Telefontid tisdag och torsdag 9.00–11.00

Du kan också skicka ett meddelande via kommunens säkra e-tjänst Mina sidor."""

FILLERS["kontakt2"] = """\
## Frågor?

Har du frågor om hemtjänst är du välkommen att kontakta äldreomsorgens mottagning. Vi svarar vardagar 8–12. Om vi inte svarar direkt kan du lämna ditt namn och telefonnummer så ringer vi upp dig samma dag eller nästa vardag.

Vid akuta situationer på kvällar och helger når du socialjouren via kommunens växel."""

FILLERS["genomforande1"] = """\
## Genomförandeplan

När hemtjänsten startar kommer din kontaktperson och en enhetschef hem till dig. Tillsammans med dig gör de en genomförandeplan. Där står hur och när hjälpen ska ges, vad som är viktigt för dig och hur du vill att personalen ska göra. Planen följs upp regelbundet och ändras om något förändras. Du har rätt att ta del av din genomförandeplan."""

FILLERS["omsorgskontakt1"] = """\
## Fast omsorgskontakt

Du som har hemtjänst ska få en fast omsorgskontakt. Det är en person i personalgruppen som har ett särskilt ansvar för att du får den hjälp du behöver och som du kan vända dig till med frågor. Omsorgskontakten är med när genomförandeplanen tas fram."""

FILLERS["riktlinjer1"] = """\
## Riktlinjer

Vård- och omsorgsnämnden har beslutat om riktlinjer för handläggning inom äldreomsorgen. Riktlinjerna beskriver vilka insatser som kan beviljas och ska ge stöd för en likvärdig bedömning. De ersätter aldrig en individuell prövning.

[Riktlinjer för biståndshandläggning äldreomsorg (pdf)](/download/18.5e1/riktlinjer-bistandshandlaggning.pdf)"""

FILLERS["kvalitet1"] = """\
## Våra värdighetsgarantier

- Du ska få information om vem som kommer hem till dig.
- Personalen ska presentera sig och bära synlig namnbricka.
- Vi meddelar dig om personalen blir mer än 30 minuter försenad.
- Din genomförandeplan ska vara klar inom tre veckor från att insatsen startat.

Om vi inte håller våra garantier vill vi att du hör av dig."""

FILLERS["anhorig1"] = """\
## Stöd till anhöriga

Vårdar du en närstående? Kommunens anhörigkonsulent kan ge dig råd, samtal och information om vilket stöd som finns. Du kan delta i anhöriggrupper och föreläsningar. Avlösning i hemmet och korttidsvistelse för den du vårdar söker ni hos biståndshandläggaren."""

FILLERS["hemsjukvard1"] = """\
## Hemsjukvård

Behöver du hjälp med sjukvård i hemmet, till exempel läkemedel, såromläggning eller rehabilitering, kan du få hemsjukvård. Hemsjukvården ges av kommunens sjuksköterskor, arbetsterapeuter och fysioterapeuter i samarbete med din vårdcentral. För hemsjukvård betalar du 300 kronor per månad, som räknas in i maxtaxan."""

FILLERS["lattlast1"] = """\
## Information på andra språk

Information om hemtjänst finns på lättläst svenska, arabiska, finska, somaliska och engelska. Du har rätt till tolk när du har kontakt med handläggare. Tolken är gratis för dig.

- [Hemtjänst – lättläst (pdf)](/download/18.1d3/hemtjanst-lattlast.pdf)
- [Home care – information in English (pdf)](/download/18.1d3/home-care-english.pdf)"""

FILLERS["boende1"] = """\
## När hemtjänsten inte räcker

Om du har stora behov av vård och omsorg dygnet runt och inte längre kan bo kvar hemma, även med stöd från hemtjänsten, kan du ansöka om särskilt boende. Ett särskilt boende är en egen lägenhet med gemensamma utrymmen och personal dygnet runt. Ansökan görs hos biståndshandläggaren."""

FILLERS["mat1"] = """\
## Matdistribution

Kan du inte laga mat själv kan du få färdiglagad mat levererad hem. Maten lagas i kommunens centralkök och levereras kyld tre dagar i veckan. En portion kostar 72 kronor. Matdistribution söker du hos handläggaren."""

FILLERS["dagverksamhet1"] = """\
## Dagverksamhet

Dagverksamhet vänder sig till dig som behöver stimulans och gemenskap under dagen, till exempel om du har en demenssjukdom. Du kan vara där en eller flera dagar i veckan. Dagverksamhet är ett bistånd som du ansöker om hos handläggaren. Resor till och från dagverksamheten ingår."""

FILLERS["nyckel1"] = """\
## Nycklar och digitala lås

För att hemtjänsten ska kunna komma in till dig när du inte kan öppna själv installerar vi ett digitalt lås på insidan av din ytterdörr. Låset påverkar inte din vanliga nyckel och syns inte från utsidan. Personalen öppnar låset med en mobiltelefon, och varje öppning loggas. Du behöver alltså inte lämna ut någon nyckel.

Om du inte vill ha digitalt lås kan du i stället lämna en nyckel i ett nyckelskåp. Prata med enhetschefen om vad som passar dig."""

FILLERS["natt1"] = """\
## Hemtjänst på natten

Nattpatrullen arbetar mellan klockan 21.30 och 07.00. De gör planerade besök, till exempel tillsyn eller hjälp till toaletten, och åker ut när någon larmar. Nattpatrullen har två bilar som täcker hela kommunen. Om du har beslut om nattlig tillsyn kan den också göras med digital kamera, om du själv vill det."""

FILLERS["lakemedel1"] = """\
## Hjälp med läkemedel

Hemtjänstens personal kan hjälpa dig att ta dina läkemedel om du inte klarar det själv. Det är din läkare eller kommunens sjuksköterska som bedömer om du behöver hjälp och som delegerar uppgiften till personalen. Läkemedlen förvaras hemma hos dig, ofta i ett låst skåp. Personalen signerar varje gång de har gett dig ett läkemedel."""

FILLERS["avboka1"] = """\
## Om du inte kan ta emot besök

Ska du åka bort, läggas in på sjukhus eller få besök av anhöriga som hjälper dig? Meddela hemtjänstgruppen så snart du kan. Avbokar du senare än klockan 12 dagen före debiteras den planerade tiden. Kommer inte personalen som planerat ska de höra av sig till dig och boka en ny tid."""

FILLERS["hjalpmedel1"] = """\
## Hjälpmedel

Behöver du rullator, duschpall, förhöjd toalettstol eller annat hjälpmedel för att klara vardagen? Kontakta kommunens arbetsterapeut eller fysioterapeut. De gör en bedömning och förskriver hjälpmedel. Enklare hjälpmedel, som griptänger och strumppådragare, köper du själv i butik eller på apotek."""

FILLERS["bostadsanpassning1"] = """\
## Bostadsanpassning

Om du har en funktionsnedsättning kan du söka bidrag för att anpassa din bostad, till exempel ta bort trösklar, sätta upp stödhandtag eller byta badkar mot dusch. Bidraget söker du hos kommunens bostadsanpassningshandläggare. Du behöver ett intyg från arbetsterapeut som visar varför anpassningen behövs."""

FILLERS["demens1"] = """\
## Stöd vid demenssjukdom

Kommunen har ett demensteam med specialutbildade undersköterskor och en demenssjuksköterska. Teamet ger råd till dig som har en demenssjukdom och till dina anhöriga, och handleder hemtjänstens personal. Du når demenssjuksköterskan via kontaktcenter. Vid misstanke om demenssjukdom ska du först vända dig till din vårdcentral för utredning."""

FILLERS["forebyggande1"] = """\
## Förebyggande hembesök

Alla som fyller 80 år och inte redan har hemtjänst erbjuds ett förebyggande hembesök. En undersköterska eller sjuksköterska kommer hem till dig och pratar om hälsa, fallrisker, kost och aktiviteter, och berättar om vilket stöd kommunen har. Besöket är frivilligt och kostnadsfritt. Du får ett brev med förslag på tid."""

FILLERS["uppfoljning1"] = """\
## Uppföljning och kvalitet

Hemtjänsten följs upp på flera sätt. Enhetscheferna går igenom genomförandeplaner och avvikelser varje månad, och nämnden får en rapport om kvaliteten två gånger per år. Varje år svarar de som har hemtjänst på Socialstyrelsens nationella enkät om vad de tycker om äldreomsorgen. Resultatet används för att förbättra verksamheten."""

FILLERS["personal1"] = """\
## Personalen i hemtjänsten

De flesta som arbetar i hemtjänsten är utbildade undersköterskor. Alla medarbetare har tystnadsplikt och bär id-kort med foto. Personalen får kontinuerlig utbildning, bland annat i demensvård, läkemedelshantering och att förebygga fall. Vi arbetar för att du ska träffa så få olika personer som möjligt."""

FILLERS["overklaga1"] = """\
## Om du inte är nöjd med beslutet

Du kan överklaga beslut om bistånd. Skriv till förvaltningsrätten men skicka överklagandet till kommunen. Det ska ha kommit in inom tre veckor från den dag du fick beslutet. Skriv vilket beslut du överklagar, varför du tycker att det är fel och vilken ändring du vill ha. Handläggaren kan hjälpa dig att skriva."""

FILLERS["korttid1"] = """\
## Korttidsvistelse

Korttidsvistelse är ett tillfälligt boende, till exempel efter en sjukhusvistelse innan du kan flytta hem igen, eller för att din anhöriga ska få vila. Korttidsvistelse söker du hos biståndshandläggaren. Du betalar för maten och en omvårdnadsavgift per dygn."""

FILLERS["faktura1"] = """\
## Faktura och betalning

Avgiften faktureras månadsvis i efterskott. Du kan betala med autogiro, e-faktura eller vanlig faktura. Om du får svårt att betala, kontakta oss innan förfallodagen så kan vi hitta en lösning. Obetalda fakturor går till inkasso efter påminnelse."""

FILLERS["jamkning1"] = """\
## Höjt förbehållsbelopp

Förbehållsbeloppet kan höjas om du har en varaktig kostnad på minst 200 kronor per månad som inte ingår i normalbeloppet. Det kan vara kostnader för god man, fördyrad kost, underhåll till barn eller dubbla boendekostnader vid flytt till särskilt boende. Ansök skriftligt och bifoga underlag."""

FILLERS["aldreomsorg_intro1"] = """\
## Om äldreomsorgen i kommunen

Äldreomsorgen ansvarar för hemtjänst, hemsjukvård, trygghetslarm, dagverksamhet, korttidsvistelse och särskilda boenden. Verksamheten leds av vård- och omsorgsnämnden och har ungefär 900 anställda. Målet är att du som är äldre ska kunna leva ett värdigt liv och känna välbefinnande, oavsett var du bor.

Socialtjänstlagen säger att äldreomsorgen ska inriktas på att äldre personer får leva ett värdigt liv. Det innebär bland annat att du ska bli bemött med respekt, få din integritet respekterad och kunna påverka hur stödet ges."""

FILLERS["sekretess1"] = """\
## Sekretess och personuppgifter

Allt som rör dig och din hälsa omfattas av sekretess. Personalen får inte berätta för någon utanför verksamheten om dig eller om det de ser i ditt hem. Dina uppgifter dokumenteras i kommunens verksamhetssystem och behandlas enligt dataskyddsförordningen. Du har rätt att läsa det som skrivs om dig."""

FILLERS["sjukhus1"] = """\
## När du kommer hem från sjukhuset

Om du har varit inlagd på sjukhus och behöver stöd när du kommer hem planerar sjukhuset, vårdcentralen och kommunen din hemgång tillsammans. Ett hemgångsteam kan ge dig extra stöd de första veckorna, med sjuksköterska, arbetsterapeut och undersköterskor. Därefter görs en bedömning av vilket stöd du behöver på längre sikt."""

# Two long, document-like sections used to build the 2 000+ word pages.  Like every
# filler they stay neutral: they do not describe the form of decisions (no ramtid or
# fixed insatser), do not say that all help needs an assessment, and name no tools.

FILLERS["riktlinjer_lang"] = """\
## Riktlinjer för handläggning inom äldreomsorgen – sammanfattning

### Syfte

Riktlinjerna ska ge stöd åt handläggarna så att personer i liknande situationer bedöms på ett likvärdigt sätt, oavsett var i kommunen de bor och vilken handläggare de möter. Riktlinjerna är inte bindande och får aldrig ersätta en individuell bedömning. Den enskildes behov, önskemål och förutsättningar ska alltid vara utgångspunkten.

### Lagstiftning

Insatser till äldre ges framför allt med stöd av socialtjänstlagen. Av lagen framgår att socialtjänstens omsorg om äldre ska inriktas på att äldre personer får leva ett värdigt liv och känna välbefinnande. Äldre personer ska, om de vill, kunna bo kvar i sitt hem och ha en aktiv och meningsfull tillvaro i gemenskap med andra. Förvaltningslagen, offentlighets- och sekretesslagen och dataskyddsförordningen styr hur ärendena handläggs och dokumenteras.

### Skälig levnadsnivå

Den som inte själv kan tillgodose sina behov eller kan få dem tillgodosedda på annat sätt har rätt till bistånd för sin försörjning och för sin livsföring i övrigt. Biståndet ska tillförsäkra den enskilde en skälig levnadsnivå. Det innebär inte den högsta möjliga levnadsnivån, utan en nivå som gör det möjligt att leva ett självständigt liv med trygghet och värdighet. Den enskildes egna resurser ska beaktas, men hänsyn tas inte till vuxna barns möjligheter att hjälpa till.

### Utredning

Utredningen ska vara så omfattande som ärendet kräver, men inte mer. Handläggaren ska sträva efter att träffa den enskilde, helst i hemmet. Med den enskildes samtycke kan uppgifter hämtas från andra, till exempel hälso- och sjukvården eller anhöriga. Utredningen ska beskriva den enskildes situation, behov, resurser och mål med insatserna. Den enskilde ska få möjlighet att ta del av och lämna synpunkter på utredningen innan beslut fattas.

### Parboende och makar

När två makar eller sambor bor tillsammans ska behoven bedömas individuellt för var och en. Hushållsgemenskap innebär att sysslor som städning, tvätt och matlagning normalt delas, men om den ena inte längre kan utföra sin del kan den andra inte förväntas ta över allt. Äldre par som har levt tillsammans länge har rätt att fortsätta bo tillsammans även om den ena behöver flytta till särskilt boende.

### Bedömning av vanliga behov

Behov av hjälp med personlig omvårdnad bedöms utifrån vad den enskilde klarar själv med eller utan hjälpmedel. Behov av hjälp med städning avser normalt de rum som används dagligen. Fönsterputs, storstädning och trädgårdsarbete ingår inte. Tvätt avser personliga kläder och sängkläder. Inköp avser dagligvaror och görs normalt en gång per vecka, i första hand via leverans från butik. Behov av social samvaro och promenader bedöms utifrån den enskildes situation och risk för isolering.

### Kvarboende och trygghet

Den som vill bo kvar hemma ska få de insatser som behövs för att det ska vara möjligt, så länge det kan ske med trygghet och värdighet. När behoven är mycket omfattande och trygghet inte kan uppnås med insatser i hemmet ska särskilt boende erbjudas. Känslan av otrygghet ska vägas in i bedömningen även om den inte går att förklara med medicinska skäl.

### Uppföljning

Alla beslut ska följas upp. Uppföljningen ska visa om insatserna motsvarar behoven och om målen har uppnåtts. Uppföljning görs oftare när situationen är instabil, till exempel efter en sjukhusvistelse.

### Dokumentation och beslut

Beslut ska vara skriftliga, tydliga och motiverade. Vid avslag ska det framgå hur man överklagar. Dokumentationen ska vara saklig, respektfull och skriven så att den enskilde kan förstå den."""

FILLERS["aldreplan_lang"] = """\
## Äldreomsorgsplan 2024–2030 i korthet

### Utgångsläge

Antalet invånare som är 80 år eller äldre väntas öka med närmare 40 procent fram till 2030. Samtidigt blir det svårare att rekrytera personal, särskilt undersköterskor och sjuksköterskor. Vård- och omsorgsnämnden har därför tagit fram en plan för hur äldreomsorgen ska utvecklas de kommande åren. Planen har arbetats fram i dialog med pensionärsrådet, medarbetare och anhöriga.

### Mål 1: Fler ska kunna leva ett aktivt liv hemma

Vi ska satsa mer på förebyggande insatser, som träffpunkter, fallprevention och hälsosamtal. Hemtjänsten ska arbeta rehabiliterande, så att den som får hjälp behåller och utvecklar sina förmågor. Alla nya kunder i hemtjänsten ska erbjudas en bedömning av arbetsterapeut eller fysioterapeut de första veckorna.

### Mål 2: Kontinuitet och trygghet

Den som har hemtjänst ska möta så få olika personer som möjligt. Hemtjänsten ska organiseras i mindre team med fasta geografiska områden. Målet är att en person med hemtjänst ska möta högst tolv olika medarbetare under en tvåveckorsperiod. Fast omsorgskontakt ska vara infört fullt ut.

### Mål 3: Kompetens och arbetsmiljö

Alla tillsvidareanställda i omsorgen ska ha undersköterskeutbildning senast 2028. Vi erbjuder betald utbildning via äldreomsorgslyftet. Delade turer ska avskaffas och heltid ska vara norm. Chefer ska inte ha fler än 30 medarbetare.

### Mål 4: Digitalisering som gör skillnad

Välfärdsteknik som digitala lås, nattkameror, läkemedelsrobotar och videosamtal ska användas där den ger ökad självständighet eller trygghet, och alltid med den enskildes samtycke. Teknik ska frigöra tid för möten mellan människor, inte ersätta dem.

### Mål 5: Boende för äldre

Behovet av platser på särskilt boende beräknas öka med omkring 80 platser till 2030. Ett nytt vård- och omsorgsboende planeras i centralorten. Samtidigt ska fler mellanboenden, som trygghetsboenden, byggas i samarbete med det kommunala bostadsbolaget.

### Mål 6: Stöd till anhöriga

Anhöriga gör en mycket stor insats. Anhörigstödet ska bli mer känt och lättare att nå. Stödet ska anpassas till olika gruppers behov, till exempel yngre anhöriga och anhöriga som arbetar.

### Uppföljning av planen

Planen följs upp varje år i nämndens verksamhetsberättelse. Uppföljningen bygger på nyckeltal från Socialstyrelsen och Kolada, på egna mätningar och på dialog med pensionärsrådet. Planen revideras 2027.

### Ekonomi

Planen ska genomföras inom de ekonomiska ramar som kommunfullmäktige beslutar om. Vissa satsningar, som utbildning av personal, finansieras delvis med statsbidrag."""
