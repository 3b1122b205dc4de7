// Unit tests of the search script's matching, run under Node:
//   node --test tests/web/search.test.cjs
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { closest, distance, prepare, search } = require(path.join(__dirname, "../../src/render/assets/search.js"));

const index = prepare({
  v: 1,
  categories: ["Sales", "Management"],
  skills: ["Negotiation", "Communication", "Spreadsheets"],
  guides: [
    ["Account manager", "account-manager/", "The customer's main contact.", ["Client manager"], [0, 1], 0, "11-2022.00"],
    ["Sales manager", "sales-manager/", "Leads a sales team.", [], [0], 1, "11-2022"],
    ["Financial analyst", "financial-analyst/", "Guides investment decisions.", ["Investment analyst"], [2], null, "13-2051.00"],
    ["Customer service representative", "customer-service-representative/", "Answers questions."]
  ]
});
const titles = (q) => search(index, q).map((g) => g.title);

test("distance counts adjacent transpositions as one edit", () => {
  assert.strictEqual(distance("manager", "manager", 2), 0);
  assert.strictEqual(distance("manegar", "manager", 2), 2);
  assert.strictEqual(distance("mnaager", "manager", 2), 1);
  assert.strictEqual(distance("abc", "xyzxyz", 1), 2);
});

test("exact and prefix titles rank first", () => {
  assert.deepStrictEqual(titles("account manager")[0], "Account manager");
  assert.deepStrictEqual(titles("sales"), ["Sales manager", "Account manager"]);
});

test("titles match with typos", () => {
  assert.deepStrictEqual(titles("acount manger"), ["Account manager"]);
  assert.deepStrictEqual(titles("finacial analist"), ["Financial analyst"]);
  assert.deepStrictEqual(titles("custmer"), ["Customer service representative"]);
});

test("alternate titles, skills, codes and summary are searched", () => {
  assert.deepStrictEqual(titles("client"), ["Account manager"]);
  assert.deepStrictEqual(titles("investment"), ["Financial analyst"]);
  assert.deepStrictEqual(titles("spreadsheets"), ["Financial analyst"]);
  assert.deepStrictEqual(titles("13-2051"), ["Financial analyst"]);
  assert.deepStrictEqual(titles("questions"), ["Customer service representative"]);
});

test("every word must match and empty queries find nothing", () => {
  assert.deepStrictEqual(titles("account zebra"), []);
  assert.deepStrictEqual(titles("   "), []);
});

// Version 2 of the index: industries, fields of study and duty words.
const v2 = prepare({
  v: 2,
  categories: ["Healthcare", "Construction"],
  skills: ["Communication", "Problem solving"],
  industries: ["Hospitals", "Building equipment contractors"],
  fields: ["Nursing", "Electrical technology"],
  words: ["assess", "patients", "wiring", "blueprints", "nurse"],
  guides: [
    ["Registered nurse", "registered-nurse/", "Plans and gives patient care.", ["RN"], [0], 0, "29-1141", [0], [0], "000001"],
    ["Electrician", "electrician/", "Installs electrical systems.", [], [1], 1, "47-2111", [1], [1], "002003"],
    ["Nurse educator", "nurse-educator/", "Teaches nursing students.", [], [0], 0, "25-1072"]
  ]
});
const v2titles = (q) => search(v2, q).map((g) => g.title);

test("fields of study, industries and duties are searched", () => {
  assert.deepStrictEqual(v2titles("nursing")[0], "Registered nurse");
  assert.deepStrictEqual(v2titles("hospitals"), ["Registered nurse"]);
  assert.deepStrictEqual(v2titles("wiring"), ["Electrician"]);
  assert.deepStrictEqual(v2titles("blueprints"), ["Electrician"]);
});

test("a title match ranks above a better match elsewhere", () => {
  // "nurse" is a title word of both nurses; the duty word of the electrician does not count.
  assert.deepStrictEqual(v2titles("nurse"), ["Nurse educator", "Registered nurse"]);
});

test("closest titles help a query that found nothing", () => {
  assert.deepStrictEqual(search(v2, "electricain zzz"), []);
  assert.deepStrictEqual(closest(v2, "electricain zzz", 3).map((g) => g.title), ["Electrician"]);
  assert.deepStrictEqual(closest(v2, "qqqq", 3), []);
});
