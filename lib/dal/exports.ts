import "server-only";
import { db, Prisma, streamPool } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { Translate } from "@/lib/i18n/server";
import { csvDownload, csvStream, safeCsvCell, WIB_OFFSET_HOURS, xlsxStream, type Cell, type Column } from "@/lib/reports/export";
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketListFilters, type TicketPriority, type TicketStatus } from "@/lib/validation/tickets";
import { copyCsv } from "./copy-csv";
import { filterSql, slaWindowNow } from "./tickets/list";
import { prepareSearch } from "./tickets/filter-sql";
import { scopeOf, scopeSql } from "./tickets/scope";
import type { SessionUser } from "./users";

export type ExportTicket = {
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  department: string;
  agency: string | null;
  client: string;
  assignee: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
};

/** The export's columns in order; each header is the message `reports.export.ticketColumns.<key>`. */
const TICKET_EXPORT_COLUMNS = ["number", "subject", "status", "priority", "department", "agency", "client", "assignee", "created", "firstResponse", "resolved", "closed", "rating"] as const;

/** What an export writes in the user's language. */
export type TicketExportWords = { columns: Column[]; sheet: string; status: Record<TicketStatus, string>; priority: Record<TicketPriority, string> };

export function ticketExportWords(t: Translate): TicketExportWords {
  return {
    columns: TICKET_EXPORT_COLUMNS.map((k) => ({ header: t(`reports.export.ticketColumns.${k}`), width: k === "subject" ? 40 : 18 })),
    sheet: t("reports.export.ticketSheet"),
    status: Object.fromEntries(TICKET_STATUSES.map((s) => [s, t(`tickets.status.${s}`)])) as TicketExportWords["status"],
    priority: Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, t(`tickets.priority.${p}`)])) as TicketExportWords["priority"],
  };
}

export const EXPORT_BATCH = 1000;

/** One ticket as cells in TICKET_EXPORT_COLUMNS order. */
function cellsOf(r: ExportTicket, words: TicketExportWords): Cell[] {
  return [r.number, r.subject, words.status[r.status], words.priority[r.priority], r.department, r.agency, r.client, r.assignee, r.createdAt, r.firstResponseAt, r.resolvedAt, r.closedAt, r.rating];
}

/**
 * Which tickets this user exports with the list's filters, as a condition on `t`. Checks the
 * permission first (Clients have no export). The service-level views (Terlambat, Segera jatuh tempo)
 * export what they list, as of the download.
 */
async function exportWhere(user: SessionUser, filters: TicketListFilters): Promise<Prisma.Sql> {
  assertCan(user, "tickets.export");
  const scope = await scopeOf(user);
  const [sla] = await Promise.all([slaWindowNow(), prepareSearch(filters.q)]);
  return Prisma.join([scopeSql(scope), ...filterSql(filters, { withStatus: true, narrowScope: scope.kind !== "all", sla })], " AND ");
}

/**
 * The tickets this user may see that match the list's filters, newest first, in batches walked by a
 * keyset cursor on the (createdAt DESC, id) index: memory stays one batch whatever the table's size.
 */
export async function* exportTicketsForUser(user: SessionUser, filters: TicketListFilters, batchSize = EXPORT_BATCH): AsyncGenerator<ExportTicket[]> {
  yield* keysetBatches(await exportWhere(user, filters), batchSize);
}

async function* keysetBatches(where: Prisma.Sql, batchSize: number): AsyncGenerator<ExportTicket[]> {
  let cursor: { at: string; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor
      ? Prisma.sql`AND t."createdAt" <= ${cursor.at}::timestamp AND (t."createdAt" < ${cursor.at}::timestamp OR t."id" > ${cursor.id}::uuid)`
      : Prisma.empty;
    const rows: (ExportTicket & { cursorAt: string; id: string })[] = await db().$queryRaw`
      SELECT t."id"::text AS id, t."createdAt"::text AS "cursorAt", t."number", t."subject", t."status"::text AS status,
             t."priority"::text AS priority, d."name" AS department, ag."name" AS agency, c."name" AS client, asg."name" AS assignee,
             t."createdAt", t."firstResponseAt", t."resolvedAt", t."closedAt", t."rating"
      FROM (
        SELECT t."id" FROM "Ticket" t WHERE ${where} ${after}
        ORDER BY t."createdAt" DESC, t."id" ASC LIMIT ${batchSize}
      ) p
      JOIN "Ticket" t ON t."id" = p."id"
      JOIN "Department" d ON d."id" = t."departmentId"
      JOIN "User" c ON c."id" = t."clientId"
      LEFT JOIN "Agency" ag ON ag."id" = t."agencyId"
      LEFT JOIN "User" asg ON asg."id" = t."assigneeId"
      ORDER BY t."createdAt" DESC, t."id" ASC`;
    if (!rows.length) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.cursorAt, id: last.id };
    yield rows.map(({ cursorAt: _c, id: _i, ...row }) => row);
    if (rows.length < batchSize) return;
  }
}

