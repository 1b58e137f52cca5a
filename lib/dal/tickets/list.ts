import "server-only";
import { db, Prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/dal/users";
import { MAX_PAGE, PAGE_SIZE, type TicketListFilters, type TicketPriority, type TicketStatus } from "@/lib/validation/tickets";
import { scopeOf, scopeSql } from "./scope";
import { canTake } from "./rules";
import { filterSql, prepareSearch, slaWindowNow } from "./filter-sql";
import { slaViewCounts, statusCounts } from "./counts";

// lib/dal/exports.ts imports these from here.
export { filterSql, slaWindowNow } from "./filter-sql";

export type TicketListRow = {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  /** The client's suggested priority while it differs from the priority and no one on the staff side has confirmed or changed it. */
  pendingPriority: TicketPriority | null;
  createdAt: Date;
  updatedAt: Date;
  department: string;
  client: string;
  agency: string | null;
  assignee: string | null;
  /** "Ambil" in the row: the staff side, not closed, not already this user's (rules.ts canTake). */
  canTake: boolean;
  /** Service level: the next due time while the clock runs, and the results once settled. */
  slaNextDueAt: Date | null;
  slaPaused: boolean;
  firstResponseMet: boolean | null;
  resolutionMet: boolean | null;
};

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

const ORDER: Record<NonNullable<TicketListFilters["sort"]>, Prisma.Sql> = {
  newest: Prisma.sql`t."createdAt" DESC, t."id" DESC`,
  oldest: Prisma.sql`t."createdAt" ASC, t."id" ASC`,
  updated: Prisma.sql`t."updatedAt" DESC, t."id" DESC`,
  priority: Prisma.sql`t."priority" DESC, t."createdAt" DESC, t."id" DESC`,
  due: Prisma.sql`t."slaNextDueAt" ASC, t."id" ASC`,
};

/**
 * One page of the tickets this user may see. Bounded offset (at most MAX_PAGE pages). The page is a
 * single-table query (planned in a fraction of a millisecond); names come in one second query.
 */
export async function listTicketsForUser(user: SessionUser, filters: TicketListFilters): Promise<TicketList> {
  const scope = await scopeOf(user);
  const page = Math.min(filters.page ?? 1, MAX_PAGE);
  const narrowScope = scope.kind !== "all";
  const [sla] = await Promise.all([slaWindowNow(), prepareSearch(filters.q)]);
  // The service-level views list the most urgent first unless another order is chosen.
  const sort = filters.sort ?? (filters.sla ? "due" : "newest");
  const where = Prisma.join([scopeSql(scope), ...filterSql({ ...filters, sort }, { withStatus: true, narrowScope, sla })], " AND ");
  const order = ORDER[sort];
  // A search that matches few tickets (its count is not capped) reads all its matches and then sorts
  // them, because walking the newest-first index until a page's rows match reads the whole table for a
  // rare word. OFFSET 0 keeps the planner from merging the two steps.
  const countsPromise = statusCounts(scope, filters, narrowScope, sla);
  const fewMatches = !!filters.q && !(await countsPromise).countsCapped;
  const source = fewMatches ? Prisma.sql`(SELECT * FROM "Ticket" t WHERE ${where} OFFSET 0) t` : Prisma.sql`"Ticket" t WHERE ${where}`;
  const rowsQuery = db().$queryRaw<PageRow[]>`
    SELECT t."id"::text AS id, t."number", t."subject", t."status"::text AS status, t."priority"::text AS priority,
           CASE WHEN t."priorityReviewedAt" IS NULL AND t."suggestedPriority" <> t."priority" THEN t."suggestedPriority"::text END AS "pendingPriority", t."createdAt", t."updatedAt",
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
      canTake: canTake(user, { status: r.status, assigneeId }),
    })),
  };
}

type PageRow = Omit<TicketListRow, "department" | "client" | "agency" | "assignee" | "canTake"> & {
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
