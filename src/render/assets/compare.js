/* careergen compare: fills <div data-cg-compare> with a combobox to choose
   careers and a table of two to four of them side by side. The choice is
   the URL's ?c=slug,slug. Only what the choice needs is fetched: one file
   per chosen guide (compare/data/<slug>.json) and the suggestion shards the
   typed text leads to (compare/suggest/<prefix>.json). No dependencies. */
(function () {
  "use strict";

  var MAX = 4;
  var DATA = "compare/data/";
  var SUGGEST = "compare/suggest/";
  var script = document.currentScript;
  var root = new URL(".", script && script.src ? script.src : document.baseURI);
  var cache = {};
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

  function getJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, root)).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
      // A failed fetch may be tried again later.
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }

  /* As the build matches titles: lower case, words joined by one space. */
  function normalize(text) {
    return text.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean).join(" ");
  }

  /* The shard file name of a prefix, as the build writes it. */
  function shardName(prefix) {
    if (!prefix) return "_";
    return Array.from(prefix).map(function (c) {
      if (/[a-z0-9]/.test(c)) return c;
      if (c === " ") return "-";
      return "_" + c.codePointAt(0).toString(16) + "_";
    }).join("");
  }

  /* The deepest shard for `query`, following `next` one character at a
     time while a shard is full; null when no title matches. */
  function shardFor(query) {
    var chars = Array.from(query);
    function step(shard) {
      var depth = Array.from(shard.p).length;
      if (!shard.more || depth >= chars.length) return shard;
      var c = chars[depth];
      if (!shard.next || Array.from(shard.next).indexOf(c) < 0) return null;
      return getJSON(SUGGEST + shardName(chars.slice(0, depth + 1).join("")) + ".json").then(step);
    }
    return getJSON(SUGGEST + "_.json").then(step);
  }

  /* Suggestions for `text`: { list: [[title, slug]…], count, partial }. */
  function suggest(text) {
    var query = normalize(text);
    if (!query) return Promise.resolve({ list: [], count: 0, partial: false });
    return shardFor(query).then(function (shard) {
      if (!shard) return { list: [], count: 0, partial: false };
      var list = shard.g.filter(function (entry) {
        return (" " + normalize(entry[0])).indexOf(" " + query) >= 0;
      });
      var whole = shard.more && Array.from(shard.p).length === Array.from(query).length;
      return { list: list, count: whole ? shard.n : list.length, partial: whole && shard.n > list.length };
    });
  }

  function chosenSlugs() {
    var raw = new URLSearchParams(window.location.search).get("c") || "";
    var seen = {};
    return raw.split(",").map(function (s) { return s.trim(); }).filter(function (slug) {
      // A slug is a path segment: never let one reach outside compare/data/.
      if (!slug || seen[slug] || !/^[\p{L}\p{N}_-]+$/u.test(slug)) return false;
      seen[slug] = true;
      return true;
    }).slice(0, MAX);
  }

  function sentence(titles) {
    return listOf(titles, "conjunction");
  }

  /* The combobox (ARIA 1.2): a text input that owns a listbox of
     suggestions, the active one named by aria-activedescendant. */
  function combobox(state) {
    var form = el("form", "cg-compare__chooser");
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", message("compare-js-chooser"));
    var label = el("label", "cg-compare__label", message("compare-js-add"));
    label.htmlFor = "cg-compare-input";
    var box = el("div", "cg-combobox");
    var input = el("input", "cg-combobox__input");
    input.id = "cg-compare-input";
    input.type = "text";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "cg-compare-listbox");
    input.setAttribute("aria-describedby", "cg-compare-help");
    var listbox = el("ul", "cg-combobox__listbox");
    listbox.id = "cg-compare-listbox";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", message("compare-js-suggestions"));
    listbox.hidden = true;
    box.appendChild(input);
    box.appendChild(listbox);
    var help = el("p", "cg-compare__help", message("compare-js-help"));
    help.id = "cg-compare-help";
    var status = el("p", "visually-hidden");
    status.setAttribute("role", "status");
    status.id = "cg-compare-status";
    form.appendChild(label);
    form.appendChild(box);
    form.appendChild(help);
    form.appendChild(status);

    var options = [];
    var active = -1;
    var asked = 0;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function activate(i) {
      options.forEach(function (o, k) { o.node.setAttribute("aria-selected", k === i ? "true" : "false"); });
      active = i;
      if (i < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      input.setAttribute("aria-activedescendant", options[i].node.id);
      options[i].node.scrollIntoView({ block: "nearest" });
    }

    function show(result) {
      listbox.textContent = "";
      options = [];
      result.list.filter(function (entry) { return state.picks.indexOf(entry[1]) < 0; }).forEach(function (entry, i) {
        var li = el("li", "cg-combobox__option", entry[0]);
        li.id = "cg-compare-option-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        // Keep the focus in the input while an option is clicked.
        li.addEventListener("mousedown", function (event) { event.preventDefault(); });
        li.addEventListener("click", function () { pick(i); });
        listbox.appendChild(li);
        options.push({ node: li, title: entry[0], slug: entry[1] });
      });
      var said;
      if (!result.count) said = message("compare-js-no-match");
      else if (result.partial) said = message("compare-js-partial", { count: result.count, shown: options.length });
      else said = message("compare-js-matches", { count: result.count });
      if (result.count && !options.length) said = message("compare-js-all-chosen");
      status.textContent = said;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      listbox.hidden = !options.length;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
    }

    function update() {
      var ask = ++asked;
      if (!normalize(input.value)) {
        listbox.removeAttribute("aria-busy");
        close();
        status.textContent = "";
        return;
      }
      // Busy until this keystroke's suggestions are shown.
      listbox.setAttribute("aria-busy", "true");
      suggest(input.value).then(function (result) {
        if (ask !== asked) return;
        listbox.removeAttribute("aria-busy");
        show(result);
      }, function () {
        if (ask !== asked) return;
        listbox.removeAttribute("aria-busy");
        status.textContent = message("compare-js-suggestions-failed");
      });
    }

    function pick(i) {
      var option = options[i];
      if (!option) return;
      close();
      input.value = "";
      if (state.picks.length >= MAX) {
        status.textContent = message("compare-js-at-most");
        return;
      }
      status.textContent = message("compare-js-added", { title: option.title });
      state.add(option.slug);
    }

    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!open) { update(); return; }
          activate(active + 1 < options.length ? active + 1 : 0);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!open) { update(); return; }
          activate(active > 0 ? active - 1 : options.length - 1);
          break;
        case "Enter":
          event.preventDefault();
          if (open && active >= 0) pick(active);
          else if (open && options.length === 1) pick(0);
          break;
        case "Escape":
          if (open) close();
          else input.value = "";
          event.preventDefault();
          break;
        case "Tab":
          close();
          break;
      }
    });
    input.addEventListener("blur", close);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.input = input;
    return form;
  }

  /* The chosen careers, each with a button that removes it. */
  function chosenList(state) {
    var wrap = el("div", "cg-compare__chosen");
    if (!state.picks.length) return wrap;
    wrap.appendChild(el("h2", "cg-compare__chosen-title", message("compare-js-chosen")));
    var list = el("ul", "cg-compare__chosen-list");
    state.picks.forEach(function (slug, i) {
      var data = state.data[slug];
      var li = el("li", "cg-compare__pick");
      var link = el("a", null, data.title);
      link.href = new URL(data.path, root).href;
      li.appendChild(link);
      var remove = el("button", "cg-compare__remove", message("compare-js-remove"));
      remove.type = "button";
      remove.setAttribute("aria-label", message("compare-js-remove-label", { title: data.title }));
      remove.addEventListener("click", function () { state.remove(slug, i); });
      li.appendChild(document.createTextNode(" "));
      li.appendChild(remove);
      list.appendChild(li);
    });
    wrap.appendChild(list);
    return wrap;
  }

  /* The table with its caption above the scrolling box, so that the caption
     is never cut off, and a cue when the table is wider than the screen. */
  function table(state) {
    var picks = state.picks;
    var guides = picks.map(function (slug) { return state.data[slug]; });
    var fields = guides[0].fields;
    var box = el("div", "cg-compare__result");
    var caption = el("h2", "cg-compare__caption", message("compare-js-caption", { titles: sentence(guides.map(function (g) { return g.title; })) }));
    caption.id = "cg-compare-caption";
    box.appendChild(caption);
    var cue = el("p", "cg-compare__cue", message("compare-js-wide"));
    cue.hidden = true;
    box.appendChild(cue);
    var wrap = el("div", "cg-compare__scroll");
    // A region that scrolls can be focused and scrolled with the arrow keys.
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-labelledby", caption.id);
    wrap.tabIndex = 0;
    box.appendChild(wrap);
    var t = el("table", "cg-compare__table");
    t.setAttribute("aria-labelledby", caption.id);
    var head = el("thead");
    var row = el("tr");
    var corner = el("th", null, message("compare-js-fact"));
    corner.scope = "col";
    row.appendChild(corner);
    guides.forEach(function (guide) {
      var th = el("th");
      th.scope = "col";
      var link = el("a", null, guide.title);
      link.href = new URL(guide.path, root).href;
      th.appendChild(link);
      row.appendChild(th);
    });
    head.appendChild(row);
    t.appendChild(head);
    var body = el("tbody");
    fields.forEach(function (field) {
      var known = guides.some(function (guide) { return guide.facts[field[0]]; });
      if (!known) return;
      var tr = el("tr");
      var th = el("th", null, field[1]);
      th.scope = "row";
      tr.appendChild(th);
      guides.forEach(function (guide) {
        var value = guide.facts[field[0]];
        var td = el("td", null, value || "—");
        if (!value) td.setAttribute("aria-label", message("compare-js-not-known"));
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    var cited = sources(guides);
    if (cited) box.appendChild(cited);
    function cueIfWide() {
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      cue.hidden = !wide;
      wrap.classList.toggle("cg-compare__scroll--wide", wide);
    }
    window.addEventListener("resize", cueIfWide);
    box.cueIfWide = cueIfWide;
    return box;
  }

  /* Where the compared figures come from: one line per figure group and
     source, naming the careers it covers. */
  function sources(guides) {
    var lines = [];
    guides.forEach(function (guide) {
      (guide.sources || []).forEach(function (pair) {
        var line = lines.find(function (l) { return l.what === pair[0] && l.name === pair[1]; });
        if (!line) lines.push(line = { what: pair[0], name: pair[1], titles: [] });
        line.titles.push(guide.title);
      });
    });
    if (!lines.length) return null;
    var p = el("p", "cg-compare__sources source-line", message("compare-js-sources") + " ");
    lines.forEach(function (line, i) {
      var all = line.titles.length === guides.length;
      p.appendChild(document.createTextNode(line.what + (all ? "" : " (" + sentence(line.titles) + ")") + ": "));
      p.appendChild(el("cite", null, line.name));
      p.appendChild(document.createTextNode(i === lines.length - 1 ? "." : "; "));
    });
    return p;
  }

  function start() {
    var container = document.querySelector("[data-cg-compare]");
    if (!container) return;
    var state = { picks: [], data: {} };
    var form = combobox(state);
    var chosen = el("div");
    var result = el("div");
    var notice = el("p", "cg-compare__notice");
    notice.hidden = true;

    function render() {
      chosen.replaceWith(chosen = chosenList(state));
      result.textContent = "";
      if (state.picks.length >= 2) {
        var t = table(state);
        result.appendChild(t);
        t.cueIfWide();
      } else {
        result.appendChild(el("p", "cg-compare__hint", state.picks.length
          ? message("compare-js-one-more")
          : message("compare-js-two-to-four")));
      }
    }

    function remember() {
      var target = new URL(window.location.href);
      target.search = state.picks.length ? "?c=" + state.picks.join(",") : "";
      window.history.replaceState(null, "", target.href);
    }

    state.add = function (slug) {
      if (state.picks.indexOf(slug) >= 0) return;
      getJSON(DATA + slug + ".json").then(function (data) {
        if (state.picks.indexOf(slug) >= 0 || state.picks.length >= MAX) return;
        state.data[slug] = data;
        state.picks.push(slug);
        remember();
        render();
      }, function () {
        notice.textContent = message("compare-js-load-failed");
        notice.hidden = false;
      });
    };
    state.remove = function (slug, i) {
      state.picks = state.picks.filter(function (s) { return s !== slug; });
      remember();
      render();
      // Keep the focus on the list: the next Remove button, else the input.
      var buttons = container.querySelectorAll(".cg-compare__remove");
      (buttons[Math.min(i, buttons.length - 1)] || form.input).focus();
      form.querySelector("[role=status]").textContent = message("compare-js-removed", { title: state.data[slug].title });
    };

    var wanted = chosenSlugs();
    Promise.all(wanted.map(function (slug) {
      return getJSON(DATA + slug + ".json").then(function (data) { return data; }, function () { return null; });
    })).then(function (loaded) {
      var missing = [];
      loaded.forEach(function (data, i) {
        if (data) {
          state.data[wanted[i]] = data;
          state.picks.push(wanted[i]);
        } else {
          missing.push(wanted[i]);
        }
      });
      container.textContent = "";
      container.appendChild(form);
      container.appendChild(notice);
      container.appendChild(chosen);
      container.appendChild(result);
      if (missing.length) {
        notice.textContent = message("compare-js-missing", { count: missing.length, slugs: listOf(missing, "conjunction") });
        notice.hidden = false;
        remember();
      }
      render();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
