import "server-only";
import { db, Prisma } from "@/lib/db";
import { LRUCache } from "lru-cache";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/dal/users";
import { SLA_COUNT_CAP, TICKET_STATUSES, type TicketListFilters, type TicketStatus } from "@/lib/validation/tickets";
import { scopeSql, type Scope } from "./scope";
import { filterSql, slaViewSql, type SlaWindow } from "./filter-sql";
import type { TicketList } from "./list";

/** The status tabs of a filtered list count at most this many tickets in one pass ("5000+"). */
export const COUNT_CAP = 5000;

/** Status counts; `sla`: the service-level counts when the same pass counted them (a search, or an uncapped pass). */
export type Counts = Pick<TicketList, "counts" | "countsCapped"> & { sla?: TicketList["slaCounts"] };

/**
 * Filtered counts and the service-level tab counts are kept for a short while per (scope, filters):
 * paging, sorting and switching tabs reuse them. The rows are always read fresh.
 */
const countCache = new LRUCache<string, Counts>({ max: 2000, ttl: 30_000 });
const slaCountCache = new LRUCache<string, TicketList["slaCounts"]>({ max: 2000, ttl: 30_000 });

/** The filters the counts depend on: not the tab (status, service-level view), the page or the sort. */
function countKey(kind: string, scope: Scope, filters: TicketListFilters): string {
  const { status: _s, sla: _v, page: _p, sort: _o, ...rest } = filters;
  return JSON.stringify([kind, scope, rest]);
}

/** Filters other than status, page and sort: a list with none of them counts from TicketStatusCount. */
const hasNarrowingFilter = (f: TicketListFilters) => !!(f.priority || f.departmentId || f.agencyId || f.assignee || f.from || f.to || f.q);

function toCounts(rows: { status: string; n: number | bigint }[], capped: boolean): Counts {
  const counts = Object.fromEntries(["ALL", ...TICKET_STATUSES].map((k) => [k, 0])) as TicketList["counts"];
  for (const r of rows) {
    counts[r.status as TicketStatus] = Number(r.n);
    counts.ALL += Number(r.n);
  }
  if (capped) counts.ALL = COUNT_CAP;
  return { counts, countsCapped: capped };
}

/**
 * Status tabs. Unfiltered managers and staff: exact, from the trigger-kept TicketStatusCount (a few
 * thousand rows at most); narrowed by department, OPD, assignee or priority: exact, from
 * TicketListCount. A search, a date range or a client's own list: one grouped pass over at most
 * COUNT_CAP matching tickets, cached briefly.
 */
export async function statusCounts(scope: Scope, filters: TicketListFilters, narrowScope: boolean, w: SlaWindow): Promise<Counts> {
  if (!hasNarrowingFilter(filters) && scope.kind !== "client") {
    const rows = await db().$queryRaw<{ status: string; n: bigint }[]>`
      SELECT "status"::text AS status, sum("n")::bigint AS n FROM "TicketStatusCount" WHERE ${countTableScope(scope)} GROUP BY 1`;
    return toCounts(rows, false);
  }
  if (!filters.q && !filters.from && !filters.to && scope.kind !== "client") return summaryCounts(scope, filters);
  const key = countKey("status", scope, filters);
  const hit = countCache.get(key);
  if (hit) return hit;
  // The same pass counts the service-level views of the matches it read: exact when not capped. A
  // capped search keeps them as lower bounds (`atLeast`), because counting a common word's late tickets
  // on their own is the most expensive statement of a search; a capped date range or client list counts
  // them on the due-time indexes instead (slaViewCounts), which stay fast.
  const base = Prisma.join([scopeSql(scope), ...filterSql(filters, { withStatus: false, narrowScope })], " AND ");
  const rows = await db().$queryRaw<{ status: string; n: number; overdue: number; dueSoon: number }[]>`
    SELECT s."status"::text AS status, count(*)::int AS n,
           count(*) FILTER (WHERE s.due < ${w.now})::int AS overdue,
           count(*) FILTER (WHERE s.due >= ${w.now} AND s.due <= ${w.dueSoonUntil})::int AS "dueSoon"
    FROM (SELECT t."status", t."slaNextDueAt" AS due FROM "Ticket" t WHERE ${base} LIMIT ${COUNT_CAP + 1}) s GROUP BY 1`;
  const total = rows.reduce((a, r) => a + r.n, 0);
  const counts: Counts = toCounts(rows, total > COUNT_CAP);
  if (filters.q || !counts.countsCapped) {
    const sum = (k: "overdue" | "dueSoon") => Math.min(SLA_COUNT_CAP, rows.reduce((a, r) => a + r[k], 0));
    counts.sla = { overdue: sum("overdue"), dueSoon: sum("dueSoon"), ...(counts.countsCapped && { atLeast: true as const }) };
  }
  countCache.set(key, counts);
  return counts;
}

