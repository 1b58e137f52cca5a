"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { updateGeneralSettings, updateSettings } from "@/lib/dal/settings";
import { footerSettingsSchema, ticketSettingsSchema } from "@/lib/validation/settings";
import { generalSettingsFormSchema } from "@/lib/validation/settings-form";

/** Public pages, the dashboard and the ticket form all read settings. */
function revalidateAll() {
  revalidatePath("/", "layout");
}

/** General tab; FormData because of the logo file. */
export async function updateGeneralSettingsAction(input: unknown) {
  return runAction({ schema: generalSettingsFormSchema, input, permission: "settings.manage" }, async (data, user) => {
    await updateGeneralSettings(user, data);
    revalidateAll();
    return null;
  });
}

export async function updateFooterSettingsAction(input: unknown) {
  return runAction({ schema: footerSettingsSchema, input, permission: "settings.manage" }, async (data, user) => {
    await updateSettings(user, "footer", data);
    revalidateAll();
    return null;
  });
}

export async function updateTicketSettingsAction(input: unknown) {
  return runAction({ schema: ticketSettingsSchema, input, permission: "settings.manage" }, async (data, user) => {
    await updateSettings(user, "ticket", data);
    revalidateAll();
    return null;
  });
}
