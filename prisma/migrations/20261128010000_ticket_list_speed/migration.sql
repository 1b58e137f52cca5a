-- Issue 12: the ticket list at a million tickets.

-- Filtered lists (department + status + priority, newest first) walk one btree and recheck the text
-- per row instead of AND-ing a GIN bitmap of a common word.
CREATE INDEX "Ticket_departmentId_status_priority_createdAt_idx" ON "Ticket" ("departmentId", "status", "priority", "createdAt" DESC);

-- The auto-close job looks only at Resolved tickets by resolution time.
CREATE INDEX "Ticket_resolved_resolvedAt_idx" ON "Ticket" ("resolvedAt") WHERE "status" = 'RESOLVED';

-- Exact status counts for the unfiltered list of every scope (all; a department + an assignee),
-- kept by a trigger so no code path can forget them. Rows: departments × (staff + unassigned) × statuses.
CREATE TABLE "TicketStatusCount" (
    "departmentId" UUID NOT NULL,
    "assigneeKey" UUID NOT NULL,
    "status" "TicketStatus" NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "TicketStatusCount_pkey" PRIMARY KEY ("departmentId", "assigneeKey", "status")
);

CREATE FUNCTION "ticket_status_count_bump"(dept UUID, assignee UUID, st "TicketStatus", delta INT) RETURNS void AS $$
BEGIN
  INSERT INTO "TicketStatusCount" ("departmentId", "assigneeKey", "status", "n")
  VALUES (dept, COALESCE(assignee, '00000000-0000-0000-0000-000000000000'::uuid), st, delta)
  ON CONFLICT ("departmentId", "assigneeKey", "status") DO UPDATE SET "n" = "TicketStatusCount"."n" + delta;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "ticket_status_count_trigger"() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "ticket_status_count_bump"(OLD."departmentId", OLD."assigneeId", OLD."status", -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "ticket_status_count_bump"(NEW."departmentId", NEW."assigneeId", NEW."status", 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ticket_status_count_insert_delete" AFTER INSERT OR DELETE ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION "ticket_status_count_trigger"();
CREATE TRIGGER "ticket_status_count_update" AFTER UPDATE OF "status", "departmentId", "assigneeId" ON "Ticket"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."departmentId" IS DISTINCT FROM NEW."departmentId" OR OLD."assigneeId" IS DISTINCT FROM NEW."assigneeId")
  EXECUTE FUNCTION "ticket_status_count_trigger"();

-- Existing tickets.
INSERT INTO "TicketStatusCount" ("departmentId", "assigneeKey", "status", "n")
SELECT "departmentId", COALESCE("assigneeId", '00000000-0000-0000-0000-000000000000'::uuid), "status", count(*)
FROM "Ticket" GROUP BY 1, 2, 3;
