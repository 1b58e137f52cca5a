-- Notifications say what changed and which message they are about; opening a ticket marks its
-- notifications read, so unread ones are looked up per (user, ticket).
ALTER TABLE "Notification" ADD COLUMN "messageId" UUID;
ALTER TABLE "Notification" ADD COLUMN "detail" TEXT;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "TicketMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Serves the bell's count (leading userId) as well as "mark this ticket's notifications read";
-- it replaces the unread index on userId alone.
CREATE INDEX "Notification_userId_ticketId_unread_idx" ON "Notification"("userId", "ticketId") WHERE "readAt" IS NULL;
DROP INDEX IF EXISTS "Notification_userId_unread_idx";

-- Followers of a ticket.
CREATE TABLE "TicketFollower" (
    "ticketId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "addedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketFollower_pkey" PRIMARY KEY ("ticketId","userId")
);
CREATE INDEX "TicketFollower_userId_idx" ON "TicketFollower"("userId");
ALTER TABLE "TicketFollower" ADD CONSTRAINT "TicketFollower_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TicketFollower" ADD CONSTRAINT "TicketFollower_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TicketFollower" ADD CONSTRAINT "TicketFollower_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
