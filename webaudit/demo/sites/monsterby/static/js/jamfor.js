// Filtrera och sortera jämförelsetabellen för hemtjänstutförare
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
