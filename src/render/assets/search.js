/* careergen search: progressive enhancement of <form data-cg-search>.
   Finds guides by title (typo-tolerant), alternate titles, skills,
   category, codes and summary, from search-index.json beside this script.
   No dependencies, no third-party service. */
(function () {
  "use strict";

  var script = typeof document !== "undefined" ? document.currentScript : null;
  var indexPromise = null;

  /* ---- matching ------------------------------------------------------ */

  function normalize(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function words(text) {
    return normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /* Optimal string alignment distance (Damerau-Levenshtein with adjacent
     transpositions), giving up once it exceeds max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null;
    var prev = [];
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      var cur = [i];
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          v = Math.min(v, before[j - 2] + 1);
        }
        cur.push(v);
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
      before = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  function typosAllowed(length) {
    return length < 4 ? 0 : length < 8 ? 1 : 2;
  }

  /* How well query word q matches a list of words: 3 exact, 2 prefix,
     1 within the typo budget (when fuzzy), 0 not at all. */
  function wordScore(q, list, fuzzy) {
    var best = 0;
    var allowed = fuzzy ? typosAllowed(q.length) : 0;
    for (var k = 0; k < list.length && best < 3; k++) {
      var w = list[k];
      if (w === q) best = 3;
      else if (best < 2 && w.indexOf(q) === 0) best = 2;
      else if (best < 1 && allowed > 0) {
        if (distance(q, w, allowed) <= allowed) best = 1;
        else if (w.length > q.length && distance(q, w.slice(0, q.length), allowed) <= allowed) best = 1;
      }
    }
    return best;
  }

  var FIELDS = [
    ["title", 10, true],
    ["alternates", 6, true],
    ["skills", 3, false],
    ["category", 3, false],
    ["code", 3, false],
    ["summary", 1, false]
  ];

  function prepare(data) {
    var categories = data.categories || [];
    var skills = data.skills || [];
    return (data.guides || []).map(function (g) {
      var alternates = g[3] || [];
      var skillNames = (g[4] || []).map(function (n) { return skills[n] || ""; });
      var category = g[5] == null ? "" : categories[g[5]] || "";
      return {
        title: g[0],
        path: g[1],
        summary: g[2] || "",
        category: category,
        normTitle: normalize(g[0]),
        words: {
          title: words(g[0]),
          alternates: words(alternates.join(" ")),
          skills: words(skillNames.join(" ")),
          category: words(category),
          code: words(g[6] || ""),
          summary: words(g[2] || "")
        }
      };
    });
  }

  /* Guides matching every word of the query, best first, ties by title. */
  function search(guides, query) {
    var terms = words(query);
    if (!terms.length) return [];
    var whole = normalize(query).trim();
    var results = [];
    guides.forEach(function (g) {
      var total = 0;
      for (var t = 0; t < terms.length; t++) {
        var best = 0;
        for (var f = 0; f < FIELDS.length; f++) {
          var s = wordScore(terms[t], g.words[FIELDS[f][0]], FIELDS[f][2]) * FIELDS[f][1];
          if (s > best) best = s;
        }
        if (!best) return;
        total += best;
      }
      if (g.normTitle === whole) total += 50;
      else if (g.normTitle.indexOf(whole) === 0) total += 20;
      results.push({ guide: g, score: total });
    });
    results.sort(function (a, b) {
      return b.score - a.score || (a.guide.normTitle < b.guide.normTitle ? -1 : a.guide.normTitle > b.guide.normTitle ? 1 : 0);
    });
    return results.map(function (r) { return r.guide; });
  }

  /* ---- the page ------------------------------------------------------ */

  function base() {
    return new URL(".", script && script.src ? script.src : document.baseURI);
  }

  function loadIndex() {
    if (!indexPromise) {
      indexPromise = fetch(new URL("search-index.json", base()))
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(prepare);
    }
    return indexPromise;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function plural(n) {
    return n === 1 ? "1 career found" : n + " careers found";
  }

  function renderList(list, results, withSummary) {
    list.textContent = "";
    results.forEach(function (g) {
      var item = el("li", "cg-search__item");
      var link = el("a", "cg-search__link", g.title);
      link.href = new URL(g.path, base()).href;
      item.appendChild(link);
      if (g.category) item.appendChild(el("span", "cg-search__category", " · " + g.category));
      if (withSummary && g.summary) item.appendChild(el("p", "cg-search__summary", g.summary));
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
  }

  function links(list) {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function unavailable(status, form) {
    status.textContent = "Search is not available here. ";
    var link = el("a", null, "Browse all careers");
    link.href = form.action;
    status.appendChild(link);
  }

  function enhance(form) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var suggestions = el("ul", "cg-search__suggestions");
    suggestions.id = (form.id || "cg-search") + "-suggestions";
    suggestions.hidden = true;
    var status = el("p", "cg-search__status");
    status.setAttribute("role", "status");
    form.appendChild(status);
    form.appendChild(suggestions);
    input.setAttribute("aria-controls", suggestions.id);
    input.setAttribute("autocomplete", "off");

    function update() {
      var query = input.value;
      if (!query.trim()) {
        renderList(suggestions, [], false);
        status.textContent = "";
        return;
      }
      loadIndex().then(function (guides) {
        if (input.value !== query) return;
        var results = search(guides, query);
        renderList(suggestions, results.slice(0, 8), false);
        status.textContent = plural(results.length);
      }, function () { unavailable(status, form); });
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", function () { loadIndex().catch(function () {}); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !suggestions.hidden) {
        event.preventDefault();
        var first = links(suggestions)[0];
        if (first) first.focus();
      } else if (event.key === "Escape") {
        input.value = "";
        update();
      }
    });
    suggestions.addEventListener("keydown", function (event) {
      var all = links(suggestions);
      var at = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < all.length - 1) {
        event.preventDefault();
        all[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (at > 0) all[at - 1].focus();
        else input.focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        input.focus();
      }
    });
    form.addEventListener("submit", function (event) {
      var page = form.getAttribute("data-cg-search-page");
      if (!page) return;
      event.preventDefault();
      var target = new URL(page, document.baseURI);
      target.search = "?q=" + encodeURIComponent(input.value.trim());
      window.location.href = target.href;
    });
  }

  function resultsPage(container) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    document.querySelectorAll("form[data-cg-search] input[name=q]").forEach(function (input) {
      if (!input.value) input.value = query;
    });
    var heading = container.querySelector("[data-cg-search-heading]");
    var list = el("ol", "cg-search__results");
    container.appendChild(list);
    var fallback = container.querySelector("[data-cg-search-fallback]");
    if (!query.trim()) {
      if (heading) heading.textContent = "Search careers";
      return;
    }
    if (fallback) fallback.hidden = true;
    loadIndex().then(function (guides) {
      var results = search(guides, query);
      if (heading) heading.textContent = plural(results.length) + " for “" + query.trim() + "”";
      renderList(list, results, true);
    }, function () {
      if (fallback) fallback.hidden = false;
    });
  }

  if (typeof document !== "undefined" && script) {
    var start = function () {
      document.querySelectorAll("form[data-cg-search]").forEach(enhance);
      var container = document.querySelector("[data-cg-search-results]");
      if (container) resultsPage(container);
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }

  /* For tests under Node: the matching without the page. */
  if (typeof module === "object" && module.exports) {
    module.exports = { distance: distance, prepare: prepare, search: search, words: words };
  }
})();
