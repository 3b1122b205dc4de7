// Unit tests of the search script's own logic, run under Node:
//   node --test tests/web/search.test.cjs
// Pagefind does the matching; the script corrects typos against the title
// words, orders title matches first and finds the closest titles. Real
// queries against a built index run in the browser suite.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { correction, distance, nearWords, refine, titleFirst, words } = require(path.join(__dirname, "../../src/render/assets/search.js"));

const vocabulary = ["account", "accountant", "analyst", "customer", "electrician", "executive", "financial", "manager", "nurse", "registered", "representative", "sales", "service"];

test("distance counts adjacent transpositions as one edit", () => {
  assert.strictEqual(distance("manager", "manager", 2), 0);
  assert.strictEqual(distance("manegar", "manager", 2), 2);
  assert.strictEqual(distance("mnaager", "manager", 2), 1);
  assert.strictEqual(distance("abc", "xyzxyz", 1), 2);
});

test("words split on anything but letters and digits, without accents", () => {
  assert.deepStrictEqual(words("Café  manager/11-2022"), ["cafe", "manager", "11", "2022"]);
});

test("a misspelt word is corrected to the closest title word within the typo budget", () => {
  assert.strictEqual(correction("acount", vocabulary), "account");
  assert.strictEqual(correction("finacial", vocabulary), "financial");
  assert.strictEqual(correction("analist", vocabulary), "analyst");
  assert.strictEqual(correction("custmer", vocabulary), "customer");
  assert.strictEqual(correction("electricain", vocabulary), "electrician");
  // A misspelt start of a longer word.
  assert.strictEqual(correction("managr", vocabulary), "manager");
});

test("short words, codes and words too far from any title word are not corrected", () => {
  assert.strictEqual(correction("rn", vocabulary), null);
  assert.strictEqual(correction("zzz", vocabulary), null);
  assert.strictEqual(correction("qqqqqq", vocabulary), null);
  assert.strictEqual(correction("112022", vocabulary), null);
});

test("near words for the no-results help allow a third of the word in edits, closest first", () => {
  assert.deepStrictEqual(nearWords("manger", vocabulary, 3).map((p) => p[0]), ["manager"]);
  assert.deepStrictEqual(nearWords("acountant", vocabulary, 3).map((p) => p[0]), ["accountant"]);
  assert.deepStrictEqual(nearWords("zzz", vocabulary, 3), []);
});

// Pagefind results as its runtime gives them, before records are loaded.
const result = (id, score, fields) => ({ id, score, matchedMetaFields: fields });

test("title matches come first, then alternate-title matches, then by relevance", () => {
  const ordered = titleFirst([
    result("duties", 9, []),
    result("alternate", 3, ["alternates"]),
    result("title-low", 2, ["title"]),
    result("title-high", 4, ["summary", "title"]),
  ]).map((r) => r.id);
  assert.deepStrictEqual(ordered, ["title-high", "title-low", "alternate", "duties"]);
});

test("a page of results puts the title equal to the query first, and equal scores by title", () => {
  const record = (title) => ({ meta: { title } });
  const shown = [
    [result("a", 13.84, ["title"]), record("Sales representative")],
    [result("b", 13.8, ["title"]), record("Sales manager")],
    [result("c", 13.1, ["title"]), record("Sales")],
    [result("d", 2.3, []), record("Buyer")],
    [result("e", 2.9, []), record("Account executive")],
  ];
  assert.deepStrictEqual(refine(shown, "sales").map((r) => r.meta.title), [
    "Sales",
    "Sales manager",
    "Sales representative",
    "Account executive",
    "Buyer",
  ]);
});
