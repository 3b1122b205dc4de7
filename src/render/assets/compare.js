/* careergen compare: fills <div data-cg-compare> with a chooser and a table
   of two to four careers side by side, chosen by ?c=slug,slug in the URL,
   from compare.json beside this script. No dependencies. */
(function () {
  "use strict";

  var MAX = 4;
  var script = document.currentScript;

  function base() {
    return new URL(".", script && script.src ? script.src : document.baseURI);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function chosen(guides) {
    var raw = new URLSearchParams(window.location.search).get("c") || "";
    var seen = {};
    return raw.split(",").map(function (s) { return s.trim(); }).filter(function (slug) {
      if (!slug || seen[slug] || !Object.prototype.hasOwnProperty.call(guides, slug)) return false;
      seen[slug] = true;
      return true;
    }).slice(0, MAX);
  }

  function chooser(data, picks) {
    var form = el("form", "cg-compare__chooser");
    form.setAttribute("method", "get");
    var fieldset = el("fieldset");
    fieldset.appendChild(el("legend", null, "Choose two to four careers"));
    var slugs = Object.keys(data.guides).sort(function (a, b) {
      var ta = data.guides[a].title.toLowerCase();
      var tb = data.guides[b].title.toLowerCase();
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    });
    var selects = [];
    for (var i = 0; i < MAX; i++) {
      var id = "cg-compare-" + (i + 1);
      var label = el("label", "cg-compare__label", "Career " + (i + 1));
      label.htmlFor = id;
      var select = el("select", "cg-compare__select");
      select.id = id;
      select.appendChild(el("option", null, "(none)")).value = "";
      slugs.forEach(function (slug) {
        var option = el("option", null, data.guides[slug].title);
        option.value = slug;
        select.appendChild(option);
      });
      select.value = picks[i] || "";
      selects.push(select);
      var row = el("div", "cg-compare__field");
      row.appendChild(label);
      row.appendChild(select);
      fieldset.appendChild(row);
    }
    form.appendChild(fieldset);
    var button = el("button", "cg-compare__submit", "Compare");
    button.type = "submit";
    form.appendChild(button);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var seen = {};
      var list = selects.map(function (s) { return s.value; }).filter(function (v) {
        if (!v || seen[v]) return false;
        seen[v] = true;
        return true;
      });
      var target = new URL(window.location.href);
      target.search = list.length ? "?c=" + list.join(",") : "";
      window.location.href = target.href;
    });
    return form;
  }

  function sentence(titles) {
    return titles.length < 2 ? titles.join("") : titles.slice(0, -1).join(", ") + " and " + titles[titles.length - 1];
  }

  /* The table with its caption above the scrolling box, so that the caption
     is never cut off, and a cue when the table is wider than the screen. */
  function table(data, picks) {
    var box = el("div", "cg-compare__result");
    var titles = picks.map(function (slug) { return data.guides[slug].title; });
    var caption = el("h2", "cg-compare__caption", "Comparing " + sentence(titles));
    caption.id = "cg-compare-caption";
    box.appendChild(caption);
    var cue = el("p", "cg-compare__cue", "The table is wider than the screen: scroll it sideways to see every career.");
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
    var corner = el("th", null, "Fact");
    corner.scope = "col";
    row.appendChild(corner);
    picks.forEach(function (slug) {
      var th = el("th");
      th.scope = "col";
      var link = el("a", null, data.guides[slug].title);
      link.href = new URL(data.guides[slug].path, base()).href;
      th.appendChild(link);
      row.appendChild(th);
    });
    head.appendChild(row);
    t.appendChild(head);
    var body = el("tbody");
    data.fields.forEach(function (field) {
      var known = picks.some(function (slug) { return data.guides[slug].facts[field[0]]; });
      if (!known) return;
      var tr = el("tr");
      var th = el("th", null, field[1]);
      th.scope = "row";
      tr.appendChild(th);
      picks.forEach(function (slug) {
        var value = data.guides[slug].facts[field[0]];
        var td = el("td", null, value || "—");
        if (!value) td.setAttribute("aria-label", "Not known");
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    var cited = sources(data, picks);
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
  function sources(data, picks) {
    var lines = [];
    picks.forEach(function (slug) {
      (data.guides[slug].sources || []).forEach(function (pair) {
        var line = lines.find(function (l) { return l.what === pair[0] && l.name === pair[1]; });
        if (!line) lines.push(line = { what: pair[0], name: pair[1], titles: [] });
        line.titles.push(data.guides[slug].title);
      });
    });
    if (!lines.length) return null;
    var p = el("p", "cg-compare__sources source-line", "Sources: ");
    lines.forEach(function (line, i) {
      var all = line.titles.length === picks.length;
      p.appendChild(document.createTextNode(line.what + (all ? "" : " (" + sentence(line.titles) + ")") + ": "));
      p.appendChild(el("cite", null, line.name));
      p.appendChild(document.createTextNode(i === lines.length - 1 ? "." : "; "));
    });
    return p;
  }

  function render(container, data) {
    var picks = chosen(data.guides);
    container.textContent = "";
    container.appendChild(chooser(data, picks));
    if (picks.length >= 2) {
      var result = table(data, picks);
      container.appendChild(result);
      result.cueIfWide();
    } else {
      container.appendChild(el("p", "cg-compare__hint", "Choose at least two careers, then select Compare."));
    }
  }

  function start() {
    var container = document.querySelector("[data-cg-compare]");
    if (!container) return;
    load(container);
  }

  function load(container) {
  fetch(new URL("compare.json", base()))
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(function (data) { render(container, data); })
    .catch(function () { /* Keep the page's own fallback content. */ });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
