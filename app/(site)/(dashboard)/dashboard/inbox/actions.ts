"use server";

import { UserFacingError } from "@/lib/errors";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { convertContactMessageToTicket, setContactMessageStatus } from "@/lib/dal/contact";
import { contactStatusSchema, convertContactSchema } from "@/lib/validation/contact";

export async function setContactStatusAction(input: unknown): Promise<ActionResult> {
  return runAction({ schema: contactStatusSchema, input, permission: "inbox.manage" }, async (input, user) => {
    if (!(await setContactMessageStatus(user, input.id, input.status))) throw new UserFacingError("inbox.notFound");
    revalidatePath("/dashboard/inbox");
    return null;
  });
}

/** "Jadikan tiket": the message becomes a ticket of the sender's client account (created if needed). */
export async function convertContactToTicketAction(input: unknown): Promise<ActionResult<{ number: string; newClient: boolean }>> {
  return runAction({ schema: convertContactSchema, input, permission: "inbox.manage" }, async (input, user) => {
    const result = await convertContactMessageToTicket(user, input);
    revalidatePath("/dashboard/inbox");
    revalidatePath("/dashboard/tickets");
    return result;
  });
}
