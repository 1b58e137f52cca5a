import "server-only";
import { db, Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { getSettings } from "@/lib/dal/settings";
import type { SessionUser } from "@/lib/dal/users";
import type { TicketPriority, TicketStatus } from "@/lib/validation/tickets";
import { workingMinutesBetween, type WorkingCalendar } from "@/lib/sla/calendar";
import { clockStateOf } from "@/lib/sla/clock";
import { getWorkingCalendar } from "@/lib/dal/sla";
import { attachmentView } from "./attachments";
import { ticketAbilities } from "./rules";
import { scopeOf, ticketScopeSql, TicketNotFoundError } from "./scope";

type TicketRow = {
  id: string;
  number: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  suggestedPriority: TicketPriority | null;
  /** Staff confirmed or changed the priority after the client's suggestion (null while it waits). */
  priorityReviewedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  departmentId: string;
  assigneeId: string | null;
  clientId: string;
  createdById: string;
  department: string;
  client: string;
  /** The client's OPD. */
  agency: string | null;
  createdBy: string;
  assignee: string | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseAt: Date | null;
  firstResponseMet: boolean | null;
  resolutionMet: boolean | null;
  resolvedAt: Date | null;
  slaPausedAt: Date | null;
  slaPausedMinutes: number;
  mergedIntoId: string | null;
};
/** `mergedFrom`: the number of the ticket merged into this one that the message (or description) came from. */
type MessageRow = { id: string; body: string; internal: boolean; createdAt: Date; authorName: string; authorRole: SessionUser["role"]; mergedFrom: string | null };
type AttachmentRow = { id: string; messageId: string | null; fileName: string; size: number; contentType: string };
type ActivityRow = { id: string; field: string; fromValue: string | null; toValue: string | null; createdAt: Date; actorName: string | null };
type Named = { id: string; name: string };
type Labels = { fromLabel: string | null; toLabel: string | null };

/** Rows inside the ticket's JSON columns: times arrive as epoch milliseconds. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? number : T[K] };

/** Fields whose history values are ids of users or departments, shown by name. */
const NAMED_FIELDS = new Set(["assignee", "department", "follower", "autoAssigned"]);
/** The name behind a history value of a named field (also of a department or staff member the ticket has since left). */
const historyName = (value: Prisma.Sql) => Prisma.sql`CASE WHEN h."field" IN ('assignee', 'department', 'follower', 'autoAssigned') AND ${value} ~* '^[0-9a-f-]{36}$'
  THEN COALESCE((SELECT "name" FROM "User" WHERE "id" = ${value}::uuid), (SELECT "name" FROM "Department" WHERE "id" = ${value}::uuid)) END`;
/** The ticket and those merged into it: one thread (merges are flattened, so one level). `= ANY` keeps the indexes in use. */
const threadIds = Prisma.sql`ARRAY(SELECT t."id" UNION ALL SELECT s."id" FROM "Ticket" s WHERE s."mergedIntoId" = t."id")`;
const epochMs = (column: Prisma.Sql) => Prisma.sql`(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;

/**
 * Everything the ticket page shows, and what this user may do with it (`can`). For a client: no
 * internal notes, no note attachments. One SQL statement (each round trip costs more CPU than the
 * query itself): the ticket with its names, and its messages, attachments, history (with names) and,
 * for staff, the staff panel's choices, as JSON columns.
 */
export async function getTicketOrThrow(user: SessionUser, number: string) {
  // No ticket number holds a NUL (PostgreSQL refuses one in text): not found, not a 500.
  if (number.includes("\0")) throw new TicketNotFoundError();
  const scope = await scopeOf(user);
  const works = can(user, "tickets.work");
  const visible = works ? Prisma.sql`TRUE` : Prisma.sql`m."internal" = false`;
  const [rows, settings, cal] = await Promise.all([
    db().$queryRaw<(TicketRow & { messages: Json<MessageRow>[]; attachments: AttachmentRow[]; activities: Json<ActivityRow & Labels>[]; assignable: Named[]; departments: Named[] })[]>`
    SELECT t."id"::text AS id, t."number", t."subject", t."description", t."status"::text AS status, t."priority"::text AS priority,
           t."suggestedPriority"::text AS "suggestedPriority", t."priorityReviewedAt", t."rating", t."ratingComment", t."ratedAt", t."createdAt", t."updatedAt",
           t."departmentId"::text AS "departmentId", t."assigneeId"::text AS "assigneeId", t."clientId"::text AS "clientId", t."createdById"::text AS "createdById",
           d."name" AS department, c."name" AS client, ag."name" AS agency, cb."name" AS "createdBy", asg."name" AS assignee,
           t."firstResponseDueAt", t."resolutionDueAt", t."firstResponseAt", t."firstResponseMet", t."resolutionMet", t."resolvedAt",
           t."slaPausedAt", t."slaPausedMinutes", t."mergedIntoId"::text AS "mergedIntoId",
           (SELECT COALESCE(json_agg(x."j" ORDER BY x."at", x."id"), '[]') FROM (
              SELECT json_build_object('id', m."id"::text, 'body', m."body", 'internal', m."internal", 'createdAt', ${epochMs(Prisma.sql`m."createdAt"`)},
                                       'authorName', u."name", 'authorRole', u."role"::text, 'mergedFrom', src."number") AS j, m."createdAt" AS at, m."id"
                FROM "TicketMessage" m JOIN "User" u ON u."id" = m."authorId" LEFT JOIN "Ticket" src ON src."id" = m."ticketId" AND src."id" <> t."id"
               WHERE m."ticketId" = ANY (${threadIds}) AND ${visible}
              UNION ALL
              -- A merged ticket's description joins the thread as its first message.
              SELECT json_build_object('id', s."id"::text, 'body', s."description", 'internal', false, 'createdAt', ${epochMs(Prisma.sql`s."createdAt"`)},
                                       'authorName', u."name", 'authorRole', u."role"::text, 'mergedFrom', s."number"), s."createdAt", s."id"
                FROM "Ticket" s JOIN "User" u ON u."id" = s."createdById" WHERE s."mergedIntoId" = t."id") x) AS messages,
           (SELECT COALESCE(json_agg(json_build_object('id', a."id"::text, 'messageId', COALESCE(a."messageId", NULLIF(a."ticketId", t."id"))::text,
                                                       'fileName', a."fileName", 'size', a."size", 'contentType', a."contentType")
                                     ORDER BY a."createdAt", a."fileName"), '[]')
              FROM "Attachment" a LEFT JOIN "TicketMessage" m ON m."id" = a."messageId"
             WHERE a."ticketId" = ANY (${threadIds}) AND (a."messageId" IS NULL OR ${visible})) AS attachments,
           (SELECT COALESCE(json_agg(json_build_object('id', h."id"::text, 'field', h."field", 'fromValue', h."fromValue", 'toValue', h."toValue",
                                                       'createdAt', ${epochMs(Prisma.sql`h."createdAt"`)}, 'actorName', u."name",
                                                       'fromLabel', ${historyName(Prisma.sql`h."fromValue"`)}, 'toLabel', ${historyName(Prisma.sql`h."toValue"`)})
                                     ORDER BY h."createdAt", h."id"), '[]')
              FROM "TicketActivity" h LEFT JOIN "User" u ON u."id" = h."actorId"
             WHERE h."ticketId" = t."id") AS activities,
           ${
             works
               ? Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('id', s."id"::text, 'name', s."name") ORDER BY s."name"), '[]')
                               FROM "User" s WHERE (s."role" = 'STAFF' AND s."active" AND s."departmentId" = t."departmentId") OR s."id" = t."assigneeId") AS assignable,
                            (SELECT COALESCE(json_agg(json_build_object('id', x."id"::text, 'name', x."name") ORDER BY x."name"), '[]')
                               FROM "Department" x WHERE x."active") AS departments`
               : Prisma.sql`'[]'::json AS assignable, '[]'::json AS departments`
           }
    FROM "Ticket" t
    JOIN "Department" d ON d."id" = t."departmentId"
    JOIN "User" c ON c."id" = t."clientId"
    LEFT JOIN "Agency" ag ON ag."id" = c."agencyId"
    JOIN "User" cb ON cb."id" = t."createdById"
    LEFT JOIN "User" asg ON asg."id" = t."assigneeId"
    WHERE t."number" = ${number} AND ${ticketScopeSql(scope)}`,
    getSettings("ticket"),
    getWorkingCalendar(),
  ]);
  const [found] = rows;
  if (!found) throw new TicketNotFoundError();
  const { messages, attachments, activities, assignable, departments, ...t } = found;
  return {
    ...toTicketDetail(
      t,
      messages.map((m) => ({ ...m, createdAt: new Date(m.createdAt) })),
      attachments,
      activities.map((h) => ({ ...h, createdAt: new Date(h.createdAt) })),
      cal,
    ),
    can: ticketAbilities(user, t, settings),
    /** The staff panel's choices (empty for a client): the department's active staff, and the active departments. */
    choices: { assignable, departments },
  };
}
export type TicketDetail = Awaited<ReturnType<typeof getTicketOrThrow>>;

