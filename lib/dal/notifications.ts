import "server-only";
import { UserFacingError } from "@/lib/errors";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/dal/users";

export const NOTIFICATIONS_PAGE_SIZE = 30;
import { UNREAD_CAP } from "@/lib/notifications/cap";

export { UNREAD_CAP };

/** The bell's number, capped (shown as "99+"). Served by the partial unread index. */
export async function countUnreadNotifications(user: SessionUser): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Notification" WHERE "userId" = ${user.id}::uuid AND "readAt" IS NULL LIMIT ${UNREAD_CAP + 1}
    ) x`;
  return rows[0]?.n ?? 0;
}

/**
 * Opening a ticket reads its notifications: marks this user's unread ones about it read and answers
 * the bell's new number, in one statement (the count leaves out this ticket's rows, which the
 * statement's own snapshot still sees unread).
 */
export async function markTicketNotificationsRead(user: SessionUser, ticketId: string): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    WITH marked AS (
      UPDATE "Notification" SET "readAt" = now()
      WHERE "userId" = ${user.id}::uuid AND "ticketId" = ${ticketId}::uuid AND "readAt" IS NULL
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Notification" WHERE "userId" = ${user.id}::uuid AND "readAt" IS NULL AND "ticketId" <> ${ticketId}::uuid LIMIT ${UNREAD_CAP + 1}
    ) x`;
  return rows[0]?.n ?? 0;
}

/** Own notifications only, newest first, each with the ticket it links to and the message it is about. */
export async function listNotifications(user: SessionUser, page = 1) {
  const rows = await db().notification.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (Math.max(1, Math.min(page, 100)) - 1) * NOTIFICATIONS_PAGE_SIZE,
    take: NOTIFICATIONS_PAGE_SIZE + 1,
    select: {
      id: true,
      kind: true,
      ticketId: true,
      detail: true,
      ticketIds: true,
      readAt: true,
      createdAt: true,
      ticket: { select: { number: true, subject: true, status: true } },
      message: { select: { id: true, ticketId: true, author: { select: { name: true } } } },
    },
  });
  return { rows: rows.slice(0, NOTIFICATIONS_PAGE_SIZE), hasNext: rows.length > NOTIFICATIONS_PAGE_SIZE };
}

/** Marks one own notification read; answers the bell's new number. */
export async function markNotificationRead(user: SessionUser, id: string): Promise<number> {
  const result = await db().notification.updateMany({ where: { id, userId: user.id, readAt: null }, data: { readAt: new Date() } });
  if (result.count === 0) {
    const exists = await db().notification.count({ where: { id, userId: user.id } });
    if (!exists) throw new UserFacingError("notifications.errors.notFound");
  }
  return countUnreadNotifications(user);
}

export async function markAllNotificationsRead(user: SessionUser): Promise<number> {
  const result = await db().notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  return result.count;
}
