/* careergen search: progressive enhancement of <form data-cg-search>.
   Finds guides by title and alternate titles (typo-tolerant, ranked
   first), skills, fields of study, industries, category, codes, summary
   and duties, from search-index.json beside this script.
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

  /* [field, weight, typo-tolerant]. Titles and alternate titles rank
     first whatever the weights (see search); the rest order by weight. */
  var FIELDS = [
    ["title", 10, true],
    ["alternates", 8, true],
    ["skills", 4, true],
    ["fields", 4, true],
    ["industries", 3, true],
    ["category", 3, true],
    ["code", 3, false],
    ["summary", 1, false],
    ["duties", 1, false]
  ];

  function names(list, numbers) {
    return (numbers || []).map(function (n) { return list[n] || ""; }).join(" ");
  }

  /* A guide's duty words: numbers into data.words, three base-36 digits each. */
  function dutyWords(vocabulary, packed) {
    var out = [];
    for (var i = 0; packed && i + 3 <= packed.length; i += 3) {
      var word = vocabulary[parseInt(packed.slice(i, i + 3), 36)];
      if (word) out.push(word);
    }
    return out;
  }

  function prepare(data) {
    var categories = data.categories || [];
    return (data.guides || []).map(function (g) {
      var category = g[5] == null ? "" : categories[g[5]] || "";
      return {
        title: g[0],
        path: g[1],
        summary: g[2] || "",
        category: category,
        normTitle: normalize(g[0]),
        words: {
          title: words(g[0]),
          alternates: words((g[3] || []).join(" ")),
          skills: words(names(data.skills || [], g[4])),
          category: words(category),
          code: words(g[6] || ""),
          industries: words(names(data.industries || [], g[7])),
          fields: words(names(data.fields || [], g[8])),
          summary: words(g[2] || ""),
          duties: dutyWords(data.words || [], g[9])
        }
      };
    });
  }

  /* Guides matching every word of the query: those matching in the title
     or an alternate title first, then by score; ties by title. */
  function search(guides, query) {
    var terms = words(query);
    if (!terms.length) return [];
    var whole = normalize(query).trim();
    var results = [];
    guides.forEach(function (g) {
      var total = 0;
      var inTitle = 0;
      for (var t = 0; t < terms.length; t++) {
        var best = 0;
        for (var f = 0; f < FIELDS.length; f++) {
          var quality = wordScore(terms[t], g.words[FIELDS[f][0]], FIELDS[f][2]);
          if (quality && f < 2) inTitle += quality;
          var s = quality * FIELDS[f][1];
          if (s > best) best = s;
        }
        if (!best) return;
        total += best;
      }
      if (g.normTitle === whole) total += 50;
      else if (g.normTitle.indexOf(whole) === 0) total += 20;
      results.push({ guide: g, rank: inTitle, score: total });
    });
    results.sort(function (a, b) {
      return b.rank - a.rank || b.score - a.score || byTitle(a.guide, b.guide);
    });
    return results.map(function (r) { return r.guide; });
  }

  function byTitle(a, b) {
    return a.normTitle < b.normTitle ? -1 : a.normTitle > b.normTitle ? 1 : 0;
  }

  /* For a query that found nothing: up to `limit` guides whose title
     words come closest to the query's words, allowing more typos than
     search does (a third of the word). */
  function closest(guides, query, limit) {
    var terms = words(query);
    var scored = [];
    guides.forEach(function (g) {
      var score = 0;
      terms.forEach(function (q) {
        var allowed = Math.max(1, Math.floor(q.length / 3));
        var best = 0;
        g.words.title.concat(g.words.alternates).forEach(function (w) {
          var d = Math.min(distance(q, w, allowed), w.length > q.length ? distance(q, w.slice(0, q.length), allowed) : allowed + 1);
          if (d <= allowed) best = Math.max(best, 1 - d / (allowed + 1));
        });
        score += best;
      });
      if (score > 0) scored.push({ guide: g, score: score });
    });
    scored.sort(function (a, b) { return b.score - a.score || byTitle(a.guide, b.guide); });
    return scored.slice(0, limit).map(function (r) { return r.guide; });
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

  function heading(n, query) {
    return (n ? plural(n) : "No careers found") + " for \u201c" + query.trim() + "\u201d";
  }

  function link(text, href) {
    var a = el("a", null, text);
    a.href = new URL(href, base()).href;
    return a;
  }

  function renderList(list, results, withSummary) {
    list.textContent = "";
    results.forEach(function (g) {
      var item = el("li", "cg-search__item");
      item.appendChild(el("a", "cg-search__link", g.title)).href = new URL(g.path, base()).href;
      if (g.category) item.appendChild(el("span", "cg-search__category", " · " + g.category));
      if (withSummary && g.summary) item.appendChild(el("p", "cg-search__summary", g.summary));
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
  }

  /* What a reader can do when a search found nothing. */
  function noResults(guides, query) {
    var box = el("div", "cg-search__none");
    var near = closest(guides, query, 3);
    if (near.length) {
      var p = el("p", null, "Did you mean ");
      near.forEach(function (g, i) {
        if (i) p.appendChild(document.createTextNode(i === near.length - 1 ? " or " : ", "));
        p.appendChild(link(g.title, g.path));
      });
      p.appendChild(document.createTextNode("?"));
      box.appendChild(p);
    }
    var tips = el("p", null, "Check the spelling or try fewer words, or browse ");
    tips.appendChild(link("all careers", "all-careers/"));
    tips.appendChild(document.createTextNode(" or careers by "));
    tips.appendChild(link("category", "categories/"));
    tips.appendChild(document.createTextNode(", "));
    tips.appendChild(link("industry", "industries/"));
    tips.appendChild(document.createTextNode(" or "));
    tips.appendChild(link("education", "education/"));
    tips.appendChild(document.createTextNode("."));
    box.appendChild(tips);
    return box;
  }

  function links(list) {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function enhance(form, results) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    input.setAttribute("autocomplete", "off");
    // On the results page the list below is the live result: no drop-down.
    if (results && form.hasAttribute("data-cg-search-live")) {
      input.addEventListener("input", function () { results.show(input.value, true); });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        results.show(input.value, true);
      });
      return;
    }
    var suggestions = el("ul", "cg-search__suggestions");
    suggestions.id = (input.id || form.id || "cg-search") + "-suggestions";
    suggestions.hidden = true;
    var status = el("p", "cg-search__status");
    status.setAttribute("role", "status");
    form.appendChild(status);
    form.appendChild(suggestions);
    input.setAttribute("aria-controls", suggestions.id);

    function update() {
      var query = input.value;
      if (!query.trim()) {
        renderList(suggestions, [], false);
        status.textContent = "";
        return;
      }
      loadIndex().then(function (guides) {
        if (input.value !== query) return;
        var found = search(guides, query);
        renderList(suggestions, found.slice(0, 8), false);
        status.textContent = found.length ? plural(found.length) : "No careers found";
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

  /* The results page: the heading says how many were found for what, the
     container lists them (or helps when there are none). */
  function resultsPage(container) {
    var headingEl = document.querySelector("[data-cg-search-heading]");
    var fallback = document.querySelector("[data-cg-search-fallback]");
    var list = el("ol", "cg-search__results");
    list.hidden = true;
    var help = el("div");
    // The heading changes as the reader types; this tells screen readers.
    var live = el("p", "visually-hidden");
    live.setAttribute("role", "status");
    container.appendChild(live);
    container.appendChild(list);
    container.appendChild(help);
    function show(query, fromInput) {
      if (fromInput && window.history && window.history.replaceState) {
        var url = new URL(window.location.href);
        if (query.trim()) url.searchParams.set("q", query.trim());
        else url.searchParams.delete("q");
        window.history.replaceState(null, "", url.href);
      }
      if (!query.trim()) {
        if (headingEl) headingEl.textContent = "Search careers";
        renderList(list, [], true);
        help.textContent = "";
        return;
      }
      loadIndex().then(function (guides) {
        var found = search(guides, query);
        if (headingEl) headingEl.textContent = heading(found.length, query);
        if (fromInput) live.textContent = heading(found.length, query);
        renderList(list, found, true);
        help.textContent = "";
        if (!found.length) help.appendChild(noResults(guides, query));
      }, function () {
        if (fallback) fallback.hidden = false;
      });
    }
    var query = new URLSearchParams(window.location.search).get("q") || "";
    document.querySelectorAll("form[data-cg-search-live] input[name=q]").forEach(function (input) {
      if (!input.value) input.value = query;
    });
    show(query, false);
    return { show: show };
  }

  function unavailable(status, form) {
    status.textContent = "Search is not available here. ";
    var a = el("a", null, "Browse all careers");
    a.href = form.action;
    status.appendChild(a);
  }

  if (typeof document !== "undefined" && script) {
    var start = function () {
      // JavaScript runs: the no-JavaScript note goes (it comes back if the
      // index cannot be loaded).
      document.querySelectorAll("[data-cg-search-fallback]").forEach(function (node) { node.hidden = true; });
      var container = document.querySelector("[data-cg-search-results]");
      var results = container ? resultsPage(container) : null;
      document.querySelectorAll("form[data-cg-search]").forEach(function (form) { enhance(form, results); });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }

  /* For tests under Node: the matching without the page. */
  if (typeof module === "object" && module.exports) {
    module.exports = { closest: closest, distance: distance, prepare: prepare, search: search, words: words };
  }
})();
