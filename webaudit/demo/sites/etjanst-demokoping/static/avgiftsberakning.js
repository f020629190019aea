// Preliminär avgiftsberäkning för hemtjänst, Demoköpings kommun (taxa 2025)
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
