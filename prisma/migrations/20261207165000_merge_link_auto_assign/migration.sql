-- Merging duplicate tickets, linking related ones, automatic assignment and staff "away".

ALTER TYPE "NotificationKind" ADD VALUE 'TICKET_MERGED';

ALTER TABLE "User" ADD COLUMN "away" BOOLEAN NOT NULL DEFAULT false,
                   ADD COLUMN "lastAutoAssignedAt" TIMESTAMP(3);

ALTER TABLE "Department" ADD COLUMN "autoAssign" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Ticket" ADD COLUMN "mergedIntoId" UUID,
                     ADD COLUMN "mergedAt" TIMESTAMP(3);
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- The target's thread reads the tickets merged into it; almost every ticket has none, so the index is partial.
CREATE INDEX "Ticket_mergedIntoId_idx" ON "Ticket"("mergedIntoId") WHERE "mergedIntoId" IS NOT NULL;

CREATE TABLE "TicketLink" (
    "ticketAId" UUID NOT NULL,
    "ticketBId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketLink_pkey" PRIMARY KEY ("ticketAId","ticketBId"),
    -- Stored once per pair: the smaller id first, never a ticket with itself.
    CONSTRAINT "TicketLink_order_check" CHECK ("ticketAId" < "ticketBId")
);
CREATE INDEX "TicketLink_ticketBId_idx" ON "TicketLink"("ticketBId");
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_ticketAId_fkey" FOREIGN KEY ("ticketAId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_ticketBId_fkey" FOREIGN KEY ("ticketBId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
