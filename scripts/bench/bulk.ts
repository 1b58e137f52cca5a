/**
 * The list's bulk change as the browser sends it: one POST of the server action (its id from the build's
 * manifest) changing 1,000 tickets, timed end to end, with the count tables' sizes before and after.
 * The bench database is kept: the tickets' assignees and priorities are put back afterwards.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { dbUrl, log } from "./config";

export type BulkRun = { name: string; ms: number; answer: string; before: Record<string, number>; after: Record<string, number> };

const TABLES = ["TicketStatusCount", "TicketListCount", "TicketOpenCount", "TicketStat"] as const;
export const BULK_TABLES = TABLES;

function actionId(appDir: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(appDir, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`server action ${name} is not in the build's manifest`);
  return found[0];
}

async function sizes(c: pg.Client): Promise<Record<string, number>> {
  const { rows } = await c.query<{ t: string; bytes: string }>(
    `SELECT t, pg_total_relation_size(format('%I', t)) AS bytes FROM unnest($1::text[]) t`,
    [TABLES as unknown as string[]],
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.bytes)]));
}

/** Calls the action as React's client does (its arguments as the reply body) and returns the action's answer. */
async function callAction(base: string, cookie: string, id: string, input: unknown): Promise<string> {
  const res = await fetch(`${base}/dashboard/tickets`, {
    method: "POST",
    headers: { cookie, "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base },
    body: JSON.stringify([input]),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`bulk action: HTTP ${res.status}`);
  return text.split("\n").find((line) => line.includes('"ok"'))?.replace(/^\w+:/, "") ?? text.slice(0, 200);
}

export async function measureBulk(appDir: string, base: string, adminCookie: string): Promise<BulkRun[]> {
  const id = actionId(appDir, "bulkUpdateTicketsAction");
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const runs: BulkRun[] = [];
  try {
    // 1,000 open tickets of one department, and a staff member of that department to take them.
    const { rows: picked } = await c.query<{ id: string }>(`
      SELECT t.id FROM "Ticket" t
      WHERE t."departmentId" = (SELECT id FROM "Department" ORDER BY name LIMIT 1) AND t.status = 'OPEN'
      ORDER BY t."createdAt" DESC LIMIT 1000`);
    const { rows: staffRows } = await c.query<{ id: string }>(`
      SELECT id FROM "User" WHERE role = 'STAFF' AND active AND "departmentId" = (SELECT id FROM "Department" ORDER BY name LIMIT 1) ORDER BY name DESC LIMIT 1`);
    const ids = picked.map((t) => t.id);
    const started = new Date();
    await c.query(
      `CREATE TEMP TABLE bulk_before AS SELECT id, "assigneeId", priority, "updatedAt", "firstResponseDueAt", "firstResponseWarnAt", "resolutionDueAt",
              "resolutionWarnAt", "slaNextDueAt", "slaCheckAt" FROM "Ticket" WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const timed = async (name: string, change: object) => {
      const before = await sizes(c);
      const t0 = performance.now();
      const answer = await callAction(base, adminCookie, id, { selection: { ids }, change });
      const ms = Math.round(performance.now() - t0);
      const after = await sizes(c);
      log(`${name}: ${ms} ms ${answer}`);
      runs.push({ name, ms, answer, before, after });
    };
    await timed(`bulk change of ${ids.length.toLocaleString("en")} tickets: assign to one staff member (ids)`, { kind: "assign", assigneeId: staffRows[0]!.id });
    await timed(`bulk change of ${ids.length.toLocaleString("en")} tickets: priority (ids)`, { kind: "priority", priority: "URGENT" });
    // Put the tickets back as they were (the triggers keep the counts); the bulk's notifications and queued mails go.
    await c.query(`
      UPDATE "Ticket" t SET "assigneeId" = b."assigneeId", priority = b.priority, "updatedAt" = b."updatedAt",
        "firstResponseDueAt" = b."firstResponseDueAt", "firstResponseWarnAt" = b."firstResponseWarnAt", "resolutionDueAt" = b."resolutionDueAt",
        "resolutionWarnAt" = b."resolutionWarnAt", "slaNextDueAt" = b."slaNextDueAt", "slaCheckAt" = b."slaCheckAt"
      FROM bulk_before b WHERE t.id = b.id`);
    await c.query(`DELETE FROM "TicketActivity" WHERE "ticketId" = ANY($1::uuid[]) AND "createdAt" >= $2 AND field IN ('assignee', 'priority')`, [ids, started]);
    await c.query(`DELETE FROM "Notification" WHERE kind IN ('TICKETS_ASSIGNED', 'TICKETS_STATUS')`);
    await c.query(`DELETE FROM "EmailOutbox" WHERE kind IN ('ticketsAssigned', 'ticketsStatusChanged') AND status = 'QUEUED'`);
  } finally {
    await c.end();
  }
  return runs;
}
