// Large-text mode (适老化) and reflow, measured in the browser:
//  - the 大字版 switch in the header is a real button reached with Tab and
//    toggled with Enter (aria-pressed, label 大字版 / 标准版);
//  - in the mode, body text ≥ 20 px, line height ≥ 1.8 × the font size,
//    every control in the header, menu, banners and main ≥ 48 × 48 CSS px
//    (links inside running text are exempt, as WCAG 2.5.5 says), and text
//    contrast of at least 7:1;
//  - the choice persists across pages (localStorage) and is on <html>
//    before the body is parsed (no flash of the small text);
//  - at 320 CSS px and at 1280 px with 200 % zoom (a 640 px viewport)
//    nothing scrolls sideways and nothing sticks out, on every kind, in both
//    modes (WCAG 1.4.10 reflow).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openSite } from "./helpers.mjs";
import { KINDS, MODES, NO_HEADER, STORAGE_KEY, modeContext, visit } from "./theme.mjs";

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

/** The mode as the page shows it. */
function modeOf(page) {
  return page.evaluate(() => {
    const b = document.querySelector("[data-large-text-toggle]");
    return {
      on: document.documentElement.classList.contains("large-text"),
      pressed: b && b.getAttribute("aria-pressed"),
      label: b && b.textContent.trim(),
      stored: localStorage.getItem("kepu-large-text"),
    };
  });
}

test("the 大字版 switch is reached with Tab, toggled with Enter and persists across pages", async () => {
  const context = await modeContext(site, "normal");
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    const toggle = page.locator("[data-large-text-toggle]");
    assert.equal(await toggle.evaluate((b) => b.tagName), "BUTTON", "a real button");
    assert.ok(await toggle.isVisible(), "shown when JavaScript runs");
    assert.deepEqual(await modeOf(page), { on: false, pressed: "false", label: "大字版", stored: null });

    // Tab from the top of the page until the switch has focus.
    let tabs = 0;
    for (; tabs < 10; tabs++) {
      await page.keyboard.press("Tab");
      if (await toggle.evaluate((b) => b === document.activeElement)) {
        break;
      }
    }
    assert.ok(tabs < 10, "the switch is reached with Tab");
    assert.ok(tabs <= 3, `the switch is among the first stops (reached after ${tabs + 1} tabs)`);
    const ring = await toggle.evaluate((b) => getComputedStyle(b).outlineStyle);
    assert.notEqual(ring, "none", "focus is visible on the switch");

    await page.keyboard.press("Enter");
    assert.deepEqual(await modeOf(page), { on: true, pressed: "true", label: "标准版", stored: "1" });
    assert.ok(
      await toggle.evaluate((b) => b === document.activeElement),
      "focus stays on the switch after toggling",
    );

    // Follow the menu to another page: still large, the switch says so.
    await Promise.all([page.waitForURL(`${site.url}/articles/`), page.click(".site-nav a[href='/articles/']")]);
    assert.deepEqual(await modeOf(page), { on: true, pressed: "true", label: "标准版", stored: "1" });

    // A page opened afresh in a new tab, too.
    const other = await context.newPage();
    await other.goto(`${site.url}/emergency/hanchao-2026-11/`);
    assert.equal((await modeOf(other)).on, true, "a new tab opens in large-text mode");
    await other.close();

    // Space toggles back; standard mode persists as well.
    await page.locator("[data-large-text-toggle]").focus();
    await page.keyboard.press("Space");
    assert.deepEqual(await modeOf(page), { on: false, pressed: "false", label: "大字版", stored: null });
    await page.goto(`${site.url}/boards/`);
    assert.equal((await modeOf(page)).on, false, "standard mode persists");
  } finally {
    await context.close();
  }
  assert.deepEqual(site.external, [], "requests left 127.0.0.1");
});

