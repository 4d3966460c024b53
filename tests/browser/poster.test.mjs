// Board posters print on A3 portrait: Chromium's own print-to-pdf, then
// pdfinfo (poppler-utils) reads the page size.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite, serve } from "./helpers.mjs";

let site;
let server;
before(async () => {
  site = buildSite();
  server = await serve(site.out);
});
after(async () => {
  await server?.close();
  site?.cleanup();
});

test("the poster of a board prints to A3 portrait pages", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kepu-pdf-"));
  const pdf = path.join(dir, "poster.pdf");
  const chromium = process.env.KEPU_CHROMIUM || "/usr/bin/chromium";
  // Asynchronous: the static server runs in this process and must answer.
  const run = await promisify(execFile)(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${path.join(dir, "profile")}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${pdf}`,
      `${server.url}/boards/renmin-guangchang/poster/`,
    ],
    { encoding: "utf8", timeout: 60_000 },
  ).catch((e) => e);
  assert.ok(fs.existsSync(pdf), `no PDF written: ${run.stderr || run}`);
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  assert.equal(info.status, 0, `pdfinfo failed (apt-get install poppler-utils): ${info.stderr}`);
  assert.match(info.stdout, /Page size:\s+84\d\.\d+ x 119\d\.\d+ pts \(A3\)/, info.stdout);
  fs.rmSync(dir, { recursive: true, force: true });
});
