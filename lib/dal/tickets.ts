import "server-only";
import { db, Prisma } from "@/lib/db";
import { UserFacingError } from "@/lib/actions/action";
import { getSettings } from "@/lib/dal/settings";
import type { SessionUser } from "@/lib/dal/users";
import { MANAGERS } from "@/lib/auth/roles";
import { attachmentStorage, storageFor } from "@/lib/storage";
import { detectContentType, RASTER_IMAGE_EXTENSIONS } from "@/lib/storage/file-check";
import {
  fileExtension,
  MAX_PAGE,
  PAGE_SIZE,
  TICKET_STATUSES,
  type TicketListFilters,
  type TicketPriority,
  type TicketStatus,
  type UpdateTicketInput,
} from "@/lib/validation/tickets";
import type { NotificationKind } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const isManager = (user: SessionUser) => MANAGERS.includes(user.role);
const isStaffSide = (user: SessionUser) => user.role !== "CLIENT";

export class TicketNotFoundError extends UserFacingError {
  constructor() {
    super("tickets.errors.notFound");
  }
}

// ------------------------------------------------------------------ scope

type Scope = { kind: "all" } | { kind: "client"; userId: string } | { kind: "staff"; userId: string; departmentId: string | null };

/** Which tickets this user may see. Staff: their department's and those assigned to them. */
async function scopeOf(user: SessionUser): Promise<Scope> {
  if (isManager(user)) return { kind: "all" };
  if (user.role === "CLIENT") return { kind: "client", userId: user.id };
  if (user.role === "STAFF") {
    const [row] = await db().$queryRaw<{ departmentId: string | null }[]>`
      SELECT "departmentId"::text AS "departmentId" FROM "User" WHERE "id" = ${user.id}::uuid`;
    return { kind: "staff", userId: user.id, departmentId: row?.departmentId ?? null };
  }
  throw new Error("ticket scope: unknown role");
}

function scopeWhere(scope: Scope): Prisma.TicketWhereInput {
  switch (scope.kind) {
    case "all":
      return {};
    case "client":
      return { clientId: scope.userId };
    case "staff":
      return scope.departmentId
        ? { OR: [{ departmentId: scope.departmentId }, { assigneeId: scope.userId }] }
        : { assigneeId: scope.userId };
  }
}

function scopeSql(scope: Scope): Prisma.Sql {
  switch (scope.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "client":
      return Prisma.sql`t."clientId" = ${scope.userId}::uuid`;
    case "staff":
      return scope.departmentId
        ? Prisma.sql`(t."departmentId" = ${scope.departmentId}::uuid OR t."assigneeId" = ${scope.userId}::uuid)`
        : Prisma.sql`t."assigneeId" = ${scope.userId}::uuid`;
  }
}

/** The ticket row if this user may see it; otherwise "not found" (never a hint that it exists). */
async function findScopedTicket(user: SessionUser, where: Prisma.TicketWhereInput, tx: Tx | ReturnType<typeof db> = db()) {
  const scope = await scopeOf(user);
  const ticket = await tx.ticket.findFirst({ where: { AND: [where, scopeWhere(scope)] } });
  if (!ticket) throw new TicketNotFoundError();
  return ticket;
}

// ------------------------------------------------------------------ options for forms

/** One list of active departments for every select (the department DAL owns it). */
export { listActiveDepartments } from "./departments";

export async function listAgencies() {
  return db().$queryRaw<{ id: string; name: string }[]>`SELECT "id"::text AS id, "name" FROM "Agency" ORDER BY "name"`;
}

/** Clients a staff member may file a ticket for. Not for clients themselves. */
export async function listClientsForFiling(user: SessionUser) {
  if (!isStaffSide(user)) return [];
  return db().user.findMany({
    where: { role: "CLIENT", active: true },
    select: { id: true, name: true, agency: { select: { name: true } } },
    orderBy: { name: "asc" },
    take: 5000,
  });
}

