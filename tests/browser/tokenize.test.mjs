// The JS tokenizer of search.js against the tokens the Rust tokenizer
// produced (tests/fixtures/search-tokens.json, checked by tests/it/search.rs):
// index terms, query terms and shard hashes must agree exactly.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { REPO } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const search = require(path.join(REPO, "themes/default/static/js/search.js"));
const cases = JSON.parse(fs.readFileSync(path.join(REPO, "tests/fixtures/search-tokens.json"), "utf8"));

test("the fixture has the shared samples", () => {
  assert.ok(cases.length >= 20);
});

for (const c of cases) {
  test(`tokens of ${JSON.stringify(c.text)}`, () => {
    const index = search.indexTerms(c.text);
    assert.deepEqual(index, c.index, "index terms");
    assert.deepEqual(search.queryTerms(c.text), c.query.map((q) => ({ text: q.text, prefix: q.prefix })), "query terms");
    assert.deepEqual(index.map((t) => search.fnv1a(search.shardKey(t))), c.hashes, "shard hashes");
  });
}

test("decoding postings", () => {
  assert.deepEqual(search.decode("3b12a"), [[3, 2], [15, 1]]);
  assert.deepEqual(search.decode(""), []);
});

test("folding keeps UTF-16 positions for excerpts", () => {
  const s = "ＡＥＤ 𠀀中暑 Ünï";
  assert.equal(search.fold(s).length, s.length);
  const occ = search.occurrences("使用ＡＥＤ前先做心肺复苏，aeds 与 raed 不算", search.queryTerms("aed 心肺"));
  assert.deepEqual(occ.map((o) => [o.s, o.e]), [[2, 5], [8, 10], [13, 17]]);
});
