import "server-only";
import { LRUCache } from "lru-cache";
import { db, Prisma } from "@/lib/db";
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

/** A number alone is a ticket number, not a name ("7" would find every client named "user-7…"). */
const isTicketNumberPart = (q: string) => /^\d{1,9}$/.test(q);

/** The running part of a ticket number as helpdesk_number_seq() gives it: "000007" → "7". */
const numberSeq = (q: string) => q.replace(/^0+/, "");
/** Whether some ticket has this running number (all years): then a search for it means that ticket. */
const numberExists = new LRUCache<string, boolean>({ max: 500, ttl: 30_000 });

type SearchIds = { clients: string[]; agencies: string[] };
/** The clients and OPDs a search's words name, per prefix query: read once, then reused by the page's row, count and service-level statements. */
const searchIds = new LRUCache<string, SearchIds>({ max: 500, ttl: 30_000 });

const clientIdsSql = (query: Prisma.Sql) => Prisma.sql`SELECT u."id" FROM "User" u
  WHERE u."role" = 'CLIENT' AND to_tsvector('simple'::regconfig, u."name" || ' ' || translate(u."username", '._-@', '    ')) @@ ${query}
  LIMIT ${CLIENT_MATCH_CAP}`;
const agencyIdsSql = (query: Prisma.Sql) => Prisma.sql`SELECT a."id" FROM "Agency" a WHERE to_tsvector('simple'::regconfig, a."name") @@ ${query}`;

/**
 * For a number alone, whether a ticket has it; otherwise
 * the ids of the clients and OPDs a search names (their own GIN indexes), before the list's
 * statements are built: given as a list of values, PostgreSQL ORs index lookups on the ticket's
 * clientId / agencyId with the text search (5 ms for a client's 500 tickets among 1,000,000). Read
 * inside the statement instead, the planner cannot tell how many there are and reads the whole table
 * (3.7 s); a search whose names were not prepared still finds them that way.
 */
export async function prepareSearch(q: string | undefined): Promise<void> {
  if (q && isTicketNumberPart(q)) {
    const seq = numberSeq(q);
    if (numberExists.has(seq)) return;
    const [row] = await db().$queryRaw<{ found: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "Ticket" WHERE helpdesk_number_seq("number") = ${seq}) AS found`;
    numberExists.set(seq, !!row?.found);
    return;
  }
  const tsq = q ? prefixQuery(q) : null;
  if (!tsq || searchIds.has(tsq)) return;
  const query = Prisma.sql`to_tsquery('simple'::regconfig, ${tsq})`;
  const [row] = await db().$queryRaw<SearchIds[]>`
    SELECT ARRAY(SELECT x."id"::text FROM (${clientIdsSql(query)}) x) AS clients, ARRAY(SELECT x."id"::text FROM (${agencyIdsSql(query)}) x) AS agencies`;
  searchIds.set(tsq, row ?? { clients: [], agencies: [] });
}

/**
 * The search box: the ticket's number (its start, "HD-2026-0000", or its running part alone, "7" or
 * "000007": then only the number when such a ticket exists), words of its subject and text, and tickets of a client or OPD whose name has the words
 * (a client's username too). Each branch has its own index, so PostgreSQL ORs their bitmaps; the
 * client and OPD ids are the ones prepareSearch read (for 30 s: a client added meanwhile is found after that).
 */
function searchSql(q: string, narrow: boolean): Prisma.Sql {
  const tsq = prefixQuery(q);
  const numberLike = /^[A-Za-z0-9-]+$/.test(q) && /\d/.test(q) ? `${q.toUpperCase()}%` : null;
  const or: Prisma.Sql[] = [];
  if (numberLike) or.push(Prisma.sql`t."number" LIKE ${numberLike}`);
  const digits = isTicketNumberPart(q);
  if (digits) or.push(Prisma.sql`helpdesk_number_seq(t."number") = ${numberSeq(q)}`);
  // "7" is ticket number 7 when there is one: as a word it would also find every "7…" in the texts
  // (166,000 of 1,000,000 in the bench) and bury the ticket under them.
  if (digits && numberExists.get(numberSeq(q))) return Prisma.sql`(${Prisma.join(or, " OR ")})`;
  const query = tsq ? Prisma.sql`to_tsquery('simple'::regconfig, ${tsq})` : null;
  if (query) or.push(narrow ? Prisma.sql`ts_match_vq(t."searchVector", ${query})` : Prisma.sql`t."searchVector" @@ ${query}`);
  if (query && !digits) {
    const ids = searchIds.get(tsq!);
    if (!ids) {
      or.push(Prisma.sql`t."clientId" = ANY(ARRAY(${clientIdsSql(query)}))`);
      or.push(Prisma.sql`t."agencyId" = ANY(ARRAY(${agencyIdsSql(query)}))`);
    } else {
      if (ids.clients.length) or.push(Prisma.sql`t."clientId" = ANY(${ids.clients}::uuid[])`);
      if (ids.agencies.length) or.push(Prisma.sql`t."agencyId" = ANY(${ids.agencies}::uuid[])`);
    }
  }
  return or.length ? Prisma.sql`(${Prisma.join(or, " OR ")})` : Prisma.sql`FALSE`;
}
