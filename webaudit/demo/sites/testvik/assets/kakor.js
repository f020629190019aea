// Kakbanner: visas vid varje sidladdning, döljs när besökaren gör ett val.
(function () {
  var banner = document.getElementById("kakbanner");
  if (!banner) { return; }
  function visa() {
    banner.style.display = "flex";
    document.body.classList.add("kakor-aktiv");
  }
  function dolj() {
    banner.style.display = "none";
    document.body.classList.remove("kakor-aktiv");
  }
  document.getElementById("kakor-alla").addEventListener("click", dolj);
  document.getElementById("kakor-nodvandiga").addEventListener("click", dolj);
  visa();
})();
