import { createTicketAction, rateTicketAction, replyToTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/(site)/(dashboard)/dashboard/notifications/actions";
import { getTicketOrThrow } from "@/lib/dal/tickets";
import { countUnreadNotifications, listNotifications } from "@/lib/dal/notifications";
import { actAs, sessionUserOf } from "./helpers/factories";
import { forgetCachedSettings } from "@/lib/dal/settings";
import { testDb } from "./helpers/test-db";
import { createWorld, file, PNG, ticketForm, withTempDataDir } from "./helpers/tickets";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld();
});
const session = sessionUserOf;
const notificationsOf = (userId: string, ticketId: string) =>
  testDb().notification.findMany({ where: { userId, ticketId }, orderBy: { createdAt: "asc" } }).then((r) => r.map((n) => n.kind));

async function newTicket() {
  await actAs(w.client);
  const r = await createTicketAction(ticketForm({ departmentId: w.deptA.id, subject: "Aplikasi SIMPEG error", description: "Tidak bisa login." }));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return testDb().ticket.findUniqueOrThrow({ where: { number: r.data.number } });
}

describe("the conversation until resolved", () => {
  it("assign → reply → waiting → client answers (back to Open) → resolved → rated; every step in the history and notified", async () => {
    const t = await newTicket();

    await actAs(w.admin);
    expect(await updateTicketAction({ ticketId: t.id, assigneeId: w.staffA.id, priority: "HIGH", status: "IN_PROGRESS" })).toEqual({ ok: true, data: { changed: 3 } });
    expect(await notificationsOf(w.staffA.id, t.id)).toEqual(["TICKET_CREATED", "TICKET_ASSIGNED"]);
    expect(await notificationsOf(w.client.id, t.id)).toEqual(["TICKET_STATUS"]);

    await actAs(w.staffA);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Mohon kirim tangkapan layar." }))).ok).toBe(true);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Kemungkinan LDAP", internal: "on" }))).ok).toBe(true);
    expect((await updateTicketAction({ ticketId: t.id, status: "WAITING" })).ok).toBe(true);
    expect(await notificationsOf(w.client.id, t.id)).toEqual(["TICKET_STATUS", "TICKET_REPLY", "TICKET_STATUS"]);

    await actAs(w.client);
    expect((await replyToTicketAction(ticketForm({ ticketId: t.id, body: "Ini tangkapannya." }, [file("layar.png", PNG)]))).ok).toBe(true);
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("OPEN");
    // the client's reply goes to the assignee, not to every staff member of the department
    expect(await notificationsOf(w.staffA.id, t.id)).toEqual(["TICKET_CREATED", "TICKET_ASSIGNED", "TICKET_REPLY"]);
    expect(await notificationsOf(w.staffA2.id, t.id)).toEqual(["TICKET_CREATED"]);

    expect(await rateTicketAction({ ticketId: t.id, rating: 5 })).toMatchObject({ ok: false, formError: "Penilaian hanya untuk tiket yang sudah selesai." });
    expect((await updateTicketAction({ ticketId: t.id, status: "RESOLVED" })).ok).toBe(true);
    expect(await rateTicketAction({ ticketId: t.id, rating: 4, comment: "Cepat, terima kasih" })).toEqual({ ok: true, data: null });
    expect(await rateTicketAction({ ticketId: t.id, rating: 9 })).toMatchObject({ ok: false, fieldErrors: { rating: "Maksimal 5." } });

    const admin = await getTicketOrThrow(await session(w.admin), t.number);
    expect(admin).toMatchObject({ status: "RESOLVED", priority: "HIGH", rating: 4, ratingComment: "Cepat, terima kasih", assigneeId: w.staffA.id });
    expect(admin.messages.map((m) => [m.author, m.internal])).toEqual([
      ["Staff A", false],
      ["Staff A", true],
      ["Client Satu", false],
    ]);
    expect(admin.messages[2]!.attachments.map((a) => [a.fileName, a.previewable])).toEqual([["layar.png", true]]);
    expect(admin.activities.map((a) => [a.actor, a.field, a.fromValue, a.toValue])).toEqual([
      ["Client Satu", "created", null, "OPEN"],
      ["Admin", "status", "OPEN", "IN_PROGRESS"],
      ["Admin", "priority", "NORMAL", "HIGH"],
      ["Admin", "assignee", null, w.staffA.id],
      ["Staff A", "status", "IN_PROGRESS", "WAITING"],
      ["Client Satu", "status", "WAITING", "OPEN"],
      ["Client Satu", "status", "OPEN", "RESOLVED"],
      ["Client Satu", "rating", null, "4"],
    ]);
  });

  it("only staff of the ticket's department can be assigned; moving the ticket drops an assignee from elsewhere", async () => {
    const t = await newTicket();
    await actAs(w.admin);
    expect(await updateTicketAction({ ticketId: t.id, assigneeId: w.staffB.id })).toMatchObject({
      ok: false,
      fieldErrors: { assigneeId: "Petugas harus staff dari department tiket ini." },
    });
    expect(await updateTicketAction({ ticketId: t.id, assigneeId: w.client.id })).toMatchObject({ ok: false });
    expect((await updateTicketAction({ ticketId: t.id, assigneeId: w.staffA.id })).ok).toBe(true);
    expect((await updateTicketAction({ ticketId: t.id, departmentId: w.deptB.id })).ok).toBe(true);
    expect(await testDb().ticket.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ departmentId: w.deptB.id, assigneeId: null });
    expect((await updateTicketAction({ ticketId: t.id, departmentId: w.deptA.id, assigneeId: w.staffA2.id })).ok).toBe(true);
    // The history names departments and staff, also those the ticket has since left.
    const history = (await getTicketOrThrow(await session(w.admin), t.number)).activities.filter((a) => a.field !== "created");
    expect(history.map((a) => [a.field, a.fromLabel, a.toLabel])).toEqual([
      ["assignee", null, "Staff A"],
      ["department", w.deptA.name, w.deptB.name],
      ["assignee", "Staff A", null],
      ["department", w.deptB.name, w.deptA.name],
      ["assignee", null, "Staff A2"],
    ]);
  });

  it("a client closes and reopens its ticket per the ticket settings, and cannot reply while closed", async () => {
    const t = await newTicket();
    await actAs(w.client);
    expect((await updateTicketAction({ ticketId: t.id, status: "CLOSED" })).ok).toBe(true);
    expect(await replyToTicketAction(ticketForm({ ticketId: t.id, body: "halo" }))).toEqual({ ok: false, formError: "Tiket sudah ditutup; buka kembali untuk membalas." });
    expect((await updateTicketAction({ ticketId: t.id, status: "OPEN" })).ok).toBe(true);

    await testDb().setting.create({ data: { key: "ticket", value: { clientsMayReopen: false, clientsMayClose: false } } });
    forgetCachedSettings();
    try {
      expect((await updateTicketAction({ ticketId: t.id, status: "CLOSED" })).ok).toBe(false);
      expect((await updateTicketAction({ ticketId: t.id, status: "RESOLVED" })).ok).toBe(true);
      expect(await updateTicketAction({ ticketId: t.id, status: "OPEN" })).toEqual({ ok: false, formError: "Anda tidak memiliki akses untuk tindakan ini." });
    } finally {
      await testDb().setting.delete({ where: { key: "ticket" } });
      forgetCachedSettings();
    }
  });

  it("numbers follow the prefix from the ticket settings", async () => {
    await testDb().setting.create({ data: { key: "ticket", value: { numberPrefix: "TIK" } } });
    forgetCachedSettings();
    try {
      const t = await newTicket();
      expect(t.number).toMatch(/^TIK-\d{4}-000001$/);
    } finally {
      await testDb().setting.delete({ where: { key: "ticket" } });
      forgetCachedSettings();
    }
  });
});

