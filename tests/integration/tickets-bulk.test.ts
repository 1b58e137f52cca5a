import { bulkUpdateTicketsAction } from "@/app/(site)/(dashboard)/dashboard/tickets/bulk-actions";
import { updateTicket } from "@/lib/dal/tickets";
import { composeMail } from "@/lib/mail/compose";
import { BULK_LIMIT } from "@/lib/validation/ticket-bulk";
import { TICKET_STATUSES } from "@/lib/validation/tickets";
import { actAs, createUser, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, withTempDataDir } from "./helpers/tickets";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld();
});

let seq = 0;
/** Tickets as a form would leave them, with a running service-level clock. */
async function tickets(n: number, fields: { departmentId: string; clientId?: string; assigneeId?: string | null; subject?: string; status?: (typeof TICKET_STATUSES)[number] }) {
  const now = Date.now();
  const prefix = `BLK-${++seq}-`;
  await testDb().ticket.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      number: `${prefix}${String(i).padStart(4, "0")}`,
      subject: fields.subject ?? `Gangguan ${seq}-${i}`,
      description: "Uraian",
      status: fields.status ?? "OPEN",
      departmentId: fields.departmentId,
      clientId: fields.clientId ?? w.client.id,
      createdById: fields.clientId ?? w.client.id,
      assigneeId: fields.assigneeId ?? null,
      createdAt: new Date(now - 3_600_000),
      firstResponseDueAt: new Date(now + 86_400_000),
      resolutionDueAt: new Date(now + 3 * 86_400_000),
      slaNextDueAt: new Date(now + 86_400_000),
    })),
  });
  return testDb().ticket.findMany({ where: { number: { startsWith: prefix } }, orderBy: { number: "asc" } });
}

const bulk = async (as: { id: string; name: string; role: "SUPER_ADMIN" | "ADMIN" | "STAFF" | "CLIENT"; sessionVersion: number }, input: unknown) => {
  await actAs(as);
  return bulkUpdateTicketsAction(input);
};

/** The count tables against direct counts of the tickets. */
async function expectCountTablesExact() {
  const direct = await testDb().$queryRawUnsafe<{ k: string; n: number }[]>(`
    SELECT "departmentId" || ':' || COALESCE("assigneeId"::text, '-') || ':' || status AS k, count(*)::int AS n FROM "Ticket" GROUP BY 1 ORDER BY 1`);
  const kept = await testDb().$queryRawUnsafe<{ k: string; n: number }[]>(`
    SELECT "departmentId" || ':' || CASE WHEN "assigneeKey" = '00000000-0000-0000-0000-000000000000' THEN '-' ELSE "assigneeKey"::text END || ':' || status AS k, sum(n)::int AS n
    FROM "TicketStatusCount" GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`);
  expect(kept).toEqual(direct);
  const directList = await testDb().$queryRawUnsafe<{ k: string; n: number }[]>(`
    SELECT concat_ws(':', "departmentId", COALESCE("agencyId", '00000000-0000-0000-0000-000000000000'), COALESCE("assigneeId", '00000000-0000-0000-0000-000000000000'), priority, status) AS k,
           count(*)::int AS n FROM "Ticket" GROUP BY 1 ORDER BY 1`);
  const keptList = await testDb().$queryRawUnsafe<{ k: string; n: number }[]>(`
    SELECT concat_ws(':', "departmentId", "agencyKey", "assigneeKey", priority, status) AS k, sum(n)::int AS n FROM "TicketListCount" GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`);
  expect(keptList).toEqual(directList);
  const directOpen = await testDb().$queryRawUnsafe<{ k: string; n: number }[]>(`
    SELECT 'department:' || "departmentId" || ':' || status AS k, count(*)::int AS n FROM "Ticket" WHERE status IN ('OPEN', 'IN_PROGRESS', 'WAITING') GROUP BY 1 ORDER BY 1`);
  const keptOpen = await testDb().$queryRawUnsafe<{ k: string; n: number }[]>(`
    SELECT dim || ':' || key || ':' || status AS k, n FROM "TicketOpenCount" WHERE dim = 'department' AND n <> 0 ORDER BY 1`);
  expect(keptOpen).toEqual(directOpen);
}

