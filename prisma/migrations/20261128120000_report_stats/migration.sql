-- Reports and dashboards (issue 11): per-day aggregates kept by triggers, so a report over a year of a
-- million tickets reads a few thousand rows instead of the ticket table. Nothing in the application
-- writes these tables: every INSERT/UPDATE/DELETE of a ticket (and a first client-visible staff reply)
-- adjusts them in the same transaction, on PGlite and PostgreSQL alike.

-- The first reply the client could see from the staff side. Set by a trigger on TicketMessage (below).
-- IF NOT EXISTS: the service-level work (issue 10) stores the same moment under the same name.
ALTER TABLE "Ticket" ADD COLUMN IF NOT EXISTS "firstResponseAt" TIMESTAMP(3);

-- Durations in minutes are counted into fixed buckets (upper bounds below; the last bucket is open):
-- percentiles of any period and group are read from the summed buckets (lib/reports/histogram.ts
-- holds the same bounds). 5m 15m 30m 1h 2h 4h 8h 12h 1d 2d 3d 5d 7d 14d 30d 60d | more
CREATE FUNCTION helpdesk_duration_bucket(minutes double precision) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT width_bucket(greatest(minutes, 0), ARRAY[5,15,30,60,120,240,480,720,1440,2880,4320,7200,10080,20160,43200,86400]::double precision[]) + 1 $$;

-- A calendar day in Indonesia's western time (WIB, UTC+7, no daylight saving) from a stored UTC timestamp.
CREATE FUNCTION helpdesk_day(ts timestamp) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (ts + interval '7 hours')::date $$;

-- One row per day × scope × grouping value. "departmentId" is the scope: a department's own rows (Staff
-- reports) or the all-zero id for every department (Admin reports). dim is what the row is grouped by
-- (department | agency | assignee | priority | channel) and "dimValue" its value ('' = none).
-- Counts are attributed to the day of their event: created/open/responded/response* to the day the
-- ticket was filed, resolved/resolution* to the day it was resolved (or closed), rated/rating* to the day it was rated.
CREATE TABLE "TicketStat" (
    day DATE NOT NULL,
    "departmentId" UUID NOT NULL,
    dim TEXT NOT NULL,
    "dimValue" TEXT NOT NULL,
    created INTEGER NOT NULL DEFAULT 0,
    open INTEGER NOT NULL DEFAULT 0,
    responded INTEGER NOT NULL DEFAULT 0,
    "responseMinutes" BIGINT NOT NULL DEFAULT 0,
    "rh0" INTEGER NOT NULL DEFAULT 0,
    "rh1" INTEGER NOT NULL DEFAULT 0,
    "rh2" INTEGER NOT NULL DEFAULT 0,
    "rh3" INTEGER NOT NULL DEFAULT 0,
    "rh4" INTEGER NOT NULL DEFAULT 0,
    "rh5" INTEGER NOT NULL DEFAULT 0,
    "rh6" INTEGER NOT NULL DEFAULT 0,
    "rh7" INTEGER NOT NULL DEFAULT 0,
    "rh8" INTEGER NOT NULL DEFAULT 0,
    "rh9" INTEGER NOT NULL DEFAULT 0,
    "rh10" INTEGER NOT NULL DEFAULT 0,
    "rh11" INTEGER NOT NULL DEFAULT 0,
    "rh12" INTEGER NOT NULL DEFAULT 0,
    "rh13" INTEGER NOT NULL DEFAULT 0,
    "rh14" INTEGER NOT NULL DEFAULT 0,
    "rh15" INTEGER NOT NULL DEFAULT 0,
    "rh16" INTEGER NOT NULL DEFAULT 0,
    resolved INTEGER NOT NULL DEFAULT 0,
    "resolutionMinutes" BIGINT NOT NULL DEFAULT 0,
    "sh0" INTEGER NOT NULL DEFAULT 0,
    "sh1" INTEGER NOT NULL DEFAULT 0,
    "sh2" INTEGER NOT NULL DEFAULT 0,
    "sh3" INTEGER NOT NULL DEFAULT 0,
    "sh4" INTEGER NOT NULL DEFAULT 0,
    "sh5" INTEGER NOT NULL DEFAULT 0,
    "sh6" INTEGER NOT NULL DEFAULT 0,
    "sh7" INTEGER NOT NULL DEFAULT 0,
    "sh8" INTEGER NOT NULL DEFAULT 0,
    "sh9" INTEGER NOT NULL DEFAULT 0,
    "sh10" INTEGER NOT NULL DEFAULT 0,
    "sh11" INTEGER NOT NULL DEFAULT 0,
    "sh12" INTEGER NOT NULL DEFAULT 0,
    "sh13" INTEGER NOT NULL DEFAULT 0,
    "sh14" INTEGER NOT NULL DEFAULT 0,
    "sh15" INTEGER NOT NULL DEFAULT 0,
    "sh16" INTEGER NOT NULL DEFAULT 0,
    rated INTEGER NOT NULL DEFAULT 0,
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    r1 INTEGER NOT NULL DEFAULT 0,
    r2 INTEGER NOT NULL DEFAULT 0,
    r3 INTEGER NOT NULL DEFAULT 0,
    r4 INTEGER NOT NULL DEFAULT 0,
    r5 INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "TicketStat_pkey" PRIMARY KEY ("departmentId", dim, day, "dimValue")
);

