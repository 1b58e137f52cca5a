import { listTicketsForUser } from "@/lib/dal/tickets";
import { COUNT_CAP } from "@/lib/dal/tickets/counts";
import { closeStaleResolvedTickets } from "@/lib/dal/ticket-jobs";
import { TICKET_STATUSES, ticketListFiltersSchema, type TicketStatus } from "@/lib/validation/tickets";
import { forgetCachedSettings } from "@/lib/dal/settings";
import { testDb } from "./helpers/test-db";
import { createWorld, withTempDataDir } from "./helpers/tickets";
import { sessionUserOf } from "./helpers/factories";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
const session = sessionUserOf;
const list = async (u: { id: string; sessionVersion: number }, f: Record<string, string> = {}) =>
  listTicketsForUser(await session(u), ticketListFiltersSchema.parse(f));

/** What the status tabs must say, counted directly. */
async function directCounts(where: object) {
  const rows = await testDb().ticket.groupBy({ by: ["status"], where, _count: true });
  const counts = Object.fromEntries(["ALL", ...TICKET_STATUSES].map((k) => [k, 0])) as Record<TicketStatus | "ALL", number>;
  for (const r of rows) {
    counts[r.status] = r._count;
    counts.ALL += r._count;
  }
  return counts;
}

const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;

// A small deterministic generator, so a failure can be replayed.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

beforeAll(async () => {
  w = await createWorld();
});

describe("status counts of the unfiltered list and of lists narrowed by department, OPD, assignee, priority (kept by triggers)", () => {
  it("equal a direct count through random creations, moves, reassignments, reprioritising and auto-close", async () => {
    const pick = rng(42);
    const one = <T,>(xs: readonly T[]) => xs[Math.floor(pick() * xs.length)]!;
    const depts = [w.deptA.id, w.deptB.id];
    const staffOf = { [w.deptA.id]: [w.staffA.id, w.staffA2.id, null], [w.deptB.id]: [w.staffB.id, null] } as Record<string, (string | null)[]>;
    await testDb().ticket.createMany({
      data: Array.from({ length: 120 }, (_, i) => {
        const departmentId = one(depts);
        return {
          number: `CNT-${i}`,
          subject: `Hitung ${i}`,
          description: "Uraian",
          status: one(TICKET_STATUSES),
          priority: one(PRIORITIES),
          departmentId,
          agencyId: one([w.opdA.id, w.opdB.id, null]),
          assigneeId: one(staffOf[departmentId]!),
          clientId: one([w.client.id, w.otherClient.id]),
          createdById: w.client.id,
          resolvedAt: new Date(Date.now() - 30 * 86_400_000),
        };
      }),
    });
    const tickets = await testDb().ticket.findMany({ select: { id: true } });
    for (let k = 0; k < 80; k++) {
      const departmentId = one(depts);
      await testDb().ticket.update({
        where: { id: one(tickets).id },
        data: [
          { status: one(TICKET_STATUSES) },
          { departmentId, assigneeId: one(staffOf[departmentId]!) },
          { priority: one(PRIORITIES), agencyId: one([w.opdA.id, w.opdB.id, null]) },
        ][Math.floor(pick() * 3)]!,
      });
    }
    await testDb().setting.create({ data: { key: "ticket", value: { autoCloseResolvedAfterDays: 7 } } });
    forgetCachedSettings();
    await closeStaleResolvedTickets();

    expect((await list(w.admin)).counts).toEqual(await directCounts({}));
    expect((await list(w.staffA)).counts).toEqual(await directCounts({ OR: [{ departmentId: w.deptA.id }, { assigneeId: w.staffA.id }] }));
    expect((await list(w.staffB)).counts).toEqual(await directCounts({ OR: [{ departmentId: w.deptB.id }, { assigneeId: w.staffB.id }] }));
    expect((await list(w.client)).counts).toEqual(await directCounts({ clientId: w.client.id }));
    expect((await list(w.admin)).countsCapped).toBe(false);

    const narrowed: [Record<string, string>, object][] = [
      [{ departmentId: w.deptA.id }, { departmentId: w.deptA.id }],
      [{ agencyId: w.opdA.id }, { agencyId: w.opdA.id }],
      [{ assignee: w.staffA.id }, { assigneeId: w.staffA.id }],
      [{ assignee: "unassigned" }, { assigneeId: null }],
      [{ priority: "HIGH" }, { priority: "HIGH" }],
      [{ priority: "LOW", departmentId: w.deptB.id, agencyId: w.opdB.id }, { priority: "LOW", departmentId: w.deptB.id, agencyId: w.opdB.id }],
    ];
    for (const [filters, where] of narrowed) {
      const r = await list(w.admin, filters);
      expect({ filters, counts: r.counts, capped: r.countsCapped }).toEqual({ filters, counts: await directCounts(where), capped: false });
    }
    // Deleting tickets (one statement, several rows) takes them out of every count table.
    const deleted = await testDb().ticket.deleteMany({ where: { number: { startsWith: "CNT-1" }, activities: { none: {} }, notifications: { none: {} } } });
    expect(deleted.count).toBeGreaterThan(3);
    expect((await list(w.admin)).counts).toEqual(await directCounts({}));
    expect((await list(w.admin, { priority: "HIGH" })).counts).toEqual(await directCounts({ priority: "HIGH" }));
    // A staff member's narrowed tabs stay inside their scope (their department, or assigned to them).
    const mine = { OR: [{ departmentId: w.deptA.id }, { assigneeId: w.staffA.id }] };
    expect((await list(w.staffA, { priority: "HIGH" })).counts).toEqual(await directCounts({ AND: [mine, { priority: "HIGH" }] }));
    expect((await list(w.staffA, { agencyId: w.opdB.id })).counts).toEqual(await directCounts({ AND: [mine, { agencyId: w.opdB.id }] }));
  });
});

