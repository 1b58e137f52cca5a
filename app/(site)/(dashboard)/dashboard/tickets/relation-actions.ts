"use server";

// The ticket page's merge and link actions. Like the other ticket actions, no revalidatePath: the
// page fetches its view again after a change.

import { runAction, type ActionResult } from "@/lib/actions/action";
import { findMergeTarget, linkTickets, mergeTicket, unlinkTickets, type MergeCandidate } from "@/lib/dal/tickets/relations";
import { findMergeTargetSchema, linkTicketSchema, mergeTicketSchema, unlinkTicketSchema } from "@/lib/validation/ticket-relations";

export async function findMergeTargetAction(input: unknown): Promise<ActionResult<MergeCandidate>> {
  return runAction({ schema: findMergeTargetSchema, input, permission: "tickets.merge" }, (data, user) => findMergeTarget(user, data));
}

export async function mergeTicketAction(input: unknown): Promise<ActionResult<{ number: string }>> {
  return runAction({ schema: mergeTicketSchema, input, permission: "tickets.merge" }, (data, user) => mergeTicket(user, data));
}

export async function linkTicketAction(input: unknown): Promise<ActionResult<{ number: string }>> {
  return runAction({ schema: linkTicketSchema, input, permission: "tickets.link" }, (data, user) => linkTickets(user, data));
}

export async function unlinkTicketAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ schema: unlinkTicketSchema, input, permission: "tickets.link" }, async (data, user) => {
    await unlinkTickets(user, data);
    return null;
  });
}
