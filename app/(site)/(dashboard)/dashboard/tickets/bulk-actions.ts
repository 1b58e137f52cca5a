"use server";

import { runAction, type ActionResult } from "@/lib/actions/action";
import { bulkUpdateTickets, type BulkResult } from "@/lib/dal/tickets/bulk";
import { bulkUpdateSchema } from "@/lib/validation/ticket-bulk";

/** The list's bulk toolbar: one change to the ticked rows or to every ticket the filters match (at most 1,000). */
export async function bulkUpdateTicketsAction(input: unknown): Promise<ActionResult<BulkResult>> {
  return runAction({ schema: bulkUpdateSchema, input, permission: "tickets.work" }, (data, user) => bulkUpdateTickets(user, data));
}