/** One target as the page shows it: due, working minutes left (negative: late), or its result. */
export type SlaTargetView = {
  dueAt: Date;
  state: "running" | "paused" | "stopped" | "met" | "missed";
  minutesLeft: number;
  /** The due time has passed on the wall clock (by the time the clock stopped, if it has). */
  pastDue: boolean;
  doneAt: Date | null;
};

function slaView(cal: WorkingCalendar, t: TicketRow, now: Date) {
  if (!t.firstResponseDueAt && !t.resolutionDueAt) return null;
  const clock = clockStateOf(t.status);
  const target = (dueAt: Date | null, doneAt: Date | null, met: boolean | null): SlaTargetView | null => {
    if (!dueAt) return null;
    if (met !== null) return { dueAt, state: met ? "met" : "missed", minutesLeft: 0, pastDue: !met, doneAt };
    // While the clock stands still, what was left when it stopped.
    const from = clock === "running" || !t.slaPausedAt ? now : t.slaPausedAt;
    return { dueAt, state: clock, minutesLeft: Math.round(workingMinutesBetween(cal, from, dueAt)), pastDue: dueAt < from, doneAt: null };
  };
  return {
    firstResponse: target(t.firstResponseDueAt, t.firstResponseAt, t.firstResponseMet),
    resolution: target(t.resolutionDueAt, t.resolvedAt, t.resolutionMet),
    pausedMinutes: t.slaPausedMinutes,
  };
}

