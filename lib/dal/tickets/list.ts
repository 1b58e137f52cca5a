import "server-only";
import { db, Prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/dal/users";
import { prefixQuery } from "@/lib/dal/search";
import { MAX_PAGE, PAGE_SIZE, SLA_COUNT_CAP, TICKET_STATUSES, type TicketListFilters, type TicketPriority, type TicketStatus } from "@/lib/validation/tickets";
import { LRUCache } from "lru-cache";
import { scopeOf, scopeSql, type Scope } from "./scope";
import { addWorkingMinutes } from "@/lib/sla/calendar";
import { getWorkingCalendar } from "@/lib/dal/sla";

/** "Segera jatuh tempo": due within this much working time. */
export const DUE_SOON_MINUTES = 120;

export type TicketListRow = {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  createdAt: Date;
  updatedAt: Date;
  department: string;
  client: string;
  agency: string | null;
  assignee: string | null;
  /** Service level: the next due time while the clock runs, and the results once settled. */
  slaNextDueAt: Date | null;
  slaPaused: boolean;
  firstResponseMet: boolean | null;
  resolutionMet: boolean | null;
};

/** The status tabs of a filtered list count at most this many tickets in one pass ("5000+"). */
export const COUNT_CAP = 5000;

export type TicketList = {
  rows: TicketListRow[];
  page: number;
  hasNext: boolean;
  /** Per status and "ALL". Exact unless `countsCapped`: then each is a lower bound ("n+"). */
  counts: Record<TicketStatus | "ALL", number>;
  countsCapped: boolean;
  /**
   * Tickets past a due time, and due within DUE_SOON_MINUTES of working time; capped at SLA_COUNT_CAP.
   * `atLeast`: lower bounds, counted among the COUNT_CAP matches of a search whose counts are capped (the
   * tabs then show only "1000+"; a smaller lower bound would mislead).
   */
  slaCounts: { overdue: number; dueSoon: number; atLeast?: true };
};

function jakartaDayStart(isoDate: string, plusDays = 0): string {
  const d = new Date(`${isoDate}T00:00:00+07:00`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * With a selective btree filter (department, assignee, OPD, a client's own list) the text is
 * rechecked per row (ts_match_vq is `@@` in a form the GIN index does not serve): AND-ing the GIN
 * bitmap of a common word costs 13–26 ms at a million tickets, the recheck ~2 ms.
 */
export function filterSql(filters: TicketListFilters, opts: { withStatus: boolean; narrowScope: boolean; sla?: SlaWindow }): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (opts.withStatus && filters.sla && opts.sla) parts.push(slaViewSql(filters.sla, opts.sla));
  // Only tickets whose clock runs have a next due time; the sort lists those, soonest first.
  if (opts.withStatus && filters.sort === "due") parts.push(Prisma.sql`t."slaNextDueAt" IS NOT NULL`);
  if (opts.withStatus && filters.status) parts.push(Prisma.sql`t."status" = ${filters.status}::"TicketStatus"`);
  if (filters.priority) parts.push(Prisma.sql`t."priority" = ${filters.priority}::"TicketPriority"`);
  if (filters.departmentId) parts.push(Prisma.sql`t."departmentId" = ${filters.departmentId}::uuid`);
  if (filters.agencyId) parts.push(Prisma.sql`t."agencyId" = ${filters.agencyId}::uuid`);
  if (filters.assignee === "unassigned") parts.push(Prisma.sql`t."assigneeId" IS NULL`);
  else if (filters.assignee) parts.push(Prisma.sql`t."assigneeId" = ${filters.assignee}::uuid`);
  if (filters.from) parts.push(Prisma.sql`t."createdAt" >= ${jakartaDayStart(filters.from)}::timestamp`);
  if (filters.to) parts.push(Prisma.sql`t."createdAt" < ${jakartaDayStart(filters.to, 1)}::timestamp`);
  if (filters.q) {
    const tsq = prefixQuery(filters.q);
    const numberLike = /^[A-Za-z0-9-]+$/.test(filters.q) && /\d/.test(filters.q) ? `${filters.q.toUpperCase()}%` : null;
    const or: Prisma.Sql[] = [];
    if (numberLike) or.push(Prisma.sql`t."number" LIKE ${numberLike}`);
    const narrow = opts.narrowScope || !!(filters.departmentId || filters.assignee || filters.agencyId);
    if (tsq && narrow) or.push(Prisma.sql`ts_match_vq(t."searchVector", to_tsquery('simple'::regconfig, ${tsq}))`);
    else if (tsq) or.push(Prisma.sql`t."searchVector" @@ to_tsquery('simple'::regconfig, ${tsq})`);
    parts.push(or.length ? Prisma.sql`(${Prisma.join(or, " OR ")})` : Prisma.sql`FALSE`);
  }
  return parts;
}

export type SlaWindow = { now: Date; dueSoonUntil: Date };

/** The service-level views' window as of now: late before `now`, due soon within DUE_SOON_MINUTES of working time. */
export async function slaWindowNow(now = new Date()): Promise<SlaWindow> {
  return { now, dueSoonUntil: addWorkingMinutes(await getWorkingCalendar(), now, DUE_SOON_MINUTES) };
}

/** The service-level views as conditions; both read the partial indexes on running clocks. */
export function slaViewSql(view: "overdue" | "dueSoon", w: SlaWindow): Prisma.Sql {
  return view === "overdue"
    ? Prisma.sql`t."slaNextDueAt" < ${w.now}`
    : Prisma.sql`t."slaNextDueAt" >= ${w.now} AND t."slaNextDueAt" <= ${w.dueSoonUntil}`;
}

const ORDER: Record<NonNullable<TicketListFilters["sort"]>, Prisma.Sql> = {
  newest: Prisma.sql`t."createdAt" DESC, t."id" DESC`,
  oldest: Prisma.sql`t."createdAt" ASC, t."id" ASC`,
  updated: Prisma.sql`t."updatedAt" DESC, t."id" DESC`,
  priority: Prisma.sql`t."priority" DESC, t."createdAt" DESC, t."id" DESC`,
  due: Prisma.sql`t."slaNextDueAt" ASC, t."id" ASC`,
};

/** Filters other than status, page and sort: a list with none of them counts from TicketStatusCount. */
const hasNarrowingFilter = (f: TicketListFilters) => !!(f.priority || f.departmentId || f.agencyId || f.assignee || f.from || f.to || f.q);

/**
 * One page of the tickets this user may see. Bounded offset (at most MAX_PAGE pages). The page is a
 * single-table query (planned in a fraction of a millisecond); names come in one second query.
 */
export async function listTicketsForUser(user: SessionUser, filters: TicketListFilters): Promise<TicketList> {
  const scope = await scopeOf(user);
  const page = Math.min(filters.page ?? 1, MAX_PAGE);
  const narrowScope = scope.kind !== "all";
  const sla = await slaWindowNow();
  // The service-level views list the most urgent first unless another order is chosen.
  const sort = filters.sort ?? (filters.sla ? "due" : "newest");
  const where = Prisma.join([scopeSql(scope), ...filterSql({ ...filters, sort }, { withStatus: true, narrowScope, sla })], " AND ");
  const order = ORDER[sort];
  // A search that matches few tickets (its count is not capped) reads all its matches and then sorts
  // them: walking the newest-first index until 50 rows match read the whole table for a rare word
  // (7.3 s at a million tickets). OFFSET 0 keeps the planner from merging the two steps.
  const countsPromise = statusCounts(scope, filters, narrowScope, sla);
  const fewMatches = !!filters.q && !(await countsPromise).countsCapped;
  const source = fewMatches ? Prisma.sql`(SELECT * FROM "Ticket" t WHERE ${where} OFFSET 0) t` : Prisma.sql`"Ticket" t WHERE ${where}`;
  const rowsQuery = db().$queryRaw<PageRow[]>`
    SELECT t."id"::text AS id, t."number", t."subject", t."status"::text AS status, t."priority"::text AS priority, t."createdAt", t."updatedAt",
           t."departmentId"::text AS "departmentId", t."clientId"::text AS "clientId", t."agencyId"::text AS "agencyId", t."assigneeId"::text AS "assigneeId",
           t."slaNextDueAt", t."slaPausedAt" IS NOT NULL AS "slaPaused", t."firstResponseMet", t."resolutionMet"
    FROM ${source}
    ORDER BY ${order}
    LIMIT ${PAGE_SIZE + 1} OFFSET ${(page - 1) * PAGE_SIZE}`;
  // The service-level counts come with the status counts when their pass counted them (a search, or a
  // pass that saw every match); other lists count them on the due-time indexes.
  const [pageRows, { counts, countsCapped }, slaCounts] = await Promise.all([
    rowsQuery,
    countsPromise,
    countsPromise.then((c) => c.sla ?? slaViewCounts(scope, filters, narrowScope, sla)),
  ]);
  const rows = pageRows.slice(0, PAGE_SIZE);
  const names = await namesOf(rows);
  return {
    page,
    hasNext: pageRows.length > PAGE_SIZE,
    counts,
    countsCapped,
    slaCounts,
    rows: rows.map(({ departmentId, clientId, agencyId, assigneeId, ...r }) => ({
      ...r,
      department: names.get(departmentId) ?? "—",
      client: names.get(clientId) ?? "—",
      agency: agencyId ? (names.get(agencyId) ?? null) : null,
      assignee: assigneeId ? (names.get(assigneeId) ?? null) : null,
    })),
  };
}

type PageRow = Omit<TicketListRow, "department" | "client" | "agency" | "assignee"> & {
  departmentId: string;
  clientId: string;
  agencyId: string | null;
  assigneeId: string | null;
};

async function namesOf(rows: PageRow[]): Promise<Map<string, string>> {
  if (!rows.length) return new Map();
  const users = [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.clientId, r.assigneeId] : [r.clientId])))];
  const depts = [...new Set(rows.map((r) => r.departmentId))];
  const agencies = [...new Set(rows.flatMap((r) => (r.agencyId ? [r.agencyId] : [])))];
  const found = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT "id"::text AS id, "name" FROM "User" WHERE "id" = ANY(${users}::uuid[])
    UNION ALL SELECT "id"::text, "name" FROM "Department" WHERE "id" = ANY(${depts}::uuid[])
    UNION ALL SELECT "id"::text, "name" FROM "Agency" WHERE "id" = ANY(${agencies}::uuid[])`;
  return new Map(found.map((r) => [r.id, r.name] as const));
}

/** Status counts; `sla`: the service-level counts when the same pass counted them (a search, or an uncapped pass). */
type Counts = Pick<TicketList, "counts" | "countsCapped"> & { sla?: TicketList["slaCounts"] };

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
async function statusCounts(scope: Scope, filters: TicketListFilters, narrowScope: boolean, w: SlaWindow): Promise<Counts> {
  if (!hasNarrowingFilter(filters) && scope.kind !== "client") {
    const rows = await db().$queryRaw<{ status: string; n: bigint }[]>`
      SELECT "status"::text AS status, sum("n")::bigint AS n FROM "TicketStatusCount" WHERE ${countTableScope(scope)} GROUP BY 1`;
    return toCounts(rows, false);
  }
  if (!filters.q && !filters.from && !filters.to && scope.kind !== "client") return summaryCounts(scope, filters);
  const key = countKey("status", scope, filters);
  const hit = countCache.get(key);
  if (hit) return hit;
  // One grouped pass over at most COUNT_CAP + 1 matches, which also counts the service-level views of
  // those matches: exact when not capped. A capped search keeps them as lower bounds (`atLeast`): counting a
  // common word's late tickets on their own took 100–300 ms at a million tickets (a GIN bitmap AND-ed
  // with 400,000 running clocks), for a tab number. A capped date range or client list counts them on
  // the due-time indexes instead (slaViewCounts), which stay fast.
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
async function slaViewCounts(scope: Scope, filters: TicketListFilters, narrowScope: boolean, w: SlaWindow): Promise<TicketList["slaCounts"]> {
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
 * order on the partial indexes: with 40 % of a million clocks late the planner otherwise chose a
 * sequential scan that took up to 3.3 s under load. (A search counts them in its status pass.)
 * The list's tabs and the dashboards count with this, so their numbers agree.
 */
export async function countSlaViews(where: Prisma.Sql, w: SlaWindow): Promise<TicketList["slaCounts"]> {
  const capped = (view: "overdue" | "dueSoon") =>
    Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Ticket" t WHERE ${where} AND ${slaViewSql(view, w)} ORDER BY t."slaNextDueAt" LIMIT ${SLA_COUNT_CAP}) c)`;
  const [row] = await db().$queryRaw<{ overdue: number; dueSoon: number }[]>`SELECT ${capped("overdue")} AS overdue, ${capped("dueSoon")} AS "dueSoon"`;
  return { overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0 };
}

/** The header's count: tickets assigned to this staff member that are past a due time (capped). */
export async function countMyOverdueTickets(user: SessionUser): Promise<number> {
  if (user.role === "CLIENT") return 0;
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Ticket" t WHERE t."assigneeId" = ${user.id}::uuid AND t."slaNextDueAt" < ${new Date()} LIMIT ${SLA_COUNT_CAP}) c`;
  return row?.n ?? 0;
}