describe("notifications", () => {
  it("a new ticket reaches admins and the department's staff; the bell counts; mark one and all read; only one's own", async () => {
    const t = await newTicket();
    const admin = await session(w.admin);
    const unread = await countUnreadNotifications(admin);
    expect(unread).toBeGreaterThan(0);
    const list = await listNotifications(admin);
    expect(list.rows[0]).toMatchObject({ kind: "TICKET_CREATED", readAt: null, ticket: { number: t.number } });
    expect(await notificationsOf(w.staffB.id, t.id)).toEqual([]);
    expect(await notificationsOf(w.client.id, t.id)).toEqual([]);

    // someone else's notification: not found, and it stays unread
    await actAs(w.staffA);
    expect(await markNotificationReadAction({ id: list.rows[0]!.id })).toEqual({ ok: false, formError: "Notifikasi tidak ditemukan." });
    expect((await testDb().notification.findUniqueOrThrow({ where: { id: list.rows[0]!.id } })).readAt).toBeNull();

    await actAs(w.admin);
    expect(await markNotificationReadAction({ id: list.rows[0]!.id })).toEqual({ ok: true, data: null });
    expect(await countUnreadNotifications(admin)).toBe(unread - 1);
    expect(await markAllNotificationsReadAction()).toEqual({ ok: true, data: { count: unread - 1 } });
    expect(await countUnreadNotifications(admin)).toBe(0);
    expect(await countUnreadNotifications(await session(w.superAdmin))).toBeGreaterThan(0);
  });

  it("an internal note notifies staff only", async () => {
    const t = await newTicket();
    await actAs(w.staffA);
    await replyToTicketAction(ticketForm({ ticketId: t.id, body: "catatan", internal: "true" }));
    expect(await notificationsOf(w.staffA2.id, t.id)).toEqual(["TICKET_CREATED", "TICKET_NOTE"]);
    expect(await notificationsOf(w.client.id, t.id)).toEqual([]);
  });
});
