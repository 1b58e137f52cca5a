import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { PrismaClient } from "../lib/generated/prisma/client";
import { closePglite, createAdapter } from "../lib/db-adapter";
import { ensureFirstSuperAdmin } from "../lib/bootstrap";
import { bin, describeDatabase, prepareRuntimeEnv, run } from "./runtime-env";
import { migrate } from "./migrate";
import { isPostgresUrl } from "../lib/runtime-paths";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";

const SOURCES = ["app", "components", "lib", "messages", "i18n", "public", "types"];
const ROOT_FILES = ["middleware.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

/** A cheap fingerprint of the sources, so `npm start` rebuilds after an update and not otherwise. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) visit(path.join(p, entry));
    } else {
      hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  [...SOURCES, ...ROOT_FILES].forEach(visit);
  return hash.digest("hex");
}

async function buildIfNeeded(): Promise<void> {
  const marker = path.resolve(".next", "helpdesk-fingerprint");
  const fingerprint = sourceFingerprint();
  const upToDate =
    fs.existsSync(path.resolve(".next", "BUILD_ID")) &&
    fs.existsSync(marker) &&
    fs.readFileSync(marker, "utf8") === fingerprint;
  if (upToDate) return;
  console.log("Membangun aplikasi (next build), hanya sekali setelah pemasangan atau pembaruan…");
  await run(bin("next"), ["build"]);
  fs.writeFileSync(marker, fingerprint);
}

async function createFirstAdmin(): Promise<string | null> {
  const prisma = new PrismaClient({ adapter: createAdapter() });
  try {
    const result = await ensureFirstSuperAdmin(prisma);
    if (!result.created) return null;
    {
      const lines = [
        "Super Admin pertama telah dibuat / first Super Admin created:",
        `  username : ${result.username}`,
        `  e-mail   : ${result.email}`,
        result.generatedPassword
          ? `  password : ${result.generatedPassword}   (ditampilkan sekali saja / shown only once — segera ganti)`
          : "  password : dari HELPDESK_ADMIN_PASSWORD / from HELPDESK_ADMIN_PASSWORD",
      ];
      return `\n${"=".repeat(72)}\n${lines.join("\n")}\n${"=".repeat(72)}\n`;
    }
  } finally {
    await prisma.$disconnect();
    await closePglite();
  }
}

/**
 * One `next start` per core on PostgreSQL (HELPDESK_WORKERS overrides); always one on the embedded
 * database, which a single process owns.
 */
function workerCount(): number {
  if (!isPostgresUrl(process.env.DATABASE_URL)) {
    if (Number(process.env.HELPDESK_WORKERS) > 1) console.warn("HELPDESK_WORKERS diabaikan: basis data tertanam hanya untuk satu proses / ignored on the embedded database.");
    return 1;
  }
  return Math.max(1, Number(process.env.HELPDESK_WORKERS) || os.availableParallelism());
}

/**
 * A heap cap per worker. With 384 MB of old space a worker reached 437 MB RSS (Node 20) and 547 MB
 * (Node 24) after streaming a 1,000,000-ticket export, over the 500 MB target; 320 MB kept the
 * same CPU per request (the live heap of a list request is far smaller) but still reached 512 MB on
 * Node 24 after the XLSX export at the end of a full bench run; with 288 MB one worker streaming both
 * exports peaked at 412 MB. A small young generation
 * (--max-semi-space-size=8) cost 25–30 % more CPU per request, so it is left alone.
 */
function heapFlags(): string[] {
  return [`--max-old-space-size=${Number(process.env.HELPDESK_HEAP_MB) || 288}`];
}

async function main() {
  prepareRuntimeEnv();
  console.log(`Basis data: ${describeDatabase()}`);
  await migrate();
  const firstAdminBanner = await createFirstAdmin();
  if (!dev) await buildIfNeeded();
  // Printed last, so the one-time password is not scrolled away by the build output.
  if (firstAdminBanner) console.log(firstAdminBanner);

  const serverEnv = { MALLOC_ARENA_MAX: "2", ...process.env, HELPDESK_WORKERS: String(workerCount()) };
  const startServer = () =>
    dev
      ? spawn(bin("next"), ["dev", "-p", port], { stdio: "inherit", env: process.env })
      : spawn(process.execPath, [...heapFlags(), "scripts/next-cluster.mjs"], {
          stdio: "inherit",
          // glibc's per-thread malloc arenas let a worker's RSS creep well past its heap after a large
          // export; two arenas is the usual remedy for Node servers.
          env: serverEnv,
        });
  console.log(`Helpdesk berjalan di http://localhost:${port} (${dev ? "dev" : `${workerCount()} proses`}) — login di http://localhost:${port}/login`);
  supervise(startServer);
}

/**
 * Keeps the server process alive. A stop we were asked for (SIGINT/SIGTERM) ends with the server's own
 * status; a server that dies on its own is logged and started again in place (the cluster primary does
 * the same for a PostgreSQL worker), because on the embedded database nothing else would restart it.
 * Five deaths within a minute mean it cannot start: exit non-zero, so a service manager set to restart
 * on failure (systemd `Restart=on-failure`) sees the failure instead of a clean exit.
 */
function supervise(startServer: () => ChildProcess) {
  let stopping = false;
  let child = startServer();
  const deaths: number[] = [];
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      child.kill(signal);
    });
  }
  const watch = (c: ChildProcess) =>
    c.on("exit", (code, signal) => {
      if (stopping) process.exit(code ?? 0);
      console.error(`[helpdesk] ${new Date().toISOString()} server process ${c.pid} ended (${signal ?? `status ${code}`}).`);
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && now - deaths[0]! > 60_000) deaths.shift();
      if (dev || deaths.length >= 5) {
        if (!dev) console.error("[helpdesk] five deaths within a minute: not restarting.");
        process.exit(typeof code === "number" && code !== 0 ? code : 1);
      }
      console.error("[helpdesk] starting it again.");
      setTimeout(() => {
        if (stopping) process.exit(0);
        child = startServer();
        watch(child);
      }, 1000);
    });
  watch(child);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
