import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { BUCKETS, percentile, type PercentileEstimate } from "@/lib/reports/histogram";
import { addDays, daysBetween, todayWib, type ReportGroup } from "@/lib/validation/reports";
import type { SessionUser } from "./users";

/** The scope id of the all-department rows in TicketStat / the "none" value of TicketOpenStat. */
export const ALL_DEPARTMENTS = "00000000-0000-0000-0000-000000000000";

const RH = Array.from({ length: BUCKETS }, (_, i) => `rh${i}`);
const SH = Array.from({ length: BUCKETS }, (_, i) => `sh${i}`);
const COUNTS = ["created", "open", "responded", "resolved", "rated", "ratingSum", "r1", "r2", "r3", "r4", "r5", ...RH, ...SH] as const;
const SUMS = Prisma.raw(COUNTS.map((c) => `sum("${c}")::int AS "${c}"`).join(", "));

type StatRow = Record<(typeof COUNTS)[number], number>;

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
  /** % within the service-level target: null until service levels (issue 10) record it. */
  withinTargetPct: number | null;
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

function measures(r: StatRow): ReportMeasures {
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
    withinTargetPct: null,
    rated: r.rated,
    averageRating: r.rated > 0 ? Math.round((r.ratingSum / r.rated) * 100) / 100 : null,
  };
}

function addRows(rows: StatRow[]): StatRow {
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
 * The report for an inclusive day range (WIB days), grouped by one dimension. Reads only the per-day
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
    WHERE t."ratingComment" IS NOT NULL AND t."ratedAt" >= (${from}::date - interval '7 hours')
      AND t."ratedAt" < (${to}::date + interval '1 day' - interval '7 hours')
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

// ------------------------------------------------------------------ dashboards

export type OpenStatus = "OPEN" | "IN_PROGRESS" | "WAITING";

/** Monday of the current WIB week. */
function weekStart(today: string): string {
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, -((dow + 6) % 7));
}

export type AdminDashboard = {
  open: Record<OpenStatus, number>;
  unassigned: number;
  /** null until service levels (issue 10) exist. */
  overdue: number | null;
  createdToday: number;
  createdWeek: number;
  resolvedToday: number;
  resolvedWeek: number;
  averageRating: number | null;
  rated: number;
  chart: { day: string; created: number; resolved: number }[];
  topAgencies: { id: string; name: string; open: number }[];
  topDepartments: { id: string; name: string; open: number }[];
  today: string;
  weekStart: string;
};

