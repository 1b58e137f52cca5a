import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { addDays } from "@/lib/validation/reports";
import { dayIn } from "@/lib/time-zone";
import { getServiceTimeZone } from "./settings";
import { SLA_COUNT_CAP } from "@/lib/validation/tickets";
import { slaViewSql, slaWindowNow, type SlaWindow } from "./tickets/filter-sql";
import { scopeOf, scopeSql } from "./tickets/scope";
import type { SessionUser } from "./users";
import { ALL_DEPARTMENTS } from "./reports";

// The landing page of each role: what to do next. Each dashboard is one SQL statement (a round trip
// costs more Node CPU than these reads): counters from the trigger-kept TicketOpenCount and
// TicketStat, lists as the first rows of an index, service-level counts in due-time order with a cap.

export type OpenStatus = "OPEN" | "IN_PROGRESS" | "WAITING";

/** Monday of the week of `today` (a day in the service time zone, as the aggregates count days). */
function weekStart(today: string): string {
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, -((dow + 6) % 7));
}

/** Open tickets counted under one key of TicketOpenCount (dim: department | unassigned | agency | assignee | client). */
const openCount = (dim: string, key: Prisma.Sql) =>
  Prisma.sql`(SELECT coalesce(sum("n"), 0)::int FROM "TicketOpenCount" WHERE "dim" = ${dim} AND "key" = ${key})`;

/**
 * Late / due-soon tickets among the union of `parts` (disjoint conditions), capped at SLA_COUNT_CAP: the
 * list's Terlambat and Segera jatuh tempo tabs count the same conditions with the same cap. Each part
 * walks its own due-time index and the walk stops at the cap; a staff member's scope written as one
 * OR read every late ticket of the department (tens of thousands at 1,000,000 tickets) to count 1,000.
 */
function slaCount(parts: Prisma.Sql[], view: "overdue" | "dueSoon", w: SlaWindow): Prisma.Sql {
  const reads = parts.map((p) => Prisma.sql`(SELECT 1 FROM "Ticket" t WHERE ${p} AND ${slaViewSql(view, w)} ORDER BY t."slaNextDueAt" LIMIT ${SLA_COUNT_CAP})`);
  return Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM (${Prisma.join(reads, " UNION ALL ")}) u LIMIT ${SLA_COUNT_CAP}) c)`;
}

export type DashboardTicket = {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  /** The client's suggested priority while the staff side has not decided it. */
  pendingPriority: string | null;
  createdAt: Date;
  rating: number | null;
  /** The service level, as the ticket list's rows carry it. */
  slaNextDueAt: Date | null;
  slaPaused: boolean;
  resolutionMet: boolean | null;
};

const LIST = 8;

/** The first LIST tickets matching `where` in `order` (which an index serves), as a JSON array. */
function topTickets(where: Prisma.Sql, order: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', x."id"::text, 'number', x."number", 'subject', x."subject", 'status', x."status"::text,
                                     'priority', x."priority"::text, 'createdAt', (EXTRACT(EPOCH FROM x."createdAt") * 1000)::float8, 'rating', x."rating",
                                     'pendingPriority', CASE WHEN x."priorityReviewedAt" IS NULL AND x."suggestedPriority" <> x."priority" THEN x."suggestedPriority"::text END,
                                     'slaNextDueAt', (EXTRACT(EPOCH FROM x."slaNextDueAt") * 1000)::float8, 'slaPaused', x."slaPausedAt" IS NOT NULL,
                                     'resolutionMet', x."resolutionMet") ORDER BY x.ord), '[]')
    FROM (SELECT t."id", t."number", t."subject", t."status", t."priority", t."createdAt", t."rating", t."suggestedPriority", t."priorityReviewedAt",
                 t."slaNextDueAt", t."slaPausedAt", t."resolutionMet", row_number() OVER (ORDER BY ${order}) AS ord
          FROM "Ticket" t WHERE ${where} ORDER BY ${order} LIMIT ${LIST}) x)`;
}

type JsonTicket = Omit<DashboardTicket, "createdAt" | "slaNextDueAt"> & { createdAt: number; slaNextDueAt: number | null };
const toTickets = (rows: JsonTicket[]): DashboardTicket[] =>
  rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt), slaNextDueAt: r.slaNextDueAt === null ? null : new Date(r.slaNextDueAt) }));

const OPEN = Prisma.sql`t."status" IN ('OPEN', 'IN_PROGRESS', 'WAITING')`;

// ------------------------------------------------------------------ admin

