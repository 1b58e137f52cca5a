import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";

const root = path.resolve(__dirname, "../..");
const run = (floors: Record<string, string>) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "floors-")), "floors.json");
  fs.writeFileSync(file, JSON.stringify({ floors: Object.fromEntries(Object.entries(floors).map(([k, v]) => [k, { version: v, reason: "test advisory" }])) }));
  return spawnSync(process.execPath, ["scripts/check-supply-chain.mjs", "--no-audit"], { cwd: root, encoding: "utf8", env: { ...process.env, PATCHED_FLOORS_FILE: file } });
};

describe("supply-chain step: patched floors", () => {
  it("passes with the floors kept in security/patched-floors.json", () => {
    const res = spawnSync(process.execPath, ["scripts/check-supply-chain.mjs", "--no-audit"], { cwd: root, encoding: "utf8" });
    expect(res.stdout).toContain("supply-chain check passed");
    expect(res.status).toBe(0);
  });

  it("fails, naming the package and the advisory, when an installed version is below its floor", () => {
    const res = run({ next: "99.0.0", react: "19.0.0" });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/FAIL next \d+\.\d+\.\d+ \(package-lock.json\) is below its patched floor 99\.0\.0: test advisory/);
    expect(res.stderr).not.toMatch(/FAIL react /);
  });

  it("a floor just above the installed version fails; the installed version itself passes", () => {
    const installed = JSON.parse(fs.readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")).version as string;
    const [major, minor, patch] = installed.split(".").map(Number);
    expect(run({ next: `${major}.${minor}.${patch! + 1}-canary.1` }).status).toBe(1);
    expect(run({ next: installed }).status).toBe(0);
  });
});