-- Tickets not yet resolved or closed, by where they sit now (dashboard counters: by status, unassigned,
-- the OPDs and departments with most open tickets). A few thousand rows at most.
CREATE TABLE "TicketOpenStat" (
    "departmentId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "assigneeId" UUID NOT NULL,
    status "TicketStatus" NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "TicketOpenStat_pkey" PRIMARY KEY ("departmentId", "agencyId", "assigneeId", status)
);

-- The contributions of a set of ticket versions, each with a sign (+1 the new version, -1 the old one),
-- summed per key so one INSERT … ON CONFLICT touches each row once.
CREATE FUNCTION helpdesk_ticket_stat_apply(versions jsonb) RETURNS void
  LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO "TicketStat" (day, "departmentId", dim, "dimValue", created, open, responded, "responseMinutes", "rh0", "rh1", "rh2", "rh3", "rh4", "rh5", "rh6", "rh7", "rh8", "rh9", "rh10", "rh11", "rh12", "rh13", "rh14", "rh15", "rh16", resolved, "resolutionMinutes", "sh0", "sh1", "sh2", "sh3", "sh4", "sh5", "sh6", "sh7", "sh8", "sh9", "sh10", "sh11", "sh12", "sh13", "sh14", "sh15", "sh16", rated, "ratingSum", r1, r2, r3, r4, r5)
  SELECT day, scope, dim, "dimValue", sum(created), sum(open), sum(responded), sum("responseMinutes"), sum("rh0"), sum("rh1"), sum("rh2"), sum("rh3"), sum("rh4"), sum("rh5"), sum("rh6"), sum("rh7"), sum("rh8"), sum("rh9"), sum("rh10"), sum("rh11"), sum("rh12"), sum("rh13"), sum("rh14"), sum("rh15"), sum("rh16"), sum(resolved), sum("resolutionMinutes"), sum("sh0"), sum("sh1"), sum("sh2"), sum("sh3"), sum("sh4"), sum("sh5"), sum("sh6"), sum("sh7"), sum("sh8"), sum("sh9"), sum("sh10"), sum("sh11"), sum("sh12"), sum("sh13"), sum("sh14"), sum("sh15"), sum("sh16"), sum(rated), sum("ratingSum"), sum(r1), sum(r2), sum(r3), sum(r4), sum(r5)
  FROM (
    SELECT c.day, sc.scope, dv.dim, dv."dimValue",
           c.created * v.s AS created, c.open * v.s AS open, c.responded * v.s AS responded,
           (c."responseMinutes" * v.s)::bigint AS "responseMinutes",
           (CASE WHEN c.rb = 1 THEN v.s * c.responded ELSE 0 END) AS "rh0",
           (CASE WHEN c.rb = 2 THEN v.s * c.responded ELSE 0 END) AS "rh1",
           (CASE WHEN c.rb = 3 THEN v.s * c.responded ELSE 0 END) AS "rh2",
           (CASE WHEN c.rb = 4 THEN v.s * c.responded ELSE 0 END) AS "rh3",
           (CASE WHEN c.rb = 5 THEN v.s * c.responded ELSE 0 END) AS "rh4",
           (CASE WHEN c.rb = 6 THEN v.s * c.responded ELSE 0 END) AS "rh5",
           (CASE WHEN c.rb = 7 THEN v.s * c.responded ELSE 0 END) AS "rh6",
           (CASE WHEN c.rb = 8 THEN v.s * c.responded ELSE 0 END) AS "rh7",
           (CASE WHEN c.rb = 9 THEN v.s * c.responded ELSE 0 END) AS "rh8",
           (CASE WHEN c.rb = 10 THEN v.s * c.responded ELSE 0 END) AS "rh9",
           (CASE WHEN c.rb = 11 THEN v.s * c.responded ELSE 0 END) AS "rh10",
           (CASE WHEN c.rb = 12 THEN v.s * c.responded ELSE 0 END) AS "rh11",
           (CASE WHEN c.rb = 13 THEN v.s * c.responded ELSE 0 END) AS "rh12",
           (CASE WHEN c.rb = 14 THEN v.s * c.responded ELSE 0 END) AS "rh13",
           (CASE WHEN c.rb = 15 THEN v.s * c.responded ELSE 0 END) AS "rh14",
           (CASE WHEN c.rb = 16 THEN v.s * c.responded ELSE 0 END) AS "rh15",
           (CASE WHEN c.rb = 17 THEN v.s * c.responded ELSE 0 END) AS "rh16",
           c.resolved * v.s AS resolved, (c."resolutionMinutes" * v.s)::bigint AS "resolutionMinutes",
           (CASE WHEN c.sb = 1 THEN v.s * c.resolved ELSE 0 END) AS "sh0",
           (CASE WHEN c.sb = 2 THEN v.s * c.resolved ELSE 0 END) AS "sh1",
           (CASE WHEN c.sb = 3 THEN v.s * c.resolved ELSE 0 END) AS "sh2",
           (CASE WHEN c.sb = 4 THEN v.s * c.resolved ELSE 0 END) AS "sh3",
           (CASE WHEN c.sb = 5 THEN v.s * c.resolved ELSE 0 END) AS "sh4",
           (CASE WHEN c.sb = 6 THEN v.s * c.resolved ELSE 0 END) AS "sh5",
           (CASE WHEN c.sb = 7 THEN v.s * c.resolved ELSE 0 END) AS "sh6",
           (CASE WHEN c.sb = 8 THEN v.s * c.resolved ELSE 0 END) AS "sh7",
           (CASE WHEN c.sb = 9 THEN v.s * c.resolved ELSE 0 END) AS "sh8",
           (CASE WHEN c.sb = 10 THEN v.s * c.resolved ELSE 0 END) AS "sh9",
           (CASE WHEN c.sb = 11 THEN v.s * c.resolved ELSE 0 END) AS "sh10",
           (CASE WHEN c.sb = 12 THEN v.s * c.resolved ELSE 0 END) AS "sh11",
           (CASE WHEN c.sb = 13 THEN v.s * c.resolved ELSE 0 END) AS "sh12",
           (CASE WHEN c.sb = 14 THEN v.s * c.resolved ELSE 0 END) AS "sh13",
           (CASE WHEN c.sb = 15 THEN v.s * c.resolved ELSE 0 END) AS "sh14",
           (CASE WHEN c.sb = 16 THEN v.s * c.resolved ELSE 0 END) AS "sh15",
           (CASE WHEN c.sb = 17 THEN v.s * c.resolved ELSE 0 END) AS "sh16",
           c.rated * v.s AS rated, c."ratingSum" * v.s AS "ratingSum",
           (CASE WHEN c.rating = 1 THEN v.s ELSE 0 END) AS r1, (CASE WHEN c.rating = 2 THEN v.s ELSE 0 END) AS r2,
           (CASE WHEN c.rating = 3 THEN v.s ELSE 0 END) AS r3, (CASE WHEN c.rating = 4 THEN v.s ELSE 0 END) AS r4,
           (CASE WHEN c.rating = 5 THEN v.s ELSE 0 END) AS r5
    FROM jsonb_to_recordset(versions) AS v(
           s integer, "createdAt" timestamp, "firstResponseAt" timestamp, "resolvedAt" timestamp, "closedAt" timestamp,
           "ratedAt" timestamp, rating integer, status text, priority text, "departmentId" uuid, "agencyId" uuid,
           "assigneeId" uuid, "clientId" uuid, "createdById" uuid)
    CROSS JOIN LATERAL (
      -- filed that day
      SELECT helpdesk_day(v."createdAt") AS day, 1 AS created,
             (CASE WHEN v.status IN ('RESOLVED', 'CLOSED') THEN 0 ELSE 1 END) AS open,
             (CASE WHEN v."firstResponseAt" IS NULL THEN 0 ELSE 1 END) AS responded,
             coalesce(round(extract(epoch FROM (v."firstResponseAt" - v."createdAt")) / 60), 0) AS "responseMinutes",
             helpdesk_duration_bucket(extract(epoch FROM (v."firstResponseAt" - v."createdAt")) / 60) AS rb,
             0 AS resolved, 0 AS "resolutionMinutes", NULL::integer AS sb, 0 AS rated, 0 AS "ratingSum", NULL::integer AS rating
      UNION ALL
      -- resolved (or closed without being resolved) that day
      SELECT helpdesk_day(coalesce(v."resolvedAt", v."closedAt")), 0, 0, 0, 0, NULL, 1,
             round(extract(epoch FROM (coalesce(v."resolvedAt", v."closedAt") - v."createdAt")) / 60),
             helpdesk_duration_bucket(extract(epoch FROM (coalesce(v."resolvedAt", v."closedAt") - v."createdAt")) / 60), 0, 0, NULL
      WHERE coalesce(v."resolvedAt", v."closedAt") IS NOT NULL
      UNION ALL
      -- rated that day
      SELECT helpdesk_day(coalesce(v."ratedAt", v."createdAt")), 0, 0, 0, 0, NULL, 0, 0, NULL, 1, v.rating, v.rating
      WHERE v.rating IS NOT NULL
    ) c
    CROSS JOIN LATERAL (VALUES (v."departmentId"), ('00000000-0000-0000-0000-000000000000'::uuid)) AS sc(scope)
    CROSS JOIN LATERAL (VALUES
      ('department', v."departmentId"::text),
      ('agency', coalesce(v."agencyId"::text, '')),
      ('assignee', coalesce(v."assigneeId"::text, '')),
      ('priority', v.priority),
      -- PORTAL: filed by the client; STAFF: filed for the client by staff (phone, walk-in, Kontak)
      ('channel', CASE WHEN v."createdById" = v."clientId" THEN 'PORTAL' ELSE 'STAFF' END)
    ) AS dv(dim, "dimValue")
  ) contributions
  GROUP BY day, scope, dim, "dimValue"
  -- One order for every transaction: concurrent changes lock shared rows in the same sequence (no deadlock).
  ORDER BY scope, dim, day, "dimValue"
  ON CONFLICT ("departmentId", dim, day, "dimValue") DO UPDATE SET
      created = "TicketStat".created + EXCLUDED.created,
      open = "TicketStat".open + EXCLUDED.open,
      responded = "TicketStat".responded + EXCLUDED.responded,
      "responseMinutes" = "TicketStat"."responseMinutes" + EXCLUDED."responseMinutes",
      "rh0" = "TicketStat"."rh0" + EXCLUDED."rh0",
      "rh1" = "TicketStat"."rh1" + EXCLUDED."rh1",
      "rh2" = "TicketStat"."rh2" + EXCLUDED."rh2",
      "rh3" = "TicketStat"."rh3" + EXCLUDED."rh3",
      "rh4" = "TicketStat"."rh4" + EXCLUDED."rh4",
      "rh5" = "TicketStat"."rh5" + EXCLUDED."rh5",
      "rh6" = "TicketStat"."rh6" + EXCLUDED."rh6",
      "rh7" = "TicketStat"."rh7" + EXCLUDED."rh7",
      "rh8" = "TicketStat"."rh8" + EXCLUDED."rh8",
      "rh9" = "TicketStat"."rh9" + EXCLUDED."rh9",
      "rh10" = "TicketStat"."rh10" + EXCLUDED."rh10",
      "rh11" = "TicketStat"."rh11" + EXCLUDED."rh11",
      "rh12" = "TicketStat"."rh12" + EXCLUDED."rh12",
      "rh13" = "TicketStat"."rh13" + EXCLUDED."rh13",
      "rh14" = "TicketStat"."rh14" + EXCLUDED."rh14",
      "rh15" = "TicketStat"."rh15" + EXCLUDED."rh15",
      "rh16" = "TicketStat"."rh16" + EXCLUDED."rh16",
      resolved = "TicketStat".resolved + EXCLUDED.resolved,
      "resolutionMinutes" = "TicketStat"."resolutionMinutes" + EXCLUDED."resolutionMinutes",
      "sh0" = "TicketStat"."sh0" + EXCLUDED."sh0",
      "sh1" = "TicketStat"."sh1" + EXCLUDED."sh1",
      "sh2" = "TicketStat"."sh2" + EXCLUDED."sh2",
      "sh3" = "TicketStat"."sh3" + EXCLUDED."sh3",
      "sh4" = "TicketStat"."sh4" + EXCLUDED."sh4",
      "sh5" = "TicketStat"."sh5" + EXCLUDED."sh5",
      "sh6" = "TicketStat"."sh6" + EXCLUDED."sh6",
      "sh7" = "TicketStat"."sh7" + EXCLUDED."sh7",
      "sh8" = "TicketStat"."sh8" + EXCLUDED."sh8",
      "sh9" = "TicketStat"."sh9" + EXCLUDED."sh9",
      "sh10" = "TicketStat"."sh10" + EXCLUDED."sh10",
      "sh11" = "TicketStat"."sh11" + EXCLUDED."sh11",
      "sh12" = "TicketStat"."sh12" + EXCLUDED."sh12",
      "sh13" = "TicketStat"."sh13" + EXCLUDED."sh13",
      "sh14" = "TicketStat"."sh14" + EXCLUDED."sh14",
      "sh15" = "TicketStat"."sh15" + EXCLUDED."sh15",
      "sh16" = "TicketStat"."sh16" + EXCLUDED."sh16",
      rated = "TicketStat".rated + EXCLUDED.rated,
      "ratingSum" = "TicketStat"."ratingSum" + EXCLUDED."ratingSum",
      r1 = "TicketStat".r1 + EXCLUDED.r1,
      r2 = "TicketStat".r2 + EXCLUDED.r2,
      r3 = "TicketStat".r3 + EXCLUDED.r3,
      r4 = "TicketStat".r4 + EXCLUDED.r4,
      r5 = "TicketStat".r5 + EXCLUDED.r5;

  INSERT INTO "TicketOpenStat" ("departmentId", "agencyId", "assigneeId", status, count)
  SELECT v."departmentId", coalesce(v."agencyId", '00000000-0000-0000-0000-000000000000'::uuid),
         coalesce(v."assigneeId", '00000000-0000-0000-0000-000000000000'::uuid), v.status::"TicketStatus", sum(v.s)
  FROM jsonb_to_recordset(versions) AS v(s integer, status text, "departmentId" uuid, "agencyId" uuid, "assigneeId" uuid)
  WHERE v.status NOT IN ('RESOLVED', 'CLOSED')
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("departmentId", "agencyId", "assigneeId", status) DO UPDATE SET count = "TicketOpenStat".count + EXCLUDED.count;
END
$fn$;

