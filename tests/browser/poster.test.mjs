// Board posters as 展板 on the sheet each board chooses (`poster:` in its
// front matter, A3 portrait by default): Chromium's own print-to-pdf, then
// pdfinfo reads the page size and pdftoppm renders the last page to measure
// how much of it is left blank (poppler-utils). In the browser: body text
// ≥ 20 pt, QR codes ≥ 40 mm with the URL at ≥ 9 pt, and no title line that
// holds a single character.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite, serve, launch } from "./helpers.mjs";

const SHOWING = `showing:
  - { page: "@/articles/yongdian-qunuan.md", from: 2026-11-10, until: 2026-12-10 }
  - { page: "@/articles/aed/index.md", from: 2026-11-10, until: 2026-12-10 }
  - { page: "@/emergency/hanchao-2026-11.md", from: 2026-11-18, until: 2026-11-24 }
`;

// [board, size, orientation, PDF page size in pt]; the first board has no
// `poster:` and prints on the default A3 portrait.
const SHEETS = [
  ["sheet-default", "A3", "portrait", [842, 1191]],
  ["sheet-a3-landscape", "A3", "landscape", [1191, 842]],
  ["sheet-a4-portrait", "A4", "portrait", [595, 842]],
  ["sheet-a4-landscape", "A4", "landscape", [842, 595]],
  ["sheet-a2-portrait", "A2", "portrait", [1191, 1684]],
  ["sheet-a2-landscape", "A2", "landscape", [1684, 1191]],
];

const extra = {};
for (const [id, size, orientation] of SHEETS) {
  const sheet = id === "sheet-default" ? "" : `poster: { size: ${size}, orientation: ${orientation} }\n`;
  extra[`content/boards/${id}.md`] = `---
title: 测试${size}${orientation === "portrait" ? "纵向" : "横向"}科普宣传栏
board_kind: bulletin
place: plaza
town: xianlong
${sheet}${SHOWING}---
x
`;
}

let site;
let server;
let browser;
let dir;
before(async () => {
  site = buildSite(extra);
  server = await serve(site.out);
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kepu-pdf-"));
});
after(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
  if (dir) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Prints `url` with Chromium's print-to-pdf into `pdf`. */
async function printPdf(url, pdf, name) {
  const chromium = process.env.KEPU_CHROMIUM || "/usr/bin/chromium";
  // Asynchronous: the static server runs in this process and must answer.
  const run = await promisify(execFile)(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${path.join(dir, `profile-${name}`)}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${pdf}`,
      url,
    ],
    { encoding: "utf8", timeout: 60_000 },
  ).catch((e) => e);
  assert.ok(fs.existsSync(pdf), `no PDF written: ${run.stderr || run}`);
}

/** The share of the last page's height left blank below the content. */
function blankAtEnd(pdf, pages, name) {
  const prefix = path.join(dir, name);
  const r = spawnSync("pdftoppm", ["-r", "24", "-gray", "-f", String(pages), "-l", String(pages), pdf, prefix], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, `pdftoppm failed (apt-get install poppler-utils): ${r.stderr}`);
  const file = fs.readdirSync(dir).find((f) => f.startsWith(name) && f.endsWith(".pgm"));
  const data = fs.readFileSync(path.join(dir, file));
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = data.subarray(0, 64).toString("latin1").split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const start = data.length - w * h;
  let blank = 0;
  for (let y = h - 1; y >= 0; y--) {
    const row = data.subarray(start + y * w, start + (y + 1) * w);
    if (row.some((v) => v < 245)) {
      break;
    }
    blank++;
  }
  return blank / h;
}

for (const [id, size, orientation, [pw, ph]] of SHEETS) {
  test(`poster on ${size} ${orientation}: fills the sheet, type, QR and titles`, async () => {
    const url = `${server.url}/boards/${id}/poster/`;
    const pdf = path.join(dir, `${id}.pdf`);
    await printPdf(url, pdf, id);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.equal(info.status, 0, `pdfinfo failed (apt-get install poppler-utils): ${info.stderr}`);
    const m = info.stdout.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
    assert.ok(m, info.stdout);
    assert.ok(Math.abs(Number(m[1]) - pw) < 2 && Math.abs(Number(m[2]) - ph) < 2, `page size ${m[1]} × ${m[2]}, want ${pw} × ${ph}`);
    const pages = Number(info.stdout.match(/Pages:\s+(\d+)/)[1]);
    const blank = blankAtEnd(pdf, pages, id);
    assert.ok(blank <= 0.15, `${(blank * 100).toFixed(1)} % of the last page (of ${pages}) left blank`);

    const page = await browser.newPage({ viewport: { width: 2400, height: 1200 } });
    try {
      await page.goto(url);
      await page.waitForLoadState("load");
      const r = await page.evaluate(() => {
        const px = (el) => parseFloat(getComputedStyle(el).fontSize);
        // Characters per line box of an element's text.
        const lines = (el) => {
          const tops = new Map();
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (let i = 0; i < n.length; i++) {
              if (!n.data[i].trim()) {
                continue;
              }
              const range = document.createRange();
              range.setStart(n, i);
              range.setEnd(n, i + 1);
              const rect = range.getClientRects()[0];
              if (rect) {
                const key = Math.round(rect.top / 4);
                tops.set(key, (tops.get(key) || 0) + 1);
              }
            }
          }
          return [...tops.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
        };
        const titles = [...document.querySelectorAll(".poster__title, .poster__item-text")].map((el) => ({
          text: el.textContent,
          lines: lines(el),
        }));
        return {
          body: [...document.querySelectorAll(".poster__text")].map(px),
          qr: [...document.querySelectorAll(".poster__qr svg")].map((s) => s.getBoundingClientRect().width),
          url: [...document.querySelectorAll(".poster__url")].map(px),
          covers: [...document.querySelectorAll(".poster__cover")].map((i) => i.getBoundingClientRect().height),
          steps: document.querySelectorAll(".poster__steps li").length,
          titles,
        };
      });
      const PT = 96 / 72;
      const MM = 96 / 25.4;
      assert.equal(r.body.length, 3, "three items");
      assert.ok(r.body.every((s) => s >= 20 * PT - 0.01), `body ${r.body.map((s) => (s / PT).toFixed(1))} pt`);
      assert.ok(r.qr.length === 4 && r.qr.every((w) => w >= 40 * MM), `QR ${r.qr.map((w) => (w / MM).toFixed(1))} mm`);
      assert.ok(r.url.every((s) => s >= 9 * PT), `URL ${r.url.map((s) => (s / PT).toFixed(1))} pt`);
      assert.ok(r.covers.length >= 1 && r.covers.every((h) => h >= 40 * MM), `covers ${r.covers.map((h) => (h / MM).toFixed(0))} mm tall`);
      assert.ok(r.steps >= 3, "the note's steps are the key points");
      for (const t of r.titles) {
        assert.ok(t.lines.every((n) => n >= 2), `title “${t.text}” has a line of one character: ${t.lines}`);
      }
    } finally {
      await page.close();
    }
  });
}
