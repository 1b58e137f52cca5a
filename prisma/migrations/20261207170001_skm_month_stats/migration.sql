-- The SKM report reads a whole period (a year holds ~200,000 responses at 1,000,000 tickets): per-month
-- totals kept by a trigger, as the ticket reports read TicketStat. A month is the service zone's
-- (helpdesk_day), and every survey period is a run of whole months.

-- Per month, department and OPD ('' = none): respondents, per element the sum and the number who
-- answered, and the number of suggestions.
CREATE TABLE "SkmMonthTally" (
    "month" DATE NOT NULL,
    "departmentId" UUID NOT NULL,
    "agencyKey" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "s1" INTEGER NOT NULL DEFAULT 0, "c1" INTEGER NOT NULL DEFAULT 0,
    "s2" INTEGER NOT NULL DEFAULT 0, "c2" INTEGER NOT NULL DEFAULT 0,
    "s3" INTEGER NOT NULL DEFAULT 0, "c3" INTEGER NOT NULL DEFAULT 0,
    "s4" INTEGER NOT NULL DEFAULT 0, "c4" INTEGER NOT NULL DEFAULT 0,
    "s5" INTEGER NOT NULL DEFAULT 0, "c5" INTEGER NOT NULL DEFAULT 0,
    "s6" INTEGER NOT NULL DEFAULT 0, "c6" INTEGER NOT NULL DEFAULT 0,
    "s7" INTEGER NOT NULL DEFAULT 0, "c7" INTEGER NOT NULL DEFAULT 0,
    "s8" INTEGER NOT NULL DEFAULT 0, "c8" INTEGER NOT NULL DEFAULT 0,
    "s9" INTEGER NOT NULL DEFAULT 0, "c9" INTEGER NOT NULL DEFAULT 0,
    "suggestions" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SkmMonthTally_pkey" PRIMARY KEY ("month", "departmentId", "agencyKey")
);

-- Per month and department: respondents by one profile answer (dim gender | age | education | occupation;
-- value '' = not given; age as its band 0–4).
CREATE TABLE "SkmMonthProfile" (
    "month" DATE NOT NULL,
    "departmentId" UUID NOT NULL,
    "dim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SkmMonthProfile_pkey" PRIMARY KEY ("month", "departmentId", "dim", "value")
);

