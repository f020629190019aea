// Avgiftskalkyl hemtjänst, Testviks kommun 2025
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
