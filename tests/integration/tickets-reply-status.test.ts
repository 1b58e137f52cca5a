import { createTicketAction, replyToTicketAction, takeTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { getTicketOrThrow } from "@/lib/dal/tickets";
import { composeMail } from "@/lib/mail/compose";
import { actAs, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, file, filesUnder, PNG, ticketForm, withTempDataDir } from "./helpers/tickets";

const dataDir = withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld();
});

async function newTicket() {
  await actAs(w.client);
  const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "VPN tidak tersambung", description: "Sejak pagi." }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
}
const stored = (id: string) => testDb().ticket.findUniqueOrThrow({ where: { id } });
const notificationsOf = (userId: string, ticketId: string) => testDb().notification.findMany({ where: { userId, ticketId }, select: { kind: true } }).then((r) => r.map((n) => n.kind));
const mailsOf = (userId: string, ticketId: string) => testDb().emailOutbox.findMany({ where: { userId, ticketId }, orderBy: { createdAt: "asc" } });

describe("one submit for one decision: the reply and the status together", () => {
  it("'Kirim & Selesaikan': the reply, the status, one history line; the client gets one notification and one mail that says both", async () => {
    const t = await newTicket();
    const clientMailsBefore = (await mailsOf(w.client.id, t.id)).length;
    await actAs(w.staffA);
    const r = await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Sudah kami atur ulang, silakan dicoba.", status: "RESOLVED" }, [file("panduan.png", PNG)]));
    expect(r).toMatchObject({ ok: true });

    expect(await stored(t.id)).toMatchObject({ status: "RESOLVED", resolvedAt: expect.any(Date), firstResponseAt: expect.any(Date) });
    // What the client sees on the page: the reply with its file, the new status, one history line for it.
    const seen = await getTicketOrThrow(await sessionUserOf(w.client), t.number);
    expect(seen.status).toBe("RESOLVED");
    expect(seen.messages.map((m) => [m.author, m.body, m.attachments.map((a) => a.fileName)])).toEqual([["Staff A", "Sudah kami atur ulang, silakan dicoba.", ["panduan.png"]]]);
    expect(seen.activities.map((a) => [a.actor, a.field, a.fromValue, a.toValue])).toEqual([
      ["Client Satu", "created", null, "OPEN"],
      ["Staff A", "status", "OPEN", "RESOLVED"],
    ]);
    expect(seen.can.rate).toBe(true);

    // One bell entry, not a reply and a status change.
    expect(await notificationsOf(w.client.id, t.id)).toEqual(["TICKET_REPLY"]);
    // One mail: the reply, naming the new status, with the rating link.
    // (The satisfaction survey's invitation is a mail of its own about the resolution, not about this event.)
    const mails = (await mailsOf(w.client.id, t.id)).slice(clientMailsBefore).filter((m) => m.kind === "staffReply" || m.kind === "statusChanged");
    expect(mails.map((m) => m.kind)).toEqual(["staffReply"]);
    const mail = await composeMail(mails[0]!);
    expect(mail.subject).toBe(`[${t.number}] Balasan baru · Selesai: VPN tidak tersambung`);
    expect(mail.text).toContain("Sudah kami atur ulang, silakan dicoba.");
    expect(mail.text).toContain("Status tiket sekarang: Selesai.");
    expect(mail.text).toContain("#rating");
  });

  it("'Kirim & tandai Menunggu client' pauses the clock; the client's next reply hands it back to Open", async () => {
    const t = await newTicket();
    await actAs(w.staffA);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Mohon kirim tangkapan layar.", status: "WAITING" }))).ok).toBe(true);
    expect(await stored(t.id)).toMatchObject({ status: "WAITING", slaPausedAt: expect.any(Date) });
    const mail = await composeMail((await mailsOf(w.client.id, t.id)).at(-1)!);
    expect(mail.subject).toBe(`[${t.number}] Balasan baru · Menunggu client: VPN tidak tersambung`);

    await actAs(w.client);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Terlampir." }))).ok).toBe(true);
    expect(await stored(t.id)).toMatchObject({ status: "OPEN", slaPausedAt: null });
  });

  it("a plain 'Kirim' leaves the status; a status equal to the current one changes nothing but the reply", async () => {
    const t = await newTicket();
    await actAs(w.staffA);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Kami cek.", status: "" }))).ok).toBe(true);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Masih kami cek.", status: "OPEN" }))).ok).toBe(true);
    expect((await stored(t.id)).status).toBe("OPEN");
    expect(await testDb().ticketActivity.count({ where: { ticketId: t.id, field: "status" } })).toBe(0);
    const mails = await mailsOf(w.client.id, t.id);
    expect(mails.filter((m) => m.kind === "staffReply").map((m) => m.payload)).toEqual([{}, {}]);
  });

  it("refuses what the rules do not allow, and then nothing is saved: a note with a status, a client's move it may not make, an unknown status", async () => {
    const t = await newTicket();
    const files = () => filesUnder(dataDir).length;
    const before = files();
    await actAs(w.staffA);
    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Catatan", internal: "on", status: "RESOLVED" }, [file("a.png", PNG)]))).toEqual({
      ok: false,
      fieldErrors: { status: "Catatan internal tidak mengubah status tiket." },
    });
    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Halo", status: "DIHAPUS" }))).toMatchObject({ ok: false, fieldErrors: { status: expect.any(String) } });
    await actAs(w.client);
    // A client may not put its own ticket on "waiting on client" or "in progress".
    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Halo", status: "IN_PROGRESS" }))).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect(await testDb().ticketMessage.count({ where: { ticketId: t.id } })).toBe(0);
    expect((await stored(t.id)).status).toBe("OPEN");
    expect(files()).toBe(before);
  });
});

