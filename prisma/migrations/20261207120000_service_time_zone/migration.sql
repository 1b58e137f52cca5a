-- Report days, the list's date filter and exported dates follow the service calendar's time zone
-- (Settings → Jam Layanan, stored in "Setting" 'calendar'), which was fixed at UTC+7 here before.
-- Timestamps are stored as UTC without a zone.

-- The zone, as the application reads it (lib/dal/settings.ts getServiceTimeZone). The application
-- saves only zones PostgreSQL knows (lib/dal/sla.ts updateServiceCalendar).
CREATE OR REPLACE FUNCTION helpdesk_time_zone() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce((SELECT "value"->>'timeZone' FROM "Setting" WHERE "key" = 'calendar'), 'Asia/Jakarta') $$;

-- A stored UTC timestamp as wall-clock time in the service zone.
CREATE OR REPLACE FUNCTION helpdesk_local(ts timestamp) RETURNS timestamp
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (ts AT TIME ZONE 'UTC') AT TIME ZONE helpdesk_time_zone() $$;

-- The calendar day of a stored UTC timestamp in the service zone (the aggregates' day). STABLE now
-- that it reads a setting; nothing indexes it. Changing the zone recounts the aggregates.
CREATE OR REPLACE FUNCTION helpdesk_day(ts timestamp) RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT helpdesk_local(ts)::date $$;

-- The first instant (stored UTC) of a day in the service zone: date filters compare timestamps with it.
CREATE OR REPLACE FUNCTION helpdesk_day_start(day date) RETURNS timestamp
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (day::timestamp AT TIME ZONE helpdesk_time_zone()) AT TIME ZONE 'UTC' $$;

-- An install whose calendar already named another zone had its days counted at UTC+7: count again.
DO $$
BEGIN
  IF (SELECT '2026-01-01 00:00'::timestamp AT TIME ZONE 'UTC' AT TIME ZONE helpdesk_time_zone()) <> '2026-01-01 07:00'::timestamp
     OR (SELECT '2026-07-01 00:00'::timestamp AT TIME ZONE 'UTC' AT TIME ZONE helpdesk_time_zone()) <> '2026-07-01 07:00'::timestamp THEN
    PERFORM helpdesk_ticket_stat_rebuild();
  END IF;
END $$;
