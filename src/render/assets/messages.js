  /* careergen's messages for scripts, written into search.js, compare.js
     and all-careers.js in place of their `careergen: messages` line (see
     src/render/script_messages.rs). MESSAGES holds the messages of the
     language of the pages the script serves, by key: a text with {name}
     placeholders, or, for a text that depends on a count, an object
     naming the count's placeholder (`by`) with a text per CLDR plural
     category of the language. */
  var MESSAGES = __MESSAGES__;

  function lang() {
    return (typeof document !== "undefined" && document.documentElement.lang) || "en";
  }

  /* A number as the page's language writes it. */
  function number(n) {
    return typeof Intl !== "undefined" ? new Intl.NumberFormat(lang()).format(n) : String(n);
  }

  /* The message `key` with its {name} placeholders filled from `args`
     (numbers formatted for the language); a message that depends on a
     count is chosen by the language's plural rules. As nodes when an
     argument is a node (a link), else as text. */
  function message(key, args) {
    var parts = messageParts(key, args || {});
    return parts.every(function (p) { return typeof p === "string"; }) ? parts.join("") : parts;
  }

  function messageParts(key, args) {
    var text = MESSAGES[key];
    if (text == null) return [key];
    if (typeof text === "object") {
      var n = Number(args[text.by]);
      var category = typeof Intl !== "undefined" && Intl.PluralRules
        ? new Intl.PluralRules(lang()).select(n) : n === 1 ? "one" : "other";
      text = text[category] != null ? text[category] : text.other;
    }
    var out = [];
    String(text).split(/(\{\w+\})/).forEach(function (part) {
      var name = /^\{(\w+)\}$/.exec(part);
      var value = name && name[1] in args ? args[name[1]] : part;
      if (typeof value === "number") value = number(value);
      out = out.concat(Array.isArray(value) ? value : [value]);
    });
    return out.filter(function (p) { return p !== ""; });
  }

  /* Appends a message, text or nodes, to `node`. */
  function write(node, parts) {
    (Array.isArray(parts) ? parts : [parts]).forEach(function (part) {
      node.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
    return node;
  }

  /* Items (text or nodes) as the language lists them: "A, B and C",
     "A, B o C" (`type` "conjunction" or "disjunction"); text when every
     item is text, else a list of text and nodes. */
  function listOf(items, type) {
    var marks = items.map(function (_, i) { return "\u0000" + i + "\u0000"; });
    var parts;
    try {
      parts = new Intl.ListFormat(lang(), { type: type }).formatToParts(marks);
    } catch (e) {
      parts = [];
      marks.forEach(function (m, i) {
        if (i) parts.push({ type: "literal", value: ", " });
        parts.push({ type: "element", value: m });
      });
    }
    var out = parts.map(function (p) {
      var at = /^\u0000(\d+)\u0000$/.exec(p.value);
      return p.type === "element" && at ? items[Number(at[1])] : p.value;
    });
    return out.every(function (p) { return typeof p === "string"; }) ? out.join("") : out;
  }

