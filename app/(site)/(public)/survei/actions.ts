"use server";

import { runPublicAction } from "@/lib/actions/action";
import { submitSkmByToken } from "@/lib/dal/skm";
import { currentLocale } from "@/lib/i18n/server";
import { skmTokenSubmitSchema } from "@/lib/validation/skm";

/** The mailed one-time link's questionnaire: no login; the token is the authority (checked and claimed in the DAL). */
export async function submitSkmByTokenAction(input: unknown) {
  return runPublicAction({ schema: skmTokenSubmitSchema, input }, async (data) => {
    await submitSkmByToken(data, await currentLocale());
    return null;
  });
}