/** Managers' dashboard: every number from the aggregates (a handful of small index scans). */
export async function getAdminDashboard(user: SessionUser, now = new Date()): Promise<AdminDashboard> {
  assertCan(user, "tickets.seeAll");
  const today = todayWib(now);
  const monday = weekStart(today);
  const chartFrom = addDays(today, -29);
  const since = monday < chartFrom ? monday : chartFrom;
  const [openRows, dayRows, top] = await Promise.all([
    db().$queryRaw<{ status: OpenStatus; n: number; unassigned: number }[]>`
      SELECT status::text AS status, sum(count)::int AS n,
             (sum(count) FILTER (WHERE "assigneeId" = ${ALL_DEPARTMENTS}::uuid))::int AS unassigned
      FROM "TicketOpenStat" GROUP BY status`,
    db().$queryRaw<{ day: string; created: number; resolved: number; rated: number; ratingSum: number }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(created)::int AS created, sum(resolved)::int AS resolved,
             sum(rated)::int AS rated, sum("ratingSum")::int AS "ratingSum"
      FROM "TicketStat" WHERE "departmentId" = ${ALL_DEPARTMENTS}::uuid AND dim = 'priority' AND day BETWEEN ${since}::date AND ${today}::date
      GROUP BY day`,
    db().$queryRaw<{ kind: "agency" | "department"; id: string; name: string; open: number }[]>`
      (SELECT 'agency' AS kind, a."id"::text AS id, a."name", s.open FROM (
         SELECT "agencyId", sum(count)::int AS open FROM "TicketOpenStat" WHERE "agencyId" <> ${ALL_DEPARTMENTS}::uuid
         GROUP BY "agencyId" HAVING sum(count) > 0 ORDER BY 2 DESC LIMIT 5) s JOIN "Agency" a ON a."id" = s."agencyId")
      UNION ALL
      (SELECT 'department', d."id"::text, d."name", s.open FROM (
         SELECT "departmentId", sum(count)::int AS open FROM "TicketOpenStat" GROUP BY "departmentId" HAVING sum(count) > 0 ORDER BY 2 DESC LIMIT 5) s
       JOIN "Department" d ON d."id" = s."departmentId")`,
  ]);
  const open = { OPEN: 0, IN_PROGRESS: 0, WAITING: 0 } as Record<OpenStatus, number>;
  let unassigned = 0;
  for (const r of openRows) {
    open[r.status] = r.n;
    unassigned += r.unassigned ?? 0;
  }
  const days = new Map(dayRows.map((r) => [r.day, r]));
  const sum = (fromDay: string, key: "created" | "resolved" | "rated" | "ratingSum") =>
    dayRows.filter((r) => r.day >= fromDay).reduce((a, r) => a + r[key], 0);
  const rated = sum(chartFrom, "rated");
  const chart: AdminDashboard["chart"] = [];
  for (let d = chartFrom; d <= today; d = addDays(d, 1)) chart.push({ day: d, created: days.get(d)?.created ?? 0, resolved: days.get(d)?.resolved ?? 0 });
  return {
    open,
    unassigned,
    overdue: null,
    createdToday: sum(today, "created"),
    createdWeek: sum(monday, "created"),
    resolvedToday: sum(today, "resolved"),
    resolvedWeek: sum(monday, "resolved"),
    rated,
    averageRating: rated ? Math.round((sum(chartFrom, "ratingSum") / rated) * 100) / 100 : null,
    chart,
    topAgencies: top.filter((r) => r.kind === "agency").sort((a, b) => b.open - a.open),
    topDepartments: top.filter((r) => r.kind === "department").sort((a, b) => b.open - a.open),
    today,
    weekStart: monday,
  };
}

export type DashboardTicket = { id: string; number: string; subject: string; status: string; priority: string; createdAt: Date; rating: number | null };

const TICKET_COLUMNS = Prisma.sql`t."id"::text AS id, t."number", t."subject", t."status"::text AS status, t."priority"::text AS priority, t."createdAt", t."rating"`;
const LIST = 8;

export type StaffDashboard = {
  departmentId: string | null;
  assigned: DashboardTicket[];
  assignedCount: number;
  unassigned: DashboardTicket[];
  unassignedCount: number;
  dueSoon: number | null;
  overdue: number | null;
  resolvedWeek: number;
  weekStart: string;
};

/** Staff: what is theirs to do, oldest first (by due time once service levels exist). */
export async function getStaffDashboard(user: SessionUser, now = new Date()): Promise<StaffDashboard> {
  assertCan(user, "tickets.work");
  const [me] = await db().$queryRaw<{ departmentId: string | null }[]>`SELECT "departmentId"::text AS "departmentId" FROM "User" WHERE "id" = ${user.id}::uuid`;
  const departmentId = me?.departmentId ?? null;
  const monday = weekStart(todayWib(now));
  const openSql = Prisma.sql`t."status" IN ('OPEN', 'IN_PROGRESS', 'WAITING')`;
  const [assigned, unassigned, counts, week] = await Promise.all([
    db().$queryRaw<DashboardTicket[]>`
      SELECT ${TICKET_COLUMNS} FROM "Ticket" t WHERE t."assigneeId" = ${user.id}::uuid AND ${openSql} ORDER BY t."createdAt" ASC LIMIT ${LIST}`,
    departmentId
      ? db().$queryRaw<DashboardTicket[]>`
          SELECT ${TICKET_COLUMNS} FROM "Ticket" t WHERE t."departmentId" = ${departmentId}::uuid AND t."assigneeId" IS NULL AND ${openSql}
          ORDER BY t."createdAt" ASC LIMIT ${LIST}`
      : Promise.resolve([]),
    db().$queryRaw<{ mine: number; unassigned: number }[]>`
      SELECT coalesce(sum(count) FILTER (WHERE "assigneeId" = ${user.id}::uuid), 0)::int AS mine,
             coalesce(sum(count) FILTER (WHERE "departmentId" = ${departmentId ?? ALL_DEPARTMENTS}::uuid AND "assigneeId" = ${ALL_DEPARTMENTS}::uuid), 0)::int AS unassigned
      FROM "TicketOpenStat" WHERE "assigneeId" = ${user.id}::uuid OR "departmentId" = ${departmentId ?? ALL_DEPARTMENTS}::uuid`,
    db().$queryRaw<{ resolved: number }[]>`
      SELECT coalesce(sum(resolved), 0)::int AS resolved FROM "TicketStat"
      WHERE "departmentId" = ${ALL_DEPARTMENTS}::uuid AND dim = 'assignee' AND "dimValue" = ${user.id} AND day >= ${monday}::date`,
  ]);
  return {
    departmentId,
    assigned,
    assignedCount: counts[0]?.mine ?? 0,
    unassigned,
    unassignedCount: counts[0]?.unassigned ?? 0,
    dueSoon: null,
    overdue: null,
    resolvedWeek: week[0]?.resolved ?? 0,
    weekStart: monday,
  };
}

export type ClientDashboard = { waiting: DashboardTicket[]; open: DashboardTicket[]; toRate: DashboardTicket[]; openCount: number };

/** Clients: tickets waiting for their answer first, then their open ones, then resolved ones to rate. */
export async function getClientDashboard(user: SessionUser): Promise<ClientDashboard> {
  const mine = Prisma.sql`t."clientId" = ${user.id}::uuid`;
  const [waiting, open, toRate, count] = await Promise.all([
    db().$queryRaw<DashboardTicket[]>`SELECT ${TICKET_COLUMNS} FROM "Ticket" t WHERE ${mine} AND t."status" = 'WAITING' ORDER BY t."updatedAt" DESC LIMIT ${LIST}`,
    db().$queryRaw<DashboardTicket[]>`
      SELECT ${TICKET_COLUMNS} FROM "Ticket" t WHERE ${mine} AND t."status" IN ('OPEN', 'IN_PROGRESS') ORDER BY t."createdAt" DESC LIMIT ${LIST}`,
    db().$queryRaw<DashboardTicket[]>`
      SELECT ${TICKET_COLUMNS} FROM "Ticket" t WHERE ${mine} AND t."status" IN ('RESOLVED', 'CLOSED') AND t."rating" IS NULL
        AND coalesce(t."resolvedAt", t."closedAt") > ${new Date(Date.now() - 30 * 86_400_000)} ORDER BY coalesce(t."resolvedAt", t."closedAt") DESC LIMIT ${LIST}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Ticket" t WHERE ${mine} AND t."status" IN ('OPEN', 'IN_PROGRESS', 'WAITING')`,
  ]);
  return { waiting, open, toRate, openCount: count[0]?.n ?? 0 };
}
