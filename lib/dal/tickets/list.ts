import "server-only";
import { db, Prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/dal/users";
import { prefixQuery } from "@/lib/dal/search";
import { MAX_PAGE, PAGE_SIZE, TICKET_STATUSES, type TicketListFilters, type TicketPriority, type TicketStatus } from "@/lib/validation/tickets";
import { scopeOf, scopeSql } from "./scope";

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
};

export const COUNT_CAP = 1000;

export type TicketList = {
  rows: TicketListRow[];
  page: number;
  hasNext: boolean;
  /** Per status (and "ALL"), capped at COUNT_CAP: `COUNT_CAP` means "1000 or more". */
  counts: Record<TicketStatus | "ALL", number>;
};

function jakartaDayStart(isoDate: string, plusDays = 0): string {
  const d = new Date(`${isoDate}T00:00:00+07:00`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().replace("T", " ").replace("Z", "");
}

export function filterSql(filters: TicketListFilters, opts: { withStatus: boolean }): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
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
    if (tsq) or.push(Prisma.sql`t."searchVector" @@ to_tsquery('simple'::regconfig, ${tsq})`);
    parts.push(or.length ? Prisma.sql`(${Prisma.join(or, " OR ")})` : Prisma.sql`FALSE`);
  }
  return parts;
}

const ORDER: Record<NonNullable<TicketListFilters["sort"]>, Prisma.Sql> = {
  newest: Prisma.sql`t."createdAt" DESC, t."id" DESC`,
  oldest: Prisma.sql`t."createdAt" ASC, t."id" ASC`,
  updated: Prisma.sql`t."updatedAt" DESC, t."id" DESC`,
  priority: Prisma.sql`t."priority" DESC, t."createdAt" DESC, t."id" DESC`,
};

/**
 * One page of the tickets this user may see. Bounded offset (at most MAX_PAGE pages): the
 * newest-first default walks the (createdAt, id) index; filters use their own indexes.
 */
export async function listTicketsForUser(user: SessionUser, filters: TicketListFilters): Promise<TicketList> {
  const scope = await scopeOf(user);
  const page = Math.min(filters.page ?? 1, MAX_PAGE);
  const where = Prisma.join([scopeSql(scope), ...filterSql(filters, { withStatus: true })], " AND ");
  // One round trip for the page, names joined in SQL (the ORM's relation loading costs ~25 ms here).
  const rowsQuery = db().$queryRaw<TicketListRow[]>`
    SELECT t."id"::text AS id, t."number", t."subject", t."status"::text AS status, t."priority"::text AS priority,
           t."createdAt", t."updatedAt", d."name" AS department, c."name" AS client, ag."name" AS agency, asg."name" AS assignee
    FROM (
      SELECT t."id" FROM "Ticket" t WHERE ${where}
      ORDER BY ${ORDER[filters.sort ?? "newest"]}
      LIMIT ${PAGE_SIZE + 1} OFFSET ${(page - 1) * PAGE_SIZE}
    ) p
    JOIN "Ticket" t ON t."id" = p."id"
    JOIN "Department" d ON d."id" = t."departmentId"
    JOIN "User" c ON c."id" = t."clientId"
    LEFT JOIN "Agency" ag ON ag."id" = t."agencyId"
    LEFT JOIN "User" asg ON asg."id" = t."assigneeId"
    ORDER BY ${ORDER[filters.sort ?? "newest"]}`;

  const base = Prisma.join([scopeSql(scope), ...filterSql(filters, { withStatus: false })], " AND ");
  const capped = (extra: Prisma.Sql) =>
    Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Ticket" t WHERE ${base} AND ${extra} LIMIT ${COUNT_CAP}) c)`;
  const countsQuery = db().$queryRaw<Record<string, number>[]>`
    SELECT ${capped(Prisma.sql`TRUE`)} AS "ALL",
    ${Prisma.join(
      TICKET_STATUSES.map((s) => Prisma.sql`${capped(Prisma.sql`t."status" = ${s}::"TicketStatus"`)} AS ${Prisma.raw(`"${s}"`)}`),
      ", ",
    )}`;

  const [rows, countRows] = await Promise.all([rowsQuery, countsQuery]);
  const c = countRows[0] ?? {};
  return {
    page,
    hasNext: rows.length > PAGE_SIZE,
    counts: Object.fromEntries(["ALL", ...TICKET_STATUSES].map((k) => [k, Number(c[k] ?? 0)])) as TicketList["counts"],
    rows: rows.slice(0, PAGE_SIZE),
  };
}
