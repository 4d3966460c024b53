// Printing: articles and notes print without the menu, the search, the
// large-text switch and the banners, and every link in their content shows
// its full URL on paper (computed ::after, then the text of the PDF that
// Chromium prints). Board posters: A3, see poster.test.mjs.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSite } from "./helpers.mjs";
import { modeContext } from "./theme.mjs";

const ORIGIN = "https://kepu.example.org"; // base_url of the example site

const PRINTED = [
  ["article", "/articles/zhong-shu-ji-jiu/"],
  ["emergency note", "/emergency/hanchao-2026-11/"],
  ["column entry", "/columns/2026-w47-tv/"],
];

let site;
let context;
let dir;
before(async () => {
  site = await openSite();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kepu-print-"));
});
after(async () => {
  await context?.close();
  await site?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** What print shows of the page chrome and content links. */
function printed() {
  const shown = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const chrome = {};
  for (const [name, sel] of [
    ["menu", ".site-nav"],
    ["header search", ".site-header .site-search"],
    ["large-text switch", "[data-large-text-toggle]"],
    ["banners", ".banners"],
    ["skip link", ".skip-link"],
  ]) {
    chrome[name] = [...document.querySelectorAll(sel)].some(shown);
  }
  const links = [...document.querySelectorAll("main .content a[href]")]
    .filter((a) => !a.getAttribute("href").startsWith("#"))
    .map((a) => ({
      href: a.href,
      text: a.textContent.trim(),
      after: getComputedStyle(a, "::after").content,
    }));
  const anchors = [...document.querySelectorAll("main .content a[href^='#']")].map(
    (a) => getComputedStyle(a, "::after").content,
  );
  return {
    chrome,
    links,
    anchors,
    title: document.querySelector("h1")?.textContent.trim(),
    content: shown(document.querySelector("main .content")),
  };
}

for (const [kind, url] of PRINTED) {
  test(`print: the ${kind} drops menu, search and banners and shows link URLs`, async () => {
    context ||= await modeContext(site, "normal");
    const page = await context.newPage();
    try {
      await page.goto(site.url + url);
      // On screen the banner and menu are there…
      const screen = await page.evaluate(printed);
      assert.ok(screen.chrome.menu && screen.chrome.banners, `${kind}: menu and banner on screen`);
      // …on paper they are not.
      await page.emulateMedia({ media: "print" });
      const p = await page.evaluate(printed);
      assert.deepEqual(
        p.chrome,
        { menu: false, "header search": false, "large-text switch": false, banners: false, "skip link": false },
        `${kind}: chrome hidden in print`,
      );
      assert.ok(p.content, `${kind}: content prints`);
      assert.ok(p.links.length > 0, `${kind}: has content links to check`);
      for (const l of p.links) {
        const absolute = l.href.replace(site.url, ORIGIN);
        assert.ok(
          l.after.includes(absolute),
          `${kind}: the link "${l.text}" shows its URL ${absolute} in print (::after is ${l.after})`,
        );
      }
      for (const a of p.anchors) {
        assert.ok(a === "none" || a === "normal" || !a.includes("#"), `${kind}: in-page anchors print no URL (${a})`);
      }

      // The printed PDF says the same.
      const pdf = path.join(dir, `${kind.replace(/\W+/g, "-")}.pdf`);
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      assert.equal(text.status, 0, `pdftotext failed (apt-get install poppler-utils): ${text.stderr}`);
      const flat = text.stdout.replace(/\s+/g, "");
      assert.ok(flat.includes(p.title.replace(/\s+/g, "")), `${kind}: the title is on paper`);
      for (const l of p.links) {
        const absolute = l.href.replace(site.url, ORIGIN);
        assert.ok(flat.includes(absolute), `${kind}: ${absolute} is printed`);
      }
      for (const word of ["跳到正文", "大字版", "搜索科普内容", "有效期至"]) {
        if (kind === "emergency note" && word === "有效期至") continue; // the note's own expiry line
        assert.ok(!flat.includes(word), `${kind}: "${word}" is not printed`);
      }
    } finally {
      await page.close();
    }
    assert.deepEqual(site.external, [], "requests left 127.0.0.1");
  });
}

test("print: a board poster is an A3 page (see poster.test.mjs for the PDF)", async () => {
  context ||= await modeContext(site, "normal");
  const page = await context.newPage();
  try {
    await page.goto(`${site.url}/boards/renmin-guangchang/poster/`);
    await page.emulateMedia({ media: "print" });
    const size = await page.evaluate(() => {
      for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
          if (rule instanceof CSSPageRule) return rule.style.getPropertyValue("size");
        }
      }
      return null;
    });
    assert.match(size || "", /^(A3( portrait)?|297mm 420mm)$/i, "the poster's @page size is A3 portrait");
    const pdf = path.join(dir, "poster.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.equal(info.status, 0, info.stderr);
    assert.match(info.stdout, /Page size:\s+84\d(\.\d+)? x 119\d(\.\d+)? pts \(A3\)/, info.stdout);
  } finally {
    await page.close();
  }
});
