// Measures a built site's search index: its size (raw and gzip), the ratio
// to the gzip HTML of the pages it indexes, and the gzip bytes that typical
// queries transfer, running the real search.js engine over the files.
//
//   node benches/search_bytes.mjs OUT_DIR [QUERY ...]
//
// A query transfers what the search page fetches: the manifest, the term
// shards of its terms, and the documents of the first ten results. Each
// file is counted gzip-compressed (level 6, as hosts serve it).

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const search = createRequire(import.meta.url)(path.join(repo, "themes/default/static/js/search.js"));

const TYPICAL = [
  "中暑", "防汛", "中暑症状", "暴雨预警", "地震 避险", "高血压", "垃圾分类", "AED 使用", "5G 基站",
  "人工智能 大模型", "电动自行车充电", "食品安全", "新能源汽车", "心理健康 睡眠", "野生菌", "北斗",
  "流感疫苗", "节约用水", "反诈", "永川秀芽",
];

const out = process.argv[2];
if (!out) {
  console.error("usage: node benches/search_bytes.mjs OUT_DIR [QUERY ...]");
  process.exit(2);
}
const queries = process.argv.length > 3 ? process.argv.slice(3) : TYPICAL;
const dir = path.join(out, "search");
const gz = (buf) => zlib.gzipSync(buf, { level: 6 }).length;

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
}

// 1. Index size. The page search/index.html is not part of the index.
let raw = 0;
let packed = 0;
let files = 0;
for (const f of walk(dir)) {
  if (f.endsWith(".html")) {
    continue;
  }
  const b = fs.readFileSync(f);
  raw += b.length;
  packed += gz(b);
  files++;
}

// 2. The gzip HTML of the indexed pages.
const manifest = JSON.parse(fs.readFileSync(path.join(dir, "index.json"), "utf8"));
let html = 0;
for (let id = 0; id < manifest.pages; id++) {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, "d", `${id}.json`), "utf8"));
  const file = path.join(out, decodeURI(doc.u), "index.html");
  if (fs.existsSync(file)) {
    html += gz(fs.readFileSync(file));
  }
}

// 3. Bytes per query.
const sizes = new Map();
function fetchLogged(log) {
  return (url) => {
    const rel = url.replace(/\?.*$/, "");
    const buf = fs.readFileSync(path.join(dir, rel));
    if (!sizes.has(rel)) {
      sizes.set(rel, gz(buf));
    }
    log.add(rel);
    return Promise.resolve(buf.toString("utf8"));
  };
}

const rows = [];
for (const q of queries) {
  const log = new Set();
  const index = new search.Index("index.json", fetchLogged(log));
  const res = await index.search(q);
  await Promise.all(res.hits.slice(0, 10).map((h) => index.doc(h.page)));
  const bytes = [...log].reduce((n, f) => n + sizes.get(f), 0);
  rows.push({ q, hits: res.hits.length, files: log.size, bytes });
}

const kb = (n) => (n / 1024).toFixed(1);
console.log(`pages indexed       ${manifest.pages}`);
console.log(`index files         ${files} (${manifest.shards} term shards)`);
console.log(`index size          ${kb(raw)} KiB raw, ${kb(packed)} KiB gzip`);
console.log(`indexed HTML        ${kb(html)} KiB gzip`);
console.log(`index / HTML (gzip) ${(packed / html).toFixed(3)}`);
console.log(" KiB gzip  files   hits  query");
for (const r of rows) {
  console.log(`${kb(r.bytes).padStart(9)}  ${String(r.files).padStart(5)}  ${String(r.hits).padStart(5)}  ${r.q}`);
}
const total = rows.reduce((n, r) => n + r.bytes, 0);
const max = rows.reduce((m, r) => Math.max(m, r.bytes), 0);
console.log(`per query           mean ${kb(total / rows.length)} KiB, max ${kb(max)} KiB gzip`);
