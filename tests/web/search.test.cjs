// Unit tests of the search script's matching, run under Node:
//   node --test tests/web/search.test.cjs
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { distance, prepare, search } = require(path.join(__dirname, "../../src/render/assets/search.js"));

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
