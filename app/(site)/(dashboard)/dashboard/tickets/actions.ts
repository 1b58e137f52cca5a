"use server";

// No revalidatePath here: no server cache holds ticket data (the list and the ticket page fetch it as
// no-store JSON and fetch again after a change), and a revalidation would make Next render the
// server page into the answer, which a static shell (app/(shell)) cannot take without a reload.

import { runAction, type ActionResult } from "@/lib/actions/action";
import { getSettings } from "@/lib/dal/settings";
import { createTicket, rateTicket, replyToTicket, updateTicket } from "@/lib/dal/tickets";
import { createTicketSchema, rateTicketSchema, replySchema, updateTicketSchema } from "@/lib/validation/tickets";

async function limits() {
  const s = await getSettings("ticket");
  return { allowedExtensions: s.allowedExtensions, maxFileSizeMb: s.maxFileSizeMb, maxFilesPerMessage: s.maxFilesPerMessage };
}

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
      attachments: input.attachments,
    });
    return result;
  });
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
