"use server";

// Like the other ticket actions: no revalidatePath, the ticket page fetches its view again after a change.

import { runAction, type ActionResult } from "@/lib/actions/action";
import { addTicketFollower, removeTicketFollower } from "@/lib/dal/tickets";
import { ticketFollowerSchema } from "@/lib/validation/followers";

/** Staff side: add a follower (themselves with "Ikuti tiket ini"). */
export async function addTicketFollowerAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ schema: ticketFollowerSchema, input, permission: "tickets.followers" }, async (data, user) => {
    await addTicketFollower(user, data);
    return null;
  });
}

/** Staff side: remove a follower; any follower: stop following (the DAL decides which). */
export async function removeTicketFollowerAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ schema: ticketFollowerSchema, input }, async (data, user) => {
    await removeTicketFollower(user, data);
    return null;
  });
}
