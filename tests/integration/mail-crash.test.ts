import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { queueMail } from "@/lib/mail/outbox";
import { closeMailTransport, drainOutbox } from "@/lib/mail/worker";
import { startTestSmtp, testPort } from "./helpers/mail";
import { testPostgresUrl, withDatabase } from "./helpers/migrations";

/**
 * "A restart in the middle of sending loses and doubles nothing": a worker process is killed (SIGKILL)
 * while the SMTP server holds its fourth mail; a new worker then finishes the batch.
 */
const root = path.resolve(__dirname, "../..");
const g = globalThis as unknown as { __helpdeskPrisma?: PrismaClient };

/** A database a second process can open: a PGlite folder (closed here meanwhile) or a PostgreSQL database. */
async function sharedDatabase() {
  const url = testPostgresUrl();
  if (url) {
    const { Client } = await import("pg");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const name = `helpdesk_crash_${randomBytes(5).toString("hex")}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DATABASE}`);
    await admin.end();
    const dbUrl = withDatabase(url, name);
    return {
      env: { DATABASE_URL: dbUrl },
      open: async () => new PrismaClient({ adapter: new PrismaPg({ connectionString: dbUrl, max: 3 }) }),
      release: async (p: PrismaClient) => p.$disconnect(),
      drop: async () => {
        const c = new Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-crash-"));
  const seed = new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(process.env.TEST_PGLITE_TEMPLATE!)]) });
  await seed.close();
  const opened = new Map<PrismaClient, InstanceType<typeof PGlite>>();
  return {
    env: { PGLITE_DIR: dir, DATABASE_URL: "" },
    open: async () => {
      const pglite = new PGlite(dir);
      const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as never });
      opened.set(prisma, pglite);
      return prisma;
    },
    release: async (p: PrismaClient) => {
      await p.$disconnect();
      await opened.get(p)?.close();
    },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

it("a worker killed mid-batch loses no mail and sends none twice", async () => {
  const shared = await sharedDatabase();
  const smtp = await startTestSmtp(testPort(5));
  const saved = g.__helpdeskPrisma;
  try {
    // Six queued mails.
    let prisma = await shared.open();
    g.__helpdeskPrisma = prisma;
    const recipients = Array.from({ length: 6 }, (_, i) => `penerima${i}@example.go.id`);
    for (const to of recipients) await queueMail(prisma, { kind: "test", to });
    await shared.release(prisma);
    g.__helpdeskPrisma = saved;

    // The server accepts three, then holds the fourth until the worker has been killed.
    let release: (ok: boolean) => void = () => undefined;
    let holding: () => void = () => undefined;
    const heldFourth = new Promise<void>((resolve) => (holding = resolve));
    smtp.hold = async () => {
      if (smtp.accepted.length < 3) return true;
      holding();
      return new Promise<boolean>((resolve) => (release = resolve));
    };
    const child = spawn(process.execPath, ["--require", path.join(__dirname, "helpers/no-server-only.cjs"), "--import", "tsx", path.join(__dirname, "helpers/mail-worker-child.ts")], {
      cwd: root,
      env: { ...process.env, ...shared.env, NODE_OPTIONS: "", CHILD_SMTP_PORT: String(smtp.port), MAIL_LEASE_SECONDS: "2" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await Promise.race([heldFourth, exited.then(() => Promise.reject(new Error(`worker exited early: ${stderr}`)))]);
    child.kill("SIGKILL");
    await exited;
    release(false); // the killed worker's fourth mail never completed
    expect(smtp.accepted).toHaveLength(3);
    smtp.hold = undefined;

    // After the dead worker's lease runs out, a new worker finishes the job.
    prisma = await shared.open();
    g.__helpdeskPrisma = prisma;
    const afterCrash = await prisma.emailOutbox.groupBy({ by: ["status"], _count: true });
    expect(Object.fromEntries(afterCrash.map((r) => [r.status, r._count]))).toEqual({ SENT: 3, QUEUED: 3 });
    // claim() compares leases with `now` only: 2.1 s ahead is past the dead worker's 2 s lease.
    const result = await drainOutbox({ smtp: smtp.smtp, now: new Date(Date.now() + 2100) });
    expect(result.sent).toBe(3);
    const delivered = smtp.accepted.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : "")).sort();
    expect(delivered).toEqual([...recipients].sort()); // every mail once: none lost, none doubled
    expect(await prisma.emailOutbox.count({ where: { status: "SENT" } })).toBe(6);
    await shared.release(prisma);
  } finally {
    g.__helpdeskPrisma = saved;
    closeMailTransport();
    await smtp.close();
    await shared.drop();
  }
}, 240_000); // a second Node process (tsx) and a PGlite reopen: slow on a busy 2-core machine
