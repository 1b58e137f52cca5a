-- A bulk change on the ticket list tells each person once: one notification listing their tickets
-- (ticketId is the first of them, so the bell's link and the ticket's own rules still apply).
ALTER TYPE "NotificationKind" ADD VALUE 'TICKETS_ASSIGNED';
ALTER TYPE "NotificationKind" ADD VALUE 'TICKETS_STATUS';
-- Text, not uuid[]: the embedded database's driver adapter reads no uuid arrays.
ALTER TABLE "Notification" ADD COLUMN "ticketIds" TEXT[] NOT NULL DEFAULT '{}';
