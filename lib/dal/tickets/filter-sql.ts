import "server-only";
import { Prisma } from "@/lib/db";
import { prefixQuery } from "@/lib/dal/search";
import type { TicketListFilters } from "@/lib/validation/tickets";
import { addWorkingMinutes } from "@/lib/sla/calendar";
import { getWorkingCalendar } from "@/lib/dal/sla";
import { DUE_SOON_MINUTES } from "@/lib/sla/defaults";

// The list's filters as conditions on the ticket alias `t`: the page, its counts, the export and the
// dashboards build their WHERE from these, so a filter means the same everywhere.

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

/**
 * With a selective btree filter (department, assignee, OPD, a client's own list) the text is
 * rechecked per row (ts_match_vq is `@@` in a form the GIN index does not serve), because AND-ing
 * the GIN bitmap of a common word costs more than reading the few rows the filter leaves.
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
  // Days of the service calendar's time zone, as the reports count them; "to" includes the whole day.
  if (filters.from) parts.push(Prisma.sql`t."createdAt" >= helpdesk_day_start(${filters.from}::date)`);
  if (filters.to) parts.push(Prisma.sql`t."createdAt" < helpdesk_day_start(${filters.to}::date + 1)`);
  if (filters.q) parts.push(searchSql(filters.q, opts.narrowScope || !!(filters.departmentId || filters.assignee || filters.agencyId)));
  return parts;
}

/** A search finds at most this many clients by name; a query that matches more (one letter) is not a name. */
const CLIENT_MATCH_CAP = 1000;

/**
 * The search box: the ticket's number (its start, "HD-2026-0000", or its running part alone, "7" or
 * "000007"), words of its subject and text, and tickets of a client or OPD whose name has the words
 * (a client's username too). Each branch has its own index, so PostgreSQL ORs their bitmaps: the
 * client and OPD ids come from their own small tables first (an `= ANY(ARRAY(…))` is read once, then
 * looked up on the ticket's clientId / agencyId index).
 */
function searchSql(q: string, narrow: boolean): Prisma.Sql {
  const tsq = prefixQuery(q);
  const numberLike = /^[A-Za-z0-9-]+$/.test(q) && /\d/.test(q) ? `${q.toUpperCase()}%` : null;
  const or: Prisma.Sql[] = [];
  if (numberLike) or.push(Prisma.sql`t."number" LIKE ${numberLike}`);
  const digits = /^\d{1,9}$/.test(q);
  if (digits) or.push(Prisma.sql`helpdesk_number_seq(t."number") = ${q.replace(/^0+/, "")}`);
  const query = tsq ? Prisma.sql`to_tsquery('simple'::regconfig, ${tsq})` : null;
  if (query) or.push(narrow ? Prisma.sql`ts_match_vq(t."searchVector", ${query})` : Prisma.sql`t."searchVector" @@ ${query}`);
  // A number alone is a ticket number, not a name ("7" would find every client named "user-7…").
  if (query && !digits) {
    or.push(Prisma.sql`t."clientId" = ANY(ARRAY(
      SELECT u."id" FROM "User" u
      WHERE u."role" = 'CLIENT' AND to_tsvector('simple'::regconfig, u."name" || ' ' || translate(u."username", '._-@', '    ')) @@ ${query}
      LIMIT ${CLIENT_MATCH_CAP}))`);
    or.push(Prisma.sql`t."agencyId" = ANY(ARRAY(SELECT a."id" FROM "Agency" a WHERE to_tsvector('simple'::regconfig, a."name") @@ ${query}))`);
  }
  return or.length ? Prisma.sql`(${Prisma.join(or, " OR ")})` : Prisma.sql`FALSE`;
}
