import { GET as listRoute } from "@/app/api/tickets/list/route";
import { createTicket } from "@/lib/dal/tickets";
import type { TicketListView } from "@/lib/views/ticket-list";
import { actAs, sessionUserOf } from "./helpers/factories";
import { requestContext } from "./helpers/request-context";
import { testDb } from "./helpers/test-db";
import { createWorld, withTempDataDir } from "./helpers/tickets";

/**
 * /api/tickets/list is what the ticket list page shows (the page is one shell for everyone): its
 * answer must carry exactly one user's scope, follow revocation on the very next request, and never
 * be stored by a browser or proxy.
 */
withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
const numbers: Record<string, string> = {};
const session = sessionUserOf;
const get = (query = "") => listRoute(new Request(`http://localhost/api/tickets/list${query}`));
const view = async (query = "") => {
  const res = await get(query);
  expect(res.status).toBe(200);
  return (await res.json()) as TicketListView;
};
const shown = (v: TicketListView) => v.list.rows.map((r) => r.number).sort();

beforeAll(async () => {
  w = await createWorld();
  const file = async (who: typeof w.client, departmentId: string, subject: string) =>
    (await createTicket(await session(who), { departmentId, subject, description: "Uraian", attachments: [] })).number;
  numbers.mineA = await file(w.client, w.deptA.id, "Internet kantor putus");
  numbers.mineB = await file(w.client, w.deptB.id, "Website dinas lambat");
  numbers.otherA = await file(w.otherClient, w.deptA.id, "Surel tidak terkirim");
});

afterEach(() => requestContext.cookies.delete("NEXT_LOCALE"));

it("a visitor gets 401 and no rows", async () => {
  await actAs(null);
  const res = await get();
  expect(res.status).toBe(401);
  expect(await res.text()).not.toContain(numbers.mineA);
});

it("a client sees only their own tickets, no staff filters and no export, and the answer is never cached", async () => {
  await actAs(w.client);
  const res = await get("?options=1");
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  const v = (await res.json()) as TicketListView;
  expect(shown(v)).toEqual([numbers.mineA, numbers.mineB].sort());
  expect(v.staffSide).toBe(false);
  expect(v.canExport).toBe(false);
  expect(v.options).toEqual({ departments: [], agencies: [], assignees: [] });
  expect(v.sla.tabs).toBeNull();
  expect(v.list.counts.ALL).toBe(2);
  // Another client's ticket stays out even when searched for by its words.
  expect(shown(await view("?q=Surel"))).toEqual([]);
});

it("a staff member sees their department only, even when the address names another department", async () => {
  await actAs(w.staffA);
  expect(shown(await view())).toEqual([numbers.mineA, numbers.otherA].sort());
  expect(shown(await view(`?departmentId=${w.deptB.id}`))).toEqual([]);
  const withOptions = await view("?options=1");
  expect(withOptions.staffSide).toBe(true);
  expect(withOptions.options?.departments.map((d) => d.id)).toContain(w.deptA.id);
  expect(withOptions.options?.assignees.map((s) => s.name)).toEqual(expect.arrayContaining(["Staff A", "Staff A2"]));
  expect(withOptions.options?.assignees.map((s) => s.name)).not.toContain("Staff B");
  // Without options=1 (a tab or page change in the browser) the choices are not fetched again.
  expect((await view()).options).toBeNull();
});

it("an admin's list has the counts, the service-level tabs and each row's words in the user's language", async () => {
  await actAs(w.admin);
  const v = await view(`?status=OPEN&departmentId=${w.deptA.id}`);
  expect(shown(v)).toEqual([numbers.mineA, numbers.otherA].sort());
  expect(v.canExport).toBe(true);
  expect(v.sla.tabs).toEqual({ overdue: "Terlambat", dueSoon: "Segera jatuh tempo", dueSoonHint: expect.any(String) });
  const row = v.list.rows.find((r) => r.number === numbers.mineA)!;
  expect(row).toMatchObject({ subject: "Internet kantor putus", client: "Client Satu", status: "OPEN" });
  expect(row.created).toMatch(/\d{4}/);
  requestContext.cookies.set("NEXT_LOCALE", "en");
  expect((await view()).sla.tabs?.overdue).toBe("Overdue");
});

it("a role change and a deactivation end the list on the next request (401, no rows)", async () => {
  const staff = w.staffA2;
  await actAs(staff);
  expect((await view()).staffSide).toBe(true);
  await testDb().user.update({ where: { id: staff.id }, data: { role: "CLIENT", departmentId: null } });
  const res = await get();
  expect(res.status).toBe(401);
  expect(await res.text()).not.toContain(numbers.mineA);
  await actAs(w.staffB);
  expect((await view()).staffSide).toBe(true);
  await testDb().user.update({ where: { id: w.staffB.id }, data: { active: false } });
  expect((await get()).status).toBe(401);
});

it("bad filters are dropped, not an error", async () => {
  await actAs(w.client);
  const v = await view("?status=NOPE&page=-3&departmentId=not-a-uuid&q=" + "x".repeat(300));
  expect(v.filters.status).toBeUndefined();
  expect(v.filters.page).toBeUndefined();
  expect(v.filters.departmentId).toBeUndefined();
});
