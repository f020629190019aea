// Avgiftsberäkning för vård- och omsorgsboende (särskilt boende)
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
