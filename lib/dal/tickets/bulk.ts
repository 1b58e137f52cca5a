import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, rolesWith } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { recordAudit } from "@/lib/dal/audit";
import { getSettings } from "@/lib/dal/settings";
import { loadWorkingCalendar, policyFor } from "@/lib/dal/sla";
import type { SessionUser } from "@/lib/dal/users";
import { bulkTicketMailInsertSql, wakeMailWorker } from "@/lib/mail/outbox";
import type { SlaPolicy } from "@/lib/sla/clock";
import { BULK_LIMIT, type BulkChange, type BulkSelection } from "@/lib/validation/ticket-bulk";
import type { TicketPriority, TicketStatus } from "@/lib/validation/tickets";
import { filterSql, slaWindowNow } from "./filter-sql";
import { EVENT_KIND, recipientsWhere, ticketColumns } from "./recipients";
import { statusChoices } from "./rules";
import { scopeOf, scopeSql, type Scope } from "./scope";
import { CLOCK_COLUMNS, clockColumns, movedClock, type ClockRow } from "./sla";

type Tx = Prisma.TransactionClient;

/** Why a selected ticket was left as it was. */
export type BulkSkipReason = "notFound" | "assigneeNotInDepartment" | "notAllowed";

export type BulkResult = {
  /** Tickets selected (ids sent, or tickets the filters matched). */
  matched: number;
  changed: number;
  /** Already as asked (e.g. already assigned to that person). */
  unchanged: number;
  skipped: Partial<Record<BulkSkipReason, number>>;
};

type Locked = ClockRow & { id: string; number: string; assigneeId: string | null; clientId: string; mergedIntoId: string | null };
type Values = { status: TicketStatus; priority: TicketPriority; departmentId: string; assigneeId: string | null };
type Person = { id: string; role: string; departmentId: string | null };

/** The clock's stored columns (sla.ts clockColumns): set from the row sent when its clock moved, else kept. */
const CLOCK_FIELDS = {
  firstResponseDueAt: "timestamp", firstResponseWarnAt: "timestamp", resolutionDueAt: "timestamp", resolutionWarnAt: "timestamp",
  firstResponseAt: "timestamp", firstResponseMinutes: "integer", firstResponseMet: "boolean", resolutionMinutes: "integer", resolutionMet: "boolean",
  slaPausedAt: "timestamp", slaPausedMinutes: "integer", slaNextDueAt: "timestamp", slaCheckAt: "timestamp",
} satisfies Record<keyof ReturnType<typeof clockColumns>, string>;
const CLOCK_SET = Prisma.raw(Object.keys(CLOCK_FIELDS).map((f) => `"${f}" = CASE WHEN v."clock" THEN v."${f}" ELSE t."${f}" END`).join(", "));
const CLOCK_TYPES = Prisma.raw(Object.entries(CLOCK_FIELDS).map(([f, type]) => `"${f}" ${type}`).join(", "));

const MANAGER_ROLES: readonly string[] = rolesWith("tickets.seeAll");
/** The assignee rule of the one-ticket path (update.ts): active Staff of the ticket's department, or a manager. */
const mayHold = (person: Person, departmentId: string) =>
  MANAGER_ROLES.includes(person.role) || (person.role === "STAFF" && person.departmentId === departmentId);

/**
 * One change to up to BULK_LIMIT tickets: assign, status, priority, department or close. Each ticket
 * passes the one-ticket path's checks — row scope (scope.ts), the status rules (rules.ts), the
 * assignee rule — and one that fails is skipped and counted, the rest applied. A constant number of
 * statements whatever the count: the rows are locked and read in one, written in one (with their
 * service-level clocks), their history in one; one notification and one mail per person told
 * (listing their tickets), one audit entry for the whole change.
 */
