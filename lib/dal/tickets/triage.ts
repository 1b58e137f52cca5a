import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import type { SessionUser } from "@/lib/dal/users";
import { loadWorkingCalendar } from "@/lib/dal/sla";
import type { TicketPriority } from "@/lib/validation/tickets";
import { findScopedTicket } from "./scope";
import { moveTicketClock } from "./sla";

/**
 * Staff decide the priority a client suggested: `priority` equal to the suggestion confirms it, another
 * one overrules it. Either way the suggestion is settled (priorityReviewedAt) and the history says who
 * decided what ("prioritySuggestion": from the suggestion, to the decision). The service-level clock
 * is re-targeted when the priority changes. Two staff deciding at once: the second is told it was
 * decided meanwhile, and nothing changes.
 */
export async function reviewSuggestedPriority(user: SessionUser, input: { ticketId: string; priority?: TicketPriority }): Promise<{ priority: TicketPriority }> {
  assertCan(user, "tickets.work");
  const ticket = await findScopedTicket(user, input.ticketId);
  const [row] = await db().$queryRaw<{ suggestedPriority: TicketPriority | null; reviewed: boolean }[]>`
    SELECT "suggestedPriority"::text AS "suggestedPriority", "priorityReviewedAt" IS NOT NULL AS reviewed FROM "Ticket" WHERE "id" = ${ticket.id}::uuid`;
  if (!row?.suggestedPriority) throw new UserFacingError("triage.errors.noSuggestion");
  if (row.reviewed) throw new UserFacingError("triage.errors.alreadyReviewed");
  const priority = input.priority ?? row.suggestedPriority;
  const cal = await loadWorkingCalendar();
  await db().$transaction(async (tx) => {
    const updated = await tx.ticket.updateMany({
      where: { id: ticket.id, priorityReviewedAt: null },
      data: { priority, priorityReviewedAt: new Date() },
    });
    if (updated.count !== 1) throw new UserFacingError("triage.errors.alreadyReviewed");
    if (priority !== ticket.priority) await moveTicketClock(tx, cal, ticket.id, { fromStatus: ticket.status, retarget: true });
    await tx.ticketActivity.create({
      data: { ticketId: ticket.id, actorId: user.id, field: "prioritySuggestion", fromValue: row.suggestedPriority, toValue: priority },
    });
  });
  return { priority };
}
