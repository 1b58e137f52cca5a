import {
  createTicketAction,
  rateTicketAction,
  replyToTicketAction,
  updateTicketAction,
} from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { GET as downloadAttachment } from "@/app/api/attachments/[id]/route";
import { getTicketOrThrow, listTicketsForUser } from "@/lib/dal/tickets";
import { actAs, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, file, PNG, ticketForm, withTempDataDir } from "./helpers/tickets";

withTempDataDir();
type World = Awaited<ReturnType<typeof createWorld>>;
let w: World;
let ticket: { id: string; number: string; attachmentId: string };
/** A ticket of deptB assigned to staffA (of deptA): staffA sees it through the assignment. */
let assignedElsewhere: { id: string; number: string };

const session = sessionUserOf;

beforeAll(async () => {
  w = await createWorld();
  await actAs(w.client);
  const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "Website OPD tidak bisa dibuka", description: "Error 502" }, [file("layar.png", PNG)]));
  if (!r.ok) throw new Error(JSON.stringify(r));
  const row = await testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number }, include: { attachments: true } });
  ticket = { id: row.id, number: row.number, attachmentId: row.attachments[0]!.id };

  await actAs(w.otherClient);
  const r2 = await createTicketAction(ticketForm({ departmentId: w.deptB.id, subject: "Server lambat", description: "x" }));
  if (!r2.ok) throw new Error(JSON.stringify(r2));
  const row2 = await testDb().ticket.update({ where: { number: r2.data.number }, data: { assigneeId: w.staffA.id } });
  assignedElsewhere = { id: row2.id, number: row2.number };
});

type Who = "visitor" | "owner client" | "other client" | "staff of the department" | "staff of another department" | "admin" | "super admin";
const who = (): Record<Exclude<Who, "visitor">, World["client"]> => ({
  "owner client": w.client,
  "other client": w.otherClient,
  "staff of the department": w.staffA,
  "staff of another department": w.staffB,
  admin: w.admin,
  "super admin": w.superAdmin,
});
const SEES: Record<Exclude<Who, "visitor">, boolean> = {
  "owner client": true,
  "other client": false,
  "staff of the department": true,
  "staff of another department": false,
  admin: true,
  "super admin": true,
};

describe.each(Object.entries(SEES))("%s", (name, sees) => {
  const user = () => who()[name as keyof typeof SEES];

  it(sees ? "opens the ticket" : "gets 'not found' for the ticket page", async () => {
    const attempt = getTicketOrThrow(await session(user()), ticket.number);
    if (sees) await expect(attempt).resolves.toMatchObject({ number: ticket.number });
    else await expect(attempt).rejects.toMatchObject({ key: "tickets.errors.notFound" });
  });

  it(sees ? "finds it in the list" : "does not find it in the list, even searching its number", async () => {
    const list = await listTicketsForUser(await session(user()), { q: ticket.number });
    expect(list.rows.map((r) => r.number).includes(ticket.number)).toBe(sees);
  });

  it(sees ? "can reply" : "cannot reply (not found) and nothing is stored", async () => {
    await actAs(user());
    const before = await testDb().ticketMessage.count({ where: { ticketId: ticket.id } });
    const r = await replyToTicketAction(ticketForm({ ticketId: ticket.id, body: `Balasan dari ${name}` }));
    expect(r.ok).toBe(sees);
    if (!sees) expect(r).toEqual({ ok: false, formError: "Tiket tidak ditemukan." });
    expect(await testDb().ticketMessage.count({ where: { ticketId: ticket.id } })).toBe(before + (sees ? 1 : 0));
  });

  it(sees ? "downloads the attachment (200)" : "gets 404 for the attachment", async () => {
    await actAs(user());
    const res = await downloadAttachment(new Request(`http://localhost/api/attachments/${ticket.attachmentId}`), {
      params: Promise.resolve({ id: ticket.attachmentId }),
    });
    expect(res.status).toBe(sees ? 200 : 404);
    if (sees) expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it(sees ? "may change what its role allows" : "cannot change the status (not found)", async () => {
    await actAs(user());
    const r = await updateTicketAction({ ticketId: ticket.id, status: name === "owner client" ? "WAITING" : "IN_PROGRESS" });
    if (!sees) expect(r).toEqual({ ok: false, formError: "Tiket tidak ditemukan." });
    else if (name === "owner client") expect(r).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    else expect(r.ok).toBe(true);
  });

  it(name === "owner client" ? "cannot rate before it is resolved" : "cannot rate someone else's ticket", async () => {
    await actAs(user());
    const r = await rateTicketAction({ ticketId: ticket.id, rating: 5 });
    expect(r.ok).toBe(false);
  });
});

describe("visitor", () => {
  beforeEach(() => actAs(null));
  it("every ticket action answers 'session ended' and changes nothing", async () => {
    const before = await testDb().ticketMessage.count();
    const msg = { ok: false, formError: "Sesi Anda telah berakhir. Silakan login kembali." };
    expect(await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "a", description: "b" }))).toEqual(msg);
    expect(await replyToTicketAction(ticketForm({ ticketId: ticket.id, body: "hai" }))).toEqual(msg);
    expect(await updateTicketAction({ ticketId: ticket.id, status: "CLOSED" })).toEqual(msg);
    expect(await rateTicketAction({ ticketId: ticket.id, rating: 1 })).toEqual(msg);
    expect(await testDb().ticketMessage.count()).toBe(before);
  });
  it("the attachment route answers 401", async () => {
    const res = await downloadAttachment(new Request("http://localhost/api/attachments/x"), { params: Promise.resolve({ id: ticket.attachmentId }) });
    expect(res.status).toBe(401);
  });
});

describe("staff see tickets assigned to them in other departments", () => {
  it("the assignee opens it and finds it in the list; the department's other staff see it; staff of deptA not assigned do not", async () => {
    await expect(getTicketOrThrow(await session(w.staffA), assignedElsewhere.number)).resolves.toMatchObject({ id: assignedElsewhere.id });
    expect((await listTicketsForUser(await session(w.staffA), {})).rows.map((r) => r.id)).toContain(assignedElsewhere.id);
    await expect(getTicketOrThrow(await session(w.staffB), assignedElsewhere.number)).resolves.toMatchObject({ id: assignedElsewhere.id });
    await expect(getTicketOrThrow(await session(w.staffA2), assignedElsewhere.number)).rejects.toMatchObject({ key: "tickets.errors.notFound" });
  });
});

describe("Tiket Saya", () => {
  it("a client's list holds only its own tickets, whatever the filters say", async () => {
    const list = await listTicketsForUser(await session(w.client), { departmentId: w.deptB.id });
    expect(list.rows).toEqual([]);
    const all = await listTicketsForUser(await session(w.client), {});
    expect(all.rows.length).toBeGreaterThan(0);
    expect(new Set(all.rows.map((r) => r.client))).toEqual(new Set([w.client.name]));
  });
});
