// WCAG 2.0/2.1 A and AA in a real browser: axe-core, every impact level, on
// one page of every kind, in the normal, large-text and high-contrast mode,
// on a phone and a desktop viewport; in high-contrast mode also AAA contrast
// (color-contrast-enhanced, 7:1); and no request leaves 127.0.0.1.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openSite, REPO } from "./helpers.mjs";
import { KINDS, ALL_MODES as MODES, NO_HEADER, modeContext, visit } from "./theme.mjs";

const AXE = fs.readFileSync(path.join(REPO, "node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const VIEWPORTS = [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 800 }],
];

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

/** Readable lines for axe violations. */
function describe(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`    ${n.target.join(" ")}`);
      lines.push(`      ${n.html.slice(0, 200)}`);
      if (n.failureSummary) {
        lines.push(`      ${n.failureSummary.replace(/\n/g, " / ")}`);
      }
    }
    if (v.nodes.length > 8) {
      lines.push(`    … and ${v.nodes.length - 8} more`);
    }
  }
  return lines.join("\n");
}

let checked = 0;

// One load per kind and mode; axe then runs at each viewport in turn (the
// page is resized, not reloaded: only CSS depends on the width).
for (const mode of MODES) {
  test(`axe: zero WCAG 2.1 AA violations on every kind, ${mode} mode, phone and desktop`, async () => {
    const context = await modeContext(site, mode, { viewport: VIEWPORTS[0][1] });
    const failures = [];
    try {
      const page = await context.newPage();
      for (const [kind, url] of KINDS) {
        const before = site.external.length;
        await page.setViewportSize(VIEWPORTS[0][1]);
        await visit(page, site, kind, url);
        if (kind === "search") {
          const n = await page.locator("#search-results .search-result").count();
          assert.ok(n > 0, "the search for 中暑 shows results");
        }
        if (!NO_HEADER.has(kind)) {
          // The clock is the build's: the cold-wave note's banner is up (on
          // the home page as a card below the masthead).
          const mark = kind === "home" ? ".home-notes .note-card" : ".banner";
          assert.ok(await page.locator(mark).first().isVisible(), `${kind}: the active note shows`);
        }
        for (const m of ["large-text", "high-contrast"]) {
          const on = await page.evaluate((c) => document.documentElement.classList.contains(c), m);
          assert.equal(on, mode === m && !NO_HEADER.has(kind), `${kind}: ${m} class in ${mode} mode`);
        }
        await page.addScriptTag({ content: AXE });
        for (const [vpName, viewport] of VIEWPORTS) {
          await page.setViewportSize(viewport);
          const result = await page.evaluate(
            (values) => window.axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
            TAGS,
          );
          checked++;
          if (result.violations.length) {
            failures.push(`${kind} (${url}), ${mode}, ${vpName}:\n${describe(result.violations)}`);
          }
          if (mode === "high-contrast" && !NO_HEADER.has(kind)) {
            const aaa = await page.evaluate(
              () => window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast-enhanced"] }, resultTypes: ["violations"] }),
            );
            if (aaa.violations.length) {
              failures.push(`${kind} (${url}), high-contrast AAA, ${vpName}:\n${describe(aaa.violations)}`);
            }
          }
        }
        assert.deepEqual(site.external.slice(before), [], `${kind}: requests left 127.0.0.1`);
      }
    } finally {
      await context.close();
    }
    assert.equal(failures.length, 0, `axe violations:\n${failures.join("\n\n")}`);
    assert.deepEqual(site.errors, [], "script errors");
  });
}

test("axe checked every kind in every mode and viewport", () => {
  assert.equal(checked, KINDS.length * MODES.length * VIEWPORTS.length);
});
