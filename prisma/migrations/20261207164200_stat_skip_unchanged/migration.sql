-- The report aggregates' apply function skips the groups whose contributions cancel: a bulk change of
-- the assignee or priority of 1,000 tickets rewrote every department, OPD and channel row of their days
-- with +0 (TicketStat had grown to 1.4 GB at 1,000,000 tickets), now only the rows that change.
CREATE OR REPLACE FUNCTION helpdesk_ticket_stat_apply(versions jsonb) RETURNS void
  LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO "TicketStat" (day, "departmentId", dim, "dimValue", created, open, responded, "responseMinutes", "rh0", "rh1", "rh2", "rh3", "rh4", "rh5", "rh6", "rh7", "rh8", "rh9", "rh10", "rh11", "rh12", "rh13", "rh14", "rh15", "rh16", "responseTimed", "responseMet", resolved, "resolutionMinutes", "sh0", "sh1", "sh2", "sh3", "sh4", "sh5", "sh6", "sh7", "sh8", "sh9", "sh10", "sh11", "sh12", "sh13", "sh14", "sh15", "sh16", "resolutionTimed", "resolutionMet", rated, "ratingSum", r1, r2, r3, r4, r5)
  SELECT day, scope, dim, "dimValue", sum(created), sum(open), sum(responded), sum("responseMinutes"), sum("rh0"), sum("rh1"), sum("rh2"), sum("rh3"), sum("rh4"), sum("rh5"), sum("rh6"), sum("rh7"), sum("rh8"), sum("rh9"), sum("rh10"), sum("rh11"), sum("rh12"), sum("rh13"), sum("rh14"), sum("rh15"), sum("rh16"), sum("responseTimed"), sum("responseMet"), sum(resolved), sum("resolutionMinutes"), sum("sh0"), sum("sh1"), sum("sh2"), sum("sh3"), sum("sh4"), sum("sh5"), sum("sh6"), sum("sh7"), sum("sh8"), sum("sh9"), sum("sh10"), sum("sh11"), sum("sh12"), sum("sh13"), sum("sh14"), sum("sh15"), sum("sh16"), sum("resolutionTimed"), sum("resolutionMet"), sum(rated), sum("ratingSum"), sum(r1), sum(r2), sum(r3), sum(r4), sum(r5)
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
           c."responseTimed" * v.s AS "responseTimed", c."responseMet" * v.s AS "responseMet",
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
           c."resolutionTimed" * v.s AS "resolutionTimed", c."resolutionMet" * v.s AS "resolutionMet",
           c.rated * v.s AS rated, c."ratingSum" * v.s AS "ratingSum",
           (CASE WHEN c.rating = 1 THEN v.s ELSE 0 END) AS r1, (CASE WHEN c.rating = 2 THEN v.s ELSE 0 END) AS r2,
           (CASE WHEN c.rating = 3 THEN v.s ELSE 0 END) AS r3, (CASE WHEN c.rating = 4 THEN v.s ELSE 0 END) AS r4,
           (CASE WHEN c.rating = 5 THEN v.s ELSE 0 END) AS r5
    FROM jsonb_to_recordset(versions) AS v(
           s integer, "createdAt" timestamp, "firstResponseAt" timestamp, "resolvedAt" timestamp, "closedAt" timestamp,
           "firstResponseMinutes" integer, "firstResponseMet" boolean, "resolutionMinutes" integer, "resolutionMet" boolean,
           "ratedAt" timestamp, rating integer, status text, priority text, "departmentId" uuid, "agencyId" uuid,
           "assigneeId" uuid, "clientId" uuid, "createdById" uuid)
    CROSS JOIN LATERAL (
      -- filed that day
      SELECT helpdesk_day(v."createdAt") AS day, 1 AS created,
             (CASE WHEN v.status IN ('RESOLVED', 'CLOSED') THEN 0 ELSE 1 END) AS open,
             (CASE WHEN v."firstResponseAt" IS NULL THEN 0 ELSE 1 END) AS responded,
             coalesce(v."firstResponseMinutes", round(extract(epoch FROM (v."firstResponseAt" - v."createdAt")) / 60), 0) AS "responseMinutes",
             helpdesk_duration_bucket(coalesce(v."firstResponseMinutes", extract(epoch FROM (v."firstResponseAt" - v."createdAt")) / 60)) AS rb,
             (CASE WHEN v."firstResponseMet" IS NULL THEN 0 ELSE 1 END) AS "responseTimed", (CASE WHEN v."firstResponseMet" THEN 1 ELSE 0 END) AS "responseMet",
             0 AS resolved, 0 AS "resolutionMinutes", NULL::integer AS sb, 0 AS "resolutionTimed", 0 AS "resolutionMet",
             0 AS rated, 0 AS "ratingSum", NULL::integer AS rating
      UNION ALL
      -- resolved (or closed without being resolved) that day
      SELECT helpdesk_day(coalesce(v."resolvedAt", v."closedAt")), 0, 0, 0, 0, NULL, 0, 0, 1,
             coalesce(v."resolutionMinutes", round(extract(epoch FROM (coalesce(v."resolvedAt", v."closedAt") - v."createdAt")) / 60)),
             helpdesk_duration_bucket(coalesce(v."resolutionMinutes", extract(epoch FROM (coalesce(v."resolvedAt", v."closedAt") - v."createdAt")) / 60)),
             (CASE WHEN v."resolutionMet" IS NULL THEN 0 ELSE 1 END), (CASE WHEN v."resolutionMet" THEN 1 ELSE 0 END), 0, 0, NULL
      WHERE coalesce(v."resolvedAt", v."closedAt") IS NOT NULL
      UNION ALL
      -- rated that day
      SELECT helpdesk_day(coalesce(v."ratedAt", v."createdAt")), 0, 0, 0, 0, NULL, 0, 0, 0, 0, NULL, 0, 0, 1, v.rating, v.rating
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
  -- A group whose contributions cancel (an assignee change leaves the department, OPD, priority and
  -- channel rows as they were) is not written: no new row version for nothing.
  HAVING sum(created) <> 0 OR sum(open) <> 0 OR sum(responded) <> 0 OR sum("responseMinutes") <> 0 OR sum("rh0") <> 0 OR sum("rh1") <> 0 OR sum("rh2") <> 0 OR sum("rh3") <> 0 OR sum("rh4") <> 0 OR sum("rh5") <> 0 OR sum("rh6") <> 0 OR sum("rh7") <> 0 OR sum("rh8") <> 0 OR sum("rh9") <> 0 OR sum("rh10") <> 0 OR sum("rh11") <> 0 OR sum("rh12") <> 0 OR sum("rh13") <> 0 OR sum("rh14") <> 0 OR sum("rh15") <> 0 OR sum("rh16") <> 0 OR sum("responseTimed") <> 0 OR sum("responseMet") <> 0 OR sum(resolved) <> 0 OR sum("resolutionMinutes") <> 0 OR sum("sh0") <> 0 OR sum("sh1") <> 0 OR sum("sh2") <> 0 OR sum("sh3") <> 0 OR sum("sh4") <> 0 OR sum("sh5") <> 0 OR sum("sh6") <> 0 OR sum("sh7") <> 0 OR sum("sh8") <> 0 OR sum("sh9") <> 0 OR sum("sh10") <> 0 OR sum("sh11") <> 0 OR sum("sh12") <> 0 OR sum("sh13") <> 0 OR sum("sh14") <> 0 OR sum("sh15") <> 0 OR sum("sh16") <> 0 OR sum("resolutionTimed") <> 0 OR sum("resolutionMet") <> 0 OR sum(rated) <> 0 OR sum("ratingSum") <> 0 OR sum(r1) <> 0 OR sum(r2) <> 0 OR sum(r3) <> 0 OR sum(r4) <> 0 OR sum(r5) <> 0
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
      "responseTimed" = "TicketStat"."responseTimed" + EXCLUDED."responseTimed",
      "responseMet" = "TicketStat"."responseMet" + EXCLUDED."responseMet",
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
      "resolutionTimed" = "TicketStat"."resolutionTimed" + EXCLUDED."resolutionTimed",
      "resolutionMet" = "TicketStat"."resolutionMet" + EXCLUDED."resolutionMet",
      rated = "TicketStat".rated + EXCLUDED.rated,
      "ratingSum" = "TicketStat"."ratingSum" + EXCLUDED."ratingSum",
      r1 = "TicketStat".r1 + EXCLUDED.r1,
      r2 = "TicketStat".r2 + EXCLUDED.r2,
      r3 = "TicketStat".r3 + EXCLUDED.r3,
      r4 = "TicketStat".r4 + EXCLUDED.r4,
      r5 = "TicketStat".r5 + EXCLUDED.r5;

END
$fn$;
