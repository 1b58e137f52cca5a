import { createTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { actAs, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, file, PDF, PNG, storedFiles, ticketForm, withTempDataDir } from "./helpers/tickets";

const dataDir = withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld();
});

const valid = () => ({ departmentId: w.deptA.id, subject: "Internet lambat di Dinkes", description: "Sejak pagi koneksi putus-putus.\nMohon dicek." });

describe("creating a ticket", () => {
  it("a client files a ticket with attachments: numbered, stored, recorded, notified", async () => {
    await actAs(w.client);
    const result = await createTicketAction(ticketForm(valid(), [file("bukti.png", PNG, "image/png"), file("surat.pdf", PDF)]));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.number).toMatch(/^HD-\d{4}-\d{6}$/);
    const ticket = await testDb().ticket.findUniqueOrThrow({
      where: { number: result.data.number },
      include: { attachments: true, activities: true, notifications: true },
    });
    expect(ticket).toMatchObject({ clientId: w.client.id, createdById: w.client.id, status: "OPEN", priority: "NORMAL", agencyId: w.opdA.id });
    expect(ticket.attachments.map((a) => [a.fileName, a.contentType])).toEqual(
      expect.arrayContaining([
        ["bukti.png", "image/png"],
        ["surat.pdf", "application/pdf"],
      ]),
    );
    expect(ticket.activities.map((a) => a.field)).toEqual(["created"]);
    // admins + the department's staff; not the other department, not the client who filed it
    const notified = ticket.notifications.map((n) => n.userId).sort();
    expect(notified).toEqual([w.admin.id, w.superAdmin.id, w.staffA.id, w.staffA2.id].sort());
    for (const a of ticket.attachments) expect(a.storageKey).toMatch(/^[a-f0-9]{32}$/);
    expect(storedFiles(dataDir).length).toBeGreaterThanOrEqual(2);
  });

  it("a client's priority is only a suggestion; staff decide", async () => {
    await actAs(w.client);
    const r = await createTicketAction(ticketForm({ ...valid(), priority: "URGENT" }));
    expect(r.ok).toBe(true);
    const t = await testDb().ticket.findUniqueOrThrow({ where: { number: r.ok ? r.data.number : "" } });
    expect(t).toMatchObject({ priority: "NORMAL", suggestedPriority: "URGENT" });

    await actAs(w.staffA);
    const s = await createTicketAction(ticketForm({ ...valid(), priority: "HIGH", clientId: w.otherClient.id }));
    expect(s.ok).toBe(true);
    const st = await testDb().ticket.findUniqueOrThrow({ where: { number: s.ok ? s.data.number : "" } });
    expect(st).toMatchObject({ priority: "HIGH", clientId: w.otherClient.id, createdById: w.staffA.id, agencyId: w.opdB.id });
  });

  it("staff must name the client they file for", async () => {
    await actAs(w.admin);
    const r = await createTicketAction(ticketForm(valid()));
    expect(r).toMatchObject({ ok: false, fieldErrors: { clientId: "Pilih client yang mengajukan tiket." } });
    const r2 = await createTicketAction(ticketForm({ ...valid(), clientId: w.staffB.id }));
    expect(r2).toMatchObject({ ok: false, fieldErrors: { clientId: "Client tidak ditemukan." } });
  });

  it("a visitor cannot create a ticket and learns nothing about validation", async () => {
    await actAs(null);
    const before = await testDb().ticket.count();
    const r = await createTicketAction(ticketForm({ subject: "" }));
    expect(r).toEqual({ ok: false, formError: "Sesi Anda telah berakhir. Silakan login kembali." });
    expect(await testDb().ticket.count()).toBe(before);
  });

  it("two clients submitting at once get distinct, consecutive numbers", async () => {
    const { createTicket } = await import("@/lib/dal/tickets");
    const [a, b] = [await sessionUserOf(w.client), await sessionUserOf(w.otherClient)];
    // Concurrent at the DAL (actAs is one cookie jar per test process). On PostgreSQL (CI) these
    // really run in parallel transactions; the counter row's lock serialises only the numbering.
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createTicket((i % 2 ? a : b)!, { departmentId: w.deptA.id, subject: `Serentak ${i}`, description: "x", attachments: [] })),
    );
    const numbers = created.map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const seq = numbers.map((n) => Number(n.split("-").pop())).sort((x, y) => x - y);
    expect(seq[seq.length - 1]! - seq[0]!).toBe(numbers.length - 1);
  });
});

describe("POST /api/tickets (JSON twin of the action, used by the benchmark)", () => {
  const post = async (body: unknown, contentType = "application/json") => {
    const { POST } = await import("@/app/api/tickets/route");
    return POST(new Request("http://localhost/api/tickets", { method: "POST", headers: { "content-type": contentType }, body: JSON.stringify(body) }));
  };

  it("creates a ticket for the signed-in client through the same rules", async () => {
    await actAs(w.client);
    const res = await post({ ...valid(), priority: "URGENT" });
    expect(res.status).toBe(201);
    const { number } = (await res.json()) as { number: string };
    expect(await testDb().ticket.findUniqueOrThrow({ where: { number } })).toMatchObject({ clientId: w.client.id, priority: "NORMAL", suggestedPriority: "URGENT" });
  });

  it("answers 401 to a visitor, 415 to a form post, 400 to bad or forbidden fields", async () => {
    await actAs(null);
    expect((await post(valid())).status).toBe(401);
    await actAs(w.client);
    expect((await post(valid(), "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post({ ...valid(), subject: " " })).status).toBe(400);
    expect((await post({ ...valid(), assigneeId: w.staffA.id })).status).toBe(400);
    expect((await post({ ...valid(), departmentId: "7d1f2c3a-1111-4222-8333-944455556666" })).status).toBe(400);
  });
});

describe("POST /api/tickets/{id}/messages (JSON twin of the reply action)", () => {
  const post = async (id: string, body: unknown) => {
    const { POST } = await import("@/app/api/tickets/[id]/messages/route");
    return POST(new Request(`http://localhost/api/tickets/${id}/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), {
      params: Promise.resolve({ id }),
    });
  };
  const ticketOf = async (u: typeof w.client) => {
    await actAs(u);
    const { POST } = await import("@/app/api/tickets/route");
    const res = await POST(new Request("http://localhost/api/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(valid()) }));
    const { number } = (await res.json()) as { number: string };
    return testDb().ticket.findUniqueOrThrow({ where: { number } });
  };

  it("adds the client's reply, refuses an internal note from a client, and hides foreign tickets (404)", async () => {
    const t = await ticketOf(w.client);
    expect((await post(t.id, { body: "Masih belum bisa." })).status).toBe(201);
    expect((await post(t.id, { body: "catatan", internal: true })).status).toBe(400);
    await actAs(w.otherClient);
    expect((await post(t.id, { body: "mengintip" })).status).toBe(404);
    await actAs(null);
    expect((await post(t.id, { body: "anonim" })).status).toBe(401);
    const bodies = (await testDb().ticketMessage.findMany({ where: { ticketId: t.id } })).map((m) => m.body);
    expect(bodies).toEqual(["Masih belum bisa."]);
  });

  it("lets staff of the department add an internal note the client never sees", async () => {
    const t = await ticketOf(w.client);
    await actAs(w.staffA);
    expect((await post(t.id, { body: "cek router", internal: true })).status).toBe(201);
    expect(await testDb().ticketMessage.findFirstOrThrow({ where: { ticketId: t.id } })).toMatchObject({ internal: true, authorId: w.staffA.id });
  });
});
