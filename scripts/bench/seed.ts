/** A fresh bench database, seeded in bulk (INSERT … SELECT generate_series) and left as the background jobs would leave it. */
import { execFileSync } from "node:child_process";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { AGENCIES, CLIENTS, DB_NAME, DEPARTMENTS, MESSAGES_PER_TICKET, PASSWORD, STAFF, SUBJECTS, TICKETS, dbUrl, log, serverUrl } from "./config";

export async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
}

export async function migrateBenchDb() {
  // The app's own migration runner (prisma migrate deploy through the adapter), as `npm start` does.
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: dbUrl },
  });
}

export async function seed() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const hash = await hashPassword(PASSWORD);
  const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Jakarta", year: "numeric" }).format(new Date());
  const t0 = Date.now();
  await seedPeople(c, hash, t0);
  await seedTickets(c, year);
  await seedServiceLevels(c, year);
  await seedOutcomes(c);
  await seedSkmResponses(c);
  // Each bulk statement above left the count and report-aggregate rows it changed as dead versions (one per
  // statement now that the triggers are statement-level): compacted, as after any mass import.
  const counts = await c.query<{ t: string }>(
    `SELECT tablename t FROM pg_tables WHERE schemaname = 'public' AND (tablename LIKE 'Ticket%Count' OR tablename = 'TicketStat')`,
  );
  if (counts.rows.length) await c.query(`VACUUM FULL ${counts.rows.map((r) => `"${r.t}"`).join(", ")}`);
  await c.query("ANALYZE");
  const { rows } = await c.query(`SELECT (SELECT count(*) FROM "Ticket")::int t, (SELECT count(*) FROM "TicketMessage")::int m, pg_size_pretty(pg_database_size(current_database())) size`);
  log(`seeded ${rows[0].t} tickets, ${rows[0].m} messages, database ${rows[0].size} in ${Math.round((Date.now() - t0) / 1000)} s`);
  await c.end();
}

async function seedPeople(c: pg.Client, hash: string, t0: number) {
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
}

/** Tickets in batches, each with its messages and first history entry; the report triggers stay off until `seedOutcomes`. */
async function seedTickets(c: pg.Client, year: string) {
  // Lookup arrays so each generated row picks by index, without a join per row.
  await c.query(`
    CREATE TEMP TABLE d AS SELECT array_agg(id ORDER BY name) a FROM "Department";
    CREATE TEMP TABLE cl AS SELECT array_agg(id ORDER BY username) a, array_agg("agencyId" ORDER BY username) ag FROM "User" WHERE role = 'CLIENT';
    CREATE TEMP TABLE sd AS SELECT "departmentId" dep, array_agg(id ORDER BY name) a FROM "User" WHERE role = 'STAFF' GROUP BY 1;
    CREATE TEMP TABLE adm AS SELECT id FROM "User" WHERE role = 'ADMIN';`);

  // The report aggregates are rebuilt once after the bulk load (in seedOutcomes) instead of row by row.
  await c.query(`ALTER TABLE "Ticket" DISABLE TRIGGER "Ticket_stat_insert"; ALTER TABLE "Ticket" DISABLE TRIGGER "Ticket_stat_update";
                 ALTER TABLE "Ticket" DISABLE TRIGGER "Ticket_stat_delete";
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
}

async function seedServiceLevels(c: pg.Client, year: string) {
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
}

async function seedOutcomes(c: pg.Client) {
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
  await c.query(`ALTER TABLE "Ticket" ENABLE TRIGGER "Ticket_stat_insert"; ALTER TABLE "Ticket" ENABLE TRIGGER "Ticket_stat_update";
                 ALTER TABLE "Ticket" ENABLE TRIGGER "Ticket_stat_delete";
                 ALTER TABLE "TicketMessage" ENABLE TRIGGER "TicketMessage_first_response";`);
  await c.query(`SELECT helpdesk_ticket_stat_rebuild()`);
  log(`resolution, ratings, first responses and report aggregates: ${Date.now() - tr} ms`);
}

/**
 * Survey responses (Survei Kepuasan Masyarakat) for the rated tickets, as if each client had answered when
 * rating: one INSERT … SELECT, deterministic answers leaning to 3–4 as real surveys do, a profile and now and
 * then a suggestion. ON CONFLICT keeps it idempotent: an existing bench database is topped up with it too.
 */
export async function seedSkmResponses(c: pg.Client) {
  const ts = Date.now();
  const answer = (k: number) => `(ARRAY[1,2,2,3,3,3,3,4,4,4]::smallint[])[1 + abs(hashtext(t.number || 'u${k}')) % 10]`;
  const { rowCount } = await c.query(`
    INSERT INTO "SkmResponse" (id, "ticketId", "departmentId", "agencyId", channel, u1, u2, u3, u4, u5, u6, u7, u8, u9,
                               gender, age, education, occupation, suggestion, "submittedAt")
    SELECT gen_random_uuid(), t.id, t."departmentId", t."agencyId", CASE WHEN abs(hashtext(t.number || 'c')) % 3 = 0 THEN 'email' ELSE 'ticket' END,
           ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(answer).join(", ")},
           (ARRAY['L', 'P'])[1 + abs(hashtext(t.number || 'g')) % 2],
           22 + abs(hashtext(t.number || 'a')) % 36,
           (ARRAY['SMA', 'D1-D3', 'D4-S1', 'D4-S1', 'S2'])[1 + abs(hashtext(t.number || 'e')) % 5],
           (ARRAY['PNS', 'PNS', 'PPPK', 'LAINNYA'])[1 + abs(hashtext(t.number || 'o')) % 4],
           CASE WHEN abs(hashtext(t.number || 'x')) % 20 = 0 THEN 'Mohon waktu penyelesaian dipercepat.' END,
           t."ratedAt"
    FROM "Ticket" t
    WHERE t.rating IS NOT NULL AND t."ratedAt" IS NOT NULL AND t.status IN ('RESOLVED', 'CLOSED')
    ON CONFLICT ("ticketId") DO NOTHING`);
  await c.query(`ANALYZE "SkmResponse"`);
  log(`survey responses: ${rowCount ?? 0} added in ${Date.now() - ts} ms`);
}

/** For a database seeded before the survey existed (npm run bench -- --skip-seed): its responses, once. */
export async function topUpSkmResponses() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    await seedSkmResponses(c);
  } finally {
    await c.end();
  }
}