test("the mode is on <html> before the body is parsed (no flash)", async () => {
  const context = await modeContext(site, "large-text");
  try {
    await context.addInitScript(() => {
      // Runs as the document is created, before <html> exists.
      window.__lt = {};
      const record = (when) => {
        window.__lt[when] = document.documentElement.classList.contains("large-text");
      };
      const watch = new MutationObserver(() => {
        if (document.body && !("body" in window.__lt)) {
          record("body");
          watch.disconnect();
        }
      });
      watch.observe(document, { childList: true, subtree: true });
      document.addEventListener("DOMContentLoaded", () => record("domcontentloaded"));
    });
    const page = await context.newPage();
    for (const [kind, url] of KINDS) {
      if (NO_HEADER.has(kind)) {
        continue;
      }
      await page.goto(site.url + url);
      const seen = await page.evaluate(() => window.__lt);
      assert.deepEqual(seen, { body: true, domcontentloaded: true }, `${kind}: class present when <body> appears`);
    }
  } finally {
    await context.close();
  }
});

/**
 * Measures the page: body font size and line height, controls under 48 px
 * in header, nav and main (not inline links in running text), horizontal
 * overflow and elements sticking out of the viewport.
 */
function measure() {
  const body = getComputedStyle(document.body);
  const root = document.scrollingElement;
  const vw = root.clientWidth;
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    if (el.classList.length) s += `.${[...el.classList].join(".")}`;
    const p = el.parentElement;
    return `${p ? p.tagName.toLowerCase() + (p.classList.length ? "." + [...p.classList].join(".") : "") + " > " : ""}${s} "${(el.textContent || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30)}"`;
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility === "hidden" || cs.display === "none") return false;
    if (el.closest(".visually-hidden, .skip-link, [hidden]")) return false;
    return true;
  };
  const isBlock = (el) => !/^inline/.test(getComputedStyle(el).display) || el === document.body;
  // A link in running text: inline, and its block holds words of its own.
  const inRunningText = (el) => {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && !isBlock(block)) block = block.parentElement;
    if (!block) return false;
    let own = "";
    const walk = (node) => {
      for (const c of node.childNodes) {
        if (c.nodeType === 3) own += c.nodeValue;
        else if (c.nodeType === 1 && c.tagName !== "A" && isBlock(c) === false) walk(c);
      }
    };
    walk(block);
    return /[\p{L}\p{N}]/u.test(own);
  };
  const controls = document.querySelectorAll(
    "header a[href], header button, header input, header select, nav a[href], .banners a[href], main a[href], main button, main input, main select, main textarea, main summary",
  );
  const small = [];
  for (const el of controls) {
    if (!shown(el) || inRunningText(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 47.5 || r.height < 47.5) {
      small.push(`${name(el)} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
  }
  // Elements sticking out sideways, unless inside a scrolling box (wide
  // tables may scroll on their own) or clipped.
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right <= vw + 1 && r.left >= -1) continue;
    let clipped = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") {
        clipped = true;
        break;
      }
    }
    if (!clipped) out.push(`${name(el)} [${r.left.toFixed(0)}, ${r.right.toFixed(0)}]`);
  }
  return {
    fontSize: parseFloat(body.fontSize),
    lineHeight: parseFloat(body.lineHeight),
    scrollWidth: root.scrollWidth,
    clientWidth: vw,
    small,
    out: out.slice(0, 10),
  };
}

// Reflow widths (320 CSS px; 1280 px at 200 % zoom is a 640 px viewport)
// and the phone and desktop of the screenshots. Each page loads once per
// mode and is resized through all four: only CSS depends on the width.
const WIDTHS = [
  ["320 px", { width: 320, height: 640 }],
  ["390 px phone", { width: 390, height: 844 }],
  ["1280 px at 200 %", { width: 640, height: 400 }],
  ["1280 px desktop", { width: 1280, height: 800 }],
];

const results = { reflow: [], large: [], checks: 0, sized: 0 };

for (const mode of MODES) {
  test(`${mode} mode: every kind measured at ${WIDTHS.map((w) => w[0]).join(", ")}`, async () => {
    const context = await modeContext(site, mode, { viewport: WIDTHS[0][1] });
    try {
      const page = await context.newPage();
      for (const [kind, url] of KINDS) {
        await page.setViewportSize(WIDTHS[0][1]);
        await visit(page, site, kind, url);
        for (const [label, viewport] of WIDTHS) {
          await page.setViewportSize(viewport);
          const m = await page.evaluate(measure);
          const where = `${kind} (${url}), ${mode}, ${label}`;
          results.checks++;
          if (m.scrollWidth > m.clientWidth) {
            results.reflow.push(`${where}: scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth}`);
          }
          for (const o of m.out) results.reflow.push(`${where}: sticks out: ${o}`);
          if (mode !== "large-text" || NO_HEADER.has(kind)) {
            continue;
          }
          results.sized++;
          if (m.fontSize < 20) results.large.push(`${where}: body font size ${m.fontSize}px`);
          if (m.lineHeight < 1.8 * m.fontSize) {
            results.large.push(`${where}: line height ${m.lineHeight}px for ${m.fontSize}px`);
          }
          for (const x of m.small) results.large.push(`${where}: under 48 × 48 px: ${x}`);
        }
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(site.external, [], "requests left 127.0.0.1");
  });
}

test("reflow: nothing scrolls sideways or sticks out, every kind, both modes, 320 px to 1280 px at 200 %", () => {
  assert.equal(results.checks, KINDS.length * MODES.length * WIDTHS.length);
  assert.deepEqual(results.reflow, []);
});

test("large-text mode: body text ≥ 20 px, line height ≥ 1.8 ×, controls ≥ 48 × 48 px, every kind and width", () => {
  assert.equal(results.sized, (KINDS.length - NO_HEADER.size) * WIDTHS.length);
  assert.deepEqual(results.large, []);
});

test("standard mode keeps the usual size (the switch is what changes it)", async () => {
  const context = await modeContext(site, "normal");
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/articles/`);
    const m = await page.evaluate(measure);
    assert.ok(m.fontSize >= 16 && m.fontSize < 20, `standard body text ${m.fontSize}px`);
  } finally {
    await context.close();
  }
});

