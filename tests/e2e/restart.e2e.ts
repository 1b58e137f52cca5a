import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";

/**
 * The embedded-database install (`npm start` with no DATABASE_URL): a server process killed with
 * SIGKILL in the middle of ticket writes is logged and started again in place by the start script,
 * `/api/health` answers 200 again, the embedded database reopens clean, and every ticket whose
 * creation was acknowledged before the kill is still there. A stop that was asked for ends the server.
 */

const root = path.resolve(__dirname, "../..");

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthy(base: string, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) return true;
    } catch {
      // not listening (yet)
    }
    await sleep(500);
  }
  return false;
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

/** The pid listening on the port: the process that serves the app, whatever started it. */
function listenerPid(port: number): number {
  const out = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  const m = /pid=(\d+)/.exec(out);
  if (!m) throw new Error(`nothing listens on ${port}: ${out}`);
  return Number(m[1]);
}

describe("the embedded install after its server process is killed", () => {
  let dataDir = "";
  let starter: ChildProcess | undefined;
  let logFile = "";

  afterAll(async () => {
    if (starter && starter.exitCode === null) {
      try {
        process.kill(-starter.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }
    if (dataDir && !process.env.E2E_KEEP_LOGS) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("is started again in place, answers /api/health, keeps every acknowledged ticket, and a requested stop ends it", async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-restart-embedded-"));
    logFile = path.join(dataDir, "start.log");
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", HELPDESK_DATA_DIR: dataDir, LOG_LEVEL: "warn", AUTH_TRUST_HOST: "true" };
    delete env.DATABASE_URL;
    delete env.NEXTAUTH_URL;
    delete env.PGLITE_DIR;
    delete env.SMTP_HOST;
    delete env.IMAP_HOST;
    const password = "Sandi-Uji-Mati-2026";

    // A department, an OPD and a client in the embedded database before the server owns it.
    execFileSync("npx", ["tsx", "scripts/migrate.ts"], { cwd: root, env, stdio: "pipe" });
    const seed = `
      import { PrismaClient } from "./lib/generated/prisma/client";
      import { closePglite, createAdapter } from "./lib/db-adapter";
      import { hashPassword } from "./lib/auth/password";
      const prisma = new PrismaClient({ adapter: createAdapter() });
      const agency = await prisma.agency.create({ data: { name: "OPD Uji Mati" } });
      const department = await prisma.department.create({ data: { name: "Jaringan Uji Mati" } });
      console.log("DEPARTMENT=" + department.id);
      await prisma.user.create({ data: { name: "Klien Mati", username: "klien-mati", email: "klien-mati@bantenprov.go.id", role: "CLIENT", agencyId: agency.id, passwordHash: await hashPassword(${JSON.stringify(password)}) } });
      await prisma.$disconnect();
      await closePglite();
    `;
    fs.writeFileSync(path.join(root, `.restart-seed-${process.pid}.mts`), seed);
    let departmentId = "";
    try {
      const printed = execFileSync("npx", ["tsx", `.restart-seed-${process.pid}.mts`], { cwd: root, env, encoding: "utf8" });
      departmentId = /DEPARTMENT=(\S+)/.exec(printed)?.[1] ?? "";
    } finally {
      fs.rmSync(path.join(root, `.restart-seed-${process.pid}.mts`), { force: true });
    }

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const out = fs.openSync(logFile, "a");
    starter = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
      cwd: root,
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...env, PORT: String(port) },
    });
    const exited = new Promise<number | null>((resolve) => starter!.on("exit", (code) => resolve(code)));
    expect(await healthy(base, 120_000)).toBe(true);

    const cookie = await login(base, "klien-mati", password);
    expect(departmentId).toBeTruthy();

    // Writes in flight when the server dies: every 201 counts as acknowledged.
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        try {
          const res = await fetch(`${base}/api/tickets`, {
            method: "POST",
            headers: { cookie, "content-type": "application/json" },
            body: JSON.stringify({ subject: `Tiket sebelum mati ${i}`, description: "Koneksi terputus sejak pagi di lantai dua.", departmentId, priority: "NORMAL" }),
            signal: AbortSignal.timeout(5_000),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { number: string }).number);
        } catch {
          await sleep(200);
        }
      }
    })();
    while (acknowledged.length < 5) await sleep(100);

    const victim = listenerPid(port);
    process.kill(victim, "SIGKILL");
    await sleep(500);
    writing = false;
    await writer;

    expect(await healthy(base, 120_000)).toBe(true);
    expect(starter.exitCode).toBeNull();
    expect(listenerPid(port)).not.toBe(victim);
    const log = fs.readFileSync(logFile, "utf8");
    expect(log).toMatch(new RegExp(`server process \\d+ ended \\(SIGKILL\\)`));

    const again = await login(base, "klien-mati", password);
    for (const number of acknowledged) {
      const res = await fetch(`${base}/api/tickets/detail?number=${encodeURIComponent(number)}`, { headers: { cookie: again } });
      expect({ number, status: res.status }).toEqual({ number, status: 200 });
    }

    // A stop that was asked for is not a failure: 0, or 143 (128 + SIGTERM) as tsx reports a relayed SIGTERM.
    process.kill(starter.pid!, "SIGTERM");
    expect([0, 143]).toContain(await exited);
    expect(await healthy(base, 2_000)).toBe(false);
  }, 360_000);
});
