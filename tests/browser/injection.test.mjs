// Script injection through Markdown under `markdown.raw_html: escape` and
// `sanitize`: heading attributes (`## T {#t onfocus=...}`) keep only the id,
// classes and harmless keys, so no handler reaches the DOM and none runs.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { REPO, openSite } from "./helpers.mjs";

const ATTACK = `---
title: 攻击
date: 2026-11-01
---

## 自动聚焦 {#t tabindex=0 autofocus onfocus="window.__pwned=1" .safe lang=zh}

## 悬停 {#u onclick="window.__pwned=2" onmouseover="window.__pwned=3" style="position:fixed;inset:0"}

正文。
`;

for (const policy of ["escape", "sanitize"]) {
  test(`no handler attribute reaches the DOM under raw_html: ${policy}`, async () => {
    const yaml = fs.readFileSync(path.join(REPO, "site.yaml"), "utf8");
    assert.ok(!/^markdown:/m.test(yaml), "the example site.yaml sets markdown: already");
    const site = await openSite({
      "site.yaml": `${yaml}\nmarkdown: { raw_html: ${policy} }\n`,
      "content/articles/gong-ji.md": ATTACK,
    });
    try {
      const page = await site.newPage();
      await page.goto(`${site.url}/articles/gong-ji/`);
      await page.hover("#u");
      await page.click("#u");
      await page.focus("#t").catch(() => {});
      await page.waitForTimeout(100);
      const found = await page.evaluate(() => {
        const main = document.querySelector("main");
        const bad = [];
        for (const el of main.querySelectorAll("h2")) {
          for (const a of el.getAttributeNames()) {
            if (a.startsWith("on") || a === "style" || a === "autofocus" || a === "tabindex") bad.push(`${el.id}:${a}`);
          }
        }
        return { bad, pwned: window.__pwned ?? null, t: document.getElementById("t")?.className, lang: document.getElementById("t")?.lang };
      });
      assert.deepEqual(found.bad, []);
      assert.equal(found.pwned, null);
      assert.equal(found.t, "safe");
      assert.equal(found.lang, "zh");
      site.assertClean();
    } finally {
      await site.close();
    }
  });
}
