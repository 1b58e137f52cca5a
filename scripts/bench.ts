/**
 * npm run bench [-- --tickets 1000000] [--duration 10] [--connections 20] [--skip-seed | --seed-only]   (BENCH_PORT: the app's port; default a spare one)
 *
 * Seeds a fresh database `helpdesk_bench` on the PostgreSQL server of DATABASE_URL (or
 * BENCH_DATABASE_URL) in bulk (INSERT … SELECT generate_series), starts the app with `npm start`
 * (migrations, build when needed, next start) on a spare loopback port, logs in over HTTP and runs
 * autocannon against the pages that matter. Results go to docs/benchmarks.md.
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
const SEED_ONLY = args.includes("--seed-only");
const MESSAGES_PER_TICKET = 5;
const DEPARTMENTS = 20;
const AGENCIES = 50;
const CLIENTS = 2000;
const STAFF = 60;
const PASSWORD = "Bench-Sandi-2026";
const DB_NAME = "helpdesk_bench";

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

  const BATCH = 100_000;
  const words = ["Internet lambat", "Website tidak bisa diakses", "Server down", "Lupa password e-mail", "Aplikasi SIMPEG error", "Permintaan subdomain baru", "Sertifikat SSL kedaluwarsa", "Bandwidth kurang", "Hosting penuh", "Jaringan putus"];
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
               (ARRAY[${words.map((w) => `'${w}'`).join(",")}])[1 + i % ${words.length}] || ' #' || i,
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
  // tickets (most of them overdue: the oldest are months old) and stands still on the others.
  const ts = Date.now();
  await c.query(`
    UPDATE "Ticket" SET "firstResponseDueAt" = "createdAt" + interval '3 days', "resolutionDueAt" = "createdAt" + interval '5 days',
      "slaNextDueAt" = CASE WHEN status IN ('OPEN', 'IN_PROGRESS') THEN "createdAt" + interval '5 days' END,
      "slaPausedAt" = CASE WHEN status NOT IN ('OPEN', 'IN_PROGRESS') THEN "createdAt" + interval '1 hour' END,
      "slaNotified" = CASE WHEN "createdAt" + interval '5 days' < now() THEN 15 ELSE 0 END,
      "slaCheckAt" = CASE WHEN status IN ('OPEN', 'IN_PROGRESS') AND "createdAt" + interval '5 days' >= now() THEN "createdAt" + interval '3 days' END`);
  log(`service-level columns: ${Date.now() - ts} ms`);
  // Some unread notifications for the admin (the bell on every page).
  await c.query(`
    INSERT INTO "Notification" (id, "userId", "ticketId", kind, "createdAt")
    SELECT gen_random_uuid(), adm.id, t.id, 'TICKET_CREATED', t."createdAt" FROM adm, (SELECT id, "createdAt" FROM "Ticket" ORDER BY "createdAt" DESC LIMIT 5000) t`);
  await c.query(`INSERT INTO "TicketCounter" (key, value) VALUES ('HD-${year}', ${TICKETS})`);
  await c.query("ANALYZE");
  const { rows } = await c.query(`SELECT (SELECT count(*) FROM "Ticket")::int t, (SELECT count(*) FROM "TicketMessage")::int m, pg_size_pretty(pg_database_size(current_database())) size`);
  log(`seeded ${rows[0].t} tickets, ${rows[0].m} messages, database ${rows[0].size} in ${Math.round((Date.now() - t0) / 1000)} s`);
  await c.end();
}

async function lookups() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const dept = (await c.query(`SELECT id FROM "Department" ORDER BY name LIMIT 1 OFFSET 3`)).rows[0].id as string;
  const numbers = (await c.query(`SELECT number FROM "Ticket" ORDER BY random() LIMIT 50`)).rows.map((r) => r.number as string);
  const createDept = (await c.query(`SELECT id FROM "Department" ORDER BY name LIMIT 1`)).rows[0].id as string;
  await c.end();
  return { dept, numbers, createDept };
}

function startApp(port: number, dataDir: string): ChildProcess {
  const out = fs.openSync(path.join(dataDir, "server.log"), "a");
  return spawn("npx", ["tsx", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
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

type Row = { name: string; p50: number; p95: number; p99: number; rps: number; non2xx: number; errors: number };

async function run(name: string, opts: autocannon.Options): Promise<Row> {
  log(`autocannon: ${name}`);
  const r = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  // autocannon reports p97_5 and p99 but no p95: interpolate from its histogram percentiles.
  const l = r.latency as unknown as Record<string, number>;
  const p95 = l.p90 + ((l.p97_5 - l.p90) * (95 - 90)) / (97.5 - 90);
  return { name, p50: l.p50, p95: Math.round(p95 * 10) / 10, p99: l.p99, rps: Math.round(r.requests.average), non2xx: r.non2xx, errors: r.errors };
}

function treeRssMb(pid: number): { total: number; max: number } {
  const children = (p: number): number[] => {
    try {
      return execFileSync("ps", ["-o", "pid=", "--ppid", String(p)]).toString().trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const all: number[] = [];
  const walk = (p: number) => {
    all.push(p);
    children(p).forEach(walk);
  };
  walk(pid);
  const rss = all.map((p) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  });
  return { total: Math.round(rss.reduce((a, b) => a + b, 0)), max: Math.round(Math.max(...rss)) };
}

async function main() {
  if (!SKIP_SEED) {
    log(`fresh database ${DB_NAME}, ${TICKETS} tickets`);
    await recreateDatabase();
    await migrateBenchDb();
    await seed();
  }
  if (SEED_ONLY) return;
  const { dept, numbers, createDept } = await lookups();
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await spareport();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-bench-"));
  log(`starting the app on ${base} (next build runs first when sources changed)`);
  const app = startApp(port, dataDir);
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
    const admin = await login(base, "benchadmin");
    const client = await login(base, "client1");
    const h = (cookie: string) => ({ cookie });
    // Warm-up: compile caches, connection pool.
    for (const p of ["/dashboard/tickets", `/dashboard/tickets/${numbers[0]}`]) await fetch(base + p, { headers: h(admin) });

    const results: Row[] = [];
    results.push(await run("health (floor)", { url: `${base}/api/health` }));
    results.push(await run("admin list, default", { url: `${base}/dashboard/tickets`, headers: h(admin) }));
    results.push(
      await run("admin list, filtered + searched", {
        url: `${base}/dashboard/tickets?status=OPEN&priority=HIGH&departmentId=${dept}&q=internet`,
        headers: h(admin),
      }),
    );
    results.push(await run("admin list, Terlambat (overdue) tab", { url: `${base}/dashboard/tickets?sla=overdue`, headers: h(admin) }));
    results.push(await run("admin list, sorted by next due time", { url: `${base}/dashboard/tickets?sort=due`, headers: h(admin) }));
    let i = 0;
    results.push(
      await run("ticket page (50 tickets, round robin)", {
        url: base,
        headers: h(admin),
        requests: [{ setupRequest: (req) => ({ ...req, path: `/dashboard/tickets/${numbers[i++ % numbers.length]}` }) }],
      }),
    );
    let n = 0;
    results.push(
      await run("ticket creation (POST /api/tickets, JSON → same DAL)", {
        url: `${base}/api/tickets`,
        method: "POST",
        headers: { ...h(client), "content-type": "application/json" },
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({ departmentId: createDept, subject: `Bench ticket ${n++}`, description: "Dibuat oleh npm run bench.", priority: "NORMAL" }),
            }),
          },
        ],
      }),
    );
    const rss = treeRssMb(app.pid!);
    write(results, rss);
  } finally {
    stop();
  }
}

const HEADER = `Made by \`npm run bench\` (scripts/bench.ts): a fresh PostgreSQL database seeded in bulk, the production
build started with \`npm start\` on loopback, autocannon per row. The list and ticket page are fetched as a
logged-in admin (full HTML render of the server components); creation posts JSON to \`POST /api/tickets\`,
a route handler that runs the same zod schema and the same DAL function (\`createTicket\`) as
\`createTicketAction\` (without attachments).`;

function write(results: Row[], rss: { total: number; max: number }) {
  const cpu = os.cpus();
  const health = results[0]!;
  const by = (prefix: string) => results.find((r) => r.name.startsWith(prefix))!;
  const listDefault = by("admin list, default");
  const listFiltered = by("admin list, filtered");
  const overdue = by("admin list, Terlambat");
  const dueSort = by("admin list, sorted by next due");
  const page = by("ticket page");
  const create = by("ticket creation");
  const ok = (b: boolean) => (b ? "✅" : "❌");
  const listTarget = (r: Row) => r.p95 <= 150 && r.p95 <= 5 * health.p95;
  const section = `## ${TICKETS.toLocaleString("en")} tickets

Generated by \`npm run bench -- --tickets ${TICKETS}\` on ${new Date().toISOString()}.

- Machine: ${cpu[0]?.model ?? "unknown CPU"} × ${cpu.length} logical CPUs, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM (shared with other work while measured), Node ${process.version}, ${os.platform()} ${os.release()}
- Database: PostgreSQL (${serverUrl!.replace(/\/\/[^@]*@/, "//")}), ${TICKETS.toLocaleString("en")} tickets, ${(TICKETS * MESSAGES_PER_TICKET).toLocaleString("en")} messages, ${DEPARTMENTS} departments, ${AGENCIES} OPDs, ${CLIENTS} clients, ${STAFF} staff
- App: \`next start\` (production build) on loopback; autocannon ${CONNECTIONS} connections × ${DURATION} s per row, logged-in admin (creation: logged-in client)
- p95 is interpolated between autocannon's p90 and p97.5.
- Load average (1/5/15 min) when the runs ended: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${cpu.length} CPUs — other builds and test suites were running on the same machine, so absolute numbers are pessimistic; compare each row with the health floor measured in the same run.

| run | p50 ms | p95 ms | p99 ms | req/s | non-2xx | errors |
|---|---:|---:|---:|---:|---:|---:|
${results.map((r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${r.non2xx} | ${r.errors} |`).join("\n")}

Server memory after the runs: largest process ${rss.max} MB RSS, whole process tree (npm start wrapper + next start) ${rss.total} MB.

| target | measured | |
|---|---|---|
| list p95 ≤ 150 ms and ≤ 5× health p95 (${Math.round(5 * health.p95)} ms) | default ${listDefault.p95} ms, filtered ${listFiltered.p95} ms | ${ok(listTarget(listDefault) && listTarget(listFiltered))} |
| overdue tab and due sort: same list target | overdue ${overdue.p95} ms, due sort ${dueSort.p95} ms | ${ok(listTarget(overdue) && listTarget(dueSort))} |
| ticket page p95 ≤ 100 ms | ${page.p95} ms | ${ok(page.p95 <= 100)} |
| creation ≥ 100/s | ${create.rps}/s | ${ok(create.rps >= 100)} |
| server RSS ≤ 500 MB | ${rss.max} MB (next-server) | ${ok(rss.max <= 500)} |
`;
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
  fs.writeFileSync(file, `# Benchmarks\n\n${HEADER}\n\n${sections.map((x) => x[1]).join("\n\n")}\n`);
  console.log(section);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
