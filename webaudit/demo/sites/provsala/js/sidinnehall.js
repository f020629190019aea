/* Provsala kommun – sidinnehåll från publiceringssystemet (renderas i webbläsaren) */
(function () {
  "use strict";
  var innehall = {
    hemtjanst: [
      { rubrik: null, text: "<p class=\"ingress\">Hemtjänst är stöd i ditt eget hem för dig som behöver hjälp för att klara vardagen. Hjälpen ges av kommunens hemtjänstgrupper dygnet runt, alla dagar.</p>" },
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
