-- The dashboards' counters of open tickets (Open, In progress, Waiting): per department, per
-- department's unassigned queue, per OPD, per assignee and per client. Each dashboard reads a few of
-- these rows by primary key. Before, it summed TicketOpenStat (department × OPD × assignee: ~12,000
-- rows at 1,000,000 tickets) or counted the client's tickets one by one.
CREATE TABLE "TicketOpenCount" (
    "dim" TEXT NOT NULL,
    "key" UUID NOT NULL,
    "status" "TicketStatus" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "TicketOpenCount_pkey" PRIMARY KEY ("dim", "key", "status")
);

-- Statement-level triggers with transition tables: an UPDATE of 1,000 tickets adds one row version
-- per count row it changes, not one per ticket (the row-level count tables bloated after a mass
-- auto-close). Old versions count -1, new ones +1, summed per key, so an update that moves nothing
-- counted (a reply touching "updatedAt") writes nothing. Keys are written in one order, so two
-- transactions that cross take their row locks in the same sequence.
CREATE FUNCTION helpdesk_open_count_trigger() RETURNS trigger
  LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "TicketOpenCount" AS c ("dim", "key", "status", "n")
    SELECT k."dim", k."key", v."status", count(*)
    FROM new_rows v
    CROSS JOIN LATERAL (VALUES ('department', v."departmentId"), ('unassigned', CASE WHEN v."assigneeId" IS NULL THEN v."departmentId" END),
                               ('agency', v."agencyId"), ('assignee', v."assigneeId"), ('client', v."clientId")) AS k("dim", "key")
    WHERE v."status" IN ('OPEN', 'IN_PROGRESS', 'WAITING') AND k."key" IS NOT NULL
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT ("dim", "key", "status") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "TicketOpenCount" AS c ("dim", "key", "status", "n")
    SELECT k."dim", k."key", v."status", -count(*)
    FROM old_rows v
    CROSS JOIN LATERAL (VALUES ('department', v."departmentId"), ('unassigned', CASE WHEN v."assigneeId" IS NULL THEN v."departmentId" END),
                               ('agency', v."agencyId"), ('assignee', v."assigneeId"), ('client', v."clientId")) AS k("dim", "key")
    WHERE v."status" IN ('OPEN', 'IN_PROGRESS', 'WAITING') AND k."key" IS NOT NULL
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT ("dim", "key", "status") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "TicketOpenCount" AS c ("dim", "key", "status", "n")
    SELECT k."dim", k."key", v."status", sum(v.s)
    FROM (SELECT o."status", o."departmentId", o."agencyId", o."assigneeId", o."clientId", -1 AS s FROM old_rows o
          WHERE o."status" IN ('OPEN', 'IN_PROGRESS', 'WAITING')
          UNION ALL
          SELECT n."status", n."departmentId", n."agencyId", n."assigneeId", n."clientId", 1 FROM new_rows n
          WHERE n."status" IN ('OPEN', 'IN_PROGRESS', 'WAITING')) v
    CROSS JOIN LATERAL (VALUES ('department', v."departmentId"), ('unassigned', CASE WHEN v."assigneeId" IS NULL THEN v."departmentId" END),
                               ('agency', v."agencyId"), ('assignee', v."assigneeId"), ('client', v."clientId")) AS k("dim", "key")
    WHERE k."key" IS NOT NULL
    GROUP BY 1, 2, 3
    HAVING sum(v.s) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT ("dim", "key", "status") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$fn$;

-- A trigger with transition tables serves one event and takes no column list.
CREATE TRIGGER "Ticket_open_count_insert" AFTER INSERT ON "Ticket"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION helpdesk_open_count_trigger();
CREATE TRIGGER "Ticket_open_count_update" AFTER UPDATE ON "Ticket"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION helpdesk_open_count_trigger();
CREATE TRIGGER "Ticket_open_count_delete" AFTER DELETE ON "Ticket"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION helpdesk_open_count_trigger();

-- Existing tickets.
INSERT INTO "TicketOpenCount" ("dim", "key", "status", "n")
SELECT k."dim", k."key", t."status", count(*)
FROM "Ticket" t
CROSS JOIN LATERAL (VALUES ('department', t."departmentId"), ('unassigned', CASE WHEN t."assigneeId" IS NULL THEN t."departmentId" END),
                           ('agency', t."agencyId"), ('assignee', t."assigneeId"), ('client', t."clientId")) AS k("dim", "key")
WHERE t."status" IN ('OPEN', 'IN_PROGRESS', 'WAITING') AND k."key" IS NOT NULL
GROUP BY 1, 2, 3;