describe("bulk assignment", () => {
  it("assigns 50 tickets to a staff member: one notification and one mail for them listing the 50, a history line per ticket, one audit entry", async () => {
    const list = await tickets(50, { departmentId: w.deptA.id, subject: "Printer lantai 3" });
    const r = await bulk(w.admin, { selection: { ids: list.map((t) => t.id) }, change: { kind: "assign", assigneeId: w.staffA.id } });
    expect(r).toEqual({ ok: true, data: { matched: 50, changed: 50, unchanged: 0, skipped: {} } });

    expect(await testDb().ticket.count({ where: { id: { in: list.map((t) => t.id) }, assigneeId: w.staffA.id } })).toBe(50);
    const notes = await testDb().notification.findMany({ where: { userId: w.staffA.id, ticketId: { in: list.map((t) => t.id) } } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe("TICKETS_ASSIGNED");
    expect([...notes[0]!.ticketIds].sort()).toEqual(list.map((t) => t.id).sort());
    const mails = await testDb().emailOutbox.findMany({ where: { userId: w.staffA.id, kind: { in: ["ticketsAssigned", "assigned"] } } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.kind).toBe("ticketsAssigned");
    expect((mails[0]!.payload as { ticketIds: string[] }).ticketIds).toHaveLength(50);
    // The mail names the person's tickets (the first 50 of them), not one mail per ticket.
    const mail = await composeMail(mails[0]!);
    expect(mail.subject).toBe("50 tiket ditugaskan kepada Anda");
    expect(mail.text).toContain(`${list[0]!.number} — Printer lantai 3`);
    expect(mail.text).toContain(`${list[49]!.number} — Printer lantai 3`);
    const history = await testDb().ticketActivity.findMany({ where: { ticketId: { in: list.map((t) => t.id) }, field: "assignee" } });
    expect(history).toHaveLength(50);
    expect(history.every((h) => h.actorId === w.admin.id && h.fromValue === null && h.toValue === w.staffA.id)).toBe(true);
    const audit = await testDb().auditLog.findMany({ where: { action: "tickets.bulk", actorId: w.admin.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ changed: 50, change: { kind: "assign", assigneeId: w.staffA.id } });
    await expectCountTablesExact();
  });

  it("skips and counts tickets of another department than the assignee's; the rest are assigned", async () => {
    const mine = await tickets(3, { departmentId: w.deptA.id });
    const other = await tickets(2, { departmentId: w.deptB.id });
    const r = await bulk(w.admin, { selection: { ids: [...mine, ...other].map((t) => t.id) }, change: { kind: "assign", assigneeId: w.staffA2.id } });
    expect(r).toEqual({ ok: true, data: { matched: 5, changed: 3, unchanged: 0, skipped: { assigneeNotInDepartment: 2 } } });
    expect(await testDb().ticket.count({ where: { id: { in: other.map((t) => t.id) }, assigneeId: null } })).toBe(2);
  });

  it("assign to me by a staff member: their department's tickets; already theirs counts as unchanged; no notification to themselves", async () => {
    const list = await tickets(4, { departmentId: w.deptA.id });
    await testDb().ticket.update({ where: { id: list[0]!.id }, data: { assigneeId: w.staffA.id } });
    const r = await bulk(w.staffA, { selection: { ids: list.map((t) => t.id) }, change: { kind: "assign", assigneeId: "me" } });
    expect(r).toEqual({ ok: true, data: { matched: 4, changed: 3, unchanged: 1, skipped: {} } });
    expect(await testDb().notification.count({ where: { userId: w.staffA.id, ticketId: { in: list.map((t) => t.id) } } })).toBe(0);
  });
});

describe("scope and rules", () => {
  it("a staff member's ids of another department's tickets are skipped as not found, the rest changed", async () => {
    const theirs = await tickets(2, { departmentId: w.deptA.id });
    const mine = await tickets(3, { departmentId: w.deptB.id });
    const r = await bulk(w.staffB, { selection: { ids: [...theirs, ...mine].map((t) => t.id) }, change: { kind: "priority", priority: "HIGH" } });
    expect(r).toEqual({ ok: true, data: { matched: 5, changed: 3, unchanged: 0, skipped: { notFound: 2 } } });
    expect(await testDb().ticket.count({ where: { id: { in: theirs.map((t) => t.id) }, priority: "NORMAL" } })).toBe(2);
    expect(await testDb().ticket.count({ where: { id: { in: mine.map((t) => t.id) }, priority: "HIGH" } })).toBe(3);
  });

  it("all matching a filter: only what the staff member sees is matched", async () => {
    await tickets(3, { departmentId: w.deptA.id, subject: "Kabel putus gedung" });
    await tickets(2, { departmentId: w.deptB.id, subject: "Kabel putus gedung" });
    const r = await bulk(w.staffB, { selection: { filters: { q: "kabel putus" } }, change: { kind: "status", status: "IN_PROGRESS" } });
    expect(r).toEqual({ ok: true, data: { matched: 2, changed: 2, unchanged: 0, skipped: {} } });
    expect(await testDb().ticket.count({ where: { subject: "Kabel putus gedung", status: "IN_PROGRESS" } })).toBe(2);
  });

  it("a client cannot make a bulk change (forbidden), and nothing changes", async () => {
    const own = await tickets(2, { departmentId: w.deptA.id, clientId: w.client.id });
    const r = await bulk(w.client, { selection: { ids: own.map((t) => t.id) }, change: { kind: "close" } });
    expect(r).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect(await testDb().ticket.count({ where: { id: { in: own.map((t) => t.id) }, status: "OPEN" } })).toBe(2);
  });

  it("bad input gets a field message and changes nothing", async () => {
    const list = await tickets(1, { departmentId: w.deptA.id });
    const bad = await bulk(w.admin, { selection: { ids: ["nope"] }, change: { kind: "close" } });
    expect(bad.ok).toBe(false);
    expect(bad).toMatchObject({ fieldErrors: { "selection.ids.0": "Isian tidak valid." } });
    const unknown = await bulk(w.admin, { selection: { ids: [list[0]!.id] }, change: { kind: "assign", assigneeId: w.client.id } });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { assigneeId: expect.any(String) } });
    const dept = await bulk(w.admin, { selection: { ids: [list[0]!.id] }, change: { kind: "department", departmentId: "00000000-0000-4000-8000-000000000000" } });
    expect(dept).toMatchObject({ ok: false, fieldErrors: { departmentId: expect.any(String) } });
    expect(await testDb().ticket.findUniqueOrThrow({ where: { id: list[0]!.id } })).toMatchObject({ status: "OPEN", assigneeId: null, departmentId: w.deptA.id });
  });
});

describe("status, department and priority", () => {
  it("resolving tickets of two clients: each client gets one notification and one mail about their tickets (one ticket: the usual one)", async () => {
    const other = await createUser({ role: "CLIENT", agencyId: w.opdB.id, name: "Client Tiga" });
    const a = await tickets(3, { departmentId: w.deptA.id, clientId: w.client.id, subject: "Website OPD" });
    const b = await tickets(1, { departmentId: w.deptA.id, clientId: other.id, subject: "Website OPD" });
    const r = await bulk(w.admin, { selection: { ids: [...a, ...b].map((t) => t.id) }, change: { kind: "status", status: "RESOLVED" } });
    expect(r).toMatchObject({ ok: true, data: { changed: 4 } });
    const noteA = await testDb().notification.findMany({ where: { userId: w.client.id, ticketId: { in: a.map((t) => t.id) } } });
    expect(noteA.map((n) => [n.kind, n.ticketIds.length])).toEqual([["TICKETS_STATUS", 3]]);
    const noteB = await testDb().notification.findMany({ where: { userId: other.id } });
    expect(noteB.map((n) => [n.kind, n.ticketId])).toEqual([["TICKET_STATUS", b[0]!.id]]);
    const mailA = await testDb().emailOutbox.findMany({ where: { userId: w.client.id, kind: { in: ["ticketsStatusChanged", "statusChanged"] }, createdAt: { gte: new Date(Date.now() - 60_000) } } });
    expect(mailA.map((m) => m.kind)).toEqual(["ticketsStatusChanged"]);
    const mailB = await testDb().emailOutbox.findMany({ where: { userId: other.id, kind: { in: ["ticketsStatusChanged", "statusChanged"] } } });
    expect(mailB.map((m) => [m.kind, m.ticketId, m.payload])).toEqual([["statusChanged", b[0]!.id, { status: "RESOLVED" }]]);
    const resolved = await testDb().ticket.findMany({ where: { id: { in: a.map((t) => t.id) } } });
    expect(resolved.every((t) => t.resolvedAt && t.resolutionMet === true && t.slaPausedAt && t.slaNextDueAt === null)).toBe(true);
  });

  it("moves the service-level clock as the ticket page does (priority re-targets; moving department drops an assignee from elsewhere)", async () => {
    const [one, two] = await tickets(2, { departmentId: w.deptA.id, assigneeId: w.staffA.id });
    await updateTicket(await sessionUserOf(w.admin), { ticketId: one!.id, priority: "URGENT" });
    await bulk(w.admin, { selection: { ids: [two!.id] }, change: { kind: "priority", priority: "URGENT" } });
    const [a, b] = await Promise.all([one, two].map((t) => testDb().ticket.findUniqueOrThrow({ where: { id: t!.id } })));
    const clock = (t: typeof a) => [t.firstResponseDueAt, t.resolutionDueAt, t.slaNextDueAt, t.slaCheckAt].map((d) => d?.getTime());
    expect(clock(b)).toEqual(clock(a));
    expect(b.firstResponseDueAt!.getTime()).toBeLessThan(two!.firstResponseDueAt!.getTime());

    const moved = await bulk(w.admin, { selection: { ids: [two!.id] }, change: { kind: "department", departmentId: w.deptB.id } });
    expect(moved).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await testDb().ticket.findUniqueOrThrow({ where: { id: two!.id } })).toMatchObject({ departmentId: w.deptB.id, assigneeId: null });
    const lines = await testDb().ticketActivity.findMany({ where: { ticketId: two!.id }, orderBy: { createdAt: "asc" } });
    expect(lines.map((l) => l.field)).toEqual(["priority", "department", "assignee"]);
    await expectCountTablesExact();
  });
});

describe("limits", () => {
  it(`more than ${BULK_LIMIT} matching tickets: refused with a message asking to narrow the filter, nothing changed`, async () => {
    await tickets(BULK_LIMIT + 1, { departmentId: w.deptB.id, subject: "Lampu indikator merah" });
    const r = await bulk(w.admin, { selection: { filters: { q: "lampu indikator" } }, change: { kind: "close" } });
    expect(r).toEqual({ ok: false, formError: expect.stringContaining("1000") });
    expect(r.ok === false && r.formError).toMatch(/persempit/i);
    expect(await testDb().ticket.count({ where: { subject: "Lampu indikator merah", status: "CLOSED" } })).toBe(0);

    const ids = await testDb().ticket.findMany({ where: { subject: "Lampu indikator merah" }, select: { id: true } });
    const tooMany = await bulk(w.admin, { selection: { ids: ids.map((t) => t.id) }, change: { kind: "close" } });
    expect(tooMany).toMatchObject({ ok: false, fieldErrors: { "selection.ids": expect.stringContaining("1000") } });
  });

  it(`exactly ${BULK_LIMIT} tickets close in one action; counts stay exact; each client is told once`, async () => {
    const r = await bulk(w.admin, { selection: { filters: { q: "lampu indikator", sort: "oldest" } }, change: { kind: "priority", priority: "LOW" } });
    expect(r.ok).toBe(false); // still 1,001
    await testDb().ticket.deleteMany({ where: { number: { endsWith: "-1000" }, subject: "Lampu indikator merah" } });
    await expectCountTablesExact();
    const before = await testDb().notification.count({ where: { userId: w.client.id } });
    const closed = await bulk(w.admin, { selection: { filters: { q: "lampu indikator" } }, change: { kind: "close" } });
    expect(closed).toEqual({ ok: true, data: { matched: BULK_LIMIT, changed: BULK_LIMIT, unchanged: 0, skipped: {} } });
    expect(await testDb().notification.count({ where: { userId: w.client.id } })).toBe(before + 1);
    expect(await testDb().ticketActivity.count({ where: { field: "status", toValue: "CLOSED", ticket: { subject: "Lampu indikator merah" } } })).toBe(BULK_LIMIT);
    await expectCountTablesExact();
  }, 120_000);
});