export async function bulkUpdateTickets(user: SessionUser, input: { selection: BulkSelection; change: BulkChange }): Promise<BulkResult> {
  assertCan(user, "tickets.work");
  const { change, selection } = input;
  const scope = await scopeOf(user);
  const selected = await selectedIds(scope, selection);
  const target = await resolveTarget(user, change);
  const settings = await getSettings("ticket");
  const cal = await loadWorkingCalendar();
  const result: BulkResult = { matched: selected.matched, changed: 0, unchanged: 0, skipped: {} };
  const skip = (reason: BulkSkipReason, n = 1) => {
    if (n > 0) result.skipped[reason] = (result.skipped[reason] ?? 0) + n;
  };
  skip("notFound", selected.matched - selected.ids.length);

  await db().$transaction(
    async (tx) => {
      // Locked in id order (two bulk changes that overlap wait for each other instead of deadlocking),
      // and read again through the scope: a ticket moved out of it since the selection is skipped.
      const locked = selected.ids.length
        ? await tx.$queryRaw<Locked[]>`
            SELECT t."id"::text AS id, t."number", t."assigneeId"::text AS "assigneeId", t."clientId"::text AS "clientId",
                   t."mergedIntoId"::text AS "mergedIntoId", ${CLOCK_COLUMNS}
            FROM "Ticket" t WHERE t."id" = ANY(${selected.ids}::uuid[]) AND ${scopeSql(scope)} ORDER BY t."id" FOR UPDATE`
        : [];
      skip("notFound", selected.ids.length - locked.length);
      const holders = change.kind === "department" ? await peopleOf(tx, locked.map((t) => t.assigneeId)) : new Map<string, Person>();

      const now = new Date();
      const policies = new Map<string, SlaPolicy>();
      const writes: Record<string, unknown>[] = [];
      const history: { ticketId: string; field: string; fromValue: string | null; toValue: string | null; createdAt: Date }[] = [];
      const assigned: string[] = [];
      const statusMoved: string[] = [];

      for (const t of locked) {
        const next: Values = { status: t.status, priority: t.priority, departmentId: t.departmentId, assigneeId: t.assigneeId };
        if (change.kind === "assign") {
          if (!mayHold(target.person!, t.departmentId)) {
            skip("assigneeNotInDepartment");
            continue;
          }
          next.assigneeId = target.person!.id;
        } else if (change.kind === "status" || change.kind === "close") {
          const status = change.kind === "close" ? "CLOSED" : change.status;
          if (status !== t.status && !statusChoices(user, { status: t.status, clientId: t.clientId, mergedIntoId: t.mergedIntoId }, settings).includes(status)) {
            skip("notAllowed");
            continue;
          }
          next.status = status;
        } else if (change.kind === "priority") {
          next.priority = change.priority;
        } else {
          next.departmentId = change.departmentId;
          // Moving a ticket to another department drops an assignee who does not work there (as on the ticket page).
          const holder = t.assigneeId ? holders.get(t.assigneeId) : undefined;
          if (t.assigneeId && next.departmentId !== t.departmentId && (!holder || !mayHold(holder, next.departmentId))) next.assigneeId = null;
        }

        const fields = (
          [
            ["status", t.status, next.status],
            ["priority", t.priority, next.priority],
            ["department", t.departmentId, next.departmentId],
            ["assignee", t.assigneeId, next.assigneeId],
          ] as const
        ).filter(([, from, to]) => from !== to);
        if (!fields.length) {
          result.unchanged++;
          continue;
        }
        result.changed++;
        // One millisecond apart, so the history keeps the order of the changes (as on the ticket page).
        fields.forEach(([field, fromValue, toValue], i) => history.push({ ticketId: t.id, field, fromValue, toValue, createdAt: new Date(now.getTime() + i) }));
        if (next.assigneeId && next.assigneeId !== t.assigneeId) assigned.push(t.id);
        if (next.status !== t.status) statusMoved.push(t.id);

        const retarget = next.priority !== t.priority || next.departmentId !== t.departmentId;
        let policy: SlaPolicy | null = null;
        if (retarget) {
          const key = `${next.departmentId}:${next.priority}`;
          policy = policies.get(key) ?? (await policyFor(next.departmentId, next.priority, tx));
          policies.set(key, policy);
        }
        const moved =
          next.status !== t.status || retarget ? movedClock(cal, { ...t, ...next }, { fromStatus: t.status, retarget }, policy, now) : null;
        const stamp = (set: TicketStatus, old: Date | null) => (next.status === t.status ? old : next.status === set ? now : next.status === "OPEN" ? null : old);
        writes.push({
          id: t.id,
          ...next,
          resolvedAt: stamp("RESOLVED", t.resolvedAt),
          closedAt: stamp("CLOSED", t.closedAt),
          ...(moved ? { clock: true, ...clockColumns(moved, t.slaNotified) } : { clock: false }),
        });
      }

      if (writes.length) {
        await tx.$executeRaw`
          UPDATE "Ticket" t SET
            "status" = v."status"::"TicketStatus", "priority" = v."priority"::"TicketPriority", "departmentId" = v."departmentId", "assigneeId" = v."assigneeId",
            "resolvedAt" = v."resolvedAt", "closedAt" = v."closedAt", "updatedAt" = ${now}, ${CLOCK_SET}
          FROM jsonb_to_recordset(${JSON.stringify(writes)}::jsonb) AS v(
            "id" uuid, "status" text, "priority" text, "departmentId" uuid, "assigneeId" uuid, "resolvedAt" timestamp, "closedAt" timestamp,
            "clock" boolean, ${CLOCK_TYPES})
          WHERE t."id" = v."id"`;
        await tx.$executeRaw`
          INSERT INTO "TicketActivity" ("id", "ticketId", "actorId", "field", "fromValue", "toValue", "createdAt")
          SELECT gen_random_uuid(), h."ticketId", ${user.id}::uuid, h."field", h."fromValue", h."toValue", h."createdAt"
          FROM jsonb_to_recordset(${JSON.stringify(history)}::jsonb) AS h("ticketId" uuid, "field" text, "fromValue" text, "toValue" text, "createdAt" timestamp)`;
        if (assigned.length) await tell(tx, "assigned", assigned, user.id);
        if (statusMoved.length) {
          const status = change.kind === "close" ? "CLOSED" : change.kind === "status" ? change.status : undefined;
          await tell(tx, "status", statusMoved, user.id, status);
        }
      }

      await recordAudit(tx, {
        actor: user,
        action: "tickets.bulk",
        target: `tickets:${result.changed}`,
        after: { change, ...(selection.ids ? { ids: selection.ids } : { filters: selection.filters }), ...result },
      });
    },
    { timeout: 60_000 },
  );
  if (result.changed) wakeMailWorker();
  return result;
}