describe("status counts of a filtered list", () => {
  it("count at most COUNT_CAP tickets and say so (lower bounds)", async () => {
    await testDb().ticket.createMany({
      data: Array.from({ length: COUNT_CAP + 50 }, (_, i) => ({
        number: `BIG-${i}`,
        subject: `Lampu jaringan ${i}`,
        description: "Uraian",
        status: TICKET_STATUSES[i % 5]!,
        departmentId: w.deptB.id,
        clientId: w.client.id,
        createdById: w.client.id,
        // Every seventh is late.
        slaNextDueAt: i % 7 === 0 ? new Date(Date.now() - 3_600_000) : null,
      })),
    });
    const r = await list(w.admin, { q: "lampu" });
    expect(r.countsCapped).toBe(true);
    expect(r.counts.ALL).toBe(COUNT_CAP);
    expect(r.rows[0]!.subject).toMatch(/^Lampu jaringan/);
    // The late ones among the counted matches: a lower bound, said so ("n+"); at most 50 matches were not counted.
    const late = await testDb().ticket.count({ where: { subject: { startsWith: "Lampu jaringan" }, slaNextDueAt: { lt: new Date() } } });
    expect(r.slaCounts.atLeast).toBe(true);
    expect(r.slaCounts.overdue).toBeLessThanOrEqual(late);
    expect(r.slaCounts.overdue).toBeGreaterThanOrEqual(late - 50);
    const small = await list(w.admin, { q: "lampu", departmentId: w.deptA.id });
    expect(small.countsCapped).toBe(false);
    expect(small.counts.ALL).toBe(0);
  }, 60_000);
});

describe("service-level counts of a searched list", () => {
  it("come with the status counts of the matches and equal a direct count", async () => {
    const now = Date.now();
    await testDb().ticket.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        number: `SLA-${i}`,
        subject: `Printer macet ${i}`,
        description: "Uraian",
        departmentId: w.deptA.id,
        clientId: w.client.id,
        createdById: w.client.id,
        // Late, due within the next 30 minutes, due next week, no running clock.
        slaNextDueAt: [new Date(now - 3_600_000), new Date(now + 30 * 60_000), new Date(now + 7 * 86_400_000), null][i % 4],
      })),
    });
    const r = await list(w.admin, { q: "printer" });
    expect(r.countsCapped).toBe(false);
    expect(r.counts.ALL).toBe(30);
    const overdue = await testDb().ticket.count({ where: { subject: { startsWith: "Printer macet" }, slaNextDueAt: { lt: new Date() } } });
    expect(r.slaCounts.overdue).toBe(overdue);
    expect(overdue).toBe(8);
    // Each tab's number is what that tab then lists (due soon depends on the working calendar).
    expect((await list(w.admin, { q: "printer", sla: "overdue" })).rows).toHaveLength(r.slaCounts.overdue);
    expect((await list(w.admin, { q: "printer", sla: "dueSoon" })).rows).toHaveLength(r.slaCounts.dueSoon);
    expect(r.slaCounts.atLeast).toBeUndefined();
  });

  it("of a date range come with its status counts too, exact", async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const range = { from: today, to: today, departmentId: w.deptA.id };
    const r = await list(w.admin, range);
    expect(r.countsCapped).toBe(false);
    const since = new Date(`${today}T00:00:00+07:00`);
    const overdue = await testDb().ticket.count({ where: { departmentId: w.deptA.id, createdAt: { gte: since }, slaNextDueAt: { lt: new Date() } } });
    expect(overdue).toBeGreaterThan(0);
    expect(r.slaCounts).toEqual({ overdue, dueSoon: (await list(w.admin, { ...range, sla: "dueSoon" })).rows.length });
    expect((await list(w.admin, { ...range, sla: "overdue" })).rows).toHaveLength(overdue);
  });
});
