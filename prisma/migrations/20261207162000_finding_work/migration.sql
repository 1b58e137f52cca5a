-- Finding work: the list's search also finds a client by name or username, an OPD by name and a ticket
-- by its short number; the client's suggested priority waits for staff to confirm or change it; each
-- user keeps named list filters.

-- A ticket number's running part without its leading zeros ("HD-2026-000007" → "7"), so a caller's
-- "7" or "000007" is an index lookup (all years; the year and prefix are what a short number leaves out).
CREATE FUNCTION helpdesk_number_seq(number text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT ltrim(substring(number from '[0-9]+$'), '0') $$;

CREATE INDEX "Ticket_number_seq_idx" ON "Ticket" (helpdesk_number_seq("number"));

-- Clients by the words of their name and username ("rina.dinkes" → rina, dinkes), and OPDs by the
-- words of their name: the search reads the matching ids first and then the tickets on their
-- clientId / agencyId indexes. Built-in text search (pg_trgm is not loaded in PGlite).
CREATE INDEX "User_client_search_idx" ON "User"
  USING GIN (to_tsvector('simple'::regconfig, "name" || ' ' || translate("username", '._-@', '    ')))
  WHERE "role" = 'CLIENT';

CREATE INDEX "Agency_search_idx" ON "Agency" USING GIN (to_tsvector('simple'::regconfig, "name"));

-- Set when staff confirm or change the priority a client suggested; null while it waits (no backfill:
-- older suggestions show as waiting until someone looks at them).
ALTER TABLE "Ticket" ADD COLUMN "priorityReviewedAt" TIMESTAMP(3);

CREATE TABLE "SavedFilter" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SavedFilter_userId_name_key" ON "SavedFilter"("userId", "name");

ALTER TABLE "SavedFilter" ADD CONSTRAINT "SavedFilter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
