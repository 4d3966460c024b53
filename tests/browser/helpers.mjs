// Shared harness of the browser tests (node --test tests/browser/).
//
// 1. buildSite(): copy the example site at the repository root into a temp
//    folder (plus any extra files a test adds), build it with the kepu
//    binary ($KEPU_BIN, else target/debug or target/release) at the fixed
//    clock NOW.
// 2. serve(dir): a tiny static server on 127.0.0.1, on an ephemeral port;
//    folders answer with their index.html, unknown paths with 404.html.
// 3. launch(): Debian's chromium ($KEPU_CHROMIUM, else /usr/bin/chromium)
//    driven by playwright-core; never a downloaded browser.
// 4. openSite(): all three, plus a browser context that aborts and records
//    every request leaving 127.0.0.1 and every script error; `close()`
//    tears everything down, `assertClean()` fails on either.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const NOW = "2026-11-20T10:00:00+08:00";

const SITE_PARTS = ["site.yaml", "content", "themes", "data", "static", "templates"];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

/** The kepu binary: $KEPU_BIN, else the newest of target/{debug,release}/kepu. */
export function kepuBin() {
  if (process.env.KEPU_BIN) {
    return process.env.KEPU_BIN;
  }
  const found = ["debug", "release"]
    .map((p) => path.join(REPO, "target", p, "kepu"))
    .filter((p) => fs.existsSync(p))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  assert.ok(found.length, "no kepu binary: run cargo build, or set KEPU_BIN");
  return found[0];
}

/**
 * Builds a copy of the example site; `extra` maps paths under the site to
 * file contents. Returns { root, out, stderr, cleanup }.
 */
export function buildSite(extra = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kepu-browser-"));
  for (const part of SITE_PARTS) {
    const from = path.join(REPO, part);
    if (fs.existsSync(from)) {
      fs.cpSync(from, path.join(root, part), { recursive: true });
    }
  }
  for (const [rel, text] of Object.entries(extra)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  const out = path.join(root, "public");
  const run = spawnSync(kepuBin(), ["build", "--root", root, "-o", out, "--now", NOW], { encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`kepu build failed (${run.error || run.status}):\n${run.stderr}`);
  }
  const stderr = run.stderr;
  return {
    root,
    out,
    stderr,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Serves `dir` on 127.0.0.1; resolves to { url, requests, close }. */
export function serve(dir) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname + url.search);
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      rel = "/";
    }
    let file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      file = path.join(file, "index.html");
    }
    let status = 200;
    if (!fs.existsSync(file)) {
      status = 404;
      file = path.join(dir, "404.html");
    }
    const type = TYPES[path.extname(file)] || "application/octet-stream";
    res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

/** Launches Debian's chromium, headless. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.KEPU_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Builds, serves and opens the example site (with `extra` files).
 * Resolves to { url, site, server, browser, context, external, errors,
 * newPage, assertClean, close }.
 */
export async function openSite(extra = {}, contextOptions = {}) {
  const site = buildSite(extra);
  const server = await serve(site.out);
  const browser = await launch();
  const context = await browser.newContext({ locale: "zh-CN", ...contextOptions });
  const external = [];
  const errors = [];
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== "127.0.0.1") {
      external.push(u.href);
      return route.abort();
    }
    return route.continue();
  });
  const newPage = async () => {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    return page;
  };
  return {
    url: server.url,
    site,
    server,
    browser,
    context,
    external,
    errors,
    newPage,
    assertClean() {
      assert.deepEqual(external, [], "requests left 127.0.0.1");
      assert.deepEqual(errors, [], "script errors");
    },
    async close() {
      await browser.close();
      await server.close();
      site.cleanup();
    },
  };
}