const NONE = "00000000-0000-0000-0000-000000000000";

/**
 * Exact status tabs of a list narrowed by department, OPD, assignee and/or priority only, from the
 * trigger-kept TicketListCount (a department's rows: a few thousand at most).
 */
async function summaryCounts(scope: Exclude<Scope, { kind: "client" }>, filters: TicketListFilters): Promise<Counts> {
  const where = [countTableScope(scope)];
  if (filters.priority) where.push(Prisma.sql`"priority" = ${filters.priority}::"TicketPriority"`);
  if (filters.departmentId) where.push(Prisma.sql`"departmentId" = ${filters.departmentId}::uuid`);
  if (filters.agencyId) where.push(Prisma.sql`"agencyKey" = ${filters.agencyId}::uuid`);
  if (filters.assignee) where.push(Prisma.sql`"assigneeKey" = ${filters.assignee === "unassigned" ? NONE : filters.assignee}::uuid`);
  const rows = await db().$queryRaw<{ status: string; n: bigint }[]>`
    SELECT "status"::text AS status, sum("n")::bigint AS n FROM "TicketListCount" WHERE ${Prisma.join(where, " AND ")} GROUP BY 1`;
  return toCounts(rows, false);
}

/** scopeSql for the count tables (TicketStatusCount, TicketListCount): their department and assignee columns. Clients are never counted there. */
function countTableScope(scope: Exclude<Scope, { kind: "client" }>): Prisma.Sql {
  if (scope.kind === "all") return Prisma.sql`TRUE`;
  return scope.departmentId
    ? Prisma.sql`("departmentId" = ${scope.departmentId}::uuid OR "assigneeKey" = ${scope.userId}::uuid)`
    : Prisma.sql`"assigneeKey" = ${scope.userId}::uuid`;
}

/** The Terlambat and Segera jatuh tempo tabs, cached like the status counts. */
export async function slaViewCounts(scope: Scope, filters: TicketListFilters, narrowScope: boolean, w: SlaWindow): Promise<TicketList["slaCounts"]> {
  const key = countKey("sla", scope, filters);
  const hit = slaCountCache.get(key);
  if (hit) return hit;
  const base = Prisma.join([scopeSql(scope), ...filterSql(filters, { withStatus: false, narrowScope })], " AND ");
  const counts = await countSlaViews(base, w);
  slaCountCache.set(key, counts);
  return counts;
}

/**
 * Tickets matching `where` that are late / due soon, each capped at SLA_COUNT_CAP. Counted in due-time
 * order on the partial indexes, because with many clocks late the planner otherwise chooses a
 * sequential scan. (A search counts them in its status pass.)
 */
async function countSlaViews(where: Prisma.Sql, w: SlaWindow): Promise<TicketList["slaCounts"]> {
  const capped = (view: "overdue" | "dueSoon") =>
    Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Ticket" t WHERE ${where} AND ${slaViewSql(view, w)} ORDER BY t."slaNextDueAt" LIMIT ${SLA_COUNT_CAP}) c)`;
  const [row] = await db().$queryRaw<{ overdue: number; dueSoon: number }[]>`SELECT ${capped("overdue")} AS overdue, ${capped("dueSoon")} AS "dueSoon"`;
  return { overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0 };
}

/** The header's count: tickets assigned to this staff member that are past a due time (capped). */
export async function countMyOverdueTickets(user: SessionUser): Promise<number> {
  if (!can(user, "tickets.work")) return 0;
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Ticket" t WHERE t."assigneeId" = ${user.id}::uuid AND t."slaNextDueAt" < ${new Date()} LIMIT ${SLA_COUNT_CAP}) c`;
  return row?.n ?? 0;
}
