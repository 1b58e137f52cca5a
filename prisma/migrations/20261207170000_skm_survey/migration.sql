-- Survei Kepuasan Masyarakat (Permenpan RB No. 14 Tahun 2017): questionnaire versions, one response per
-- ticket, the one-time links mailed at resolution, and the report's own words per period.

CREATE TABLE "SkmQuestionnaire" (
    "id" UUID NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "elements" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SkmQuestionnaire_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SkmQuestionnaire_effectiveFrom_idx" ON "SkmQuestionnaire"("effectiveFrom" DESC);

CREATE TABLE "SkmResponse" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "questionnaireId" UUID,
    "departmentId" UUID NOT NULL,
    "agencyId" UUID,
    "channel" TEXT NOT NULL,
    "u1" SMALLINT, "u2" SMALLINT, "u3" SMALLINT, "u4" SMALLINT, "u5" SMALLINT,
    "u6" SMALLINT, "u7" SMALLINT, "u8" SMALLINT, "u9" SMALLINT,
    "gender" TEXT,
    "age" SMALLINT,
    "education" TEXT,
    "occupation" TEXT,
    "suggestion" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SkmResponse_pkey" PRIMARY KEY ("id"),
    -- The scale is 1–4 whatever path wrote the row.
    CONSTRAINT "SkmResponse_answers_check" CHECK (
        ("u1" BETWEEN 1 AND 4 OR "u1" IS NULL) AND ("u2" BETWEEN 1 AND 4 OR "u2" IS NULL) AND ("u3" BETWEEN 1 AND 4 OR "u3" IS NULL) AND
        ("u4" BETWEEN 1 AND 4 OR "u4" IS NULL) AND ("u5" BETWEEN 1 AND 4 OR "u5" IS NULL) AND ("u6" BETWEEN 1 AND 4 OR "u6" IS NULL) AND
        ("u7" BETWEEN 1 AND 4 OR "u7" IS NULL) AND ("u8" BETWEEN 1 AND 4 OR "u8" IS NULL) AND ("u9" BETWEEN 1 AND 4 OR "u9" IS NULL)),
    CONSTRAINT "SkmResponse_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SkmResponse_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "SkmQuestionnaire"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- One response per ticket: a second submit (another tab, the mail link after the ticket page) fails here.
CREATE UNIQUE INDEX "SkmResponse_ticketId_key" ON "SkmResponse"("ticketId");
-- The report reads a period (and a department or OPD) by range on these.
CREATE INDEX "SkmResponse_submittedAt_idx" ON "SkmResponse"("submittedAt");
CREATE INDEX "SkmResponse_departmentId_submittedAt_idx" ON "SkmResponse"("departmentId", "submittedAt");
CREATE INDEX "SkmResponse_agencyId_submittedAt_idx" ON "SkmResponse"("agencyId", "submittedAt");

CREATE TABLE "SkmInvite" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "tokenHash" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SkmInvite_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SkmInvite_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SkmInvite_ticketId_key" ON "SkmInvite"("ticketId");
CREATE UNIQUE INDEX "SkmInvite_tokenHash_key" ON "SkmInvite"("tokenHash");

CREATE TABLE "SkmReportNote" (
    "key" TEXT NOT NULL,
    "analysis" TEXT NOT NULL DEFAULT '',
    "followUp" TEXT NOT NULL DEFAULT '',
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SkmReportNote_pkey" PRIMARY KEY ("key")
);

-- The survey link is offered whenever a ticket becomes Resolved (or Closed straight away), by whatever path (staff, the client,
-- a bulk change, a mail command): a trigger, so no path can forget it. The invite row and the client's
-- mail are written in the same transaction as the status; the mail's token is derived from the invite's
-- id when the mail is composed (lib/skm/token.ts), so nothing here can reconstruct it. Settings → SKM
-- ("skm" row) can turn the invitations off and sets how long a link lives.
CREATE FUNCTION helpdesk_skm_invite() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cfg JSONB;
  days INTEGER;
BEGIN
  SELECT "value" INTO cfg FROM "Setting" WHERE "key" = 'skm';
  IF jsonb_typeof(cfg -> 'invite') = 'boolean' AND NOT (cfg ->> 'invite')::boolean THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM "SkmResponse" WHERE "ticketId" = NEW."id") THEN
    RETURN NULL;
  END IF;
  days := CASE WHEN jsonb_typeof(cfg -> 'linkDays') = 'number' THEN LEAST(GREATEST((cfg ->> 'linkDays')::numeric::int, 1), 365) ELSE 30 END;
  WITH invite AS (
    INSERT INTO "SkmInvite" ("id", "ticketId", "expiresAt")
    VALUES (gen_random_uuid(), NEW."id", now() + days * interval '1 day')
    -- Resolved again after a reopen: the same link, valid for another period of days.
    ON CONFLICT ("ticketId") DO UPDATE SET "expiresAt" = EXCLUDED."expiresAt"
    RETURNING "id"
  )
  INSERT INTO "EmailOutbox" ("id", "kind", "userId", "toAddress", "locale", "ticketId", "payload")
  SELECT gen_random_uuid(), 'skmInvite', u."id", u."email", u."locale", NEW."id", jsonb_build_object('inviteId', invite."id")
  FROM invite JOIN "User" u ON u."id" = NEW."clientId"
  WHERE u."active" AND u."email" <> '';
  RETURN NULL;
END $$;

CREATE TRIGGER "Ticket_skm_invite" AFTER UPDATE OF "status" ON "Ticket"
  FOR EACH ROW WHEN (NEW."status" IN ('RESOLVED', 'CLOSED') AND OLD."status" NOT IN ('RESOLVED', 'CLOSED'))
  EXECUTE FUNCTION helpdesk_skm_invite();