export type AdminDashboard = {
  open: Record<OpenStatus, number>;
  unassigned: number;
  /** Open tickets past a due time (capped at SLA_COUNT_CAP). */
  overdue: number;
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

type Named = { id: string; name: string; open: number };
type DayRow = { day: string; created: number; resolved: number; rated: number; ratingSum: number };

/** The five OPDs or departments with most open tickets (most first; ties by id). */
function topOpen(dim: "agency" | "department", table: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', x."id"::text, 'name', x."name", 'open', s.open) ORDER BY s.open DESC, s."key"), '[]')
    FROM (SELECT "key", sum("n")::int AS open FROM "TicketOpenCount" WHERE "dim" = ${dim} GROUP BY "key" HAVING sum("n") > 0 ORDER BY 2 DESC, 1 LIMIT 5) s
    JOIN ${table} x ON x."id" = s."key")`;
}

/** Managers' dashboard. */
export async function getAdminDashboard(user: SessionUser, now = new Date()): Promise<AdminDashboard> {
  assertCan(user, "tickets.seeAll");
  const [zone, w] = await Promise.all([getServiceTimeZone(), slaWindowNow(now)]);
  const today = dayIn(zone, now);
  const monday = weekStart(today);
  const chartFrom = addDays(today, -29);
  const since = monday < chartFrom ? monday : chartFrom;
  const [row] = await db().$queryRaw<{ open: Partial<Record<OpenStatus, number>> | null; unassigned: number; overdue: number; days: DayRow[]; topAgencies: Named[]; topDepartments: Named[] }[]>`
    SELECT (SELECT json_object_agg(s.status, s.n) FROM (SELECT "status"::text AS status, sum("n")::int AS n FROM "TicketOpenCount" WHERE "dim" = 'department' GROUP BY 1) s) AS open,
           (SELECT coalesce(sum("n"), 0)::int FROM "TicketOpenCount" WHERE "dim" = 'unassigned') AS unassigned,
           ${slaCount([Prisma.sql`TRUE`], "overdue", w)} AS overdue,
           (SELECT coalesce(json_agg(json_build_object('day', to_char(day, 'YYYY-MM-DD'), 'created', created, 'resolved', resolved, 'rated', rated, 'ratingSum', "ratingSum")), '[]')
              FROM (SELECT day, sum(created)::int AS created, sum(resolved)::int AS resolved, sum(rated)::int AS rated, sum("ratingSum")::int AS "ratingSum"
                    FROM "TicketStat" WHERE "departmentId" = ${ALL_DEPARTMENTS}::uuid AND dim = 'priority' AND day BETWEEN ${since}::date AND ${today}::date
                    GROUP BY day) d) AS days,
           ${topOpen("agency", Prisma.sql`"Agency"`)} AS "topAgencies",
           ${topOpen("department", Prisma.sql`"Department"`)} AS "topDepartments"`;
  const days = new Map(row!.days.map((r) => [r.day, r]));
  const sum = (fromDay: string, key: "created" | "resolved" | "rated" | "ratingSum") =>
    row!.days.filter((r) => r.day >= fromDay).reduce((a, r) => a + r[key], 0);
  const rated = sum(chartFrom, "rated");
  const chart: AdminDashboard["chart"] = [];
  for (let d = chartFrom; d <= today; d = addDays(d, 1)) chart.push({ day: d, created: days.get(d)?.created ?? 0, resolved: days.get(d)?.resolved ?? 0 });
  return {
    open: { OPEN: 0, IN_PROGRESS: 0, WAITING: 0, ...row!.open },
    unassigned: row!.unassigned,
    overdue: row!.overdue,
    createdToday: sum(today, "created"),
    createdWeek: sum(monday, "created"),
    resolvedToday: sum(today, "resolved"),
    resolvedWeek: sum(monday, "resolved"),
    rated,
    averageRating: rated ? Math.round((sum(chartFrom, "ratingSum") / rated) * 100) / 100 : null,
    chart,
    topAgencies: row!.topAgencies,
    topDepartments: row!.topDepartments,
    today,
    weekStart: monday,
  };
}

// ------------------------------------------------------------------ staff

export type StaffDashboard = {
  departmentId: string | null;
  assigned: DashboardTicket[];
  assignedCount: number;
  unassigned: DashboardTicket[];
  unassignedCount: number;
  /** Theirs and their department's: due within 2 working hours / past due (capped), as their list's tabs count them. */
  dueSoon: number;
  overdue: number;
  resolvedWeek: number;
  weekStart: string;
};

/** Staff: what is theirs to do, most urgent first. */
export async function getStaffDashboard(user: SessionUser, now = new Date()): Promise<StaffDashboard> {
  assertCan(user, "tickets.work");
  const [scope, zone, w] = await Promise.all([scopeOf(user), getServiceTimeZone(), slaWindowNow(now)]);
  const departmentId = scope.kind === "staff" ? scope.departmentId : null;
  const monday = weekStart(dayIn(zone, now));
  const me = Prisma.sql`${user.id}::uuid`;
  // The tickets their list shows, in two disjoint parts: the department's, and theirs elsewhere.
  const parts =
    scope.kind === "staff" && departmentId
      ? [Prisma.sql`t."departmentId" = ${departmentId}::uuid`, Prisma.sql`t."assigneeId" = ${me} AND t."departmentId" <> ${departmentId}::uuid`]
      : [scopeSql(scope)];
  const [row] = await db().$queryRaw<{ assigned: JsonTicket[]; unassigned: JsonTicket[]; assignedCount: number; unassignedCount: number; resolvedWeek: number; overdue: number; dueSoon: number }[]>`
    SELECT ${topTickets(Prisma.sql`t."assigneeId" = ${me} AND ${OPEN}`, Prisma.sql`t."slaNextDueAt" ASC NULLS LAST, t."createdAt" ASC`)} AS assigned,
           ${
             departmentId
               ? topTickets(Prisma.sql`t."departmentId" = ${departmentId}::uuid AND t."assigneeId" IS NULL AND ${OPEN}`, Prisma.sql`t."createdAt" ASC`)
               : Prisma.sql`'[]'::json`
           } AS unassigned,
           ${openCount("assignee", me)} AS "assignedCount",
           ${departmentId ? openCount("unassigned", Prisma.sql`${departmentId}::uuid`) : Prisma.sql`0`} AS "unassignedCount",
           (SELECT coalesce(sum(resolved), 0)::int FROM "TicketStat"
             WHERE "departmentId" = ${ALL_DEPARTMENTS}::uuid AND dim = 'assignee' AND "dimValue" = ${user.id} AND day >= ${monday}::date) AS "resolvedWeek",
           ${slaCount(parts, "overdue", w)} AS overdue,
           ${slaCount(parts, "dueSoon", w)} AS "dueSoon"`;
  return {
    departmentId,
    assigned: toTickets(row!.assigned),
    assignedCount: row!.assignedCount,
    unassigned: toTickets(row!.unassigned),
    unassignedCount: row!.unassignedCount,
    dueSoon: row!.dueSoon,
    overdue: row!.overdue,
    resolvedWeek: row!.resolvedWeek,
    weekStart: monday,
  };
}

// ------------------------------------------------------------------ client

export type ClientDashboard = { waiting: DashboardTicket[]; open: DashboardTicket[]; toRate: DashboardTicket[]; openCount: number };

/** Clients: tickets waiting for their answer first, then their open ones, then resolved ones of the last 30 days to rate (quick rating or survey). */
export async function getClientDashboard(user: SessionUser, now = new Date()): Promise<ClientDashboard> {
  const mine = scopeSql(await scopeOf(user));
  const settled = Prisma.sql`coalesce(t."resolvedAt", t."closedAt")`;
  const [row] = await db().$queryRaw<{ waiting: JsonTicket[]; open: JsonTicket[]; toRate: JsonTicket[]; openCount: number }[]>`
    SELECT ${topTickets(Prisma.sql`${mine} AND t."status" = 'WAITING'`, Prisma.sql`t."updatedAt" DESC`)} AS waiting,
           ${topTickets(Prisma.sql`${mine} AND t."status" IN ('OPEN', 'IN_PROGRESS')`, Prisma.sql`t."createdAt" DESC`)} AS open,
           ${topTickets(
             // Still to rate: no quick rating yet, or the satisfaction survey (SKM) it was invited to is unanswered and open.
             Prisma.sql`${mine} AND t."status" IN ('RESOLVED', 'CLOSED') AND ${settled} > ${new Date(now.getTime() - 30 * 86_400_000)}
               AND (t."rating" IS NULL OR EXISTS (SELECT 1 FROM "SkmInvite" i WHERE i."ticketId" = t."id" AND i."usedAt" IS NULL AND i."expiresAt" > ${now}
                                                 AND NOT EXISTS (SELECT 1 FROM "SkmResponse" r WHERE r."ticketId" = t."id")))`,
             Prisma.sql`${settled} DESC`,
           )} AS "toRate",
           ${openCount("client", Prisma.sql`${user.id}::uuid`)} AS "openCount"`;
  return { waiting: toTickets(row!.waiting), open: toTickets(row!.open), toRate: toTickets(row!.toRate), openCount: row!.openCount };
}
