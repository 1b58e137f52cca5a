import * as sla from "@/app/(site)/(dashboard)/dashboard/settings/sla-actions";
import { getAdminDashboard, getClientDashboard, getStaffDashboard } from "@/lib/dal/dashboards";
import { createTicket, listTicketsForUser, updateTicket } from "@/lib/dal/tickets";
import { SLA_COUNT_CAP, ticketListFiltersSchema } from "@/lib/validation/tickets";
import { actAs, createUser, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, withTempDataDir } from "./helpers/tickets";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
const session = sessionUserOf;
const list = async (u: { id: string; sessionVersion: number }, f: Record<string, string> = {}) => listTicketsForUser(await session(u), ticketListFiltersSchema.parse(f));

const STATUSES = ["OPEN", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED"] as const;
const OPEN: readonly string[] = ["OPEN", "IN_PROGRESS", "WAITING"];
const HOUR = 3_600_000;

// A small deterministic generator, so a failure can be replayed.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}
const pick = rng(7);
const one = <T,>(xs: readonly T[]): T => xs[Math.floor(pick() * xs.length)]!;

beforeAll(async () => {
  w = await createWorld();
});

/** Every open ticket, read directly. */
async function openTickets() {
  const all = await testDb().ticket.findMany({ select: { status: true, departmentId: true, agencyId: true, assigneeId: true, clientId: true } });
  return all.filter((t) => OPEN.includes(t.status));
}

/** The five largest open counts of a grouping, largest first, as the dashboards list them. */
function top5(keys: (string | null)[]): number[] {
  const n = new Map<string, number>();
  for (const k of keys) if (k) n.set(k, (n.get(k) ?? 0) + 1);
  return [...n.values()].sort((a, b) => b - a).slice(0, 5);
}

/** The counter table against a direct count, row for row, and every dashboard counter read from it. */
async function expectCountersMatch(step: string) {
  const mismatches = await testDb().$queryRawUnsafe<unknown[]>(`
    WITH direct AS (
      SELECT k.dim, k."key", t.status, count(*)::int AS n FROM "Ticket" t
      CROSS JOIN LATERAL (VALUES ('department', t."departmentId"), ('unassigned', CASE WHEN t."assigneeId" IS NULL THEN t."departmentId" END),
                                 ('agency', t."agencyId"), ('assignee', t."assigneeId"), ('client', t."clientId")) AS k(dim, "key")
      WHERE t.status IN ('OPEN', 'IN_PROGRESS', 'WAITING') AND k."key" IS NOT NULL GROUP BY 1, 2, 3)
    SELECT d.dim, d."key"::text, d.status::text, d.n AS direct, c.n AS kept
    FROM direct d FULL JOIN (SELECT * FROM "TicketOpenCount" WHERE n <> 0) c USING (dim, "key", status)
    WHERE d.n IS DISTINCT FROM c.n`);
  expect({ step, mismatches }).toEqual({ step, mismatches: [] });

  const open = await openTickets();
  const admin = await getAdminDashboard(await session(w.admin));
  expect({ step, open: admin.open, unassigned: admin.unassigned }).toEqual({
    step,
    open: Object.fromEntries(OPEN.map((s) => [s, open.filter((t) => t.status === s).length])),
    unassigned: open.filter((t) => !t.assigneeId).length,
  });
  for (const a of admin.topAgencies) expect({ step, id: a.id, open: a.open }).toEqual({ step, id: a.id, open: open.filter((t) => t.agencyId === a.id).length });
  for (const d of admin.topDepartments) expect({ step, id: d.id, open: d.open }).toEqual({ step, id: d.id, open: open.filter((t) => t.departmentId === d.id).length });
  expect(admin.topAgencies.map((a) => a.open)).toEqual(top5(open.map((t) => t.agencyId)));
  expect(admin.topDepartments.map((d) => d.open)).toEqual(top5(open.map((t) => t.departmentId)));

  for (const staff of [w.staffA, w.staffA2, w.staffB]) {
    const s = await getStaffDashboard(await session(staff));
    expect({ step, staff: staff.name, assigned: s.assignedCount, unassigned: s.unassignedCount }).toEqual({
      step,
      staff: staff.name,
      assigned: open.filter((t) => t.assigneeId === staff.id).length,
      unassigned: open.filter((t) => !t.assigneeId && t.departmentId === staff.departmentId).length,
    });
  }
  for (const client of [w.client, w.otherClient]) {
    const c = await getClientDashboard(await session(client));
    expect({ step, openCount: c.openCount }).toEqual({ step, openCount: open.filter((t) => t.clientId === client.id).length });
  }
}

describe("dashboard counters (kept by statement-level triggers)", () => {
  it("equal a direct count after creation, assignment, status changes, moves, bulk updates and deletion", async () => {
    const client = await session(w.client);
    const admin = await session(w.admin);
    const created = [];
    for (let i = 0; i < 4; i++) {
      created.push(await createTicket(client, { departmentId: i % 2 ? w.deptA.id : w.deptB.id, subject: `Dasbor ${i}`, description: "Uraian", attachments: [] }));
    }
    created.push(await createTicket(admin, { departmentId: w.deptA.id, subject: "Dasbor telepon", description: "Uraian", clientId: w.otherClient.id, attachments: [] }));
    const staffOf = { [w.deptA.id]: [w.staffA.id, w.staffA2.id, null], [w.deptB.id]: [w.staffB.id, null] } as Record<string, (string | null)[]>;
    await testDb().ticket.createMany({
      data: Array.from({ length: 150 }, (_, i) => {
        const departmentId = one([w.deptA.id, w.deptB.id]);
        return {
          number: `DSB-${i}`,
          subject: `Dasbor massal ${i}`,
          description: "Uraian",
          status: one(STATUSES),
          departmentId,
          agencyId: one([w.opdA.id, w.opdB.id, null]),
          assigneeId: one(staffOf[departmentId]!),
          clientId: one([w.client.id, w.otherClient.id]),
          createdById: w.client.id,
        };
      }),
    });
    await expectCountersMatch("created");

    await updateTicket(admin, { ticketId: created[0]!.id, assigneeId: w.staffB.id });
    await updateTicket(admin, { ticketId: created[1]!.id, assigneeId: w.staffA.id, status: "IN_PROGRESS" });
    await updateTicket(admin, { ticketId: created[1]!.id, status: "WAITING" });
    await updateTicket(admin, { ticketId: created[2]!.id, departmentId: w.deptA.id, assigneeId: w.staffA2.id });
    await updateTicket(admin, { ticketId: created[3]!.id, status: "RESOLVED" });
    await updateTicket(admin, { ticketId: created[4]!.id, assigneeId: w.staffA.id });
    await updateTicket(admin, { ticketId: created[4]!.id, assigneeId: "" });
    await expectCountersMatch("assigned, moved, status changed");

    // Bulk updates: many tickets per statement, some moved between two counted keys at once.
    await testDb().ticket.updateMany({ where: { departmentId: w.deptA.id, assigneeId: null, status: "OPEN" }, data: { assigneeId: w.staffA2.id } });
    await testDb().ticket.updateMany({ where: { status: "IN_PROGRESS" }, data: { status: "WAITING" } });
    await testDb().ticket.updateMany({ where: { status: "RESOLVED" }, data: { status: "OPEN" } });
    await testDb().ticket.updateMany({ where: { agencyId: w.opdA.id, clientId: w.client.id }, data: { agencyId: w.opdB.id, clientId: w.otherClient.id } });
    await testDb().ticket.updateMany({ where: { assigneeId: w.staffB.id }, data: { departmentId: w.deptA.id, assigneeId: w.staffA.id } });
    // Only "updatedAt" (a reply): nothing counted moves.
    await testDb().ticket.updateMany({ data: { updatedAt: new Date() } });
    await expectCountersMatch("bulk updates");

    await testDb().ticket.deleteMany({ where: { number: { startsWith: "DSB-1" } } });
    await expectCountersMatch("deleted");
  });
});

describe("dashboard lists", () => {
  it("are the first tickets in each list's order, within the viewer's own tickets", async () => {
    const client = await createUser({ role: "CLIENT", agencyId: w.opdA.id });
    const staff = await createUser({ role: "STAFF", departmentId: w.deptB.id });
    const now = Date.now();
    await testDb().ticket.createMany({
      data: Array.from({ length: 60 }, (_, i) => {
        const status = STATUSES[i % 5]!;
        const settled = status === "RESOLVED" || status === "CLOSED";
        return {
          number: `LST-${i}`,
          subject: `Daftar ${i}`,
          description: "Uraian",
          status,
          departmentId: w.deptB.id,
          assigneeId: i % 3 ? staff.id : null,
          // Every fourth belongs to someone else: never on this client's dashboard.
          clientId: i % 4 === 3 ? w.client.id : client.id,
          createdById: client.id,
          createdAt: new Date(now - (i * 7 + 1) * HOUR),
          updatedAt: new Date(now - ((i * 13) % 60) * HOUR),
          resolvedAt: settled ? new Date(now - ((i * 11) % 45) * 86_400_000 - i * 1000) : null,
          rating: settled && i % 7 === 0 ? 4 : null,
          slaNextDueAt: status === "OPEN" && i % 2 ? new Date(now + ((i * 17) % 50) * HOUR) : null,
        };
      }),
    });
    const mine = (await testDb().ticket.findMany({ where: { clientId: client.id } })).map((t) => ({ ...t, settled: t.resolvedAt ?? t.closedAt }));
    const ids = (xs: { id: string }[]) => xs.map((t) => t.id);
    const first = <T extends { id: string }>(xs: T[], by: (a: T, b: T) => number) => ids([...xs].sort(by).slice(0, 8));

    const c = await getClientDashboard(await session(client));
    expect(ids(c.waiting)).toEqual(first(mine.filter((t) => t.status === "WAITING"), (a, b) => +b.updatedAt - +a.updatedAt));
    expect(ids(c.open)).toEqual(first(mine.filter((t) => t.status === "OPEN" || t.status === "IN_PROGRESS"), (a, b) => +b.createdAt - +a.createdAt));
    const recent = (t: (typeof mine)[number]) => (t.status === "RESOLVED" || t.status === "CLOSED") && +t.settled! > now - 30 * 86_400_000;
    const toRate = mine.filter((t) => recent(t) && t.rating === null);
    expect(toRate.length).toBeGreaterThan(0);
    expect(ids(c.toRate)).toEqual(first(toRate, (a, b) => +b.settled! - +a.settled!));

    // A ticket rated quickly whose satisfaction survey (SKM) is still open stays on the list until the survey is answered.
    const rated = mine.filter((t) => recent(t) && t.rating !== null)[0]!;
    expect(rated).toBeDefined();
    // The most recently settled, so it is among the eight shown.
    rated.settled = new Date(now - 60_000);
    await testDb().ticket.update({ where: { id: rated.id }, data: { resolvedAt: rated.settled, closedAt: null } });
    await testDb().skmInvite.upsert({ where: { ticketId: rated.id }, update: { usedAt: null, expiresAt: new Date(now + 86_400_000) }, create: { ticketId: rated.id, expiresAt: new Date(now + 86_400_000) } });
    const withSurvey = [...toRate, rated];
    const shown = ids((await getClientDashboard(await session(client))).toRate);
    expect(shown[0]).toBe(rated.id);
    expect(shown).toEqual(first(withSurvey, (a, b) => +b.settled! - +a.settled!));
    await testDb().skmInvite.update({ where: { ticketId: rated.id }, data: { usedAt: new Date() } });
    expect(ids((await getClientDashboard(await session(client))).toRate)).toEqual(first(toRate, (a, b) => +b.settled! - +a.settled!));
    expect(c.open[0]!.createdAt).toEqual(mine.find((t) => t.id === c.open[0]!.id)!.createdAt);

    const s = await getStaffDashboard(await session(staff));
    const open = (await testDb().ticket.findMany({ where: { departmentId: w.deptB.id, status: { in: ["OPEN", "IN_PROGRESS", "WAITING"] } } }));
    const byDue = (a: (typeof open)[number], b: (typeof open)[number]) =>
      (a.slaNextDueAt ? +a.slaNextDueAt : Infinity) - (b.slaNextDueAt ? +b.slaNextDueAt : Infinity) || +a.createdAt - +b.createdAt;
    expect(ids(s.assigned)).toEqual(first(open.filter((t) => t.assigneeId === staff.id), byDue));
    expect(s.assigned[0]!.status).toMatch(/^(OPEN|IN_PROGRESS|WAITING)$/);
    expect(ids(s.unassigned)).toEqual(first(open.filter((t) => !t.assigneeId), (a, b) => +a.createdAt - +b.createdAt));
  });
});

describe("dashboard service-level counts", () => {
  it("equal the list's Terlambat and Segera jatuh tempo tabs, counting a staff member's tickets in another department too", async () => {
    const dept = await testDb().department.create({ data: { name: "Layanan SLA" } });
    const other = await testDb().department.create({ data: { name: "Layanan lain" } });
    const staff = await createUser({ role: "STAFF", departmentId: dept.id });
    const now = Date.now();
    const due = [new Date(now - HOUR), new Date(now + 60_000), new Date(now + 30 * 86_400_000), null];
    const ticket = (prefix: string, i: number, departmentId: string, assigneeId: string | null) => ({
      number: `${prefix}-${i}`,
      subject: `Jatuh tempo ${i}`,
      description: "Uraian",
      departmentId,
      assigneeId,
      clientId: w.client.id,
      createdById: w.client.id,
      slaNextDueAt: due[i % 4],
    });
    await testDb().ticket.createMany({
      data: [
        ...Array.from({ length: 12 }, (_, i) => ticket("SLD", i, dept.id, i % 2 ? staff.id : null)),
        // Assigned to them in another department: on their list, so on their dashboard.
        ...Array.from({ length: 8 }, (_, i) => ticket("SLO", i, other.id, staff.id)),
        // Neither theirs nor their department's.
        ...Array.from({ length: 8 }, (_, i) => ticket("SLN", i, other.id, null)),
      ],
    });
    const s = await getStaffDashboard(await session(staff));
    const tabs = (await list(staff)).slaCounts;
    expect({ overdue: s.overdue, dueSoon: s.dueSoon }).toEqual({ overdue: tabs.overdue, dueSoon: tabs.dueSoon });
    expect(s.overdue).toBe(await testDb().ticket.count({ where: { OR: [{ departmentId: dept.id }, { assigneeId: staff.id }], slaNextDueAt: { lt: new Date() } } }));
    expect(s.overdue).toBe(3 + 2);
    expect(s.dueSoon).toBe(3 + 2);

    const a = await getAdminDashboard(await session(w.admin));
    expect(a.overdue).toBe((await list(w.admin)).slaCounts.overdue);
    expect(a.overdue).toBe(await testDb().ticket.count({ where: { slaNextDueAt: { lt: new Date() } } }));
  });

  it("stop at the cap, as the list's tabs do, when the department's and their other late tickets together pass it", async () => {
    const dept = await testDb().department.create({ data: { name: "Banyak terlambat" } });
    const other = await testDb().department.create({ data: { name: "Banyak terlambat lain" } });
    const staff = await createUser({ role: "STAFF", departmentId: dept.id });
    const late = (prefix: string, n: number, departmentId: string) =>
      Array.from({ length: n }, (_, i) => ({
        number: `${prefix}-${i}`,
        subject: `Terlambat ${i}`,
        description: "Uraian",
        departmentId,
        assigneeId: staff.id,
        clientId: w.client.id,
        createdById: w.client.id,
        slaNextDueAt: new Date(Date.now() - (i + 1) * 60_000),
      }));
    await testDb().ticket.createMany({ data: [...late("CPD", SLA_COUNT_CAP - 300, dept.id), ...late("CPO", 600, other.id)] });
    const s = await getStaffDashboard(await session(staff));
    expect(s.overdue).toBe(SLA_COUNT_CAP);
    expect((await list(staff)).slaCounts.overdue).toBe(SLA_COUNT_CAP);
  });
});

describe("the admin dashboard's days", () => {
  const HOURS = Object.fromEntries(["1", "2", "3", "4", "5", "6", "7"].map((d) => [`day${d}`, "07:30-16:00"]));
  async function setZone(timeZone: string) {
    await actAs(w.admin);
    expect(await sla.updateCalendarAction({ timeZone, ...HOURS })).toEqual({ ok: true, data: null });
  }

  it("are days of the service calendar's time zone, as the report counts them", async () => {
    // 15:30 UTC on 10 March: 22:30 that day in Jakarta (UTC+7), 00:30 on 11 March in Jayapura (UTC+9).
    await testDb().ticket.create({
      data: { number: "ZONA-1", subject: "Larut malam", description: "Uraian", departmentId: w.deptA.id, clientId: w.client.id, createdById: w.client.id, createdAt: new Date("2026-03-10T15:30:00Z") },
    });
    const now = new Date("2026-03-10T16:00:00Z");
    try {
      await setZone("Asia/Jakarta");
      expect(await getAdminDashboard(await session(w.admin), now)).toMatchObject({ today: "2026-03-10", createdToday: 1 });
      await setZone("Asia/Jayapura");
      const d = await getAdminDashboard(await session(w.admin), now);
      expect(d).toMatchObject({ today: "2026-03-11", weekStart: "2026-03-09", createdToday: 1 });
      expect(d.chart.at(-1)).toEqual({ day: "2026-03-11", created: 1, resolved: 0 });
    } finally {
      await setZone("Asia/Jakarta");
    }
  });
});
