// Avgiftskalkylator för förskola (maxtaxa barnomsorg)
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
