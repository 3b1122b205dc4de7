/* careergen search: progressive enhancement of <form data-cg-search>.
   Asks Pagefind's runtime (pagefind/pagefind.js beside this script), which
   downloads only the parts of the index a query needs. Titles and
   alternate titles rank first; a query word that finds nothing is
   corrected against the site's title words (search-words.json) before
   asking again. Articles and pages, told apart by their `kind` filter,
   come after every guide, marked with their label. No third-party
   service. */
(function () {
  "use strict";

  var script = typeof document !== "undefined" ? document.currentScript : null;
  var enginePromise = null;
  var vocabularyPromise = null;
  var kindsPromise = null;

  /* How many results the results page shows at a time. */
  var PAGE = 20;
  /* Pagefind's metadata fields that hold titles (see search.rs). */
  var TITLE_FIELDS = ["title", "alternates"];
  /* The `kind` filter values of records that are not guides, in the order
     results list them after guides (see search.rs). */
  var KINDS = ["article", "page"];
  /* The messages of the pages' language and the functions that write
     them (message, write, listOf, number: assets/messages.js), put here
     by careergen when it writes this script. */
  /* careergen: messages */

  /* ---- words and typos ----------------------------------------------- */

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

  /* The distance from q to w, or to the start of a longer w (so that a
     misspelt prefix still finds the word). */
  function nearness(q, w, allowed) {
    var d = distance(q, w, allowed);
    if (w.length > q.length) d = Math.min(d, distance(q, w.slice(0, q.length), allowed));
    return d;
  }

  /* The title word closest to q within the typo budget, or null: the
     fewest edits first, then the shorter word, then the first in order. */
  function correction(q, vocabulary) {
    var allowed = typosAllowed(q.length);
    if (!allowed || /\d/.test(q)) return null;
    var best = null;
    var bestDistance = allowed + 1;
    vocabulary.forEach(function (w) {
      var d = nearness(q, w, allowed);
      if (d < bestDistance || (d === bestDistance && best !== null && w.length < best.length)) {
        best = w;
        bestDistance = d;
      }
    });
    return bestDistance <= allowed ? best : null;
  }

  /* For a query that found nothing: for each word, up to `limit` title
     words within a third of its length in edits, as [word, closeness]
     with closeness from 1 (same) towards 0. */
  function nearWords(q, vocabulary, limit) {
    var allowed = Math.max(1, Math.floor(q.length / 3));
    var near = [];
    vocabulary.forEach(function (w) {
      var d = nearness(q, w, allowed);
      if (d <= allowed) near.push([w, 1 - d / (allowed + 1)]);
    });
    near.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
    return near.slice(0, limit);
  }

  /* How a Pagefind result matched, known before its record is loaded:
     2 in the title, 1 in an alternate title only, 0 elsewhere. */
  function titleMatch(result) {
    var fields = result.matchedMetaFields || [];
    return fields.indexOf("title") >= 0 ? 2 : fields.indexOf("alternates") >= 0 ? 1 : 0;
  }

  /* Results matching in a title first, then in an alternate title, then
     the rest, each by Pagefind's relevance. */
  function titleFirst(results) {
    return results
      .map(function (r, i) { return { result: r, match: titleMatch(r), at: i }; })
      .sort(function (a, b) { return b.match - a.match || b.result.score - a.result.score || a.at - b.at; })
      .map(function (r) { return r.result; });
  }

  /* The order of a page of results, once their records are loaded
     (`shown` is [result, record] pairs): within the same kind of title
     match, a title equal to the query, then one starting with it, then
     by relevance, where scores of the same whole number count as equal
     (they differ by how long a record is, not by how well it matches),
     then by title. */
  function refine(shown, query) {
    var whole = normalize(query).trim();
    function bonus(record) {
      var title = normalize(record.meta.title || "");
      return title === whole ? 2 : title.indexOf(whole) === 0 ? 1 : 0;
    }
    return shown
      .map(function (pair) {
        return { pair: pair, match: titleMatch(pair[0]), bonus: bonus(pair[1]), score: Math.floor(pair[0].score) };
      })
      .sort(function (a, b) {
        return kindRank(a.pair[1]) - kindRank(b.pair[1]) || b.match - a.match || b.bonus - a.bonus
          || b.score - a.score || byTitle(a.pair[1], b.pair[1]);
      })
      .map(function (r) { return r.pair[1]; });
  }

  /* 0 for a guide's record, then 1, 2 … in the order of KINDS. */
  function kindRank(record) {
    var kind = record.filters && record.filters.kind && record.filters.kind[0];
    return kind ? KINDS.indexOf(kind) + 1 : 0;
  }

  /* ---- Pagefind --------------------------------------------------------- */

  function base() {
    return new URL(".", script && script.src ? script.src : document.baseURI);
  }

  /* A title match is worth more than many words of the duties; records
     are short and of a size, so their length says little. */
  var RANKING = { pageLength: 0, metaWeights: { title: 10, alternates: 8 } };

  /* Pagefind's runtime, with the index's other shards (listed in
     pagefind/shards.json; none on most sites) merged into the first. */
  function engine() {
    if (!enginePromise) {
      var shards = fetch(new URL("pagefind/shards.json", base())).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).catch(function () { return []; });
      enginePromise = import(new URL("pagefind/pagefind.js", base()).href).then(function (pagefind) {
        return pagefind.options({
          // The worker would be one more download for no gain at this size.
          noWorker: true,
          ranking: RANKING
        }).then(function () { return shards; }).then(function (paths) {
          return Promise.all(paths.map(function (path) {
            return pagefind.mergeIndex(new URL(path, base()).href, { ranking: RANKING });
          }));
        }).then(function () { return pagefind; });
      });
    }
    return enginePromise;
  }

  function vocabulary() {
    if (!vocabularyPromise) {
      vocabularyPromise = fetch(new URL("search-words.json", base())).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
    }
    return vocabularyPromise;
  }

  function ask(pagefind, query, options) {
    return pagefind.search(query, options).then(function (found) {
      return (found && found.results) || [];
    });
  }

  /* The KINDS the index holds records of (none on a site of guides only). */
  function kindsIndexed(pagefind) {
    if (!kindsPromise) {
      kindsPromise = pagefind.filters().then(function (filters) {
        var kind = (filters && filters.kind) || {};
        return KINDS.filter(function (k) { return kind[k]; });
      }, function () { return []; });
    }
    return kindsPromise;
  }

  /* `results` of `query` by kind: every guide first, in the order given,
     then each of KINDS in theirs; with how many of each kind there are. */
  function byKind(pagefind, query, results) {
    return kindsIndexed(pagefind).then(function (kinds) {
      if (!kinds.length || !results.length) return { results: results, counts: { guide: results.length } };
      return Promise.all(kinds.map(function (k) {
        return ask(pagefind, query, { filters: { kind: k } }).then(function (found) {
          var ids = {};
          found.forEach(function (r) { ids[r.id] = true; });
          return ids;
        });
      })).then(function (sets) {
        var groups = [[]].concat(kinds.map(function () { return []; }));
        results.forEach(function (r) {
          var at = 0;
          for (var i = 0; i < sets.length && !at; i++) if (sets[i][r.id]) at = i + 1;
          groups[at].push(r);
        });
        var counts = { guide: groups[0].length };
        kinds.forEach(function (k, i) { counts[k] = groups[i + 1].length; });
        return { results: [].concat.apply([], groups), counts: counts };
      });
    });
  }

  /* Finds guides, articles and pages matching every word of `query`:
     { results (guides first, title matches first within each kind, each
     with data() for its record), counts (by kind: guide, article, page),
     corrected (the query asked instead, or null) }. */
  function find(query) {
    return engine().then(function (pagefind) {
      return findAny(pagefind, query).then(function (found) {
        if (!found.results.length) return { results: [], counts: { guide: 0 }, corrected: found.corrected };
        return byKind(pagefind, found.asked, found.results).then(function (split) {
          return { results: split.results, counts: split.counts, corrected: found.corrected };
        });
      });
    });
  }

  /* Finds records matching every word of `query`: { results (title
     matches first), asked (the query that found them), corrected (that
     query when it is a correction, or null) }. Pagefind leaves out a word
     the index does not hold and matches on the others, so each word is
     asked alone first; one that finds nothing is corrected against the
     title words, and the query finds nothing if it cannot be. */
  function findAny(pagefind, query) {
    var none = { results: [], asked: "", corrected: null };
    var chunks = query.trim().split(/\s+/).filter(function (c) { return words(c).length; });
    if (!chunks.length) return Promise.resolve(none);
    return Promise.all(chunks.map(function (c) { return ask(pagefind, c); })).then(function (alone) {
      var missing = alone.some(function (r) { return !r.length; });
      if (!missing) {
        if (chunks.length === 1) return { results: titleFirst(alone[0]), asked: chunks[0], corrected: null };
        var all = chunks.join(" ");
        return ask(pagefind, all).then(function (results) {
          return { results: titleFirst(results), asked: all, corrected: null };
        });
      }
      return vocabulary().then(function (vocab) {
        var fixed = [];
        for (var i = 0; i < chunks.length; i++) {
          if (alone[i].length) {
            fixed.push(chunks[i]);
            continue;
          }
          var parts = words(chunks[i]).map(function (q) { return correction(q, vocab); });
          if (parts.some(function (w) { return !w; })) return none;
          fixed.push(parts.join(" "));
        }
        var again = fixed.join(" ");
        return ask(pagefind, again).then(function (results) {
          return { results: titleFirst(results), asked: again, corrected: again };
        });
      }, function () { return none; });
    });
  }

  /* Up to `limit` guides whose titles come closest to the query's words,
     as loaded records, for a query that found nothing. */
  function closest(query, limit) {
    var terms = words(query);
    return Promise.all([engine(), vocabulary()]).then(function (both) {
      var pagefind = both[0];
      var vocab = both[1];
      var scores = {};
      var byId = {};
      var asked = [];
      terms.forEach(function (q, t) {
        nearWords(q, vocab, 3).forEach(function (pair) {
          asked.push(ask(pagefind, pair[0]).then(function (results) {
            results.forEach(function (r) {
              if (!titleMatch(r)) return;
              byId[r.id] = r;
              var key = r.id + " " + t;
              scores[key] = Math.max(scores[key] || 0, pair[1]);
            });
          }));
        });
      });
      return Promise.all(asked).then(function () {
        var totals = {};
        Object.keys(scores).forEach(function (key) {
          var id = key.split(" ")[0];
          totals[id] = (totals[id] || 0) + scores[key];
        });
        var ids = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a]; });
        // Ties are broken by title, which needs the records: load a few.
        var cut = ids.length > limit ? totals[ids[limit - 1]] : -1;
        var candidates = ids.filter(function (id) { return totals[id] >= cut; }).slice(0, 4 * limit);
        return Promise.all(candidates.map(function (id) { return byId[id].data(); })).then(function (records) {
          var ranked = records.map(function (record, i) { return { record: record, score: totals[candidates[i]] }; });
          ranked.sort(function (a, b) {
            return b.score - a.score || byTitle(a.record, b.record);
          });
          return ranked.slice(0, limit).map(function (r) { return r.record; });
        });
      });
    });
  }

  function byTitle(a, b) {
    var x = normalize(a.meta.title || "");
    var y = normalize(b.meta.title || "");
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /* ---- the page ------------------------------------------------------ */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /* "3 careers and 1 article found", from a result's counts by kind. */
  function plural(counts) {
    var parts = [];
    if (counts.guide) parts.push(message("search-js-careers", { count: counts.guide }));
    if (counts.article) parts.push(message("search-js-articles", { count: counts.article }));
    if (counts.page) parts.push(message("search-js-pages", { count: counts.page }));
    if (!parts.length) return message("search-js-none");
    return message("search-js-found", { list: listOf(parts, "conjunction") });
  }

  function heading(counts, query) {
    return message("search-js-heading", { found: plural(counts), query: query.trim() });
  }

  function link(text, href) {
    var a = el("a", null, text);
    a.href = new URL(href, base()).href;
    return a;
  }

  /* A record's page: its path relative to the site root, resolved here. */
  function href(record) {
    return new URL(record.raw_url || record.url, base()).href;
  }

  function item(record, withSummary) {
    var li = el("li", "cg-search__item");
    li.appendChild(el("a", "cg-search__link", record.meta.title)).href = href(record);
    // An article or a page says what it is: not a career.
    if (record.meta.label) {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "cg-search__label", record.meta.label));
    }
    if (record.meta.category) li.appendChild(el("span", "cg-search__category", " \u00b7 " + record.meta.category));
    if (withSummary && record.meta.summary) li.appendChild(el("p", "cg-search__summary", record.meta.summary));
    return li;
  }

  /* The records of results[from, to), in their order for `query`. */
  function records(results, from, to, query) {
    var page = results.slice(from, to);
    return Promise.all(page.map(function (r) { return r.data(); })).then(function (loaded) {
      return refine(page.map(function (r, i) { return [r, loaded[i]]; }), query);
    });
  }

  /* What a reader can do when a search found nothing. */
  function noResults(query) {
    var box = el("div", "cg-search__none");
    var tips = write(el("p"), message("search-js-tips", {
      all: link(message("search-js-tips-all"), "all-careers/"),
      category: link(message("search-js-tips-category"), "categories/"),
      industry: link(message("search-js-tips-industry"), "industries/"),
      education: link(message("search-js-tips-education"), "education/")
    }));
    box.appendChild(tips);
    return closest(query, 3).then(function (near) {
      if (near.length) {
        var titles = near.map(function (record) {
          var a = el("a", null, record.meta.title);
          a.href = href(record);
          return a;
        });
        var p = write(el("p"), message("search-js-did-you-mean", { titles: listOf(titles, "disjunction") }));
        box.insertBefore(p, tips);
      }
      return box;
    }, function () { return box; });
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
        suggestions.textContent = "";
        suggestions.hidden = true;
        status.textContent = "";
        return;
      }
      find(query).then(function (found) {
        return records(found.results, 0, 8, query).then(function (shown) {
          if (input.value !== query) return;
          suggestions.textContent = "";
          shown.forEach(function (record) { suggestions.appendChild(item(record, false)); });
          suggestions.hidden = shown.length === 0;
          status.textContent = plural(found.counts);
        });
      }).catch(function () { unavailable(status, form); });
    }

    input.addEventListener("input", update);
    // Start loading the runtime while the reader types the first letters.
    input.addEventListener("focus", function () { engine().catch(function () {}); });
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
     container lists them, PAGE at a time (or helps when there are none). */
  function resultsPage(container) {
    var headingEl = document.querySelector("[data-cg-search-heading]");
    var fallback = document.querySelector("[data-cg-search-fallback]");
    var list = el("ol", "cg-search__results");
    list.hidden = true;
    var more = el("button", "cg-search__more");
    more.type = "button";
    more.hidden = true;
    var help = el("div");
    // The heading changes as the reader types; this tells screen readers.
    var live = el("p", "visually-hidden");
    live.setAttribute("role", "status");
    container.appendChild(live);
    container.appendChild(list);
    container.appendChild(more);
    container.appendChild(help);
    // Only the latest query may draw: answers can arrive out of order.
    var latest = 0;
    var current = [];
    var currentCounts = { guide: 0 };
    var currentQuery = "";

    function showMore() {
      var from = list.children.length;
      var asked = latest;
      return records(current, from, from + PAGE, currentQuery).then(function (shown) {
        if (asked !== latest) return;
        shown.forEach(function (record) { list.appendChild(item(record, true)); });
        list.hidden = list.children.length === 0;
        var left = current.length - list.children.length;
        more.hidden = left <= 0;
        more.textContent = message("search-js-more", { shown: Math.min(left, PAGE), left: left });
      });
    }
    more.addEventListener("click", function () {
      var at = list.children.length;
      showMore().then(function () {
        var next = list.children[at] && list.children[at].querySelector("a");
        if (next) next.focus();
      });
    });

    function show(query, fromInput) {
      var asked = ++latest;
      if (fromInput && window.history && window.history.replaceState) {
        var url = new URL(window.location.href);
        if (query.trim()) url.searchParams.set("q", query.trim());
        else url.searchParams.delete("q");
        window.history.replaceState(null, "", url.href);
      }
      if (!query.trim()) {
        if (headingEl) headingEl.textContent = message("search-label");
        list.textContent = "";
        list.hidden = true;
        more.hidden = true;
        help.textContent = "";
        return;
      }
      find(query).then(function (found) {
        if (asked !== latest) return null;
        current = found.results;
        currentCounts = found.counts;
        currentQuery = query;
        return records(current, 0, PAGE, query).then(function (shown) {
          if (asked !== latest) return null;
          list.textContent = "";
          help.textContent = "";
          shown.forEach(function (record) { list.appendChild(item(record, true)); });
          list.hidden = shown.length === 0;
          var left = current.length - shown.length;
          more.hidden = left <= 0;
          more.textContent = message("search-js-more", { shown: Math.min(left, PAGE), left: left });
          if (current.length) return null;
          return noResults(query).then(function (box) {
            if (asked === latest) help.appendChild(box);
          });
        }).then(function () {
          if (asked !== latest) return;
          // The heading last, once everything it counts is on the page.
          if (headingEl) headingEl.textContent = heading(currentCounts, query);
          if (fromInput) live.textContent = heading(currentCounts, query);
        });
      }).catch(function () {
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
    var a = el("a", null, message("search-js-browse-all"));
    a.href = form.action;
    status.textContent = "";
    write(status, message("search-js-unavailable", { browse: a }));
  }

  if (typeof document !== "undefined" && script) {
    var start = function () {
      // JavaScript runs: the no-JavaScript note goes (it comes back if
      // the search cannot be loaded).
      document.querySelectorAll("[data-cg-search-fallback]").forEach(function (node) { node.hidden = true; });
      var container = document.querySelector("[data-cg-search-results]");
      var results = container ? resultsPage(container) : null;
      document.querySelectorAll("form[data-cg-search]").forEach(function (form) { enhance(form, results); });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }

  /* For tests under Node: the parts that need no page and no index. */
  if (typeof module === "object" && module.exports) {
    module.exports = {
      correction: correction,
      distance: distance,
      nearWords: nearWords,
      refine: refine,
      titleFirst: titleFirst,
      words: words
    };
  }
})();
