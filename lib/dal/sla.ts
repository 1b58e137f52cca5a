import "server-only";
import { cache } from "react";
import { LRUCache } from "lru-cache";
import { db, Prisma } from "@/lib/db";
import { assertCan, can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import type { WorkingCalendar } from "@/lib/sla/calendar";
import type { SlaPolicy } from "@/lib/sla/clock";
import { DEFAULT_POLICIES } from "@/lib/sla/defaults";
import { indonesianHolidayDraft } from "@/lib/sla/holidays";
import { DECREES } from "@/lib/sla/decrees";
import { SLA_PRIORITIES } from "@/lib/validation/sla";
import type { TicketPriority } from "@/lib/validation/tickets";
import { recordAudit } from "./audit";
import { onInvalidate, publishInvalidate } from "@/lib/runtime/cluster-bus";
import { yearIn } from "@/lib/time-zone";
import type { CalendarSettings } from "@/lib/validation/sla";
import { getServiceTimeZone, getSettings, updateSettings } from "./settings";
import type { SessionUser } from "./users";

type Tx = Prisma.TransactionClient;

/** Holidays this far back and ahead are loaded for the calculator (a few dozen rows a year). */
const HOLIDAY_YEARS_BACK = 2;
const HOLIDAY_YEARS_AHEAD = 3;

/** The service calendar the clock runs on: the Jam Layanan settings and the holiday list. */
export async function loadWorkingCalendar(now: Date = new Date()): Promise<WorkingCalendar> {
  const settings = await getSettings("calendar");
  const year = yearIn(settings.timeZone, now);
  // The clock must not run without this year's and next year's holidays, whether or not anyone has
  // opened the Jam Layanan page yet (a fresh install, the first days of a new year).
  await ensureHolidayYears([year, year + 1]);
  const rows = await db().$queryRaw<{ date: string }[]>`
    SELECT to_char("date", 'YYYY-MM-DD') AS date FROM "Holiday"
    WHERE "date" >= make_date(${year - HOLIDAY_YEARS_BACK}::int, 1, 1) AND "date" < make_date(${year + HOLIDAY_YEARS_AHEAD + 1}::int, 1, 1)`;
  return { timeZone: settings.timeZone, week: settings.week, holidays: new Set(rows.map((r) => r.date)) };
}

/**
 * The calendar is read on every list and ticket page and changes a few times a year: kept in the
 * process for a few seconds, like the settings it is built from. A holiday or Jam Layanan change
 * forgets it at once in every worker of this server. Keeping the same object also keeps the
 * calculator's per-day memo (lib/sla/calendar.ts) warm across requests.
 */
const CALENDAR_TTL_MS = 5_000;
const calendars = new LRUCache<number, WorkingCalendar>({ max: 2, ttl: CALENDAR_TTL_MS });
onInvalidate("settings", () => calendars.clear());
onInvalidate("holidays", () => calendars.clear());
let last: { signature: string; cal: WorkingCalendar } | null = null;

export const getWorkingCalendar = cache(async (): Promise<WorkingCalendar> => {
  const now = new Date();
  const year = yearIn(await getServiceTimeZone(), now);
  const hit = calendars.get(year);
  if (hit) return hit;
  const loaded = await loadWorkingCalendar(now);
  // Unchanged since last time (the usual case when the few seconds run out): keep the old object and
  // with it the calculator's per-day memo.
  const signature = JSON.stringify([loaded.timeZone, loaded.week, [...loaded.holidays].sort()]);
  const cal = last?.signature === signature ? last.cal : loaded;
  last = { signature, cal };
  calendars.set(year, cal);
  return cal;
});

/**
 * Settings → Jam Layanan: the time zone and weekly hours. Due times already set stay as they are.
 * The database counts report days in the same zone, so it must know the zone too; a new zone
 * recounts the per-day aggregates in the same transaction.
 */
export async function updateServiceCalendar(actor: SessionUser, calendar: CalendarSettings): Promise<void> {
  assertCan(actor, "settings.manage");
  try {
    await db().$queryRaw`SELECT now() AT TIME ZONE ${calendar.timeZone}`;
  } catch {
    throw new UserFacingError("validation.timeZone", { field: "timeZone" });
  }
  await updateSettings(actor, "calendar", calendar, async (tx, before) => {
    if (before.timeZone !== calendar.timeZone) {
      await tx.$executeRaw`SELECT helpdesk_ticket_stat_rebuild()`;
      // The survey's per-month totals are months of the service's zone too.
      await tx.$executeRaw`SELECT helpdesk_skm_stat_rebuild()`;
    }
  });
}

// ------------------------------------------------------------------ holidays

export type HolidayYearView = {
  year: number;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  /** The decree the list was written from; null: a draft (no decree known for the year). */
  decree: string | null;
  holidays: { date: string; name: string; source: string; kind: string }[];
};

/**
 * Writes a year's list once: from its decree when one is known (lib/sla/decrees.ts), otherwise as a
 * draft from the package. A year first drafted and whose decree became known later is rewritten from
 * the decree once (the admin's own days kept, the confirmation asked for again). Never again after
 * that: a holiday the admin removed (e.g. a cuti bersama the agency does not take) stays removed.
 */
export async function ensureHolidayYears(years: number[]): Promise<void> {
  const known = await db().$queryRaw<{ year: number; decree: string | null }[]>`
    SELECT "year", "decree" FROM "HolidayYear" WHERE "year" = ANY(${years}::int[])`;
  const pending = years.filter((y) => {
    const row = known.find((k) => k.year === y);
    return !row || (DECREES[y] && row.decree !== DECREES[y]!.id);
  });
  if (!pending.length) return;
  let changed = false;
  for (const year of pending) {
    const did = await db().$transaction(async (tx) => {
      const decree = DECREES[year];
      const inserted = await tx.$executeRaw`INSERT INTO "HolidayYear" ("year", "decree") VALUES (${year}, ${decree?.id ?? null}) ON CONFLICT DO NOTHING`;
      if (!inserted) {
        if (!decree) return false;
        // A drafted year whose decree is now known: only one instance rewrites it.
        const claimed = await tx.$executeRaw`
          UPDATE "HolidayYear" SET "decree" = ${decree.id}, "confirmedAt" = NULL, "confirmedById" = NULL
          WHERE "year" = ${year} AND "decree" IS DISTINCT FROM ${decree.id}`;
        if (!claimed) return false;
        await tx.$executeRaw`
          DELETE FROM "Holiday" WHERE "source" <> 'manual' AND "date" >= make_date(${year}::int, 1, 1) AND "date" < make_date(${year + 1}::int, 1, 1)`;
      }
      const days = decree
        ? decree.days.map((d) => ({ ...d, source: "decree" }))
        : indonesianHolidayDraft(year).map((h) => ({ date: h.date, name: h.name, kind: "libur", source: h.note === "computed" ? "computed" : "import" }));
      if (!days.length) return true;
      await tx.$executeRaw`
        INSERT INTO "Holiday" ("date", "name", "source", "kind")
        SELECT d::date, n, s, k FROM unnest(${days.map((h) => h.date)}::text[], ${days.map((h) => h.name)}::text[],
                                            ${days.map((h) => h.source)}::text[], ${days.map((h) => h.kind)}::text[]) AS x(d, n, s, k)
        ON CONFLICT ("date") DO NOTHING`;
      return true;
    });
    changed ||= did;
  }
  if (changed) {
    calendars.clear();
    publishInvalidate("holidays");
  }
}

/**
 * The year whose holiday list an admin should confirm now, if any: this year's while it is not
 * confirmed, and from October on next year's (decrees come out around September).
 */
export async function holidayYearToConfirm(actor: SessionUser, now: Date = new Date()): Promise<number | null> {
  if (!can(actor, "settings.manage")) return null;
  const timeZone = await getServiceTimeZone();
  const year = yearIn(timeZone, now);
  const month = Number(new Intl.DateTimeFormat("en", { month: "numeric", timeZone }).format(now));
  const years = month >= 10 ? [year, year + 1] : [year];
  await ensureHolidayYears([year, year + 1]);
  const [row] = await db().$queryRaw<{ year: number }[]>`
    SELECT "year" FROM "HolidayYear" WHERE "year" = ANY(${years}::int[]) AND "confirmedAt" IS NULL ORDER BY "year" LIMIT 1`;
  return row?.year ?? null;
}

/** Jam Layanan page: this year and next, drafted from the package when first seen. */
export async function listHolidayYears(actor: SessionUser, now: Date = new Date()): Promise<HolidayYearView[]> {
  assertCan(actor, "settings.manage");
  const thisYear = yearIn(await getServiceTimeZone(), now);
  const years = [thisYear, thisYear + 1];
  await ensureHolidayYears(years);
  const yearRows = await db().$queryRaw<{ year: number; confirmedAt: Date | null; confirmedBy: string | null; decree: string | null }[]>`
    SELECT y."year", y."confirmedAt", u."name" AS "confirmedBy", y."decree" FROM "HolidayYear" y LEFT JOIN "User" u ON u."id" = y."confirmedById"
    WHERE y."year" = ANY(${years}::int[]) ORDER BY y."year"`;
  const holidays = await db().$queryRaw<{ date: string; name: string; source: string; kind: string; year: number }[]>`
    SELECT to_char("date", 'YYYY-MM-DD') AS date, "name", "source", "kind", extract(year FROM "date")::int AS year FROM "Holiday"
    WHERE "date" >= make_date(${years[0]!}::int, 1, 1) AND "date" < make_date(${years[1]! + 1}::int, 1, 1) ORDER BY "date"`;
  return yearRows.map((y) => ({ ...y, decree: y.decree ? (DECREES[y.year]?.source ?? y.decree) : null, holidays: holidays.filter((h) => h.year === y.year).map(({ year: _y, ...h }) => h) }));
}

export async function addHoliday(actor: SessionUser, input: { date: string; name: string }): Promise<void> {
  assertCan(actor, "settings.manage");
  await db().$transaction(async (tx) => {
    const n = await tx.$executeRaw`INSERT INTO "Holiday" ("date", "name", "source") VALUES (${input.date}::date, ${input.name}, 'manual') ON CONFLICT DO NOTHING`;
    if (!n) throw new UserFacingError("sla.errors.holidayExists", { field: "date" });
    await tx.$executeRaw`INSERT INTO "HolidayYear" ("year") VALUES (${Number(input.date.slice(0, 4))}) ON CONFLICT DO NOTHING`;
    await recordAudit(tx, { actor, action: "holiday.add", target: `holiday:${input.date}`, after: input });
  });
  publishInvalidate("holidays");
}

export async function removeHoliday(actor: SessionUser, date: string): Promise<void> {
  assertCan(actor, "settings.manage");
  await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ name: string }[]>`DELETE FROM "Holiday" WHERE "date" = ${date}::date RETURNING "name"`;
    if (!row) throw new UserFacingError("sla.errors.holidayNotFound");
    await recordAudit(tx, { actor, action: "holiday.remove", target: `holiday:${date}`, before: { date, name: row.name } });
  });
  publishInvalidate("holidays");
}

