-- Service levels (issue #10): the clock on each ticket, policies, the holiday calendar.
ALTER TYPE "NotificationKind" ADD VALUE 'SLA_RESPONSE_WARNING';
ALTER TYPE "NotificationKind" ADD VALUE 'SLA_RESPONSE_BREACH';
ALTER TYPE "NotificationKind" ADD VALUE 'SLA_RESOLUTION_WARNING';
ALTER TYPE "NotificationKind" ADD VALUE 'SLA_RESOLUTION_BREACH';

CREATE TYPE "SlaUnit" AS ENUM ('HOURS', 'DAYS');

ALTER TABLE "Ticket"
  ADD COLUMN "firstResponseDueAt" TIMESTAMP(3),
  ADD COLUMN "firstResponseWarnAt" TIMESTAMP(3),
  ADD COLUMN "resolutionDueAt" TIMESTAMP(3),
  ADD COLUMN "resolutionWarnAt" TIMESTAMP(3),
  ADD COLUMN "firstResponseAt" TIMESTAMP(3),
  ADD COLUMN "firstResponseMinutes" INTEGER,
  ADD COLUMN "firstResponseMet" BOOLEAN,
  ADD COLUMN "resolutionMinutes" INTEGER,
  ADD COLUMN "resolutionMet" BOOLEAN,
  ADD COLUMN "slaPausedAt" TIMESTAMP(3),
  ADD COLUMN "slaPausedMinutes" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "slaNextDueAt" TIMESTAMP(3),
  ADD COLUMN "slaCheckAt" TIMESTAMP(3),
  ADD COLUMN "slaNotified" INTEGER NOT NULL DEFAULT 0;

-- Only tickets whose clock runs have a next due time: these indexes hold the open tickets, not the
-- table. They serve the overdue tab and the sort by due time (all tickets, per department, per
-- assignee) and the staff's overdue count.
CREATE INDEX "Ticket_slaNextDueAt_open_idx" ON "Ticket" ("slaNextDueAt", "id") WHERE "slaNextDueAt" IS NOT NULL;
CREATE INDEX "Ticket_departmentId_slaNextDueAt_open_idx" ON "Ticket" ("departmentId", "slaNextDueAt") WHERE "slaNextDueAt" IS NOT NULL;
CREATE INDEX "Ticket_assigneeId_slaNextDueAt_open_idx" ON "Ticket" ("assigneeId", "slaNextDueAt") WHERE "slaNextDueAt" IS NOT NULL;
-- The warning job reads only tickets whose next warning is due.
CREATE INDEX "Ticket_slaCheckAt_idx" ON "Ticket" ("slaCheckAt") WHERE "slaCheckAt" IS NOT NULL;

CREATE TABLE "SlaPolicy" (
    "id" UUID NOT NULL,
    "departmentId" UUID,
    "priority" "TicketPriority" NOT NULL,
    "firstResponseValue" INTEGER NOT NULL,
    "firstResponseUnit" "SlaUnit" NOT NULL,
    "resolutionValue" INTEGER NOT NULL,
    "resolutionUnit" "SlaUnit" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SlaPolicy_values_check" CHECK ("firstResponseValue" > 0 AND "resolutionValue" > 0)
);
CREATE UNIQUE INDEX "SlaPolicy_departmentId_priority_key" ON "SlaPolicy"("departmentId", "priority");
-- NULL departmentId (the defaults) would not collide under the index above.
CREATE UNIQUE INDEX "SlaPolicy_default_priority_key" ON "SlaPolicy"("priority") WHERE "departmentId" IS NULL;
ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "Holiday" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

CREATE TABLE "HolidayYear" (
    "year" INTEGER NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" UUID,
    CONSTRAINT "HolidayYear_pkey" PRIMARY KEY ("year")
);
