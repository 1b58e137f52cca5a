import { listTicketsForUser } from "@/lib/dal/tickets";
import { PAGE_SIZE, ticketListFiltersSchema } from "@/lib/validation/tickets";
import { testDb } from "./helpers/test-db";
import { createWorld, withTempDataDir } from "./helpers/tickets";
import { sessionUserOf } from "./helpers/factories";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
const session = sessionUserOf;

beforeAll(async () => {
  w = await createWorld();
  const base = Date.parse("2026-03-01T03:00:00Z");
  const rows = Array.from({ length: 60 }, (_, i) => ({
    number: `HD-2026-${String(i + 1).padStart(6, "0")}`,
    subject: i === 7 ? "Jaringan internet putus di Bappeda" : `Permintaan ${i}`,
    description: i === 12 ? "Sertifikat SSL kedaluwarsa pada subdomain" : "Uraian umum",
    status: (["OPEN", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED"] as const)[i % 5],
    priority: (["LOW", "NORMAL", "HIGH", "URGENT"] as const)[i % 4],
    departmentId: i % 2 ? w.deptB.id : w.deptA.id,
    clientId: i % 3 ? w.client.id : w.otherClient.id,
    createdById: w.client.id,
    agencyId: i % 3 ? w.opdA.id : w.opdB.id,
    assigneeId: i % 10 === 0 ? w.staffA.id : null,
    createdAt: new Date(base + i * 86_400_000),
  }));
  await testDb().ticket.createMany({ data: rows });
});

const list = async (u: { id: string; sessionVersion: number }, f: Record<string, string> = {}) =>
  listTicketsForUser(await session(u), ticketListFiltersSchema.parse(f));

describe("ticket list", () => {
  it("newest first, 25 per page, with a next page and capped counts per status", async () => {
    const page1 = await list(w.admin);
    expect(page1.rows).toHaveLength(PAGE_SIZE);
    expect(page1.rows[0]!.number).toBe("HD-2026-000060");
    expect(page1.hasNext).toBe(true);
    expect(page1.counts).toEqual({ ALL: 60, OPEN: 12, IN_PROGRESS: 12, WAITING: 12, RESOLVED: 12, CLOSED: 12 });
    const page3 = await list(w.admin, { page: "3" });
    expect(page3.rows.map((r) => r.number)).toEqual(Array.from({ length: 10 }, (_, i) => `HD-2026-${String(10 - i).padStart(6, "0")}`));
    expect(page3.hasNext).toBe(false);
  });

  it("filters by status, priority, department, OPD, unassigned and assignee", async () => {
    const r = await list(w.admin, { status: "OPEN", priority: "LOW", departmentId: w.deptA.id });
    // i % 5 == 0 and i % 4 == 0 and even → i ∈ {0, 20, 40}
    expect(r.rows.map((x) => x.number).sort()).toEqual(["HD-2026-000001", "HD-2026-000021", "HD-2026-000041"]);
    expect(r.counts.OPEN).toBe(3);
    expect(r.counts.ALL).toBe(r.counts.OPEN + r.counts.IN_PROGRESS + r.counts.WAITING + r.counts.RESOLVED + r.counts.CLOSED);
    expect((await list(w.admin, { agencyId: w.opdB.id })).counts.ALL).toBe(20);
    expect((await list(w.admin, { assignee: w.staffA.id })).counts.ALL).toBe(6);
    expect((await list(w.admin, { assignee: "unassigned" })).counts.ALL).toBe(54);
  });

  it("filters by created date in Asia/Jakarta (inclusive days)", async () => {
    const r = await list(w.admin, { from: "2026-03-02", to: "2026-03-04", sort: "oldest" });
    expect(r.rows.map((x) => x.number)).toEqual(["HD-2026-000002", "HD-2026-000003", "HD-2026-000004"]);
  });

  it("searches number, subject and description, by word prefix", async () => {
    expect((await list(w.admin, { q: "HD-2026-000033" })).rows.map((r) => r.number)).toEqual(["HD-2026-000033"]);
    expect((await list(w.admin, { q: "jaring putus" })).rows.map((r) => r.number)).toEqual(["HD-2026-000008"]);
    expect((await list(w.admin, { q: "sertifikat ssl" })).rows.map((r) => r.number)).toEqual(["HD-2026-000013"]);
    expect((await list(w.admin, { q: "'); DROP TABLE \"Ticket\"; --" })).rows).toEqual([]);
    expect(await testDb().ticket.count()).toBe(60);
  });

  it("sorts by priority, urgent first", async () => {
    const r = await list(w.admin, { sort: "priority" });
    expect(r.rows[0]!.priority).toBe("URGENT");
  });

  it("staff see their department's tickets plus those assigned to them; a client only its own", async () => {
    const staff = await list(w.staffB);
    expect(staff.counts.ALL).toBe(30);
    const assigned = await list(w.staffA);
    expect(assigned.counts.ALL).toBe(30); // dept A is the even rows, every assigned one (i % 10 == 0) is even too
    const client = await list(w.otherClient);
    expect(client.counts.ALL).toBe(20);
    expect(new Set(client.rows.map((r) => r.client))).toEqual(new Set(["Client Dua"]));
  });

  it("malformed URL filters are dropped instead of failing", async () => {
    const r = await list(w.admin, { status: "HACKED", page: "-4", departmentId: "x", from: "kemarin" });
    expect(r.counts.ALL).toBe(60);
    expect(r.page).toBe(1);
  });
});
