// Screenshots for people to look at (CI keeps target/screenshots/ as an
// artefact): every page kind on a phone (390 × 844) and a desktop
// (1280 × 800) in the normal mode, and home, article and note in the
// large-text and high-contrast modes; full page.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openSite } from "./helpers.mjs";
import { KINDS, ALL_MODES, modeContext, screenshotDir, slug } from "./theme.mjs";

const FEW = new Set(["home", "article", "emergency note"]);
/** [mode, kinds]: every kind in the normal mode, a few in the others. */
const PLAN = ALL_MODES.map((mode) => [mode, mode === "normal" ? KINDS : KINDS.filter(([k]) => FEW.has(k))]);
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

test("screenshots of every page kind, phone and desktop", async () => {
  const dir = screenshotDir();
  const saved = [];
  for (const [mode, pages] of PLAN) {
    for (const viewport of VIEWPORTS) {
      const context = await modeContext(site, mode, { viewport });
      try {
        const page = await context.newPage();
        for (const [kind, url] of pages) {
          await page.goto(site.url + url);
          const file = path.join(dir, `${slug(kind)}-${viewport.width}x${viewport.height}-${mode}.png`);
          await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
          assert.ok(fs.statSync(file).size > 10_000, `${file} has a picture`);
          saved.push(path.relative(process.cwd(), file));
        }
      } finally {
        await context.close();
      }
    }
  }
  assert.equal(saved.length, PLAN.reduce((n, [, pages]) => n + pages.length, 0) * VIEWPORTS.length);
  assert.deepEqual(site.external, [], "requests left 127.0.0.1");
  assert.deepEqual(site.errors, [], "script errors");
});