/** The explicit step that turns a year's draft into the list the office stands by. */
export async function confirmHolidayYear(actor: SessionUser, year: number): Promise<void> {
  assertCan(actor, "settings.manage");
  await db().$transaction(async (tx) => {
    const n = await tx.$executeRaw`UPDATE "HolidayYear" SET "confirmedAt" = now(), "confirmedById" = ${actor.id}::uuid WHERE "year" = ${year}`;
    if (!n) throw new UserFacingError("sla.errors.yearNotFound");
    await recordAudit(tx, { actor, action: "holiday.confirmYear", target: `holidays:${year}` });
  });
}

// ------------------------------------------------------------------ policies

type PolicyRow = {
  departmentId: string | null;
  priority: TicketPriority;
  firstResponseValue: number;
  firstResponseUnit: "HOURS" | "DAYS";
  resolutionValue: number;
  resolutionUnit: "HOURS" | "DAYS";
};

const toPolicy = (r: PolicyRow): SlaPolicy => ({
  firstResponse: { value: r.firstResponseValue, unit: r.firstResponseUnit },
  resolution: { value: r.resolutionValue, unit: r.resolutionUnit },
});

/** The targets a new ticket gets: its department's own, else the default row, else the built-in tier. */
export async function policyFor(departmentId: string, priority: TicketPriority, tx: Tx | ReturnType<typeof db> = db()): Promise<SlaPolicy> {
  const [row] = await tx.$queryRaw<PolicyRow[]>`
    SELECT "departmentId"::text AS "departmentId", "priority"::text AS priority, "firstResponseValue", "firstResponseUnit"::text AS "firstResponseUnit",
           "resolutionValue", "resolutionUnit"::text AS "resolutionUnit"
    FROM "SlaPolicy" WHERE "priority" = ${priority}::"TicketPriority" AND ("departmentId" = ${departmentId}::uuid OR "departmentId" IS NULL)
    ORDER BY "departmentId" NULLS LAST LIMIT 1`;
  return row ? toPolicy(row) : DEFAULT_POLICIES[priority];
}

