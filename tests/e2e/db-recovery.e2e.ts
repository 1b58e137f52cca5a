import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/db-adapter";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { hashPassword } from "@/lib/auth/password";

/**
 * Issue 13: an app instance must survive PostgreSQL going away. Runs against real PostgreSQL:
 * the pool test on the e2e server, the restart test on a throwaway cluster of its own (it stops
 * and starts it) with two `next start` instances of the built app.
 */

const root = path.resolve(__dirname, "../..");
const serverUrl = () => process.env.E2E_SERVER_URL || process.env.E2E_DATABASE_URL!;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `helpdesk_recovery_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const within = <T,>(ms: number, p: Promise<T>) =>
  Promise.race([p, new Promise<"timed out">((r) => setTimeout(() => r("timed out"), ms))]);

describe("the app's connection pool after connections die (real PostgreSQL)", () => {
  it("a transaction whose connection is killed before COMMIT gives its connection back: the pool keeps serving", async () => {
    const scratch = await scratchDatabase();
    const previous = process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_POOL_SIZE = "2";
    const prisma = new PrismaClient({ adapter: createAdapter({ url: scratch.url }) });
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    try {
      // Twice the pool size: before the fix, each of these leaked its connection and the third
      // transaction (and every query after) waited forever.
      for (let i = 0; i < 4; i++) {
        const attempt = prisma.$transaction(async (tx) => {
          const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          await admin.query("SELECT pg_terminate_backend($1)", [pid]);
          await new Promise((r) => setTimeout(r, 50));
        });
        const outcome = await within(5_000, attempt.then(() => "committed", (e: unknown) => e));
        expect(outcome).not.toBe("timed out");
        expect(isDatabaseUnavailable(outcome)).toBe(true);
      }
      const started = Date.now();
      expect(await within(3_000, prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
      expect(Date.now() - started).toBeLessThan(1_000);
      // …and transactions work again.
      expect(await within(3_000, prisma.$transaction(async (tx) => tx.$queryRaw<{ two: number }[]>`SELECT 2 AS two`))).toEqual([{ two: 2 }]);
    } finally {
      process.env.DATABASE_POOL_SIZE = previous;
      await admin.end();
      await prisma.$disconnect();
      await scratch.drop();
    }
  });

  it("waits for a connection are bounded: with the server unreachable a query fails in seconds and is recognised as 'database unavailable'", async () => {
    const port = await freePort(); // nothing listens there
    const prisma = new PrismaClient({ adapter: createAdapter({ url: `postgresql://postgres@127.0.0.1:${port}/none` }) });
    const started = Date.now();
    const outcome = await within(10_000, prisma.$queryRaw`SELECT 1`.then(() => "ok", (e: unknown) => e));
    expect(outcome).not.toBe("timed out");
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    await prisma.$disconnect();
  });
});

// ---------------------------------------------------------------------------------------------

const PGBIN = () =>
  process.env.PGBIN ||
  fs
    .readdirSync("/usr/lib/postgresql")
    .sort((a, b) => Number(a) - Number(b))
    .map((v) => `/usr/lib/postgresql/${v}/bin`)
    .pop()!;

/** A PostgreSQL cluster this test owns, so it can stop and start it (as user postgres, like .ci/run). */
class Cluster {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-restart-pg-"));
  constructor(readonly port: number) {
    execFileSync("chown", ["postgres", this.dir]);
    this.su(`${PGBIN()}/initdb -D ${this.dir}/data -U postgres --auth=trust -E UTF8 >/dev/null`);
  }
  private su(cmd: string) {
    execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { stdio: "pipe" });
  }
  get url() {
    return `postgresql://postgres@127.0.0.1:${this.port}/helpdesk`;
  }
  start() {
    this.su(`${PGBIN()}/pg_ctl -D ${this.dir}/data -o '-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1' -l ${this.dir}/log -w start >/dev/null`);
  }
  /** "immediate": like a crash or a killed server — no goodbye to the clients. */
  stop(mode: "immediate" | "fast" = "immediate") {
    this.su(`${PGBIN()}/pg_ctl -D ${this.dir}/data -m ${mode} -w stop >/dev/null`);
  }
  destroy() {
    try {
      this.stop("fast");
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

type Instance = { base: string; child: ChildProcess; logFile: string };

async function startInstance(port: number, env: NodeJS.ProcessEnv, dataDir: string): Promise<Instance> {
  const logFile = path.join(dataDir, `next-${port}.log`);
  const out = fs.openSync(logFile, "a");
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port)], {
    cwd: root,
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...env, PORT: String(port) },
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child, logFile };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`instance on ${port} did not start:\n${fs.readFileSync(logFile, "utf8")}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function login(base: string, identifier: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login failed: ${res.status}`);
  return session.split(";")[0]!;
}

/** A timed request that never hangs the test: status, or 0 for a network error / timeout. */
async function timed(url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<{ status: number; ms: number; body: string }> {
  const started = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, ms: Date.now() - started, body: await res.text() };
  } catch {
    return { status: 0, ms: Date.now() - started, body: "" };
  }
}