CREATE FUNCTION helpdesk_skm_age_band(age SMALLINT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN age IS NULL THEN '' WHEN age < 25 THEN '0' WHEN age < 35 THEN '1' WHEN age < 45 THEN '2' WHEN age < 55 THEN '3' ELSE '4' END $$;

CREATE FUNCTION helpdesk_skm_stat_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SkmMonthTally" AS m ("month", "departmentId", "agencyKey", "n", "s1", "c1", "s2", "c2", "s3", "c3", "s4", "c4", "s5", "c5", "s6", "c6", "s7", "c7", "s8", "c8", "s9", "c9", "suggestions")
  SELECT date_trunc('month', helpdesk_day(r."submittedAt"))::date, r."departmentId", coalesce(r."agencyId"::text, ''), count(*),
         coalesce(sum(r."u1"), 0), count(r."u1"), coalesce(sum(r."u2"), 0), count(r."u2"), coalesce(sum(r."u3"), 0), count(r."u3"),
         coalesce(sum(r."u4"), 0), count(r."u4"), coalesce(sum(r."u5"), 0), count(r."u5"), coalesce(sum(r."u6"), 0), count(r."u6"),
         coalesce(sum(r."u7"), 0), count(r."u7"), coalesce(sum(r."u8"), 0), count(r."u8"), coalesce(sum(r."u9"), 0), count(r."u9"),
         count(r."suggestion")
  FROM new_rows r GROUP BY 1, 2, 3
  ON CONFLICT ("month", "departmentId", "agencyKey") DO UPDATE SET
    "n" = m."n" + EXCLUDED."n",
    "s1" = m."s1" + EXCLUDED."s1", "c1" = m."c1" + EXCLUDED."c1", "s2" = m."s2" + EXCLUDED."s2", "c2" = m."c2" + EXCLUDED."c2",
    "s3" = m."s3" + EXCLUDED."s3", "c3" = m."c3" + EXCLUDED."c3", "s4" = m."s4" + EXCLUDED."s4", "c4" = m."c4" + EXCLUDED."c4",
    "s5" = m."s5" + EXCLUDED."s5", "c5" = m."c5" + EXCLUDED."c5", "s6" = m."s6" + EXCLUDED."s6", "c6" = m."c6" + EXCLUDED."c6",
    "s7" = m."s7" + EXCLUDED."s7", "c7" = m."c7" + EXCLUDED."c7", "s8" = m."s8" + EXCLUDED."s8", "c8" = m."c8" + EXCLUDED."c8",
    "s9" = m."s9" + EXCLUDED."s9", "c9" = m."c9" + EXCLUDED."c9", "suggestions" = m."suggestions" + EXCLUDED."suggestions";
  INSERT INTO "SkmMonthProfile" AS m ("month", "departmentId", "dim", "value", "n")
  SELECT date_trunc('month', helpdesk_day(r."submittedAt"))::date, r."departmentId", d.dim, d.value, count(*)
  FROM new_rows r
  CROSS JOIN LATERAL (VALUES ('gender', coalesce(r."gender", '')), ('age', helpdesk_skm_age_band(r."age")),
                             ('education', coalesce(r."education", '')), ('occupation', coalesce(r."occupation", ''))) AS d(dim, value)
  GROUP BY 1, 2, 3, 4
  ON CONFLICT ("month", "departmentId", "dim", "value") DO UPDATE SET "n" = m."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

-- Responses are only ever inserted (one per ticket, never edited); a deleted ticket takes its response
-- with it, and the rebuild below recounts if that ever matters.
CREATE TRIGGER "SkmResponse_stat_insert" AFTER INSERT ON "SkmResponse"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION helpdesk_skm_stat_insert();

-- Recount from scratch (after a change of the service's time zone, or a bulk load with the trigger off).
CREATE FUNCTION helpdesk_skm_stat_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SkmMonthTally";
  DELETE FROM "SkmMonthProfile";
  INSERT INTO "SkmMonthTally" AS m ("month", "departmentId", "agencyKey", "n", "s1", "c1", "s2", "c2", "s3", "c3", "s4", "c4", "s5", "c5", "s6", "c6", "s7", "c7", "s8", "c8", "s9", "c9", "suggestions")
  SELECT date_trunc('month', helpdesk_day(r."submittedAt"))::date, r."departmentId", coalesce(r."agencyId"::text, ''), count(*),
         coalesce(sum(r."u1"), 0), count(r."u1"), coalesce(sum(r."u2"), 0), count(r."u2"), coalesce(sum(r."u3"), 0), count(r."u3"),
         coalesce(sum(r."u4"), 0), count(r."u4"), coalesce(sum(r."u5"), 0), count(r."u5"), coalesce(sum(r."u6"), 0), count(r."u6"),
         coalesce(sum(r."u7"), 0), count(r."u7"), coalesce(sum(r."u8"), 0), count(r."u8"), coalesce(sum(r."u9"), 0), count(r."u9"),
         count(r."suggestion")
  FROM "SkmResponse" r GROUP BY 1, 2, 3
  ON CONFLICT ("month", "departmentId", "agencyKey") DO UPDATE SET
    "n" = m."n" + EXCLUDED."n",
    "s1" = m."s1" + EXCLUDED."s1", "c1" = m."c1" + EXCLUDED."c1", "s2" = m."s2" + EXCLUDED."s2", "c2" = m."c2" + EXCLUDED."c2",
    "s3" = m."s3" + EXCLUDED."s3", "c3" = m."c3" + EXCLUDED."c3", "s4" = m."s4" + EXCLUDED."s4", "c4" = m."c4" + EXCLUDED."c4",
    "s5" = m."s5" + EXCLUDED."s5", "c5" = m."c5" + EXCLUDED."c5", "s6" = m."s6" + EXCLUDED."s6", "c6" = m."c6" + EXCLUDED."c6",
    "s7" = m."s7" + EXCLUDED."s7", "c7" = m."c7" + EXCLUDED."c7", "s8" = m."s8" + EXCLUDED."s8", "c8" = m."c8" + EXCLUDED."c8",
    "s9" = m."s9" + EXCLUDED."s9", "c9" = m."c9" + EXCLUDED."c9", "suggestions" = m."suggestions" + EXCLUDED."suggestions";
  INSERT INTO "SkmMonthProfile" AS m ("month", "departmentId", "dim", "value", "n")
  SELECT date_trunc('month', helpdesk_day(r."submittedAt"))::date, r."departmentId", d.dim, d.value, count(*)
  FROM "SkmResponse" r
  CROSS JOIN LATERAL (VALUES ('gender', coalesce(r."gender", '')), ('age', helpdesk_skm_age_band(r."age")),
                             ('education', coalesce(r."education", '')), ('occupation', coalesce(r."occupation", ''))) AS d(dim, value)
  GROUP BY 1, 2, 3, 4
  ON CONFLICT ("month", "departmentId", "dim", "value") DO UPDATE SET "n" = m."n" + EXCLUDED."n";
END $$;

-- Responses already stored (none on a fresh install).
SELECT helpdesk_skm_stat_rebuild();