export type PolicySet = Record<TicketPriority, SlaPolicy>;

/** Settings → SLA: the default targets and each department's overrides. */
export async function listSlaPolicies(actor: SessionUser): Promise<{ defaults: PolicySet; departments: { id: string; name: string; policies: PolicySet | null }[] }> {
  assertCan(actor, "settings.manage");
  const rows = await db().$queryRaw<PolicyRow[]>`
    SELECT "departmentId"::text AS "departmentId", "priority"::text AS priority, "firstResponseValue", "firstResponseUnit"::text AS "firstResponseUnit",
           "resolutionValue", "resolutionUnit"::text AS "resolutionUnit" FROM "SlaPolicy"`;
  const departments = await db().department.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 200 });
  const setOf = (deptId: string | null, fallback: PolicySet): PolicySet | null => {
    const own = rows.filter((r) => r.departmentId === deptId);
    if (!own.length) return null;
    return Object.fromEntries(SLA_PRIORITIES.map((p) => [p, own.find((r) => r.priority === p) ? toPolicy(own.find((r) => r.priority === p)!) : fallback[p]])) as PolicySet;
  };
  const defaults = setOf(null, DEFAULT_POLICIES) ?? DEFAULT_POLICIES;
  return { defaults, departments: departments.map((d) => ({ ...d, policies: setOf(d.id, defaults) })) };
}

