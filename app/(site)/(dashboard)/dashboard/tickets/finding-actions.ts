"use server";

// Triage of the client's suggested priority, and each user's saved list filters ("Filter saya"). No
// revalidatePath: the ticket page and the sidebar fetch their data again after a change.

import { runAction, type ActionResult } from "@/lib/actions/action";
import { reviewSuggestedPriority } from "@/lib/dal/tickets";
import { deleteFilter, renameFilter, saveFilter, type SavedFilter } from "@/lib/dal/saved-filters";
import type { TicketPriority } from "@/lib/validation/tickets";
import { deleteFilterSchema, renameFilterSchema, reviewPrioritySchema, saveFilterSchema } from "@/lib/validation/finding";

export async function reviewPriorityAction(input: unknown): Promise<ActionResult<{ priority: TicketPriority }>> {
  return runAction({ schema: reviewPrioritySchema, input, permission: "tickets.work" }, (data, user) => reviewSuggestedPriority(user, data));
}

export async function saveFilterAction(input: unknown): Promise<ActionResult<SavedFilter>> {
  return runAction({ schema: saveFilterSchema, input }, (data, user) => saveFilter(user, data));
}

export async function renameFilterAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ schema: renameFilterSchema, input }, async (data, user) => {
    await renameFilter(user, data);
    return null;
  });
}

export async function deleteFilterAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ schema: deleteFilterSchema, input }, async (data, user) => {
    await deleteFilter(user, data);
    return null;
  });
}