CREATE FUNCTION helpdesk_ticket_stat_trigger() RETURNS trigger
  LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM helpdesk_ticket_stat_apply(jsonb_build_array(to_jsonb(NEW) || '{"s": 1}'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM helpdesk_ticket_stat_apply(jsonb_build_array(to_jsonb(OLD) || '{"s": -1}'));
  ELSE
    PERFORM helpdesk_ticket_stat_apply(jsonb_build_array(to_jsonb(OLD) || '{"s": -1}', to_jsonb(NEW) || '{"s": 1}'));
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Ticket_stat_insert_delete" AFTER INSERT OR DELETE ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION helpdesk_ticket_stat_trigger();
-- Replies only touch "updatedAt": no work unless a counted column changed.
CREATE TRIGGER "Ticket_stat_update" AFTER UPDATE ON "Ticket"
  FOR EACH ROW WHEN (
    OLD.status IS DISTINCT FROM NEW.status OR OLD.priority IS DISTINCT FROM NEW.priority
    OR OLD."departmentId" IS DISTINCT FROM NEW."departmentId" OR OLD."agencyId" IS DISTINCT FROM NEW."agencyId"
    OR OLD."assigneeId" IS DISTINCT FROM NEW."assigneeId" OR OLD."clientId" IS DISTINCT FROM NEW."clientId"
    OR OLD."createdById" IS DISTINCT FROM NEW."createdById" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt"
    OR OLD."firstResponseAt" IS DISTINCT FROM NEW."firstResponseAt" OR OLD."resolvedAt" IS DISTINCT FROM NEW."resolvedAt"
    OR OLD."closedAt" IS DISTINCT FROM NEW."closedAt" OR OLD.rating IS DISTINCT FROM NEW.rating OR OLD."ratedAt" IS DISTINCT FROM NEW."ratedAt"
  ) EXECUTE FUNCTION helpdesk_ticket_stat_trigger();

-- The first reply the client can see, written by anyone but the client side, is the first response.
CREATE FUNCTION helpdesk_first_response_trigger() RETURNS trigger
  LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE "Ticket" t SET "firstResponseAt" = NEW."createdAt"
  WHERE t.id = NEW."ticketId" AND t."firstResponseAt" IS NULL
    AND EXISTS (SELECT 1 FROM "User" u WHERE u.id = NEW."authorId" AND u.role <> 'CLIENT');
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "TicketMessage_first_response" AFTER INSERT ON "TicketMessage"
  FOR EACH ROW WHEN (NOT NEW.internal) EXECUTE FUNCTION helpdesk_first_response_trigger();

-- Rebuilds both tables from the tickets (this migration's backfill; after a bulk load with triggers off).
CREATE FUNCTION helpdesk_ticket_stat_rebuild() RETURNS void
  LANGUAGE plpgsql AS $fn$
DECLARE
  batch jsonb;
  last_id uuid := NULL;
BEGIN
  DELETE FROM "TicketStat";
  DELETE FROM "TicketOpenStat";
  LOOP
    SELECT jsonb_agg(to_jsonb(b) || '{"s": 1}'), (array_agg(b.id ORDER BY b.id DESC))[1] INTO batch, last_id
    FROM (SELECT t.id, t."createdAt", t."firstResponseAt", t."resolvedAt", t."closedAt", t."ratedAt", t.rating, t.status,
                 t.priority, t."departmentId", t."agencyId", t."assigneeId", t."clientId", t."createdById"
          FROM "Ticket" t WHERE last_id IS NULL OR t.id > last_id ORDER BY t.id LIMIT 20000) b;
    EXIT WHEN batch IS NULL;
    PERFORM helpdesk_ticket_stat_apply(batch);
  END LOOP;
END
$fn$;

UPDATE "Ticket" t SET "firstResponseAt" = f.at
FROM (SELECT m."ticketId", min(m."createdAt") AS at FROM "TicketMessage" m JOIN "User" u ON u.id = m."authorId"
      WHERE NOT m.internal AND u.role <> 'CLIENT' GROUP BY m."ticketId") f
WHERE t.id = f."ticketId" AND t."firstResponseAt" IS NULL;

DO $$ BEGIN PERFORM helpdesk_ticket_stat_rebuild(); END $$;

-- The comments of a period for the satisfaction section, newest first.
CREATE INDEX "Ticket_ratedAt_idx" ON "Ticket"("ratedAt" DESC) WHERE "ratingComment" IS NOT NULL;
