import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { addDays, todayWib } from "@/lib/validation/reports";
import { countSlaViews, slaWindowNow } from "./tickets/list";
import { scopeOf, scopeSql } from "./tickets/scope";
import type { SessionUser } from "./users";
import { ALL_DEPARTMENTS } from "./reports";

// The landing page of each role (issue 11): what to do next, from the same aggregates as the reports.

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

/** Managers' dashboard: every number from the aggregates (a handful of small index scans). */
export async function getAdminDashboard(user: SessionUser, now = new Date()): Promise<AdminDashboard> {
  assertCan(user, "tickets.seeAll");
  const today = todayWib(now);
  const monday = weekStart(today);
  const chartFrom = addDays(today, -29);
  const since = monday < chartFrom ? monday : chartFrom;
  const [openRows, dayRows, top, slaCounts] = await Promise.all([
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
    // Running clocks past a due time, counted as the list's Terlambat tab counts them.
    slaWindowNow(now).then((w) => countSlaViews(Prisma.sql`TRUE`, w)),
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
    overdue: slaCounts.overdue,
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
  /** Theirs and their department's unassigned: due within 2 working hours / past due (capped). */
  dueSoon: number;
  overdue: number;
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
  // The tickets their list shows (their department's and their own), so the numbers match the linked views.
  const mineOrUnassigned = scopeSql(await scopeOf(user));
  const window = await slaWindowNow(now);
  const [assigned, unassigned, counts, week, sla] = await Promise.all([
    // By due time (running clocks first, soonest first), then the oldest.
    db().$queryRaw<DashboardTicket[]>`
      SELECT ${TICKET_COLUMNS} FROM "Ticket" t WHERE t."assigneeId" = ${user.id}::uuid AND ${openSql}
      ORDER BY t."slaNextDueAt" ASC NULLS LAST, t."createdAt" ASC LIMIT ${LIST}`,
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
    // As the list's "Terlambat" / "Segera jatuh tempo" views count them.
    countSlaViews(mineOrUnassigned, window),
  ]);
  return {
    departmentId,
    assigned,
    assignedCount: counts[0]?.mine ?? 0,
    unassigned,
    unassignedCount: counts[0]?.unassigned ?? 0,
    dueSoon: sla.dueSoon,
    overdue: sla.overdue,
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