test("large-text mode has higher contrast: body and secondary text at least 7:1 (AAA)", async () => {
  const ratios = {};
  for (const mode of MODES) {
    const context = await modeContext(site, mode);
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/articles/`);
      ratios[mode] = await page.evaluate(() => {
        const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => {
          const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const ratio = (el) => {
          const fg = lum(rgb(getComputedStyle(el).color));
          let bgEl = el;
          while (bgEl && getComputedStyle(bgEl).backgroundColor.replace(/\s/g, "") === "rgba(0,0,0,0)") bgEl = bgEl.parentElement;
          const bg = lum(rgb(bgEl ? getComputedStyle(bgEl).backgroundColor : "rgb(255,255,255)"));
          return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        };
        return {
          body: ratio(document.querySelector("main p, main li")),
          secondary: ratio(document.querySelector(".summary__meta")),
          footer: ratio(document.querySelector(".site-footer")),
        };
      });
    } finally {
      await context.close();
    }
  }
  for (const [what, r] of Object.entries(ratios["large-text"])) {
    assert.ok(r >= 7, `large-text ${what} text contrast ${r.toFixed(2)}:1 is at least 7:1`);
    assert.ok(r >= ratios.normal[what], `large-text ${what} contrast not lower than standard (${ratios.normal[what].toFixed(2)}:1)`);
  }
  assert.ok(ratios["large-text"].secondary > ratios.normal.secondary, "secondary text darker in large-text mode");
});

test("the stored choice is the only state: clearing it restores the standard mode", async () => {
  const context = await modeContext(site, "normal");
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.evaluate((key) => localStorage.setItem(key, "1"), STORAGE_KEY);
    await page.reload();
    assert.equal((await modeOf(page)).on, true);
    await page.evaluate((key) => localStorage.removeItem(key), STORAGE_KEY);
    await page.reload();
    assert.equal((await modeOf(page)).on, false);
  } finally {
    await context.close();
  }
});