/** The keyset batches as cells, the first query already run: a failure is then an error status, not a broken download. */
async function keysetCells(where: Prisma.Sql, words: TicketExportWords): Promise<AsyncIterable<Cell[][]>> {
  const batches = keysetBatches(where, EXPORT_BATCH);
  const first = await batches.next();
  return (async function* () {
    if (first.done) return;
    yield first.value.map((r) => cellsOf(r, words));
    for await (const batch of batches) yield batch.map((r) => cellsOf(r, words));
  })();
}

/** The export as an Excel workbook, streamed from the keyset batches. */
export async function ticketXlsxForUser(user: SessionUser, filters: TicketListFilters, words: TicketExportWords): Promise<ReadableStream<Uint8Array>> {
  return xlsxStream(words.sheet, words.columns, await keysetCells(await exportWhere(user, filters), words));
}

/**
 * The export as CSV. On PostgreSQL one COPY writes every row, cells already formatted by the server
 * (a million tickets: the keyset batches took 112–150 s, mostly Node turning rows into objects and
 * back into text). On PGlite (no COPY over the wire), when every stream connection is taken, or with
 * `via: "keyset"`, the keyset batches go through csv-stringify; both give the same bytes.
 */
export async function ticketCsvForUser(user: SessionUser, filters: TicketListFilters, words: TicketExportWords, via: "auto" | "keyset" = "auto"): Promise<ReadableStream<Uint8Array>> {
  const where = await exportWhere(user, filters);
  const pool = via === "auto" ? streamPool() : null;
  const copied = pool && (await copyCsv(pool, copyQuery(where, words)));
  if (copied) return csvDownload(words.columns, copied);
  return csvStream(words.columns, await keysetCells(where, words));
}

/** The rows as cellsOf + safeCsvCell make them, in SQL: same columns, order, formula guard, labels and WIB dates. */
function copyQuery(where: Prisma.Sql, words: TicketExportWords): Prisma.Sql {
  const label = (column: Prisma.Sql, names: Record<string, string>) =>
    Prisma.sql`CASE ${column} ${Prisma.join(
      Object.entries(names).map(([key, name]) => Prisma.sql`WHEN ${key} THEN ${textOrNull(String(safeCsvCell(name)))}`),
      " ",
    )} END`;
  const date = (column: Prisma.Sql) => Prisma.sql`to_char(${column} + ${WIB_OFFSET_HOURS} * interval '1 hour', 'YYYY-MM-DD HH24:MI')`;
  return Prisma.sql`
    SELECT ${safeText(Prisma.sql`t."number"`)}, ${safeText(Prisma.sql`t."subject"`)},
           ${label(Prisma.sql`t."status"::text`, words.status)}, ${label(Prisma.sql`t."priority"::text`, words.priority)},
           ${safeText(Prisma.sql`d."name"`)}, ${safeText(Prisma.sql`ag."name"`)}, ${safeText(Prisma.sql`c."name"`)}, ${safeText(Prisma.sql`asg."name"`)},
           ${date(Prisma.sql`t."createdAt"`)}, ${date(Prisma.sql`t."firstResponseAt"`)}, ${date(Prisma.sql`t."resolvedAt"`)}, ${date(Prisma.sql`t."closedAt"`)},
           t."rating"
    FROM "Ticket" t
    JOIN "Department" d ON d."id" = t."departmentId"
    JOIN "User" c ON c."id" = t."clientId"
    LEFT JOIN "Agency" ag ON ag."id" = t."agencyId"
    LEFT JOIN "User" asg ON asg."id" = t."assigneeId"
    WHERE ${where}
    ORDER BY t."createdAt" DESC, t."id" ASC`;
}

/**
 * safeCsvCell in SQL: a leading =, +, -, @, tab or carriage return gets an apostrophe. An empty text
 * becomes NULL, which COPY writes as nothing, as csv-stringify writes "" (COPY would write `""`).
 */
function safeText(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${column} = '' THEN NULL
    WHEN left(${column}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${column} ELSE ${column} END`;
}

const textOrNull = (text: string): Prisma.Sql => (text === "" ? Prisma.sql`NULL` : Prisma.sql`${text}`);
