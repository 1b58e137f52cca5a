-- Issue 9: e-mail. A durable outbox written in the transaction of the event that causes each mail,
-- processed inbound mails (never twice), single-use password tokens, per-user mail choices, and the
-- schedule table of the recurring jobs (lib/jobs).

ALTER TABLE "User" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'id';
-- The mails a user turned off (lib/mail/kinds.ts); empty = every mail on.
ALTER TABLE "User" ADD COLUMN "emailOptOut" TEXT[] NOT NULL DEFAULT '{}';

CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

CREATE TABLE "EmailOutbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "userId" UUID,
    "toAddress" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "ticketId" UUID,
    "ticketMessageId" UUID,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "subject" TEXT,
    "status" "EmailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EmailOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EmailOutbox_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EmailOutbox_ticketMessageId_fkey" FOREIGN KEY ("ticketMessageId") REFERENCES "TicketMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- The worker's claim: due queued mails in order.
CREATE INDEX "EmailOutbox_due_idx" ON "EmailOutbox" ("nextAttemptAt") WHERE "status" = 'QUEUED';
CREATE INDEX "EmailOutbox_createdAt_idx" ON "EmailOutbox" ("createdAt" DESC, "id");
CREATE INDEX "EmailOutbox_status_createdAt_idx" ON "EmailOutbox" ("status", "createdAt" DESC, "id");
CREATE INDEX "EmailOutbox_ticketId_idx" ON "EmailOutbox" ("ticketId");
CREATE INDEX "EmailOutbox_userId_idx" ON "EmailOutbox" ("userId");
-- Refusal mails per address per hour (the mail-loop guard).
CREATE INDEX "EmailOutbox_toAddress_createdAt_idx" ON "EmailOutbox" ("toAddress", "createdAt");

CREATE TABLE "InboundEmail" (
    "messageId" TEXT NOT NULL,
    "fromAddress" TEXT,
    "subject" TEXT,
    "outcome" TEXT NOT NULL,
    "ticketId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InboundEmail_pkey" PRIMARY KEY ("messageId")
);
CREATE INDEX "InboundEmail_createdAt_idx" ON "InboundEmail" ("createdAt");

CREATE TABLE "PasswordToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordToken_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PasswordToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "PasswordToken_tokenHash_key" ON "PasswordToken" ("tokenHash");
CREATE INDEX "PasswordToken_userId_idx" ON "PasswordToken" ("userId", "createdAt");

CREATE TABLE "JobSchedule" (
    "name" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "lastError" TEXT,
    CONSTRAINT "JobSchedule_pkey" PRIMARY KEY ("name")
);
