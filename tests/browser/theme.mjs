// Shared by the theme's browser tests (a11y, large text, no JavaScript,
// print, screenshots): one page of every kind, and browser contexts in
// either mode that record each request leaving 127.0.0.1.

import fs from "node:fs";
import path from "node:path";
import { REPO, NOW } from "./helpers.mjs";

/** One page of every kind the default theme renders: [name, path]. */
export const KINDS = [
  ["home", "/"],
  ["list", "/articles/"],
  ["article", "/articles/zhong-shu-ji-jiu/"],
  ["emergency note", "/emergency/hanchao-2026-11/"],
  ["column week", "/columns/2026/w47/"],
  ["board", "/boards/renmin-guangchang/"],
  ["board poster", "/boards/renmin-guangchang/poster/"],
  ["station", "/stations/heping-shequ/"],
  ["town", "/towns/xianlong/"],
  ["tag", "/tags/ji-jiu/"],
  ["dashboard", "/dashboard/"],
  ["site map", "/sitemap/"],
  ["search", "/search/?q=%E4%B8%AD%E6%9A%91"],
  ["404", "/no-such-page/"],
];

export const MODES = ["normal", "large-text"];

/** Every 适老化 mode: the two above and 高对比 (high-contrast, WCAG AAA). */
export const ALL_MODES = [...MODES, "high-contrast"];

/** The localStorage key that turns each mode on. */
export const MODE_KEYS = { "large-text": "kepu-large-text", "high-contrast": "kepu-contrast" };

/**
 * Kinds without the site header, so without the large-text switch: the board
 * poster is a print sheet (A3, no menu, no script) whose screen view is a
 * preview of the paper.
 */
export const NO_HEADER = new Set(["board poster"]);

export const STORAGE_KEY = "kepu-large-text";

/**
 * A new browser context of `site` (from openSite) in `mode`, its clock fixed
 * at the build's NOW (so the active note's banner shows), every request
 * leaving 127.0.0.1 aborted and pushed to `site.external` as
 * "<page> -> <url>", every script error pushed to `site.errors`.
 */
export async function modeContext(site, mode, options = {}) {
  const context = await site.browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", ...options });
  if (options.javaScriptEnabled !== false) {
    await context.clock.setFixedTime(new Date(NOW));
  }
  if (MODE_KEYS[mode]) {
    await context.addInitScript((key) => {
      try {
        localStorage.setItem(key, "1");
      } catch {
        /* about:blank has no storage */
      }
    }, MODE_KEYS[mode]);
  }
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== "127.0.0.1") {
      const from = route.request().frame()?.url() || "?";
      site.external.push(`${from} -> ${u.href}`);
      return route.abort();
    }
    return route.continue();
  });
  context.on("page", (page) => page.on("pageerror", (e) => site.errors.push(`${page.url()}: ${e}`)));
  return context;
}

/** The folder of saved screenshots, target/screenshots/ of the repository. */
export function screenshotDir() {
  const dir = path.join(REPO, "target", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A file-name slug for a kind name. */
export function slug(name) {
  return name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase() || "page";
}

/** Opens a kind's page; for search, waits until search.js shows the results. */
export async function visit(page, site, kind, url) {
  const response = await page.goto(site.url + url);
  if (kind === "search" && (await page.evaluate(() => !!window.fetch && document.documentElement.classList.contains("js")))) {
    await page.waitForFunction(
      () => {
        const r = document.getElementById("search-results");
        return r && r.hasAttribute("data-query") && !r.hasAttribute("aria-busy");
      },
      null,
      { timeout: 10000 },
    );
  }
  return response;
}
