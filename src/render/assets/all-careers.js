/* careergen All careers: sorting and filtering over every guide, not only
   the page of the table in view. Nothing is fetched until the reader sorts
   or filters; then all-careers/data/index.json and the chunks it lists are
   read once, and the matching rows are laid out here, a page at a time.
   Hooks: table.careers-table (its <th data-cg-key> headers become sort
   buttons), form[data-cg-career-filters] (shown once this script runs),
   [data-cg-career-count] (a live region for the count) and
   [data-cg-server-pages] (hidden while this script shows the rows). No
   dependencies. */
(function () {
  "use strict";

  var PAGE = 50;
  var KEYS = ["title", "median", "entry", "top", "growth", "outlook", "education"];
  var FILTERS = ["q", "category", "education", "min", "max"];
  var script = document.currentScript;
  var root = new URL(".", script && script.src ? script.src : document.baseURI);
  var loading = null;
  /* The messages of the pages' language and the functions that write
     them (message, write, listOf, number: assets/messages.js), put here
     by careergen when it writes this script. */
  /* careergen: messages */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function getJSON(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  /* Every guide as a row object, in title order, with the manifest. */
  function load() {
    if (loading) return loading;
    var manifestUrl = new URL("all-careers/data/index.json", root);
    loading = getJSON(manifestUrl).then(function (manifest) {
      return Promise.all(manifest.chunks.map(function (chunk) {
        return getJSON(new URL(chunk.file, manifestUrl));
      })).then(function (chunks) {
        var rows = [];
        chunks.forEach(function (c) {
          for (var i = 0; i < c.slug.length; i++) {
            rows.push({
              order: rows.length,
              slug: c.slug[i], title: c.title[i], key: c.title[i].toLowerCase(),
              median: c.median[i], medianText: c.median_text[i], period: c.period[i], sitePay: c.site_pay[i],
              entry: c.entry[i], entryText: c.entry_text[i],
              top: c.top[i], topText: c.top_text[i],
              growth: c.growth[i], growthText: c.growth_text[i],
              outlook: c.outlook[i], education: c.education[i], category: c.category[i]
            });
          }
        });
        return { manifest: manifest, rows: rows };
      });
    });
    loading.catch(function () { loading = null; });
    return loading;
  }

  function normalize(text) {
    return text.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean).join(" ");
  }

  function indexOfKey(table, key) {
    for (var i = 0; i < table.length; i++) if (table[i][0] === key) return i;
    return -1;
  }

  /* The value a column sorts on; null sorts last either way. */
  function sortValue(row, key) {
    switch (key) {
      case "title": return row.key;
      case "outlook": return row.growth;
      default: return row[key];
    }
  }

  function enhance(table) {
    var body = table.tBodies[0];
    if (!body) return;
    var form = document.querySelector("form[data-cg-career-filters]");
    var status = document.querySelector("[data-cg-career-count]");
    var countNode = table.querySelector("caption .count");
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var keys = headers.map(function (th, i) { return th.getAttribute("data-cg-key") || KEYS[i]; });
    // The cells' labels (shown when the table stacks on a narrow screen).
    var labels = headers.map(function (th) { return th.textContent.trim(); });
    if (body.rows[0]) {
      Array.prototype.forEach.call(body.rows[0].cells, function (cell, i) {
        if (cell.hasAttribute("data-label")) labels[i] = cell.getAttribute("data-label");
      });
    }
    var state = { sort: null, ascending: true, page: 0 };
    // Where the focus goes when a page button it was on goes away.
    table.tabIndex = -1;
    var pager = el("nav", "pagination cg-results-pages");
    pager.setAttribute("aria-label", message("all-careers-js-pages"));
    pager.hidden = true;
    var scroller = table.closest(".table-scroll") || table;
    scroller.parentNode.insertBefore(pager, scroller.nextSibling);

    function say(text) { if (status) status.textContent = text; }

    function filters() {
      var values = {};
      if (!form) return values;
      FILTERS.forEach(function (name) {
        var field = form.elements[name];
        var value = field ? field.value.trim() : "";
        if (value) values[name] = value;
      });
      return values;
    }

    function matches(data, f) {
      var m = data.manifest;
      var query = f.q ? normalize(f.q) : "";
      var category = f.category ? indexOfKey(m.categories, f.category) : null;
      var education = f.education ? indexOfKey(m.education, f.education) : null;
      var min = f.min != null && f.min !== "" && !isNaN(Number(f.min)) ? Number(f.min) : null;
      var max = f.max != null && f.max !== "" && !isNaN(Number(f.max)) ? Number(f.max) : null;
      return data.rows.filter(function (row) {
        if (query && normalize(row.title).indexOf(query) < 0) return false;
        if (category !== null && row.category !== category) return false;
        if (education !== null && row.education !== education) return false;
        if (min !== null || max !== null) {
          if (row.sitePay == null) return false;
          if (min !== null && row.sitePay < min) return false;
          if (max !== null && row.sitePay > max) return false;
        }
        return true;
      });
    }

    function sorted(rows) {
      if (!state.sort) return rows;
      var key = state.sort;
      var sign = state.ascending ? 1 : -1;
      return rows.slice().sort(function (a, b) {
        var x = sortValue(a, key);
        var y = sortValue(b, key);
        if (x == null || y == null) {
          if (x == null && y == null) return a.order - b.order;
          return x == null ? 1 : -1;
        }
        var c = typeof x === "string" ? x.localeCompare(y, lang()) : x - y;
        return sign * c || a.order - b.order;
      });
    }

    function missing() {
      var span = el("span", "missing", "—");
      span.appendChild(el("span", "visually-hidden", " " + message("all-careers-js-not-available")));
      return span;
    }

    function cell(i, text, sortOn, numeric, unit) {
      var td = el("td", numeric ? "num" : null);
      td.setAttribute("data-label", labels[i]);
      td.setAttribute("data-sort", sortOn == null ? "" : String(sortOn));
      if (text == null) {
        td.appendChild(missing());
      } else {
        td.appendChild(document.createTextNode(text));
        if (unit) {
          td.appendChild(document.createTextNode(" "));
          td.appendChild(el("span", "unit", unit));
        }
      }
      return td;
    }

    function rowNode(row, m) {
      var tr = el("tr");
      var th = el("th");
      th.scope = "row";
      var a = el("a", null, row.title);
      a.href = new URL(row.slug + "/", root).href;
      th.appendChild(a);
      tr.appendChild(th);
      keys.slice(1).forEach(function (key, k) {
        var i = k + 1;
        switch (key) {
          case "median": tr.appendChild(cell(i, row.medianText, row.median, true, row.period == null ? null : m.periods[row.period])); break;
          case "entry": tr.appendChild(cell(i, row.entryText, row.entry, true)); break;
          case "top": tr.appendChild(cell(i, row.topText, row.top, true)); break;
          case "growth": tr.appendChild(cell(i, row.growthText, row.growth, true)); break;
          case "outlook": tr.appendChild(cell(i, row.outlook == null ? null : m.outlook[row.outlook][1], row.growth, false)); break;
          case "education": tr.appendChild(cell(i, row.education == null ? null : m.education[row.education][1], row.education, false)); break;
          default: tr.appendChild(cell(i, null, null, false));
        }
      });
      return tr;
    }

    function button(text, page, disabled) {
      var b = el("button", "cg-results-pages__button", text);
      b.type = "button";
      b.disabled = disabled;
      b.addEventListener("click", function () {
        state.page = page;
        show(false);
        // Keep the reader where they were: the same button, or its neighbour.
        var same = pager.querySelector("[data-page='" + text + "']");
        if (same && !same.disabled) same.focus();
        else table.focus();
      });
      b.setAttribute("data-page", text);
      return b;
    }

    function drawPager(total) {
      var pages = Math.max(1, Math.ceil(total / PAGE));
      pager.textContent = "";
      pager.hidden = pages < 2;
      if (pages < 2) return;
      pager.appendChild(button(message("all-careers-js-previous"), state.page - 1, state.page === 0));
      pager.appendChild(el("span", "cg-results-pages__where", message("all-careers-js-page", { number: state.page + 1, total: pages })));
      pager.appendChild(button(message("all-careers-js-next"), state.page + 1, state.page >= pages - 1));
    }

    function remember(f) {
      var params = new URLSearchParams();
      FILTERS.forEach(function (name) { if (f[name]) params.set(name, f[name]); });
      if (state.sort) {
        params.set("sort", state.sort);
        params.set("order", state.ascending ? "asc" : "desc");
      }
      var target = new URL(window.location.href);
      target.search = params.toString() ? "?" + params.toString() : "";
      window.history.replaceState(null, "", target.href);
    }

    /* Lays out the rows that match, sorted, at the current page. */
    function show(announce) {
      var f = filters();
      var filtered = Object.keys(f).length > 0;
      if (announce) say(message("all-careers-js-loading"));
      return load().then(function (data) {
        var rows = sorted(matches(data, f));
        var pages = Math.max(1, Math.ceil(rows.length / PAGE));
        if (state.page >= pages) state.page = pages - 1;
        var start = state.page * PAGE;
        var fresh = document.createDocumentFragment();
        rows.slice(start, start + PAGE).forEach(function (row) { fresh.appendChild(rowNode(row, data.manifest)); });
        body.textContent = "";
        body.appendChild(fresh);
        if (!rows.length) {
          var tr = el("tr", "cg-results-none");
          var td = el("td", null, message("all-careers-js-none"));
          td.colSpan = headers.length;
          tr.appendChild(td);
          body.appendChild(tr);
        }
        document.querySelectorAll("[data-cg-server-pages]").forEach(function (node) { node.hidden = true; });
        drawPager(rows.length);
        if (countNode) {
          countNode.textContent = "(" + (filtered
            ? message("all-careers-js-count-of", { count: rows.length, total: data.rows.length })
            : message("list-careers", { count: data.rows.length })) + ")";
        }
        remember(f);
        if (announce) {
          var text = message(filtered ? "all-careers-js-matches" : "all-careers-js-total", { count: rows.length });
          if (state.sort) {
            var i = keys.indexOf(state.sort);
            text += " " + message(state.ascending ? "all-careers-js-sorted-ascending" : "all-careers-js-sorted-descending",
              { column: headers[i].textContent.trim() });
          }
          say(text);
        }
      }, function () {
        say(message("all-careers-js-load-failed"));
      });
    }

    headers.forEach(function (th, i) {
      var b = el("button", "cg-sort");
      b.type = "button";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () {
        var ascending = !(state.sort === keys[i] && state.ascending);
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        state.sort = keys[i];
        state.ascending = ascending;
        state.page = 0;
        show(true);
      });
    });

    if (form) {
      form.hidden = false;
      var timer = null;
      var refilter = function () {
        state.page = 0;
        show(true);
      };
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clearTimeout(timer);
        refilter();
      });
      form.addEventListener("input", function (event) {
        clearTimeout(timer);
        timer = setTimeout(refilter, event.target.tagName === "SELECT" ? 0 : 300);
      });
      form.addEventListener("reset", function () {
        clearTimeout(timer);
        // The fields are cleared after this event: filter once they are.
        timer = setTimeout(refilter, 0);
      });
    }

    // A link with filters or a sort in it opens with them applied.
    var params = new URLSearchParams(window.location.search);
    var any = false;
    if (form) {
      FILTERS.forEach(function (name) {
        var value = params.get(name);
        if (value && form.elements[name]) {
          form.elements[name].value = value;
          any = true;
        }
      });
    }
    var sort = params.get("sort");
    var at = keys.indexOf(sort);
    if (at >= 0) {
      state.sort = sort;
      state.ascending = params.get("order") !== "desc";
      headers[at].setAttribute("aria-sort", state.ascending ? "ascending" : "descending");
      any = true;
    }
    if (any) show(true);
  }

  function start() {
    var table = document.querySelector("table.careers-table");
    if (table) enhance(table);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
