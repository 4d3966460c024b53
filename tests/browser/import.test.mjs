// An article imported with `kepu import wechat` (the saved-page fixture of
// tests/fixtures/wechat/) put into the example site: axe finds no WCAG 2.1 AA
// violation on it in either mode, every link and image of its body answers,
// and no request leaves 127.0.0.1.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSite, kepuBin, REPO } from "./helpers.mjs";
import { MODES, modeContext } from "./theme.mjs";

const AXE = fs.readFileSync(path.join(REPO, "node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FIXTURE = path.join(REPO, "tests/fixtures/wechat/saved/夏季防中暑，这些知识要知道.html");
const SLUG = "xia-ji-fang-zhong-shu-zhe-xie-zhi-shi-yao-zhi-dao";

/** The bundle the importer writes, as extra files for the example site. */
function importedBundle() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kepu-import-"));
  try {
    fs.copyFileSync(path.join(REPO, "site.yaml"), path.join(tmp, "site.yaml"));
    const run = spawnSync(kepuBin(), ["--root", tmp, "import", "wechat", "--offline", FIXTURE], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const dir = path.join(tmp, "content/articles", SLUG);
    const extra = {};
    for (const name of fs.readdirSync(dir)) {
      extra[`content/articles/${SLUG}/${name}`] = fs.readFileSync(path.join(dir, name));
    }
    return extra;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

let site;
before(async () => {
  site = await openSite(importedBundle());
});
after(async () => {
  await site?.close();
});

for (const mode of MODES) {
  test(`imported WeChat article: no axe violation, ${mode} mode`, async () => {
    const context = await modeContext(site, mode, { viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${site.url}/articles/${SLUG}/`);
      assert.equal(response.status(), 200);
      assert.ok(await page.getByText("原文链接").isVisible(), "the original link shows");
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(
        (values) => window.axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }),
        TAGS,
      );
      const lines = result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      assert.deepEqual(lines, [], "axe violations");
      // Every local link and image of the article answers.
      const targets = await page.evaluate(() =>
        [...document.querySelectorAll(".content a[href], .content img[src]")]
          .map((e) => e.getAttribute("href") || e.getAttribute("src"))
          .filter((u) => !/^[a-z]+:/i.test(u)),
      );
      assert.ok(targets.length >= 3, `local links and images: ${targets}`);
      for (const t of targets) {
        const r = await page.request.get(new URL(t, page.url()).href);
        assert.equal(r.status(), 200, `${t} answers`);
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(site.external, [], "requests left 127.0.0.1");
    assert.deepEqual(site.errors, [], "script errors");
  });
}