/** Staff who may be assigned: active STAFF of that department. */
export async function listAssignableStaff(user: SessionUser, departmentId: string) {
  if (!isStaffSide(user)) return [];
  return db().user.findMany({
    where: { role: "STAFF", active: true, departmentId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Staff filters: every active staff member (managers) or the own department's (staff). */
export async function listAssigneeFilterOptions(user: SessionUser) {
  if (!isStaffSide(user)) return [];
  const scope = await scopeOf(user);
  const dept = scope.kind === "staff" ? Prisma.sql`AND "departmentId" IS NOT DISTINCT FROM ${scope.departmentId}::uuid` : Prisma.empty;
  return db().$queryRaw<{ id: string; name: string }[]>`
    SELECT "id"::text AS id, "name" FROM "User" WHERE "role" = 'STAFF' AND "active" ${dept} ORDER BY "name" LIMIT 500`;
}

// ------------------------------------------------------------------ attachments

type PreparedFile = { fileName: string; contentType: string; size: number; data: Buffer };

/** File names are shown and used in Content-Disposition: no paths, control characters or quotes. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_")
    .replace(/^\.+/, "")
    .trim()
    .slice(-150);
  return cleaned || "lampiran";
}

/** Reads and checks every file before anything is stored: one refused file refuses them all. */
async function prepareFiles(files: File[]): Promise<PreparedFile[]> {
  const settings = await getSettings("ticket");
  if (files.length > settings.maxFilesPerMessage) {
    throw new UserFacingError("validation.attachmentsTooMany", { field: "attachments", values: { max: settings.maxFilesPerMessage } });
  }
  const prepared: PreparedFile[] = [];
  for (const file of files) {
    const fileName = cleanFileName(file.name);
    const ext = fileExtension(fileName);
    if (!settings.allowedExtensions.includes(ext) || /\.(php\d?|phtml|phar|html?|svgz?|js|exe|sh)\./i.test(fileName)) {
      throw new UserFacingError("validation.attachmentType", { field: "attachments", values: { name: fileName } });
    }
    if (file.size > settings.maxFileSizeMb * 1024 * 1024) {
      throw new UserFacingError("validation.attachmentTooLarge", { field: "attachments", values: { name: fileName, max: settings.maxFileSizeMb } });
    }
    const data = Buffer.from(await file.arrayBuffer());
    const contentType = detectContentType(ext, data);
    if (!contentType) throw new UserFacingError("attachments.errors.contentMismatch", { field: "attachments", values: { name: fileName } });
    prepared.push({ fileName, contentType, size: data.length, data });
  }
  return prepared;
}

/**
 * Stores the files, then runs `work` (the database transaction). If the transaction fails, the
 * stored files are deleted again, so no orphan stays behind.
 */
async function withStoredFiles<T>(files: PreparedFile[], work: (stored: (PreparedFile & { driver: string; key: string })[]) => Promise<T>) {
  const storage = attachmentStorage();
  const stored: (PreparedFile & { driver: string; key: string })[] = [];
  try {
    for (const f of files) stored.push({ ...f, driver: storage.driver, key: await storage.put(f.data, f) });
    return await work(stored);
  } catch (error) {
    await Promise.allSettled(stored.map((s) => storage.delete(s.key)));
    throw error;
  }
}

// ------------------------------------------------------------------ notifications (same transaction as the event)

async function notify(tx: Tx, kind: NotificationKind, ticketId: string, userIds: Iterable<string>, exceptId: string) {
  const ids = [...new Set(userIds)].filter((id) => id !== exceptId);
  if (ids.length) await tx.notification.createMany({ data: ids.map((userId) => ({ userId, ticketId, kind })) });
}

async function staffOf(tx: Tx, departmentId: string, opts: { managers: boolean }) {
  const rows = await tx.user.findMany({
    where: {
      active: true,
      OR: [{ role: "STAFF", departmentId }, ...(opts.managers ? [{ role: { in: ["ADMIN", "SUPER_ADMIN"] as ("ADMIN" | "SUPER_ADMIN")[] } }] : [])],
    },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

// ------------------------------------------------------------------ create

function jakartaYear(date: Date): string {
  return new Intl.DateTimeFormat("en", { timeZone: "Asia/Jakarta", year: "numeric" }).format(date);
}

/** Next number for prefix+year. The upsert holds the counter row's lock until commit: no duplicates. */
async function nextTicketNumber(tx: Tx, prefix: string): Promise<string> {
  const key = `${prefix}-${jakartaYear(new Date())}`;
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "TicketCounter" ("key", "value") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "TicketCounter"."value" + 1
    RETURNING "value"`;
  return `${key}-${String(rows[0]!.value).padStart(6, "0")}`;
}

export type CreateTicketData = {
  departmentId: string;
  subject: string;
  description: string;
  priority?: TicketPriority;
  clientId?: string;
  attachments: File[];
};

export async function createTicket(user: SessionUser, input: CreateTicketData): Promise<{ id: string; number: string }> {
  const settings = await getSettings("ticket");
  const [department] = await db().$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "Department" WHERE "id" = ${input.departmentId}::uuid AND "active"`;
  if (!department) throw new UserFacingError("tickets.errors.unknownDepartment", { field: "departmentId" });

  let clientId = user.id;
  if (isStaffSide(user)) {
    if (!input.clientId) throw new UserFacingError("tickets.errors.clientRequired", { field: "clientId" });
    const client = await db().user.findFirst({ where: { id: input.clientId, role: "CLIENT", active: true }, select: { id: true } });
    if (!client) throw new UserFacingError("tickets.errors.unknownClient", { field: "clientId" });
    clientId = client.id;
  }
  const [clientRow] = await db().$queryRaw<{ agencyId: string | null }[]>`
    SELECT "agencyId"::text AS "agencyId" FROM "User" WHERE "id" = ${clientId}::uuid`;
  if (!clientRow) throw new UserFacingError("tickets.errors.unknownClient", { field: "clientId" });

  // Clients suggest a priority; staff decide it.
  const priority: TicketPriority = isStaffSide(user) ? (input.priority ?? settings.defaultPriority) : settings.defaultPriority;
  const suggestedPriority = isStaffSide(user) ? null : (input.priority ?? null);

  const files = await prepareFiles(input.attachments);
  // Plain SQL inside the transaction: creation runs at a steady rate, and the ORM's per-query cost
  // dominated it (see docs/benchmarks.md).
  return withStoredFiles(files, (stored) =>
    db().$transaction(async (tx) => {
      const number = await nextTicketNumber(tx, settings.numberPrefix);
      const [ticket] = await tx.$queryRaw<{ id: string; number: string }[]>`
        INSERT INTO "Ticket" ("id", "number", "subject", "description", "priority", "suggestedPriority", "departmentId",
                              "clientId", "createdById", "agencyId", "updatedAt")
        VALUES (gen_random_uuid(), ${number}, ${input.subject}, ${input.description}, ${priority}::"TicketPriority",
                ${suggestedPriority}::"TicketPriority", ${department.id}::uuid, ${clientId}::uuid, ${user.id}::uuid,
                ${clientRow.agencyId}::uuid, now())
        RETURNING "id"::text AS id, "number"`;
      if (stored.length) {
        await tx.attachment.createMany({
          data: stored.map((s) => ({
            ticketId: ticket!.id,
            uploaderId: user.id,
            fileName: s.fileName,
            contentType: s.contentType,
            size: s.size,
            driver: s.driver,
            storageKey: s.key,
          })),
        });
      }
      await tx.$executeRaw`
        INSERT INTO "TicketActivity" ("id", "ticketId", "actorId", "field", "toValue")
        VALUES (gen_random_uuid(), ${ticket!.id}::uuid, ${user.id}::uuid, 'created', 'OPEN')`;
      // Admins, the department's staff and (when filed on their behalf) the client; never the actor.
      await tx.$executeRaw`
        INSERT INTO "Notification" ("id", "userId", "ticketId", "kind")
        SELECT gen_random_uuid(), u."id", ${ticket!.id}::uuid, 'TICKET_CREATED'
        FROM "User" u
        WHERE u."active" AND u."id" <> ${user.id}::uuid
          AND (u."role" IN ('ADMIN', 'SUPER_ADMIN') OR (u."role" = 'STAFF' AND u."departmentId" = ${department.id}::uuid) OR u."id" = ${clientId}::uuid)`;
      return ticket!;
    }),
  );
}

// ------------------------------------------------------------------ list

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

/** Words → prefix tsquery ("jaring lamb" → 'jaring:* & lamb:*'); only letters and digits survive. */
function toPrefixQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

function filterSql(filters: TicketListFilters, opts: { withStatus: boolean }): Prisma.Sql[] {
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
    const tsq = toPrefixQuery(filters.q);
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
  const rowsQuery = db().$queryRaw<(Omit<TicketListRow, "id"> & { id: string })[]>`
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

// ------------------------------------------------------------------ detail

export type AttachmentView = { id: string; fileName: string; size: number; contentType: string; previewable: boolean };

function attachmentView(a: { id: string; fileName: string; size: number; contentType: string }): AttachmentView {
  return { ...a, previewable: RASTER_IMAGE_EXTENSIONS.has(fileExtension(a.fileName)) && a.contentType.startsWith("image/") };
}

type AttachmentRow = { id: string; messageId: string | null; fileName: string; size: number; contentType: string };

/**
 * Everything the ticket page shows. For a client: no internal notes, no note attachments.
 * Plain SQL (four queries, three in parallel): the ORM's nested relation loading was the page's
 * main cost.
 */
export async function getTicketOrThrow(user: SessionUser, number: string) {
  const scope = await scopeOf(user);
  const staffSide = isStaffSide(user);
  const [t] = await db().$queryRaw<
    {
      id: string;
      number: string;
      subject: string;
      description: string;
      status: TicketStatus;
      priority: TicketPriority;
      suggestedPriority: TicketPriority | null;
      rating: number | null;
      ratingComment: string | null;
      ratedAt: Date | null;
      createdAt: Date;
      updatedAt: Date;
      departmentId: string;
      assigneeId: string | null;
      clientId: string;
      departmentName: string;
      clientName: string;
      clientAgency: string | null;
      createdByName: string;
      assigneeName: string | null;
    }[]
  >`
    SELECT t."id"::text AS id, t."number", t."subject", t."description", t."status"::text AS status, t."priority"::text AS priority,
           t."suggestedPriority"::text AS "suggestedPriority", t."rating", t."ratingComment", t."ratedAt", t."createdAt", t."updatedAt",
           t."departmentId"::text AS "departmentId", t."assigneeId"::text AS "assigneeId", t."clientId"::text AS "clientId",
           d."name" AS "departmentName", c."name" AS "clientName", ag."name" AS "clientAgency", cb."name" AS "createdByName", asg."name" AS "assigneeName"
    FROM "Ticket" t
    JOIN "Department" d ON d."id" = t."departmentId"
    JOIN "User" c ON c."id" = t."clientId"
    LEFT JOIN "Agency" ag ON ag."id" = c."agencyId"
    JOIN "User" cb ON cb."id" = t."createdById"
    LEFT JOIN "User" asg ON asg."id" = t."assigneeId"
    WHERE t."number" = ${number} AND ${scopeSql(scope)}`;
  if (!t) throw new TicketNotFoundError();

  const visible = staffSide ? Prisma.sql`TRUE` : Prisma.sql`m."internal" = false`;
  const [messages, attachments, activities] = await Promise.all([
    db().$queryRaw<{ id: string; body: string; internal: boolean; createdAt: Date; authorName: string; authorRole: string }[]>`
      SELECT m."id"::text AS id, m."body", m."internal", m."createdAt", u."name" AS "authorName", u."role"::text AS "authorRole"
      FROM "TicketMessage" m JOIN "User" u ON u."id" = m."authorId"
      WHERE m."ticketId" = ${t.id}::uuid AND ${visible}
      ORDER BY m."createdAt", m."id"`,
    db().$queryRaw<AttachmentRow[]>`
      SELECT a."id"::text AS id, a."messageId"::text AS "messageId", a."fileName", a."size", a."contentType"
      FROM "Attachment" a LEFT JOIN "TicketMessage" m ON m."id" = a."messageId"
      WHERE a."ticketId" = ${t.id}::uuid AND (a."messageId" IS NULL OR ${visible})
      ORDER BY a."createdAt", a."fileName"`,
    db().$queryRaw<{ id: string; field: string; fromValue: string | null; toValue: string | null; createdAt: Date; actorName: string | null }[]>`
      SELECT h."id"::text AS id, h."field", h."fromValue", h."toValue", h."createdAt", u."name" AS "actorName"
      FROM "TicketActivity" h LEFT JOIN "User" u ON u."id" = h."actorId"
      WHERE h."ticketId" = ${t.id}::uuid
      ORDER BY h."createdAt", h."id"`,
  ]);
  // History shows names, also of departments and staff the ticket has since left.
  const ids = [...new Set(activities.filter((h) => h.field === "assignee" || h.field === "department").flatMap((h) => [h.fromValue, h.toValue]))].filter(
    (v): v is string => !!v && /^[0-9a-f-]{36}$/i.test(v),
  );
  const labels = new Map(
    ids.length
      ? (
          await db().$queryRaw<{ id: string; name: string }[]>`
            SELECT "id"::text AS id, "name" FROM "User" WHERE "id" = ANY(${ids}::uuid[])
            UNION ALL SELECT "id"::text AS id, "name" FROM "Department" WHERE "id" = ANY(${ids}::uuid[])`
        ).map((r) => [r.id, r.name] as const)
      : [],
  );
  const filesOf = (messageId: string | null) =>
    attachments.filter((a) => a.messageId === messageId).map(({ messageId: _m, ...a }) => attachmentView(a));
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    description: t.description,
    status: t.status,
    priority: t.priority,
    suggestedPriority: t.suggestedPriority,
    rating: t.rating,
    ratingComment: t.ratingComment,
    ratedAt: t.ratedAt,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    departmentId: t.departmentId,
    assigneeId: t.assigneeId,
    clientId: t.clientId,
    department: { name: t.departmentName },
    client: { name: t.clientName, agency: t.clientAgency ? { name: t.clientAgency } : null },
    createdBy: { name: t.createdByName },
    assignee: t.assigneeName ? { name: t.assigneeName } : null,
    attachments: filesOf(null),
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      internal: m.internal,
      createdAt: m.createdAt,
      author: { name: m.authorName, role: m.authorRole as SessionUser["role"] },
      attachments: filesOf(m.id),
    })),
    activities: activities.map((h) => ({
      id: h.id,
      field: h.field,
      fromValue: h.fromValue,
      toValue: h.toValue,
      fromLabel: h.field === "assignee" || h.field === "department" ? (labels.get(h.fromValue ?? "") ?? null) : h.fromValue,
      toLabel: h.field === "assignee" || h.field === "department" ? (labels.get(h.toValue ?? "") ?? null) : h.toValue,
      createdAt: h.createdAt,
      actor: { name: h.actorName },
    })),
    isOwnTicket: t.clientId === user.id,
  };
}
export type TicketDetail = Awaited<ReturnType<typeof getTicketOrThrow>>;

// ------------------------------------------------------------------ reply / note

export async function replyToTicket(user: SessionUser, input: { ticketId: string; body: string; internal?: boolean; attachments: File[] }) {
  const internal = !!input.internal;
  if (internal && !isStaffSide(user)) throw new UserFacingError("errors.forbidden");
  const ticket = await findScopedTicket(user, { id: input.ticketId });
  if (!isStaffSide(user) && ticket.status === "CLOSED") throw new UserFacingError("tickets.errors.closed");
  const files = await prepareFiles(input.attachments);

  return withStoredFiles(files, (stored) =>
    db().$transaction(async (tx) => {
      const message = await tx.ticketMessage.create({
        data: { ticketId: ticket.id, authorId: user.id, body: input.body, internal },
        select: { id: true },
      });
      if (stored.length) {
        await tx.attachment.createMany({
          data: stored.map((s) => ({
            ticketId: ticket.id,
            messageId: message.id,
            uploaderId: user.id,
            fileName: s.fileName,
            contentType: s.contentType,
            size: s.size,
            driver: s.driver,
            storageKey: s.key,
          })),
        });
      }
      // A client's answer to "waiting on client" hands the ticket back to staff.
      if (!isStaffSide(user) && ticket.status === "WAITING") {
        await tx.ticket.update({ where: { id: ticket.id }, data: { status: "OPEN" } });
        await tx.ticketActivity.create({ data: { ticketId: ticket.id, actorId: user.id, field: "status", fromValue: "WAITING", toValue: "OPEN" } });
      } else {
        await tx.ticket.update({ where: { id: ticket.id }, data: { updatedAt: new Date() } });
      }
      const staffSide = ticket.assigneeId ? [ticket.assigneeId] : await staffOf(tx, ticket.departmentId, { managers: false });
      if (internal) await notify(tx, "TICKET_NOTE", ticket.id, staffSide, user.id);
      else if (isStaffSide(user)) await notify(tx, "TICKET_REPLY", ticket.id, [ticket.clientId], user.id);
      else await notify(tx, "TICKET_REPLY", ticket.id, staffSide, user.id);
      return { id: message.id };
    }),
  );
}

// ------------------------------------------------------------------ status / priority / department / assignee

const CLIENT_CLOSABLE: TicketStatus[] = ["OPEN", "IN_PROGRESS", "WAITING", "RESOLVED"];

export async function updateTicket(user: SessionUser, input: UpdateTicketInput) {
  const settings = await getSettings("ticket");
  const ticket = await findScopedTicket(user, { id: input.ticketId });

  if (!isStaffSide(user)) {
    // Clients: no priority, department or assignee; status only to resolve/close or reopen their own.
    if (input.priority !== undefined || input.departmentId !== undefined || input.assigneeId !== undefined) {
      throw new UserFacingError("errors.forbidden");
    }
    const to = input.status;
    const allowed =
      to === undefined ||
      to === ticket.status ||
      (to === "RESOLVED" && CLIENT_CLOSABLE.includes(ticket.status) && ticket.status !== "RESOLVED") ||
      (to === "CLOSED" && settings.clientsMayClose && CLIENT_CLOSABLE.includes(ticket.status)) ||
      (to === "OPEN" && settings.clientsMayReopen && (ticket.status === "RESOLVED" || ticket.status === "CLOSED"));
    if (!allowed) throw new UserFacingError("errors.forbidden");
  }

  let departmentId = ticket.departmentId;
  if (input.departmentId !== undefined && input.departmentId !== ticket.departmentId) {
    const dept = await db().department.findFirst({ where: { id: input.departmentId, active: true }, select: { id: true } });
    if (!dept) throw new UserFacingError("tickets.errors.unknownDepartment", { field: "departmentId" });
    departmentId = dept.id;
  }

  let assigneeId: string | null = ticket.assigneeId;
  if (input.assigneeId !== undefined) assigneeId = input.assigneeId || null;
  if (assigneeId && (assigneeId !== ticket.assigneeId || departmentId !== ticket.departmentId)) {
    const staff = await db().user.findFirst({ where: { id: assigneeId, role: "STAFF", active: true, departmentId }, select: { id: true } });
    if (!staff) {
      // Moving a ticket to another department drops an assignee who does not work there.
      if (input.assigneeId === undefined) assigneeId = null;
      else throw new UserFacingError("tickets.errors.assigneeNotInDepartment", { field: "assigneeId" });
    }
  }

  const changes: { field: string; from: string | null; to: string | null }[] = [];
  const data: Prisma.TicketUncheckedUpdateInput = {};
  if (input.status !== undefined && input.status !== ticket.status) {
    changes.push({ field: "status", from: ticket.status, to: input.status });
    data.status = input.status;
    if (input.status === "RESOLVED") data.resolvedAt = new Date();
    if (input.status === "CLOSED") data.closedAt = new Date();
    if (input.status === "OPEN") {
      data.resolvedAt = null;
      data.closedAt = null;
    }
  }
  if (input.priority !== undefined && input.priority !== ticket.priority) {
    changes.push({ field: "priority", from: ticket.priority, to: input.priority });
    data.priority = input.priority;
  }
  if (departmentId !== ticket.departmentId) {
    changes.push({ field: "department", from: ticket.departmentId, to: departmentId });
    data.departmentId = departmentId;
  }
  if (assigneeId !== ticket.assigneeId) {
    changes.push({ field: "assignee", from: ticket.assigneeId, to: assigneeId });
    data.assigneeId = assigneeId;
  }
  if (!changes.length) return { changed: 0 };

  await db().$transaction(async (tx) => {
    // Guard against a concurrent change: only update the row we read.
    const updated = await tx.ticket.updateMany({ where: { id: ticket.id, updatedAt: ticket.updatedAt }, data });
    if (updated.count !== 1) throw new UserFacingError("tickets.errors.changedMeanwhile");
    // One millisecond apart, so the history keeps the order of the changes.
    const now = Date.now();
    await tx.ticketActivity.createMany({
      data: changes.map((c, i) => ({ ticketId: ticket.id, actorId: user.id, field: c.field, fromValue: c.from, toValue: c.to, createdAt: new Date(now + i) })),
    });
    if (data.assigneeId) await notify(tx, "TICKET_ASSIGNED", ticket.id, [data.assigneeId as string], user.id);
    if (data.status) await notify(tx, "TICKET_STATUS", ticket.id, [ticket.clientId], user.id);
  });
  return { changed: changes.length };
}

// ------------------------------------------------------------------ rating

export async function rateTicket(user: SessionUser, input: { ticketId: string; rating: number; comment?: string }) {
  const ticket = await findScopedTicket(user, { id: input.ticketId });
  if (ticket.clientId !== user.id) throw new UserFacingError("errors.forbidden");
  if (ticket.status !== "RESOLVED" && ticket.status !== "CLOSED") throw new UserFacingError("tickets.errors.notResolved");
  await db().$transaction(async (tx) => {
    await tx.ticket.update({
      where: { id: ticket.id },
      data: { rating: input.rating, ratingComment: input.comment || null, ratedAt: new Date() },
    });
    await tx.ticketActivity.create({
      data: { ticketId: ticket.id, actorId: user.id, field: "rating", fromValue: ticket.rating?.toString() ?? null, toValue: String(input.rating) },
    });
  });
}

// ------------------------------------------------------------------ download

/** An attachment of a ticket this user may see, never one on an internal note for a client. */
export async function openAttachment(user: SessionUser, attachmentId: string) {
  const scope = await scopeOf(user);
  const attachment = await db().attachment.findFirst({
    where: {
      id: attachmentId,
      ticket: scopeWhere(scope),
      ...(isStaffSide(user) ? {} : { OR: [{ messageId: null }, { message: { internal: false } }] }),
    },
    select: { fileName: true, contentType: true, size: true, driver: true, storageKey: true },
  });
  if (!attachment) throw new TicketNotFoundError();
  const stream = await storageFor(attachment.driver).get(attachment.storageKey);
  return {
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
    inline: RASTER_IMAGE_EXTENSIONS.has(fileExtension(attachment.fileName)) && attachment.contentType.startsWith("image/"),
    stream,
  };
}
