// The page frame of the default theme in a real browser: breadcrumb on
// every page kind but home, the phone's first screen (header at most a
// quarter of 390 × 844, the 菜单 button, the active note without
// scrolling), the menu without JavaScript, 高对比 persisted and applied
// before first paint, 字号, and 朗读 against a stubbed speechSynthesis.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openSite } from "./helpers.mjs";
import { KINDS, NO_HEADER, modeContext, visit } from "./theme.mjs";

const PHONE = { width: 390, height: 844 };
const ARTICLE = "/articles/zhong-shu-ji-jiu/";
const NOTE = "/emergency/hanchao-2026-11/";

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

test("breadcrumb 当前位置 on every page kind but home, ending at the page", async () => {
  const context = await modeContext(site, "normal", { viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    for (const [kind, url] of KINDS) {
      await visit(page, site, kind, url);
      const crumb = await page.evaluate(() => {
        const nav = document.querySelector("nav.breadcrumb");
        const ld = [...document.querySelectorAll('script[type="application/ld+json"]')]
          .map((s) => JSON.parse(s.textContent))
          .find((j) => j["@type"] === "BreadcrumbList");
        return nav && {
          label: nav.getAttribute("aria-label"),
          items: [...nav.querySelectorAll("li")].map((li) => li.textContent.trim()),
          current: nav.querySelector('[aria-current="page"]')?.textContent.trim(),
          ld: ld ? ld.itemListElement.map((i) => i.name) : null,
        };
      });
      if (kind === "home") {
        assert.equal(crumb, null, "no breadcrumb on the home page");
        continue;
      }
      assert.ok(crumb, `${kind}: breadcrumb`);
      assert.equal(crumb.label, "当前位置");
      assert.equal(crumb.items[0], "首页", `${kind}: starts at 首页`);
      assert.ok(crumb.items.length >= 2, `${kind}: 首页 and the page`);
      assert.equal(crumb.current, crumb.items.at(-1), `${kind}: ends at the page itself`);
      assert.deepEqual(crumb.ld, crumb.items, `${kind}: JSON-LD BreadcrumbList matches`);
    }
  } finally {
    await context.close();
  }
});

test("phone first screen: header ≤ 1/4 of 390 × 844, 菜单 button, the active note visible without scrolling", async () => {
  const context = await modeContext(site, "normal", { viewport: PHONE });
  try {
    const page = await context.newPage();
    for (const [kind, url] of KINDS.filter(([k]) => !NO_HEADER.has(k))) {
      await visit(page, site, kind, url);
      const m = await page.evaluate(() => {
        const r = (sel) => document.querySelector(sel)?.getBoundingClientRect();
        const note = r(".home-notes .note-card__title") || r(".banner__text");
        const visible = (el) => !!el && getComputedStyle(el).display !== "none" && el.getClientRects().length > 0;
        return {
          header: r(".site-header").height,
          note: note && note.bottom,
          summary: visible(document.querySelector(".site-menu > summary")),
          wideNav: visible(document.querySelector(".site-nav--wide")),
        };
      });
      assert.ok(m.header <= PHONE.height / 4, `${kind}: header ${m.header}px ≤ ${PHONE.height / 4}px`);
      assert.ok(m.note && m.note <= PHONE.height, `${kind}: the active note ends at ${m.note}px, within the first screen`);
      assert.ok(m.summary && !m.wideNav, `${kind}: the menu is behind 菜单`);
    }
  } finally {
    await context.close();
  }
});

test("the 菜单 button opens the menu without JavaScript", async () => {
  const context = await modeContext(site, "normal", { viewport: PHONE, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(site.url + ARTICLE);
    const link = page.locator(".site-menu nav a", { hasText: "科普画廊" });
    assert.equal(await link.isVisible(), false, "closed at first");
    await page.locator(".site-menu > summary").click();
    assert.equal(await link.isVisible(), true, "open after a tap");
    await link.click();
    await page.waitForURL(/\/boards\/$/);
  } finally {
    await context.close();
  }
});

test("高对比 persists across pages and is on before first paint; 字号 sets three sizes", async () => {
  const context = await modeContext(site, "normal", { viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        window.__early = document.documentElement.className;
      });
    });
    const page = await context.newPage();
    await page.goto(site.url + ARTICLE);
    const toggle = page.locator("[data-contrast-toggle]");
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    await page.goto(site.url + "/boards/");
    assert.match(await page.evaluate(() => window.__early), /\bhigh-contrast\b/, "on before first paint on the next page");
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, "rgb(0, 0, 0)");
    await page.goto(site.url + ARTICLE);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".entry .content p")).fontSize));
    const medium = await size();
    await page.locator('[data-font-size="l"]').click();
    const large = await size();
    await page.locator('[data-font-size="s"]').click();
    const small = await size();
    assert.ok(small < medium && medium < large, `字号 ${small} < ${medium} < ${large}`);
    await page.reload();
    assert.equal(await size(), small, "字号 kept after a reload");
  } finally {
    await context.close();
  }
});

/** Stubs the browser's speech synthesis, recording calls in window.__speech. */
function stubSpeech() {
  window.__speech = { spoken: [], cancelled: 0, paused: 0 };
  class Utterance {
    constructor(text) {
      this.text = text;
      this.lang = "";
    }
  }
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
  Object.defineProperty(window, "speechSynthesis", {
    configurable: true,
    value: {
      speak: (u) => window.__speech.spoken.push({ text: u.text, lang: u.lang }),
      cancel: () => window.__speech.cancelled++,
      pause: () => window.__speech.paused++,
      resume: () => {},
    },
  });
}

test("朗读 reads the body in zh-CN with the browser's speech synthesis, pauses and stops", async () => {
  const context = await modeContext(site, "normal", { viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(stubSpeech);
    const page = await context.newPage();
    for (const url of [ARTICLE, NOTE]) {
      await page.goto(site.url + url);
      await page.locator("[data-read-start]").click();
      const { spoken } = await page.evaluate(() => window.__speech);
      assert.equal(spoken.length, 1, `${url}: one utterance`);
      assert.equal(spoken[0].lang, "zh-CN");
      const body = await page.evaluate(() => document.querySelector(".entry .content p").textContent.trim().slice(0, 12));
      assert.ok(spoken[0].text.includes(body), `${url}: the body is read (${spoken[0].text.slice(0, 40)}…)`);
      assert.ok(!spoken[0].text.includes("网站标识码"), "not the footer");
      await page.locator("[data-read-pause]").click();
      assert.equal((await page.evaluate(() => window.__speech)).paused, 1);
      const before = (await page.evaluate(() => window.__speech)).cancelled;
      await page.locator("[data-read-stop]").click();
      assert.equal((await page.evaluate(() => window.__speech)).cancelled, before + 1, "停止 cancels");
      assert.equal(await page.locator("[data-read-stop]").isVisible(), false);
      assert.equal(await page.locator("[data-read-start]").isVisible(), true);
    }
  } finally {
    await context.close();
  }
});

test("朗读 is hidden where the browser has no speech synthesis", async () => {
  const context = await modeContext(site, "normal", { viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(() => {
      Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(site.url + ARTICLE);
    assert.equal(await page.locator("[data-read-aloud]").isVisible(), false);
  } finally {
    await context.close();
  }
  assert.deepEqual(site.errors, [], "script errors");
});
