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
import { scopeOf, scopeSql, TicketNotFoundError } from "./scope";

type TicketRow = {
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
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseAt: Date | null;
  firstResponseMet: boolean | null;
  resolutionMet: boolean | null;
  resolvedAt: Date | null;
  slaPausedAt: Date | null;
  slaPausedMinutes: number;
};
type MessageRow = { id: string; body: string; internal: boolean; createdAt: Date; authorName: string; authorRole: SessionUser["role"] };
type AttachmentRow = { id: string; messageId: string | null; fileName: string; size: number; contentType: string };
type ActivityRow = { id: string; field: string; fromValue: string | null; toValue: string | null; createdAt: Date; actorName: string | null };

/** Fields whose history values are ids of users or departments, shown by name. */
const NAMED_FIELDS = new Set(["assignee", "department"]);

/**
 * Everything the ticket page shows, and what this user may do with it (`can`). For a client: no
 * internal notes, no note attachments. Plain SQL (the ORM's nested relation loading was the page's
 * main cost): the ticket, then messages, attachments and history in parallel, then history names.
 */
export async function getTicketOrThrow(user: SessionUser, number: string) {
  // No ticket number holds a NUL (PostgreSQL refuses one in text): not found, not a 500.
  if (number.includes("\0")) throw new TicketNotFoundError();
  const scope = await scopeOf(user);
  const [t] = await db().$queryRaw<TicketRow[]>`
    SELECT t."id"::text AS id, t."number", t."subject", t."description", t."status"::text AS status, t."priority"::text AS priority,
           t."suggestedPriority"::text AS "suggestedPriority", t."rating", t."ratingComment", t."ratedAt", t."createdAt", t."updatedAt",
           t."departmentId"::text AS "departmentId", t."assigneeId"::text AS "assigneeId", t."clientId"::text AS "clientId",
           d."name" AS "departmentName", c."name" AS "clientName", ag."name" AS "clientAgency", cb."name" AS "createdByName", asg."name" AS "assigneeName",
           t."firstResponseDueAt", t."resolutionDueAt", t."firstResponseAt", t."firstResponseMet", t."resolutionMet", t."resolvedAt",
           t."slaPausedAt", t."slaPausedMinutes"
    FROM "Ticket" t
    JOIN "Department" d ON d."id" = t."departmentId"
    JOIN "User" c ON c."id" = t."clientId"
    LEFT JOIN "Agency" ag ON ag."id" = c."agencyId"
    JOIN "User" cb ON cb."id" = t."createdById"
    LEFT JOIN "User" asg ON asg."id" = t."assigneeId"
    WHERE t."number" = ${number} AND ${scopeSql(scope)}`;
  if (!t) throw new TicketNotFoundError();

  const visible = can(user, "tickets.work") ? Prisma.sql`TRUE` : Prisma.sql`m."internal" = false`;
  const [messages, attachments, activities, settings] = await Promise.all([
    db().$queryRaw<MessageRow[]>`
      SELECT m."id"::text AS id, m."body", m."internal", m."createdAt", u."name" AS "authorName", u."role"::text AS "authorRole"
      FROM "TicketMessage" m JOIN "User" u ON u."id" = m."authorId"
      WHERE m."ticketId" = ${t.id}::uuid AND ${visible}
      ORDER BY m."createdAt", m."id"`,
    db().$queryRaw<AttachmentRow[]>`
      SELECT a."id"::text AS id, a."messageId"::text AS "messageId", a."fileName", a."size", a."contentType"
      FROM "Attachment" a LEFT JOIN "TicketMessage" m ON m."id" = a."messageId"
      WHERE a."ticketId" = ${t.id}::uuid AND (a."messageId" IS NULL OR ${visible})
      ORDER BY a."createdAt", a."fileName"`,
    db().$queryRaw<ActivityRow[]>`
      SELECT h."id"::text AS id, h."field", h."fromValue", h."toValue", h."createdAt", u."name" AS "actorName"
      FROM "TicketActivity" h LEFT JOIN "User" u ON u."id" = h."actorId"
      WHERE h."ticketId" = ${t.id}::uuid
      ORDER BY h."createdAt", h."id"`,
    getSettings("ticket"),
  ]);
  const [labels, cal] = await Promise.all([historyLabels(activities), getWorkingCalendar()]);
  return { ...toTicketDetail(t, messages, attachments, activities, labels, cal), can: ticketAbilities(user, t, settings) };
}
export type TicketDetail = Awaited<ReturnType<typeof getTicketOrThrow>>;

/** History shows names, also of departments and staff the ticket has since left. */
async function historyLabels(activities: ActivityRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(activities.filter((h) => NAMED_FIELDS.has(h.field)).flatMap((h) => [h.fromValue, h.toValue]))].filter(
    (v): v is string => !!v && /^[0-9a-f-]{36}$/i.test(v),
  );
  if (!ids.length) return new Map();
  const rows = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT "id"::text AS id, "name" FROM "User" WHERE "id" = ANY(${ids}::uuid[])
    UNION ALL SELECT "id"::text AS id, "name" FROM "Department" WHERE "id" = ANY(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.name] as const));
}

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

function toTicketDetail(t: TicketRow, messages: MessageRow[], attachments: AttachmentRow[], activities: ActivityRow[], labels: Map<string, string>, cal: WorkingCalendar) {
  const filesOf = (messageId: string | null) =>
    attachments.filter((a) => a.messageId === messageId).map(({ messageId: _m, ...a }) => attachmentView(a));
  const label = (field: string, value: string | null) => (NAMED_FIELDS.has(field) ? (labels.get(value ?? "") ?? null) : value);
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
    sla: slaView(cal, t, new Date()),
    attachments: filesOf(null),
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      internal: m.internal,
      createdAt: m.createdAt,
      author: { name: m.authorName, role: m.authorRole },
      attachments: filesOf(m.id),
    })),
    activities: activities.map((h) => ({
      id: h.id,
      field: h.field,
      fromValue: h.fromValue,
      toValue: h.toValue,
      fromLabel: label(h.field, h.fromValue),
      toLabel: label(h.field, h.toValue),
      createdAt: h.createdAt,
      actor: { name: h.actorName },
    })),
  };
}
