import { GET as detailRoute } from "@/app/api/tickets/detail/route";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/(site)/(dashboard)/dashboard/notifications/actions";
import { createTicket, replyToTicket, TicketNotFoundError, updateTicket } from "@/lib/dal/tickets";
import { countUnreadNotifications, listNotifications } from "@/lib/dal/notifications";
import { dashboardViewer } from "@/lib/dal/viewer";
import { ticketPageView } from "@/lib/views/ticket-page";
import type { TicketPageView } from "@/lib/views/ticket-page";
import { actAs, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";
import { createWorld, withTempDataDir } from "./helpers/tickets";

withTempDataDir();
let w: Awaited<ReturnType<typeof createWorld>>;
const session = sessionUserOf;
beforeAll(async () => {
  w = await createWorld();
});

const unreadOf = (userId: string, ticketId?: string) =>
  testDb().notification.count({ where: { userId, readAt: null, ...(ticketId ? { ticketId } : {}) } });

async function ticketWithStaffReply(subject: string) {
  const t = await createTicket(await session(w.client), { departmentId: w.deptA.id, subject, description: "Mohon dibantu.", attachments: [] });
  const reply = await replyToTicket(await session(w.staffA), { ticketId: t.id, body: `Sedang kami periksa: ${subject}`, internal: false, attachments: [] });
  return { ...t, replyId: reply.id };
}

describe("opening a ticket reads its notifications", () => {
  it("the page's first view reads this user's notifications about that ticket only, and brings the bell's new number", async () => {
    const one = await ticketWithStaffReply("Internet putus");
    const two = await ticketWithStaffReply("Surel penuh");
    const client = await session(w.client);
    const before = await countUnreadNotifications(client);
    expect(await unreadOf(w.client.id, one.id)).toBe(1);
    const staffUnread = await unreadOf(w.staffA.id);

    const view = await ticketPageView(client, one.number);
    expect(await unreadOf(w.client.id, one.id)).toBe(0);
    expect(await unreadOf(w.client.id, two.id)).toBe(1);
    // the number the page hands to the bell is the bell's own count
    expect(view.unread).toBe(before - 1);
    expect(await countUnreadNotifications(client)).toBe(view.unread);
    expect((await dashboardViewer(client)).unread).toBe(view.unread);
    // nobody else's notifications change
    expect(await unreadOf(w.staffA.id)).toBe(staffUnread);
  });

  it("the view fetched again in the browser (/api/tickets/detail) reads them too", async () => {
    const t = await ticketWithStaffReply("Aplikasi lambat");
    await actAs(w.client);
    const res = await detailRoute(new Request(`http://localhost/api/tickets/detail?number=${encodeURIComponent(t.number)}`));
    expect(res.status).toBe(200);
    const view = (await res.json()) as TicketPageView;
    expect(await unreadOf(w.client.id, t.id)).toBe(0);
    expect(view.unread).toBe(await countUnreadNotifications(await session(w.client)));
  });

  it("a ticket the user may not see answers 404 and reads nothing", async () => {
    const t = await ticketWithStaffReply("Server mati");
    await expect(ticketPageView(await session(w.otherClient), t.number)).rejects.toBeInstanceOf(TicketNotFoundError);
    expect(await unreadOf(w.client.id, t.id)).toBe(1);
  });
});

describe("the notifications list", () => {
  it("says what changed and points at the message it is about", async () => {
    const t = await ticketWithStaffReply("Printer jaringan");
    await updateTicket(await session(w.staffA), { ticketId: t.id, status: "RESOLVED" });
    const { rows } = await listNotifications(await session(w.client));
    const mine = rows.filter((n) => n.ticket.number === t.number);
    expect(mine.map((n) => [n.kind, n.detail, n.message?.id ?? null, n.message?.author.name ?? null])).toEqual([
      ["TICKET_STATUS", "RESOLVED", null, null],
      ["TICKET_REPLY", null, t.replyId, "Staff A"],
    ]);
  });

  it("the bell's count and the list agree; mark one, then mark all read", async () => {
    await ticketWithStaffReply("VPN");
    await ticketWithStaffReply("Wi-Fi");
    const client = await session(w.client);
    const count = await countUnreadNotifications(client);
    const { rows, hasNext } = await listNotifications(client);
    expect(hasNext).toBe(false);
    expect(rows.filter((n) => !n.readAt)).toHaveLength(count);

    await actAs(w.client);
    const first = rows.find((n) => !n.readAt)!;
    expect(await markNotificationReadAction({ id: first.id })).toEqual({ ok: true, data: null });
    expect(await countUnreadNotifications(client)).toBe(count - 1);
    expect(await markAllNotificationsReadAction()).toEqual({ ok: true, data: { count: count - 1 } });
    expect(await countUnreadNotifications(client)).toBe(0);
    expect((await listNotifications(client)).rows.every((n) => n.readAt)).toBe(true);
    expect((await dashboardViewer(client)).unread).toBe(0);
    // another user's notifications stay unread
    expect(await unreadOf(w.staffA.id)).toBeGreaterThan(0);
  });

  it("lists are paginated", async () => {
    const staff = await session(w.staffA2);
    const total = await testDb().notification.count({ where: { userId: w.staffA2.id } });
    const { rows } = await listNotifications(staff, 1);
    expect(rows.length).toBe(Math.min(total, 30));
  });
});

it("the unread lookups are served by the partial index on (user, ticket)", async () => {
  const rows = await testDb().$queryRaw<{ indexdef: string }[]>`
    SELECT indexdef FROM pg_indexes WHERE tablename = 'Notification' AND indexname = 'Notification_userId_ticketId_unread_idx'`;
  expect(rows[0]?.indexdef).toMatch(/\("userId", "ticketId"\) WHERE \("readAt" IS NULL\)/);
});
