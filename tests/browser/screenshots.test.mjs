// Screenshots for people to look at: home, an article, an emergency note and
// a board, on a phone (390 × 844) and a desktop (1280 × 800), in the normal
// and the large-text mode, full page, saved to target/screenshots/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openSite } from "./helpers.mjs";
import { MODES, modeContext, screenshotDir, slug } from "./theme.mjs";

const PAGES = [
  ["home", "/"],
  ["article", "/articles/zhong-shu-ji-jiu/"],
  ["emergency note", "/emergency/hanchao-2026-11/"],
  ["board", "/boards/renmin-guangchang/"],
];
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

test("screenshots of home, article, note and board, phone and desktop, both modes", async () => {
  const dir = screenshotDir();
  const saved = [];
  for (const mode of MODES) {
    for (const viewport of VIEWPORTS) {
      const context = await modeContext(site, mode, { viewport });
      try {
        const page = await context.newPage();
        for (const [kind, url] of PAGES) {
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
  assert.equal(saved.length, PAGES.length * VIEWPORTS.length * MODES.length);
  assert.deepEqual(site.external, [], "requests left 127.0.0.1");
  assert.deepEqual(site.errors, [], "script errors");
});
