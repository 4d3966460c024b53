// Emergency banners: shown while a note is active, hidden by the page's own
// script once its `data-expires` has passed (even if nobody rebuilds), and
// kept when JavaScript is off (better a stale warning than none).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openSite } from "./helpers.mjs";

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

const EXPIRES = "2026-11-23T20:00:00+08:00";

async function bannerAt(time, options = {}) {
  const context = await site.browser.newContext({ locale: "zh-CN", ...options });
  await context.route("**/*", (r) => (new URL(r.request().url()).hostname === "127.0.0.1" ? r.continue() : r.abort()));
  const page = await context.newPage();
  if (time && options.javaScriptEnabled !== false) {
    await page.clock.setFixedTime(new Date(time));
  }
  await page.goto(`${site.url}/articles/`);
  const banner = page.locator(`[data-expires="${EXPIRES}"]`).first();
  const count = await banner.count();
  const visible = count > 0 && (await banner.isVisible());
  const text = count > 0 ? await banner.innerText() : "";
  await context.close();
  return { count, visible, text };
}

test("an active note's banner shows before its expiry", async () => {
  const b = await bannerAt("2026-11-22T12:00:00+08:00");
  assert.equal(b.count, 1);
  assert.ok(b.visible, "visible before expiry");
  assert.match(b.text, /蓝色预警/, "the level is written, not only coloured");
  assert.match(b.text, /2026年11月23日 20:00/, "says until when it applies");
});

test("the script hides the banner once the clock passes data-expires", async () => {
  const b = await bannerAt("2026-11-24T08:00:00+08:00");
  assert.equal(b.count, 1, "the banner is in the page");
  assert.ok(!b.visible, "hidden after expiry");
});

test("with JavaScript off the banner stays", async () => {
  const b = await bannerAt(null, { javaScriptEnabled: false });
  assert.ok(b.visible);
});
