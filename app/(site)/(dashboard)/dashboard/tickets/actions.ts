"use server";

// No revalidatePath here: no server cache holds ticket data, and the ticket page fetches its view again
// after a change (one small JSON answer), where a revalidation would render the whole page into the
// action's answer.

import { runAction, type ActionResult } from "@/lib/actions/action";
import { getSettings } from "@/lib/dal/settings";
import { createTicket, rateTicket, replyToTicket, takeTicket, updateTicket } from "@/lib/dal/tickets";
import { createTicketSchema, rateTicketSchema, replySchema, takeTicketSchema, updateTicketSchema } from "@/lib/validation/tickets";

/** The ticket settings hold the upload limits the schemas check files against. */
const limits = () => getSettings("ticket");

export async function createTicketAction(input: unknown): Promise<ActionResult<{ number: string }>> {
  return runAction({ schema: createTicketSchema(await limits()), input }, async (input, user) => {
    const ticket = await createTicket(user, {
      departmentId: input.departmentId,
      subject: input.subject,
      description: input.description,
      priority: input.priority,
      clientId: input.clientId || undefined,
      attachments: input.attachments,
    });
    return { number: ticket.number };
  });
}

export async function replyToTicketAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction({ schema: replySchema(await limits()), input }, async (input, user) => {
    const result = await replyToTicket(user, {
      ticketId: input.ticketId,
      body: input.body,
      internal: input.internal,
      status: input.status,
      attachments: input.attachments,
      cannedAttachmentIds: input.cannedAttachmentIds,
    });
    return result;
  });
}

/** "Ambil": assign the ticket to oneself. */
export async function takeTicketAction(input: unknown): Promise<ActionResult<{ changed: number }>> {
  return runAction({ schema: takeTicketSchema, input, permission: "tickets.work" }, (data, user) => takeTicket(user, data.ticketId));
}

export async function updateTicketAction(input: unknown): Promise<ActionResult<{ changed: number }>> {
  return runAction({ schema: updateTicketSchema, input }, async (data, user) => {
    const result = await updateTicket(user, data);
    return result;
  });
}

export async function rateTicketAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ schema: rateTicketSchema, input }, async (data, user) => {
    await rateTicket(user, data);
    return null;
  });
}
