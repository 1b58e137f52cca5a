import { GET as detailRoute } from "@/app/api/tickets/detail/route";
import { createTicket, replyToTicket, updateTicket } from "@/lib/dal/tickets";
import type { TicketPageView } from "@/lib/views/ticket-page";
import { actAs, sessionUserOf } from "./helpers/factories";
import { requestContext } from "./helpers/request-context";
import { testDb } from "./helpers/test-db";
import { createWorld, withTempDataDir } from "./helpers/tickets";

/**
 * /api/tickets/detail is what the ticket page shows (the page is one static shell for every ticket):
 * its answer must be one user's view of one ticket, "not found" for a ticket the user may not see,
 * without internal notes for a client, follow revocation on the next request, and never be stored.
 */
withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
const t: Record<string, { id: string; number: string }> = {};
const session = sessionUserOf;
const get = (number: string, extra = "") => detailRoute(new Request(`http://localhost/api/tickets/detail?number=${encodeURIComponent(number)}${extra}`));
const view = async (number: string, extra = "") => {
  const res = await get(number, extra);
  expect(res.status).toBe(200);
  return (await res.json()) as TicketPageView;
};

beforeAll(async () => {
  w = await createWorld();
  const file = async (who: typeof w.client, departmentId: string, subject: string) =>
    createTicket(await session(who), { departmentId, subject, description: "Uraian rahasia", attachments: [] });
  t.mineA = await file(w.client, w.deptA.id, "Internet kantor putus");
  t.otherB = await file(w.otherClient, w.deptB.id, "Surel tidak terkirim");
  await replyToTicket(await session(w.staffA), { ticketId: t.mineA.id, body: "Catatan internal: ganti switch", internal: true, attachments: [] });
  await replyToTicket(await session(w.staffA), { ticketId: t.mineA.id, body: "Sedang kami periksa", internal: false, attachments: [] });
});

afterEach(() => requestContext.cookies.delete("NEXT_LOCALE"));

it("a visitor gets 401 and nothing of the ticket", async () => {
  await actAs(null);
  const res = await get(t.mineA.number);
  expect(res.status).toBe(401);
  expect(await res.text()).not.toContain("Internet kantor putus");
});

it("a client sees their ticket without internal notes or the staff panel, and the answer is never cached", async () => {
  await actAs(w.client);
  const res = await get(t.mineA.number);
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  const v = (await res.json()) as TicketPageView;
  expect(v.ticket).toMatchObject({ number: t.mineA.number, subject: "Internet kantor putus", client: "Client Satu", createdBy: "Client Satu", status: "OPEN" });
  expect(v.ticket.createdById).toBe(v.ticket.clientId);
  expect(v.ticket.messages.map((m) => m.body)).toEqual(["Sedang kami periksa"]);
  expect(JSON.stringify(v)).not.toContain("ganti switch");
  expect(v.ticket.can).toMatchObject({ work: false, reply: true });
  expect(v.manage).toBeNull();
  expect(v.ticket.created).toMatch(/\d{4}/);
  expect(v.ticket.messages[0]).toMatchObject({ author: "Staff A", authorRole: "STAFF", when: expect.stringMatching(/\d{4}/) });
  // The header is the layout's, drawn once per document: the data answers only the ticket.
  expect(v).not.toHaveProperty("viewer");
});

it("another client's ticket is not found (404, nothing of it), as is a ticket that does not exist", async () => {
  await actAs(w.client);
  for (const number of [t.otherB.number, "HD-0000-999999", "", "HD-\u0000"]) {
    const res = await get(number);
    expect([number, res.status]).toEqual([number, 404]);
    const body = await res.text();
    expect(body).not.toContain("Surel tidak terkirim");
    expect(JSON.parse(body)).toEqual({ error: "Tiket tidak ditemukan." });
  }
});

it("staff see their department's tickets with internal notes and the panel's choices, and only those", async () => {
  await actAs(w.staffA);
  const v = await view(t.mineA.number);
  expect(v.ticket.messages.map((m) => [m.body, m.internal])).toEqual([
    ["Catatan internal: ganti switch", true],
    ["Sedang kami periksa", false],
  ]);
  expect(v.ticket.can.work).toBe(true);
  expect(v.manage?.departments.map((d) => d.value)).toEqual(expect.arrayContaining([w.deptA.id, w.deptB.id]));
  expect(v.manage?.assignees.map((a) => a.label).sort()).toEqual(["Staff A", "Staff A2"]);
  expect(v.ticket.activities[0]).toMatchObject({ field: "created", actor: "Client Satu" });
  expect((await get(t.otherB.number)).status).toBe(404);
});

it("the history names the department and the staff a ticket moved between, and the panel follows the move", async () => {
  const moved = await createTicket(await session(w.client), { departmentId: w.deptA.id, subject: "Pindah department", description: "Uraian", attachments: [] });
  await updateTicket(await session(w.admin), { ticketId: moved.id, assigneeId: w.staffA.id });
  await updateTicket(await session(w.admin), { ticketId: moved.id, departmentId: w.deptB.id, assigneeId: w.staffB.id, priority: "HIGH" });
  await actAs(w.admin);
  const v = await view(moved.number);
  const history = v.ticket.activities.map((a) => [a.field, a.fromLabel, a.toLabel]);
  expect(history).toEqual(
    expect.arrayContaining([
      ["assignee", null, "Staff A"],
      ["department", w.deptA.name, w.deptB.name],
      ["assignee", "Staff A", "Staff B"],
      ["priority", "NORMAL", "HIGH"],
    ]),
  );
  expect(v.ticket).toMatchObject({ department: w.deptB.name, assignee: "Staff B", priority: "HIGH" });
  expect(v.manage?.assignees.map((a) => a.label)).toEqual(["Staff B"]);
});

it("the words come in the user's language", async () => {
  await actAs(w.admin);
  requestContext.cookies.set("NEXT_LOCALE", "en");
  const v = await view(t.otherB.number);
  expect(v.ticket.status).toBe("OPEN");
  expect(v.ticket.created).toMatch(/^[A-Z][a-z]{2} \d/);
  expect((await get("HD-0000-999999").then((r) => r.json())) as unknown).toEqual({ error: "Ticket not found." });
});

it("a role change and a deactivation end the ticket on the next request (401)", async () => {
  await actAs(w.staffA2);
  await view(t.mineA.number);
  await testDb().user.update({ where: { id: w.staffA2.id }, data: { role: "CLIENT", departmentId: null } });
  expect((await get(t.mineA.number)).status).toBe(401);
  await actAs(w.staffB);
  await view(t.otherB.number);
  await testDb().user.update({ where: { id: w.staffB.id }, data: { active: false } });
  const res = await get(t.otherB.number);
  expect(res.status).toBe(401);
  expect(await res.text()).not.toContain("Surel tidak terkirim");
});
