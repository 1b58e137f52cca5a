/**
 * `npm run lighthouse`: starts the app (npm start, embedded database in a temporary folder), runs
 * Lighthouse 12 in Debian's Chromium against the public pages and the login page, measures the
 * first-load JavaScript of `/`, and writes docs/lighthouse.md.
 * Plain JavaScript on purpose: tsx adds helpers to functions that Lighthouse sends into the page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const PAGES = ["/", "/tentang", "/kontak", "/faq", "/login"];
const port = process.env.LIGHTHOUSE_PORT || "3777";
const base = process.env.LIGHTHOUSE_BASE_URL || `http://localhost:${port}`;

async function startApp() {
  if (process.env.LIGHTHOUSE_BASE_URL) return null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-lighthouse-"));
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    detached: true,
    stdio: "ignore",
    env: { ...process.env, PORT: port, HELPDESK_DATA_DIR: dataDir, HELPDESK_ADMIN_PASSWORD: "Lighthouse-Only-2026", DATABASE_URL: "" },
  });
  const deadline = Date.now() + 8 * 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // gone
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Sum of the gzip sizes of the scripts `/` loads on first visit. */
async function firstLoadJsKb() {
  const html = await (await fetch(`${base}/`)).text();
  // noModule scripts (legacy polyfills) are not loaded by current browsers.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const srcs = [...new Set(tags.map((tag) => /src="([^"]+)"/.exec(tag)?.[1]).filter(Boolean))];
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return Math.round((total / 1024) * 10) / 10;
}

async function main() {
  const stop = await startApp();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const rows = [];
  try {
    for (const page of PAGES) {
      await fetch(`${base}${page}`); // warm the server's caches; Lighthouse measures the page, not a cold start
      const result = await lighthouse(`${base}${page}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      const lhr = result.lhr;
      const score = (k) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
      const ms = (id) => lhr.audits[id]?.displayValue ?? "–";
      rows.push(
        `| \`${page}\` | ${score("performance")} | ${score("accessibility")} | ${score("best-practices")} | ${score("seo")} | ${ms("first-contentful-paint")} | ${ms("largest-contentful-paint")} | ${ms("total-blocking-time")} | ${ms("cumulative-layout-shift")} |`,
      );
      console.log(rows.at(-1));
    }
    const js = await firstLoadJsKb();
    const cpu = os.cpus();
    const doc = `# Lighthouse

Measured by \`npm run lighthouse\` (Lighthouse 12.2, default mobile profile with simulated throttling,
Debian Chromium, headless) against \`npm start\` on the embedded database.

- Date: ${new Date().toISOString()}
- Machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}
- Targets: performance ≥ 95, accessibility 100; first-load JavaScript of \`/\` ≤ 120 kB gzip.

| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |
|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

First-load JavaScript of \`/\`: **${js} kB** gzip (all \`<script src>\` of the page, gzip-compressed).
`;
    fs.mkdirSync("docs", { recursive: true });
    fs.writeFileSync("docs/lighthouse.md", doc);
    console.log(`first-load JS of /: ${js} kB gzip → docs/lighthouse.md`);
  } finally {
    chrome.kill();
    stop?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
