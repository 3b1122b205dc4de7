/* careergen sortable tables: the column headers of <table data-cg-sortable>
   become buttons that sort the rows, with aria-sort on the sorted column.
   A cell's data-sort value, when present, is sorted on instead of its text. */
(function () {
  "use strict";

  function key(cell) {
    if (!cell) return { empty: true };
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (raw === "") return { empty: true };
    var n = Number(raw);
    return isNaN(n) ? { text: raw.toLowerCase() } : { number: n };
  }

  function compare(a, b) {
    if (a.empty || b.empty) return a.empty && b.empty ? 0 : a.empty ? 1 : -1;
    if (a.number !== undefined && b.number !== undefined) return a.number - b.number;
    var x = a.text !== undefined ? a.text : String(a.number);
    var y = b.text !== undefined ? b.text : String(b.number);
    // Words sort as the page's language sorts them.
    return x.localeCompare(y, document.documentElement.lang || undefined);
  }

  function enhance(table) {
    var headers = table.querySelectorAll("thead th");
    var body = table.tBodies[0];
    if (!body) return;
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cg-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.map.call(body.rows, function (row, i) {
          return { row: row, order: i, key: key(row.cells[column]) };
        });
        rows.sort(function (a, b) {
          var c = compare(a.key, b.key);
          // Rows without a value stay last in either direction.
          if (a.key.empty || b.key.empty) return c || a.order - b.order;
          return (ascending ? c : -c) || a.order - b.order;
        });
        rows.forEach(function (r) { body.appendChild(r.row); });
      });
    });
  }

  function start() {
    document.querySelectorAll("table[data-cg-sortable]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