/** Saves one set of targets. Tickets already filed keep their due times. */
export async function saveSlaPolicies(actor: SessionUser, departmentId: string | null, policies: PolicySet): Promise<void> {
  assertCan(actor, "settings.manage");
  if (departmentId) {
    const dept = await db().department.findFirst({ where: { id: departmentId, active: true }, select: { id: true } });
    if (!dept) throw new UserFacingError("tickets.errors.unknownDepartment", { field: "departmentId" });
  }
  await db().$transaction(async (tx) => {
    for (const p of SLA_PRIORITIES) {
      const x = policies[p];
      const where = departmentId ? Prisma.sql`"departmentId" = ${departmentId}::uuid` : Prisma.sql`"departmentId" IS NULL`;
      const updated = await tx.$executeRaw`
        UPDATE "SlaPolicy" SET "firstResponseValue" = ${x.firstResponse.value}, "firstResponseUnit" = ${x.firstResponse.unit}::"SlaUnit",
          "resolutionValue" = ${x.resolution.value}, "resolutionUnit" = ${x.resolution.unit}::"SlaUnit", "updatedAt" = now()
        WHERE ${where} AND "priority" = ${p}::"TicketPriority"`;
      if (!updated) {
        await tx.$executeRaw`
          INSERT INTO "SlaPolicy" ("id", "departmentId", "priority", "firstResponseValue", "firstResponseUnit", "resolutionValue", "resolutionUnit", "updatedAt")
          VALUES (gen_random_uuid(), ${departmentId}::uuid, ${p}::"TicketPriority", ${x.firstResponse.value}, ${x.firstResponse.unit}::"SlaUnit",
                  ${x.resolution.value}, ${x.resolution.unit}::"SlaUnit", now())`;
      }
    }
    await recordAudit(tx, { actor, action: "sla.policies", target: `sla:${departmentId ?? "default"}`, after: policies });
  });
}

/** A department goes back to the default targets. */
export async function clearDepartmentSlaPolicies(actor: SessionUser, departmentId: string): Promise<void> {
  assertCan(actor, "settings.manage");
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM "SlaPolicy" WHERE "departmentId" = ${departmentId}::uuid`;
    await recordAudit(tx, { actor, action: "sla.policies.clear", target: `sla:${departmentId}` });
  });
}