/** The row under the names the page uses; a column added to TicketRow and the SELECT reaches the page as it is. */
function toTicketDetail(t: TicketRow, messages: MessageRow[], attachments: AttachmentRow[], activities: (ActivityRow & Labels)[], cal: WorkingCalendar) {
  const filesOf = (messageId: string | null) =>
    attachments.filter((a) => a.messageId === messageId).map(({ messageId: _m, ...a }) => attachmentView(a));
  const label = (field: string, value: string | null, name: string | null) => (NAMED_FIELDS.has(field) ? name : value);
  const { firstResponseDueAt: _f, resolutionDueAt: _r, firstResponseAt: _fa, firstResponseMet: _fm, resolutionMet: _rm, resolvedAt: _ra, slaPausedAt: _p, slaPausedMinutes: _pm, ...ticket } = t;
  return {
    ...ticket,
    sla: slaView(cal, t, new Date()),
    attachments: filesOf(null),
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      internal: m.internal,
      createdAt: m.createdAt,
      author: m.authorName,
      authorRole: m.authorRole,
      mergedFrom: m.mergedFrom,
      attachments: filesOf(m.id),
    })),
    activities: activities.map((h) => ({
      id: h.id,
      field: h.field,
      fromValue: h.fromValue,
      toValue: h.toValue,
      fromLabel: label(h.field, h.fromValue, h.fromLabel),
      toLabel: label(h.field, h.toValue, h.toLabel),
      createdAt: h.createdAt,
      actor: h.actorName,
    })),
  };
}
