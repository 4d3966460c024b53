// Search in real headless Chromium: Chinese and mixed queries typed into
// the search box (and the header's box) find the expected pages of the
// example site, excerpts mark the matched terms, titles stay text, a query
// fetches only a few index files, and no request leaves 127.0.0.1.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openSite } from "./helpers.mjs";

const XSS_TITLE = "<script>window.__xss=1</script> 防晒<b>小</b>知识";

let s;

before(async () => {
  s = await openSite({
    "content/articles/xss-test.md": `---\ntitle: ${JSON.stringify(XSS_TITLE)}\ndate: 2026-07-01\n---\n防晒霜的 SPF 数值表示防护能力。\n`,
  });
});

after(async () => {
  await s?.close();
});

/** Waits until the results region shows the outcome of `q`. */
async function settled(page, q) {
  await page.waitForFunction(
    (want) => {
      const r = document.getElementById("search-results");
      return r && r.getAttribute("data-query") === want && !r.hasAttribute("aria-busy");
    },
    q,
    { timeout: 10000 },
  );
}

/** Result links (paths), in order. */
function results(page) {
  return page.$$eval("#search-results .search-result__title a", (as) => as.map((a) => new URL(a.href).pathname));
}

/** Opens /search/, types `q` into the box like a reader, returns the result paths. */
async function typeQuery(q) {
  const page = await s.newPage();
  await page.goto(`${s.url}/search/`);
  await page.locator("#search-q").pressSequentially(q, { delay: 30 });
  await settled(page, q);
  return { page, found: await results(page) };
}

const CASES = [
  ["中暑", ["/articles/zhong-shu-ji-jiu/", "/emergency/gaowen-2026-09/"]],
  ["防汛", ["/articles/xunqi-chuxing/", "/stations/xianlongcun/"]],
  ["AED 使用", ["/articles/aed/"]],
  ["北斗 基站", ["/articles/beidou/"]],
  ["寒潮", ["/emergency/hanchao-2026-11/"]],
  ["心肺复苏", ["/articles/aed/"]],
];

for (const [q, expected] of CASES) {
  test(`typing ${q} finds ${expected.join(", ")}`, async () => {
    const { page, found } = await typeQuery(q);
    for (const e of expected) {
      assert.ok(found.includes(e), `${q}: ${e} not in ${JSON.stringify(found)}`);
    }
    const marks = await page.$$eval("#search-results mark", (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.length > 0, "matched terms are marked");
    assert.match(page.url(), /\?q=/, "the query is kept in the address");
    await page.close();
  });
}

test("a title match ranks first", async () => {
  const { page, found } = await typeQuery("中暑");
  assert.equal(found[0], "/articles/zhong-shu-ji-jiu/");
  const first = await page.$eval("#search-results .search-result", (li) => ({
    title: li.querySelector("mark")?.textContent,
    url: li.querySelector(".search-result__url")?.textContent,
    excerpt: li.querySelector(".search-result__excerpt")?.textContent,
  }));
  assert.equal(first.title, "中暑");
  assert.match(first.url, /\/articles\/zhong-shu-ji-jiu\/$/);
  assert.ok(first.excerpt.includes("中暑"));
  await page.close();
});

test("the header box sends the query to the search page", async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/`);
  await page.locator("#site-search-q").pressSequentially("AED 使用", { delay: 20 });
  await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator("#site-search-q").press("Enter")]);
  await settled(page, "AED 使用");
  assert.equal(await page.inputValue("#search-q"), "AED 使用");
  assert.ok((await results(page)).includes("/articles/aed/"));
  await page.close();
});

test("titles are shown as text, never run", async () => {
  const { page, found } = await typeQuery("防晒");
  assert.ok(found.includes("/articles/xss-test/"), JSON.stringify(found));
  const titles = await page.$$eval("#search-results .search-result__title", (hs) => hs.map((h) => h.textContent));
  assert.ok(titles.includes(XSS_TITLE), JSON.stringify(titles));
  assert.equal(await page.$$eval("#search-results script, #search-results b", (x) => x.length), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await page.close();
});

test("a query fetches only the manifest, its shards and ten documents", async () => {
  const before = s.server.requests.length;
  const { page } = await typeQuery("中暑");
  const fetched = s.server.requests.slice(before).filter((r) => r.startsWith("/search/") && !r.startsWith("/search/?"));
  const shards = fetched.filter((r) => r.startsWith("/search/t/"));
  const docs = fetched.filter((r) => r.startsWith("/search/d/"));
  assert.ok(fetched.some((r) => r.startsWith("/search/index.json")), JSON.stringify(fetched));
  assert.ok(shards.length >= 1 && shards.length <= 2, JSON.stringify(shards));
  assert.ok(docs.length >= 1 && docs.length <= 10, JSON.stringify(docs));
  await page.close();
});

test("more results load on request", async () => {
  const { page, found } = await typeQuery("科普");
  assert.equal(found.length, 10);
  await page.click(".search-more");
  await page.waitForFunction(() => document.querySelectorAll("#search-results .search-result").length > 10);
  const focused = await page.evaluate(() => document.activeElement?.closest(".search-result") !== null);
  assert.ok(focused, "focus moves to the first new result");
  await page.close();
});

test("a word found nowhere is named, the rest still searched", async () => {
  const { page, found } = await typeQuery("北斗 zzqxv");
  assert.ok(found.includes("/articles/beidou/"), JSON.stringify(found));
  const status = await page.textContent("#search-results .search-status");
  assert.match(status, /没有找到“zzqxv”/);
  await page.close();
});

test("nothing found says so", async () => {
  const { page, found } = await typeQuery("量子隧穿显微镜");
  assert.deepEqual(found, []);
  const status = await page.textContent("#search-results .search-status");
  assert.match(status, /没有找到/);
  await page.close();
});

test("no request left 127.0.0.1 and no script failed", () => {
  s.assertClean();
});
