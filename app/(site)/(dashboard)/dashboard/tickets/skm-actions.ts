"use server";

import { runAction } from "@/lib/actions/action";
import { submitSkmForTicket } from "@/lib/dal/skm";
import { currentLocale } from "@/lib/i18n/server";
import { skmTicketSubmitSchema } from "@/lib/validation/skm";

/** The ticket's client answers the survey on the ticket page. */
export async function submitSkmForTicketAction(input: unknown) {
  return runAction({ schema: skmTicketSubmitSchema, input }, async (data, user) => {
    await submitSkmForTicket(user, data, await currentLocale());
    return null;
  });
}
