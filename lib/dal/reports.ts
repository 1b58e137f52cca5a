import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { BUCKETS, percentile, type PercentileEstimate } from "@/lib/reports/histogram";
import { addDays, daysBetween, type ReportGroup } from "@/lib/validation/reports";
import type { SessionUser } from "./users";

/** The scope id of the all-department rows in TicketStat. */
export const ALL_DEPARTMENTS = "00000000-0000-0000-0000-000000000000";

const RH = Array.from({ length: BUCKETS }, (_, i) => `rh${i}`);
const SH = Array.from({ length: BUCKETS }, (_, i) => `sh${i}`);
const COUNTS = ["created", "open", "responded", "resolved", "rated", "ratingSum", "r1", "r2", "r3", "r4", "r5", "responseTimed", "responseMet", "resolutionTimed", "resolutionMet", ...RH, ...SH] as const;
export const SUMS = Prisma.raw(COUNTS.map((c) => `sum("${c}")::int AS "${c}"`).join(", "));

export type StatRow = Record<(typeof COUNTS)[number], number>;

export type ReportMeasures = {
  created: number;
  resolved: number;
  /** Of the tickets filed in the period, how many are not yet resolved or closed. */
  open: number;
  responded: number;
  responseP50: PercentileEstimate;
  responseP90: PercentileEstimate;
  resolutionP50: PercentileEstimate;
  resolutionP90: PercentileEstimate;
  /** % of first responses / resolutions within their service-level target, of those the clock judged; null: none judged. */
  responseWithinTargetPct: number | null;
  resolutionWithinTargetPct: number | null;
  rated: number;
  averageRating: number | null;
};

export type ReportRow = ReportMeasures & {
  /** The group's value: an id, a priority, a channel, or "" for none (no OPD, unassigned). */
  key: string;
  /** The name for ids (department, OPD, staff); null for enums and "none" (translated by the page). */
  name: string | null;
};

export type Report = {
  from: string;
  to: string;
  groupBy: ReportGroup;
  /** null: every department; otherwise the Staff member's own department. */
  department: { id: string; name: string } | null;
  rows: ReportRow[];
  totals: ReportMeasures;
  trendUnit: "day" | "month";
  trend: { period: string; created: number; resolved: number }[];
  satisfaction: { counts: [number, number, number, number, number]; rated: number; average: number | null; comments: RatingComment[] };
};

export type RatingComment = { number: string; subject: string; rating: number; comment: string; ratedAt: Date };

export function measures(r: StatRow): ReportMeasures {
  const rh = RH.map((k) => r[k as keyof StatRow]);
  const sh = SH.map((k) => r[k as keyof StatRow]);
  return {
    created: r.created,
    resolved: r.resolved,
    open: r.open,
    responded: r.responded,
    responseP50: percentile(rh, 0.5),
    responseP90: percentile(rh, 0.9),
    resolutionP50: percentile(sh, 0.5),
    resolutionP90: percentile(sh, 0.9),
    responseWithinTargetPct: r.responseTimed ? Math.round((r.responseMet / r.responseTimed) * 1000) / 10 : null,
    resolutionWithinTargetPct: r.resolutionTimed ? Math.round((r.resolutionMet / r.resolutionTimed) * 1000) / 10 : null,
    rated: r.rated,
    averageRating: r.rated > 0 ? Math.round((r.ratingSum / r.rated) * 100) / 100 : null,
  };
}

export function addRows(rows: StatRow[]): StatRow {
  const total = Object.fromEntries(COUNTS.map((c) => [c, 0])) as StatRow;
  for (const r of rows) for (const c of COUNTS) total[c] += Number(r[c]);
  return total;
}

/** Which rows of TicketStat a user's report reads: every department (managers) or their own (Staff). */
async function reportScope(user: SessionUser): Promise<{ id: string; name: string } | null> {
  assertCan(user, "reports.read");
  if (can(user, "tickets.seeAll")) return null;
  const [row] = await db().$queryRaw<{ id: string | null; name: string | null }[]>`
    SELECT d."id"::text AS id, d."name" FROM "User" u LEFT JOIN "Department" d ON d."id" = u."departmentId" WHERE u."id" = ${user.id}::uuid`;
  if (!row?.id) throw new UserFacingError("reports.errors.noDepartment");
  return { id: row.id, name: row.name! };
}