describe("PostgreSQL restarts under load (two app instances)", () => {
  let cluster: Cluster | undefined;
  const instances: Instance[] = [];
  let dataDir = "";

  afterAll(async () => {
    for (const i of instances) {
      try {
        process.kill(-i.child.pid!, "SIGTERM");
      } catch {
        // gone
      }
    }
    cluster?.destroy();
    if (dataDir && !process.env.E2E_KEEP_LOGS) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("every instance serves again within 5 s of PostgreSQL coming back, /api/health answers within 2 s throughout, and every acknowledged ticket exists exactly once", async () => {
    const pgPort = Number(process.env.E2E_RESTART_PG_PORT) || (await freePort());
    cluster = new Cluster(pgPort);
    cluster.start();
    const bootstrap = new pg.Client({ connectionString: cluster.url.replace(/\/helpdesk$/, "/postgres") });
    await bootstrap.connect();
    await bootstrap.query("CREATE DATABASE helpdesk");
    await bootstrap.end();

    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-restart-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: cluster.url,
      HELPDESK_DATA_DIR: dataDir,
      NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      LOG_LEVEL: "warn",
    };
    delete env.NEXTAUTH_URL;
    execFileSync("npx", ["tsx", "scripts/migrate.ts"], { cwd: root, env, stdio: "pipe" });

    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: cluster.url, max: 2 }) });
    const password = "Sandi-Uji-Restart-2026";
    const agency = await prisma.agency.create({ data: { name: "OPD Uji Restart" } });
    const department = await prisma.department.create({ data: { name: "Jaringan Uji Restart" } });
    const client = await prisma.user.create({
      data: { name: "Klien Restart", username: "klien-restart", email: "klien-restart@bantenprov.go.id", role: "CLIENT", agencyId: agency.id, passwordHash: await hashPassword(password) },
    });
    await prisma.$disconnect();

    const ports = process.env.E2E_RESTART_APP_PORTS?.split(",").map(Number) ?? [await freePort(), await freePort()];
    for (const port of ports) instances.push(await startInstance(port, env, dataDir));
    const cookie = await login(instances[0]!.base, client.username, password);

    // 20 workers file tickets round-robin over both instances until told to stop.
    const acknowledged = new Map<string, string>(); // subject → ticket number
    let stop = false;
    let sent = 0;
    const create = (inst: Instance, subject: string) =>
      timed(`${inst.base}/api/tickets`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ departmentId: department.id, subject, description: "Uji ketahanan saat PostgreSQL dimulai ulang." }),
      }, 15_000);
    const workers = Array.from({ length: 20 }, async (_, w) => {
      for (let n = 0; !stop; n++) {
        const subject = `restart-${w}-${n}`;
        sent++;
        const res = await create(instances[(w + n) % instances.length]!, subject);
        if (res.status === 201) acknowledged.set(subject, (JSON.parse(res.body) as { number: string }).number);
        else await new Promise((r) => setTimeout(r, 100));
      }
    });

    await new Promise((r) => setTimeout(r, 3_000));
    const beforeOutage = acknowledged.size;
    expect(beforeOutage).toBeGreaterThan(0);

    cluster.stop("immediate");
    // While the database is down: health answers within 2 s, with 503, on every instance.
    await new Promise((r) => setTimeout(r, 1_000));
    for (const inst of instances) {
      const h = await timed(`${inst.base}/api/health`, {}, 5_000);
      expect({ status: h.status, fast: h.ms < 2_000 }).toEqual({ status: 503, fast: true });
    }
    // Ticket creation fails fast and clearly (503 "database unavailable"), it does not hang.
    const during = await create(instances[0]!, `restart-outage-probe`);
    expect(during.status).toBe(503);
    expect(during.ms).toBeLessThan(10_000);
    expect(JSON.parse(during.body)).toMatchObject({ error: "database-unavailable" });
    await new Promise((r) => setTimeout(r, 3_000)); // down for ~5 s in all

    cluster.start();
    const back = Date.now();
    const recoveredAfter: number[] = [];
    await Promise.all(
      instances.map(async (inst, i) => {
        for (;;) {
          const h = await timed(`${inst.base}/api/health`, {}, 2_000);
          const subject = `restart-recovery-${i}-${Date.now()}`;
          const t = h.status === 200 ? await create(inst, subject) : null;
          if (t?.status === 201) {
            acknowledged.set(subject, (JSON.parse(t.body) as { number: string }).number);
            recoveredAfter[i] = Date.now() - back;
            return;
          }
          if (Date.now() - back > 30_000) {
            recoveredAfter[i] = Infinity;
            return;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      }),
    );
    // Keep the load on a little longer after recovery, then stop.
    await new Promise((r) => setTimeout(r, 2_000));
    stop = true;
    await Promise.all(workers);

    console.log(`restart test: ${sent} requests, ${acknowledged.size} tickets acknowledged (${beforeOutage} before the outage); instances served again after ${recoveredAfter.join(" ms, ")} ms`);
    for (const ms of recoveredAfter) expect(ms).toBeLessThanOrEqual(5_000);

    const check = new pg.Client({ connectionString: cluster.url });
    await check.connect();
    const { rows } = await check.query<{ subject: string; number: string; n: number }>(
      `SELECT "subject", min("number") AS "number", count(*)::int AS n FROM "Ticket" WHERE "subject" LIKE 'restart-%' GROUP BY "subject"`,
    );
    await check.end();
    const bySubject = new Map(rows.map((r) => [r.subject, r]));
    const duplicates = rows.filter((r) => r.n !== 1);
    expect(duplicates).toEqual([]);
    const missing = [...acknowledged].filter(([subject]) => !bySubject.has(subject));
    expect(missing).toEqual([]);
    const wrongNumber = [...acknowledged].filter(([subject, number]) => bySubject.get(subject)?.number !== number);
    expect(wrongNumber).toEqual([]);
  }, 240_000);
});
