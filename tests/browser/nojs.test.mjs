// With JavaScript off the site still works (search results and the
// large-text switch aside): the menu, lists, emergency banners and all the
// content of every kind show, the same text as with JavaScript on; the
// switch that could not work is not shown; nothing leaves 127.0.0.1.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openSite } from "./helpers.mjs";
import { KINDS, NO_HEADER, modeContext, visit } from "./theme.mjs";

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

/** What a reader sees of the page. */
function snapshot() {
  const visible = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== "hidden" && Number(cs.opacity) > 0;
  };
  const main = document.querySelector("main");
  // Every element of main that holds text of its own must be visible.
  const hiddenText = [];
  // Controls that need the script (字号, 朗读, 打印) are shown by it: the
  // reading content is compared without them.
  for (const el of document.querySelectorAll("[data-js-only]")) el.hidden = true;
  if (main) {
    for (const el of main.querySelectorAll("*")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue.trim());
      if (!own || el.closest("[data-js-only], .visually-hidden, noscript, template, details:not([open]) > :not(summary), svg title, svg desc, style, script")) continue;
      if (!visible(el)) hiddenText.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class")} "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  const broken = [...document.images].filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.src);
  return {
    js: document.documentElement.className,
    menu: [...document.querySelectorAll(".site-nav a")].filter(visible).map((a) => a.textContent.trim()),
    search: visible(document.querySelector(".site-header .site-search")),
    toggle: visible(document.querySelector("[data-large-text-toggle]")),
    // The active notes: the banner, on the home page a card below the masthead.
    banners: [...document.querySelectorAll(".banner, .home-notes .note-card__title")].filter(visible).map((b) => b.innerText.replace(/\s+/g, " ").trim()),
    items: document.querySelectorAll("main li").length,
    main: main ? main.innerText.replace(/\s+/g, " ").trim() : "",
    hiddenText,
    broken,
  };
}

test("every kind reads the same with JavaScript off", async () => {
  const off = await modeContext(site, "normal", { javaScriptEnabled: false });
  const on = await modeContext(site, "normal");
  const problems = [];
  let checked = 0;
  try {
    const pageOff = await off.newPage();
    const pageOn = await on.newPage();
    for (const [kind, url] of KINDS) {
      const response = await pageOff.goto(site.url + url);
      assert.equal(response.status(), kind === "404" ? 404 : 200, `${kind}: status`);
      const a = await pageOff.evaluate(snapshot);
      await visit(pageOn, site, kind, url);
      const b = await pageOn.evaluate(snapshot);
      checked++;
      const where = `${kind} (${url})`;
      assert.ok(!a.js.split(" ").includes("js"), `${where}: the page script did not run`);
      if (!NO_HEADER.has(kind)) {
        assert.ok(a.menu.length >= 5 && a.menu.includes("应急科普"), `${where}: the menu shows: ${a.menu}`);
        assert.deepEqual(a.menu, b.menu, `${where}: the same menu as with JavaScript`);
        assert.ok(a.search, `${where}: the search form shows (it submits to /search/)`);
        assert.equal(a.toggle, false, `${where}: no dead large-text switch`);
        assert.equal(b.toggle, true, `${where}: the switch shows with JavaScript`);
        assert.equal(a.banners.length, 1, `${where}: the active note's banner shows`);
        assert.match(a.banners[0], /寒潮/);
        assert.deepEqual(a.banners, b.banners, `${where}: same banners with and without JavaScript`);
      }
      for (const h of a.hiddenText) problems.push(`${where}: hidden without JavaScript: ${h}`);
      for (const i of a.broken) problems.push(`${where}: image not shown: ${i}`);
      if (kind === "search") {
        assert.match(a.main, /站内搜索需要启用浏览器的 JavaScript/, "search says it needs JavaScript");
        continue;
      }
      assert.ok(a.main.length > 20, `${where}: main has content`);
      if (a.main !== b.main) {
        problems.push(`${where}: the text of main differs without JavaScript:\n  off: ${a.main.slice(0, 300)}\n  on:  ${b.main.slice(0, 300)}`);
      }
      assert.equal(a.items, b.items, `${where}: same list items`);
    }
  } finally {
    await off.close();
    await on.close();
  }
  assert.equal(checked, KINDS.length);
  assert.deepEqual(problems, []);
  assert.deepEqual(site.external, [], "requests left 127.0.0.1");
  assert.deepEqual(site.errors, [], "script errors");
});

test("lists of every section list their pages without JavaScript", async () => {
  const context = await modeContext(site, "normal", { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    for (const [url, min] of [
      ["/articles/", 5],
      ["/emergency/", 3],
      ["/columns/", 4],
      ["/boards/", 3],
      ["/stations/", 3],
      ["/towns/", 3],
      ["/tags/", 5],
    ]) {
      await page.goto(site.url + url);
      const links = await page.$$eval("main a[href]", (as) => as.filter((a) => a.offsetParent !== null).length);
      assert.ok(links >= min, `${url}: ${links} visible links in the list, expected at least ${min}`);
    }
    // Pagination works: page 2 of the articles is a plain link.
    await page.goto(`${site.url}/articles/`);
    const next = page.locator(".pager a", { hasText: "2" }).first();
    assert.ok(await next.isVisible(), "the pager shows");
    await Promise.all([page.waitForURL(/\/articles\/page\/2\/$/), next.click()]);
    assert.ok((await page.locator("main .summary").count()) > 0, "page 2 lists articles");
  } finally {
    await context.close();
  }
  assert.deepEqual(site.external, [], "requests left 127.0.0.1");
});