/**
 * The tickets to change: the ids sent, or what the filters match — always within the user's scope,
 * so a ticket they cannot see is never matched (and an id of one counts as "not found").
 */
async function selectedIds(scope: Scope, selection: BulkSelection): Promise<{ ids: string[]; matched: number }> {
  if (selection.ids) {
    const unique = [...new Set(selection.ids.map((id) => id.toLowerCase()))];
    const rows = await db().$queryRaw<{ id: string }[]>`
      SELECT t."id"::text AS id FROM "Ticket" t WHERE t."id" = ANY(${unique}::uuid[]) AND ${scopeSql(scope)}`;
    return { ids: rows.map((r) => r.id), matched: unique.length };
  }
  const sla = await slaWindowNow();
  const where = Prisma.join([scopeSql(scope), ...filterSql(selection.filters ?? {}, { withStatus: true, narrowScope: scope.kind !== "all", sla })], " AND ");
  const rows = await db().$queryRaw<{ id: string }[]>`SELECT t."id"::text AS id FROM "Ticket" t WHERE ${where} LIMIT ${BULK_LIMIT + 1}`;
  if (rows.length > BULK_LIMIT) throw new UserFacingError("ticketBulk.errors.tooMany", { values: { max: BULK_LIMIT } });
  return { ids: rows.map((r) => r.id), matched: rows.length };
}

/** The person or department a change names: checked once, before any ticket. */
async function resolveTarget(user: SessionUser, change: BulkChange): Promise<{ person?: Person }> {
  if (change.kind === "assign") {
    const id = change.assigneeId === "me" ? user.id : change.assigneeId;
    const [person] = await peopleOf(db(), [id]).then((m) => [...m.values()]);
    if (!person || !(MANAGER_ROLES.includes(person.role) || person.role === "STAFF")) {
      throw new UserFacingError("ticketBulk.errors.unknownAssignee", { field: "assigneeId" });
    }
    return { person };
  }
  if (change.kind === "department") {
    const dept = await db().department.findFirst({ where: { id: change.departmentId, active: true }, select: { id: true } });
    if (!dept) throw new UserFacingError("tickets.errors.unknownDepartment", { field: "departmentId" });
  }
  return {};
}

/** Active people by id, with what the assignee rule needs. */
async function peopleOf(tx: Tx | ReturnType<typeof db>, ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await tx.$queryRaw<Person[]>`
    SELECT "id"::text AS id, "role"::text AS role, "departmentId"::text AS "departmentId" FROM "User" WHERE "id" = ANY(${wanted}::uuid[]) AND "active"`;
  return new Map(rows.map((p) => [p.id, p]));
}

/**
 * One notification and one mail per person the change concerns (recipients.ts decides who, as for
 * one ticket), listing their tickets; a person with one ticket gets that ticket's usual notice.
 */
async function tell(tx: Tx, event: "assigned" | "status", ticketIds: string[], actorId: string, status?: string): Promise<void> {
  const changed = Prisma.sql`(SELECT t."id", t."number", t."clientId", t."departmentId", t."assigneeId" FROM "Ticket" t WHERE t."id" = ANY(${ticketIds}::uuid[])) c`;
  const many = event === "assigned" ? "TICKETS_ASSIGNED" : "TICKETS_STATUS";
  await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "ticketId", "kind", "ticketIds")
    SELECT gen_random_uuid(), u."id", (array_agg(c."id" ORDER BY c."number"))[1],
           (CASE WHEN count(*) = 1 THEN ${EVENT_KIND[event]} ELSE ${many} END)::"NotificationKind",
           CASE WHEN count(*) = 1 THEN '{}'::text[] ELSE array_agg(c."id"::text ORDER BY c."number") END
    FROM ${changed} JOIN "User" u ON ${recipientsWhere(event, ticketColumns("c"), actorId)}
    GROUP BY u."id"`;
  const mails = bulkTicketMailInsertSql(event, changed, actorId, status);
  if (mails) await tx.$executeRaw(mails);
}