async function groupNames(groupBy: ReportGroup, ids: string[]): Promise<Map<string, string>> {
  const uuids = ids.filter((id) => id !== "");
  if (!uuids.length || groupBy === "priority" || groupBy === "channel") return new Map();
  const table = { department: Prisma.sql`"Department"`, agency: Prisma.sql`"Agency"`, assignee: Prisma.sql`"User"` }[groupBy];
  const rows = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT "id"::text AS id, "name" FROM ${table} WHERE "id" = ANY(${uuids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The report for an inclusive day range (days of the service calendar's time zone, as the aggregates
 * count them), grouped by one dimension. Reads only the per-day
 * aggregates: a year is a few tens of thousands of rows whatever the ticket count. Staff get their
 * own department's numbers; asking for another department is not possible (the scope is not a parameter).
 */
export async function getReport(user: SessionUser, input: { from: string; to: string; groupBy: ReportGroup }): Promise<Report> {
  const department = await reportScope(user);
  const scope = department?.id ?? ALL_DEPARTMENTS;
  const { from, to, groupBy } = input;

  const groupsQuery = db().$queryRaw<(StatRow & { key: string })[]>`
    SELECT "dimValue" AS key, ${SUMS} FROM "TicketStat"
    WHERE "departmentId" = ${scope}::uuid AND dim = ${groupBy} AND day BETWEEN ${from}::date AND ${to}::date
    GROUP BY "dimValue"`;
  const monthly = daysBetween(from, to) > 92;
  const bucket = monthly ? Prisma.sql`to_char(day, 'YYYY-MM')` : Prisma.sql`to_char(day, 'YYYY-MM-DD')`;
  // dim 'priority' has at most four rows a day per scope: the cheapest complete partition for the trend.
  const trendQuery = db().$queryRaw<{ period: string; created: number; resolved: number }[]>`
    SELECT ${bucket} AS period, sum(created)::int AS created, sum(resolved)::int AS resolved FROM "TicketStat"
    WHERE "departmentId" = ${scope}::uuid AND dim = 'priority' AND day BETWEEN ${from}::date AND ${to}::date
    GROUP BY 1 ORDER BY 1`;
  const commentsQuery = db().$queryRaw<RatingComment[]>`
    SELECT t."number", t."subject", t."rating", t."ratingComment" AS comment, t."ratedAt" AS "ratedAt" FROM "Ticket" t
    WHERE t."ratingComment" IS NOT NULL AND t."ratedAt" >= helpdesk_day_start(${from}::date)
      AND t."ratedAt" < helpdesk_day_start(${to}::date + 1)
      ${department ? Prisma.sql`AND t."departmentId" = ${department.id}::uuid` : Prisma.empty}
    ORDER BY t."ratedAt" DESC LIMIT 50`;
  const [groups, trendRows, comments] = await Promise.all([groupsQuery, trendQuery, commentsQuery]);

  const names = await groupNames(groupBy, groups.map((g) => g.key));
  const rows = groups
    .filter((g) => g.created || g.resolved || g.rated)
    .map((g) => ({ key: g.key, name: names.get(g.key) ?? null, ...measures(g) }))
    .sort((a, b) => b.created - a.created || b.resolved - a.resolved || (a.name ?? a.key).localeCompare(b.name ?? b.key));
  const total = addRows(groups);

  const byPeriod = new Map(trendRows.map((r) => [r.period, r]));
  const trend: Report["trend"] = [];
  if (monthly) {
    for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = nextMonth(m)) trend.push({ period: m, created: byPeriod.get(m)?.created ?? 0, resolved: byPeriod.get(m)?.resolved ?? 0 });
  } else {
    for (let d = from; d <= to; d = addDays(d, 1)) trend.push({ period: d, created: byPeriod.get(d)?.created ?? 0, resolved: byPeriod.get(d)?.resolved ?? 0 });
  }

  return {
    from,
    to,
    groupBy,
    department,
    rows,
    totals: measures(total),
    trendUnit: monthly ? "month" : "day",
    trend,
    satisfaction: {
      counts: [total.r1, total.r2, total.r3, total.r4, total.r5],
      rated: total.rated,
      average: total.rated ? Math.round((total.ratingSum / total.rated) * 100) / 100 : null,
      comments,
    },
  };
}

function nextMonth(m: string): string {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
}
