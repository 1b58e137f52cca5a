#!/usr/bin/env node
// CI supply-chain step:
// 1. every package named in security/patched-floors.json is installed at or above its floor;
// 2. `npm audit --audit-level=high` — when the registry answers. Some registries (and these
//    machines' mirror) refuse the advisories endpoint: then say so and do not fail on that alone.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const floorsFile = process.env.PATCHED_FLOORS_FILE || path.join(root, "security/patched-floors.json");
const { floors } = JSON.parse(fs.readFileSync(floorsFile, "utf8"));

/** -1, 0, 1 for plain x.y.z versions (a pre-release counts as below its release). */
export function compareVersions(a, b) {
  const parse = (v) => {
    const [main, pre] = String(v).replace(/^v/, "").split("-", 2);
    return { nums: main.split(".").map((n) => Number(n) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) < (y.nums[i] ?? 0) ? -1 : 1;
  }
  if (x.pre && !y.pre) return -1;
  if (!x.pre && y.pre) return 1;
  return 0;
}

function installedVersion(name) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const fromLock = lock.packages?.[`node_modules/${name}`]?.version;
  const file = path.join(root, "node_modules", name, "package.json");
  const fromDisk = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).version : undefined;
  return { fromLock, fromDisk };
}

export function checkFloors() {
  const problems = [];
  for (const [name, { version: floor, reason }] of Object.entries(floors)) {
    const { fromLock, fromDisk } = installedVersion(name);
    for (const [where, v] of [["package-lock.json", fromLock], ["node_modules", fromDisk]]) {
      if (!v) problems.push(`${name}: not found in ${where}`);
      else if (compareVersions(v, floor) < 0) problems.push(`${name} ${v} (${where}) is below its patched floor ${floor}: ${reason}`);
    }
    console.log(`  ${name.padEnd(10)} ${String(fromLock).padEnd(10)} floor ${floor}`);
  }
  return problems;
}

function audit() {
  const res = spawnSync("npm", ["audit", "--audit-level=high", "--json"], { cwd: root, encoding: "utf8", timeout: 120_000 });
  let report;
  try {
    report = JSON.parse(res.stdout || "{}");
  } catch {
    report = {};
  }
  const refused = report.error || report.statusCode || /audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|EAI_AGAIN/i.test(res.stderr ?? "");
  if (refused && !report.metadata) {
    const why = report.message || (res.stderr ?? "").split("\n").find(Boolean) || "no answer";
    console.log(`npm audit: NOT RUN — the registry refused the advisories endpoint (${why}). Only the patched-floor check above applies.`);
    return 0;
  }
  const v = report.metadata?.vulnerabilities ?? {};
  const serious = (v.high ?? 0) + (v.critical ?? 0);
  console.log(`npm audit: ${v.critical ?? 0} critical, ${v.high ?? 0} high, ${v.moderate ?? 0} moderate, ${v.low ?? 0} low`);
  if (serious > 0) {
    for (const [name, info] of Object.entries(report.vulnerabilities ?? {})) {
      if (info.severity === "high" || info.severity === "critical") console.log(`  ${info.severity}: ${name} ${info.range ?? ""}`);
    }
  }
  return serious;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log("Patched floors (security/patched-floors.json):");
  const problems = checkFloors();
  for (const p of problems) console.error(`FAIL ${p}`);
  const serious = process.argv.includes("--no-audit") ? 0 : audit();
  if (problems.length || serious) {
    console.error(`supply-chain check failed: ${problems.length} below floor, ${serious} high/critical advisories`);
    process.exit(1);
  }
  console.log("supply-chain check passed");
}
