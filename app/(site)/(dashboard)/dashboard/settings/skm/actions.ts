"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { saveSkmQuestionnaire, updateSkmSettings } from "@/lib/dal/skm";
import { skmQuestionnaireSchema, skmSettingsSchema } from "@/lib/validation/skm";

/** Settings → SKM: unit, person responsible, period, link lifetime, invitations, public page. */
export async function saveSkmSettingsAction(input: unknown) {
  return runAction({ schema: skmSettingsSchema, input, permission: "settings.manage" }, async (data, user) => {
    await updateSkmSettings(user, data);
    revalidatePath("/dashboard/settings/skm");
    return null;
  });
}

/** Settings → SKM: the questionnaire (elements on/off, wording per element and level); effective from a period start. */
export async function saveSkmQuestionnaireAction(input: unknown) {
  return runAction({ schema: skmQuestionnaireSchema, input, permission: "settings.manage" }, async (data, user) => {
    const { effectiveFrom } = await saveSkmQuestionnaire(user, data.elements);
    revalidatePath("/dashboard/settings/skm");
    return { effectiveFrom: effectiveFrom.toISOString() };
  });
}