describe("Ambil (assign to me)", () => {
  it("staff take an unassigned ticket of their department: one history line, the ticket is theirs", async () => {
    const t = await newTicket();
    await actAs(w.staffA);
    expect(await takeTicketAction({ ticketId: t.id })).toEqual({ ok: true, data: { changed: 1 } });
    expect((await stored(t.id)).assigneeId).toBe(w.staffA.id);
    const seen = await getTicketOrThrow(await sessionUserOf(w.staffA), t.number);
    expect(seen.activities.at(-1)).toMatchObject({ actor: "Staff A", field: "assignee", toLabel: "Staff A" });
    expect(seen.can.take).toBe(false);
    expect(await takeTicketAction({ ticketId: t.id })).toEqual({ ok: false, formError: "Tiket ini sudah ditugaskan kepada Anda." });
  });

  it("a colleague of the department may take it over; the new holder is not notified of their own click", async () => {
    const t = await newTicket();
    await actAs(w.staffA);
    await takeTicketAction({ ticketId: t.id });
    await actAs(w.staffA2);
    expect((await getTicketOrThrow(await sessionUserOf(w.staffA2), t.number)).can.take).toBe(true);
    expect((await takeTicketAction({ ticketId: t.id })).ok).toBe(true);
    expect((await stored(t.id)).assigneeId).toBe(w.staffA2.id);
    expect(await notificationsOf(w.staffA2.id, t.id)).toEqual(["TICKET_CREATED"]);
  });

  it("staff of another department cannot take it (not found), a client cannot (forbidden), nothing changes", async () => {
    const t = await newTicket();
    await actAs(w.staffB);
    expect(await takeTicketAction({ ticketId: t.id })).toEqual({ ok: false, formError: "Tiket tidak ditemukan." });
    await actAs(w.client);
    expect(await takeTicketAction({ ticketId: t.id })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect(await takeTicketAction({ ticketId: "bukan-id" })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect((await stored(t.id)).assigneeId).toBeNull();
    expect(await testDb().ticketActivity.count({ where: { ticketId: t.id, field: "assignee" } })).toBe(0);
  });

  it("an admin takes any ticket; the staff panel keeps showing the admin as the assignee; a closed ticket cannot be taken", async () => {
    const t = await newTicket();
    await actAs(w.admin);
    expect((await takeTicketAction({ ticketId: t.id })).ok).toBe(true);
    const seen = await getTicketOrThrow(await sessionUserOf(w.admin), t.number);
    expect(seen).toMatchObject({ assigneeId: w.admin.id, assignee: "Admin" });
    expect(seen.choices.assignable.map((a) => a.name)).toContain("Admin");
    // A save of another field in the panel keeps the admin.
    expect((await updateTicketAction({ ticketId: t.id, priority: "HIGH" })).ok).toBe(true);
    expect((await stored(t.id)).assigneeId).toBe(w.admin.id);
    expect((await updateTicketAction({ ticketId: t.id, status: "CLOSED" })).ok).toBe(true);
    await actAs(w.superAdmin);
    expect(await takeTicketAction({ ticketId: t.id })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
  });
});
