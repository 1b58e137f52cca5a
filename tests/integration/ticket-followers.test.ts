import { replyToTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { addTicketFollowerAction, removeTicketFollowerAction } from "@/app/(site)/(dashboard)/dashboard/tickets/follower-actions";
import { GET as downloadAttachment } from "@/app/api/attachments/[id]/route";
import { createTicket, getTicketOrThrow, listTicketsForUser, replyToTicket, TicketNotFoundError, updateTicket } from "@/lib/dal/tickets";
import { ticketPageView } from "@/lib/views/ticket-page";
import { composeMail } from "@/lib/mail/compose";
import { actAs, createUser, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, file, PNG, ticketForm, withTempDataDir } from "./helpers/tickets";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
let colleague: Awaited<ReturnType<typeof createUser>>;
const session = sessionUserOf;
beforeAll(async () => {
  w = await createWorld();
  colleague = await createUser({ role: "CLIENT", agencyId: w.opdA.id, name: "Rekan Satu OPD" });
});

const kindsOf = (userId: string, ticketId: string) =>
  testDb().notification.findMany({ where: { userId, ticketId }, orderBy: { createdAt: "asc" } }).then((r) => r.map((n) => n.kind));
const mailsOf = (userId: string, ticketId: string) =>
  testDb().emailOutbox.findMany({ where: { userId, ticketId }, orderBy: { createdAt: "asc" } }).then((r) => r.map((m) => m.kind));
const followersOf = (ticketId: string) => testDb().ticketFollower.findMany({ where: { ticketId } }).then((r) => r.map((f) => f.userId).sort());

/** A ticket of the client (OPD A) in department A, assigned to Staff A. */
async function assignedTicket(subject = "Internet kantor putus") {
  const t = await createTicket(await session(w.client), { departmentId: w.deptA.id, subject, description: "Sejak pagi.", attachments: [] });
  await updateTicket(await session(w.admin), { ticketId: t.id, assigneeId: w.staffA.id });
  return t;
}

describe("adding and removing followers", () => {
  it("staff add a colleague of the client's OPD and a staff member; the history says who added whom", async () => {
    const t = await assignedTicket();
    await actAs(w.staffA);
    expect(await addTicketFollowerAction({ ticketId: t.id, userId: colleague.id })).toEqual({ ok: true, data: null });
    expect(await addTicketFollowerAction({ ticketId: t.id, userId: w.staffA2.id })).toEqual({ ok: true, data: null });
    // one click: follow oneself
    await actAs(w.admin);
    expect(await addTicketFollowerAction({ ticketId: t.id, userId: w.admin.id })).toEqual({ ok: true, data: null });
    expect(await followersOf(t.id)).toEqual([colleague.id, w.staffA2.id, w.admin.id].sort());

    const view = await ticketPageView(await session(w.admin), t.number);
    expect(view.followers.following).toBe(true);
    expect(view.followers.list.map((f) => f.name).sort()).toEqual(["Admin", "Rekan Satu OPD", "Staff A2"]);
    const history = view.ticket.activities.filter((a) => a.field === "follower").map((a) => [a.actor, a.toLabel]);
    expect(history).toEqual([
      ["Staff A", "Rekan Satu OPD"],
      ["Staff A", "Staff A2"],
      ["Admin", "Admin"],
    ]);
  });

  it("someone who may not follow gets a message on the field and nothing changes", async () => {
    const t = await assignedTicket();
    const inactive = await createUser({ role: "STAFF", departmentId: w.deptA.id, active: false });
    const activities = () => testDb().ticketActivity.count({ where: { ticketId: t.id, field: "follower" } });
    await actAs(w.staffA);
    const refused = { ok: false, fieldErrors: { userId: "Orang ini tidak dapat mengikuti tiket ini. Pengikut adalah staf yang dapat melihat tiket ini atau klien dari OPD yang sama." } };
    // a client of another OPD, staff of another department, the ticket's own client, a deactivated account, nobody
    for (const userId of [w.otherClient.id, w.staffB.id, w.client.id, inactive.id, "00000000-0000-4000-8000-000000000000"]) {
      expect(await addTicketFollowerAction({ ticketId: t.id, userId })).toEqual(refused);
    }
    expect(await addTicketFollowerAction({ ticketId: t.id, userId: "bukan-id" })).toMatchObject({ ok: false, fieldErrors: { userId: "Pilihan tidak valid." } });
    expect(await followersOf(t.id)).toEqual([]);
    expect(await activities()).toBe(0);

    expect((await addTicketFollowerAction({ ticketId: t.id, userId: colleague.id })).ok).toBe(true);
    expect(await addTicketFollowerAction({ ticketId: t.id, userId: colleague.id })).toEqual({ ok: false, fieldErrors: { userId: "Orang ini sudah mengikuti tiket ini." } });
    expect(await activities()).toBe(1);
  });

  it("a ticket outside the staff member's scope is not found", async () => {
    const t = await assignedTicket();
    await actAs(w.staffB);
    expect(await addTicketFollowerAction({ ticketId: t.id, userId: w.staffB.id })).toEqual({ ok: false, formError: "Tiket tidak ditemukan." });
    expect(await followersOf(t.id)).toEqual([]);
  });

  it("staff remove a follower; a client follower may stop following but not remove anyone", async () => {
    const t = await assignedTicket();
    await actAs(w.staffA);
    await addTicketFollowerAction({ ticketId: t.id, userId: colleague.id });
    await addTicketFollowerAction({ ticketId: t.id, userId: w.staffA2.id });

    await actAs(colleague);
    expect(await removeTicketFollowerAction({ ticketId: t.id, userId: w.staffA2.id })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect(await removeTicketFollowerAction({ ticketId: t.id, userId: colleague.id })).toEqual({ ok: true, data: null });
    expect(await followersOf(t.id)).toEqual([w.staffA2.id]);
    // no longer a follower: the ticket is out of sight again
    await expect(getTicketOrThrow(await session(colleague), t.number)).rejects.toBeInstanceOf(TicketNotFoundError);

    await actAs(w.staffA);
    expect(await removeTicketFollowerAction({ ticketId: t.id, userId: w.staffA2.id })).toEqual({ ok: true, data: null });
    expect(await removeTicketFollowerAction({ ticketId: t.id, userId: w.staffA2.id })).toEqual({ ok: false, fieldErrors: { userId: "Orang ini tidak mengikuti tiket ini." } });
    const history = (await ticketPageView(await session(w.staffA), t.number)).ticket.activities.filter((a) => a.field === "follower");
    expect(history.map((a) => [a.actor, a.fromLabel, a.toLabel])).toEqual([
      ["Staff A", null, "Rekan Satu OPD"],
      ["Staff A", null, "Staff A2"],
      ["Rekan Satu OPD", "Rekan Satu OPD", null],
      ["Staff A", "Staff A2", null],
    ]);
  });
});

describe("followers hear the ticket's events, never their own", () => {
  it("client reply, staff reply, internal note and status reach the followers, in the bell and by mail", async () => {
    const t = await assignedTicket("Server aplikasi lambat");
    await actAs(w.staffA);
    await addTicketFollowerAction({ ticketId: t.id, userId: colleague.id });
    await addTicketFollowerAction({ ticketId: t.id, userId: w.staffA2.id });
    const before = { colleague: await kindsOf(colleague.id, t.id), staffA2: await kindsOf(w.staffA2.id, t.id) };
    expect(before.colleague).toEqual([]);

    await actAs(w.client);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Masih lambat." }))).ok).toBe(true);
    expect(await kindsOf(colleague.id, t.id)).toEqual(["TICKET_REPLY"]);
    expect(await kindsOf(w.staffA2.id, t.id)).toEqual([...before.staffA2, "TICKET_REPLY"]);
    expect(await mailsOf(colleague.id, t.id)).toEqual(["clientReply"]);
    expect(await mailsOf(w.staffA2.id, t.id)).toContain("clientReply");

    await actAs(w.staffA);
    await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Catatan: cek disk", internal: "true" }));
    await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Sedang kami periksa." }));
    await updateTicketAction({ ticketId: t.id, status: "RESOLVED" });
    // a client follower never hears of an internal note
    expect(await kindsOf(colleague.id, t.id)).toEqual(["TICKET_REPLY", "TICKET_REPLY", "TICKET_STATUS"]);
    expect(await kindsOf(w.staffA2.id, t.id)).toEqual([...before.staffA2, "TICKET_REPLY", "TICKET_NOTE", "TICKET_REPLY", "TICKET_STATUS"]);
    expect(await mailsOf(colleague.id, t.id)).toEqual(["clientReply", "staffReply", "statusChanged"]);
    // the follower's mails speak to a follower: not "your ticket", no rating button
    const rows = await testDb().emailOutbox.findMany({ where: { userId: colleague.id, ticketId: t.id, kind: { in: ["staffReply", "statusChanged"] } }, orderBy: { createdAt: "asc" } });
    const [reply, status] = await Promise.all(rows.map((r) => composeMail(r)));
    expect(reply!.text).toContain(`Staff A membalas tiket ${t.number} yang Anda ikuti.`);
    expect(reply!.text).not.toContain("tiket Anda");
    expect(status!.subject).toContain("Selesai");
    expect(status!.text).toContain(`karena mengikuti tiket ${t.number}`);
    expect(status!.text).not.toContain("Beri penilaian");
    const owners = await testDb().emailOutbox.findFirstOrThrow({ where: { userId: w.client.id, ticketId: t.id, kind: "statusChanged" } });
    expect((await composeMail(owners)).text).toContain("Beri penilaian");

    // a follower who acts is not told of it
    const own = (await kindsOf(w.staffA2.id, t.id)).length;
    await actAs(w.staffA2);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Saya bantu." }))).ok).toBe(true);
    expect(await kindsOf(w.staffA2.id, t.id)).toHaveLength(own);
  });

  it("a follower who may no longer see the ticket hears no more", async () => {
    const t = await assignedTicket();
    await actAs(w.staffA);
    await addTicketFollowerAction({ ticketId: t.id, userId: w.staffA2.id });
    await addTicketFollowerAction({ ticketId: t.id, userId: colleague.id });
    const mover = await createUser({ role: "CLIENT", agencyId: w.opdA.id, name: "Pindah OPD" });
    await addTicketFollowerAction({ ticketId: t.id, userId: mover.id });
    await testDb().user.update({ where: { id: mover.id }, data: { agencyId: w.opdB.id } });
    await replyToTicket(await session(w.client), { ticketId: t.id, body: "Tolong dicek lagi.", attachments: [] });
    expect(await kindsOf(mover.id, t.id)).toEqual([]);
    await expect(getTicketOrThrow(await session(mover), t.number)).rejects.toBeInstanceOf(TicketNotFoundError);
  });
});

describe("a client follower's view of the ticket", () => {
  it("reads the ticket and its public attachments, without internal notes, and cannot reply, change status or rate", async () => {
    const t = await assignedTicket("Surel dinas penuh");
    await replyToTicket(await session(w.staffA), { ticketId: t.id, body: "Catatan internal rahasia", internal: true, attachments: [file("catatan.png", PNG)] });
    await replyToTicket(await session(w.staffA), { ticketId: t.id, body: "Kuota sudah kami tambah.", internal: false, attachments: [file("bukti.png", PNG)] });
    await actAs(w.staffA);
    await addTicketFollowerAction({ ticketId: t.id, userId: colleague.id });

    const view = await ticketPageView(await session(colleague), t.number);
    expect(view.ticket.messages.map((m) => m.body)).toEqual(["Kuota sudah kami tambah."]);
    expect(view.ticket.can).toMatchObject({ reply: false, work: false, rate: false, statuses: [] });
    expect(view.followers).toMatchObject({ following: true, canManage: false, candidates: [] });
    const files = await testDb().attachment.findMany({ where: { ticketId: t.id }, include: { message: true } });
    await actAs(colleague);
    for (const a of files) {
      const res = await downloadAttachment(new Request(`http://localhost/api/attachments/${a.id}`), { params: Promise.resolve({ id: a.id }) });
      expect(res.status).toBe(a.message?.internal ? 404 : 200);
    }

    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Terima kasih" }))).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect(await updateTicketAction({ ticketId: t.id, status: "CLOSED" })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    expect(await addTicketFollowerAction({ ticketId: t.id, userId: colleague.id })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    const ticket = await testDb().ticket.findUniqueOrThrow({ where: { id: t.id }, include: { messages: true } });
    expect(ticket.status).not.toBe("CLOSED");
    expect(ticket.messages.map((m) => m.body)).not.toContain("Terima kasih");

    // the client's own list stays their own tickets
    const list = await listTicketsForUser(await session(colleague), {});
    expect(list.rows.map((r) => r.number)).not.toContain(t.number);
  });

  it("a client of another OPD is refused as a follower and never sees the ticket", async () => {
    const t = await assignedTicket();
    await actAs(w.staffA);
    expect((await addTicketFollowerAction({ ticketId: t.id, userId: w.otherClient.id })).ok).toBe(false);
    // even a follower row written behind the application's back gives no sight of another OPD's ticket
    await testDb().ticketFollower.create({ data: { ticketId: t.id, userId: w.otherClient.id, addedById: w.staffA.id } });
    await expect(getTicketOrThrow(await session(w.otherClient), t.number)).rejects.toBeInstanceOf(TicketNotFoundError);
    await replyToTicket(await session(w.client), { ticketId: t.id, body: "Halo", attachments: [] });
    expect(await kindsOf(w.otherClient.id, t.id)).toEqual([]);
  });
});
