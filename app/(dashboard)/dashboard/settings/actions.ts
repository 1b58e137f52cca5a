"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { getSettings, updateSettings } from "@/lib/dal/settings";
import { normalizeImage, removeImage, saveImage } from "@/lib/storage/images";
import { footerSettingsSchema, ticketSettingsSchema } from "@/lib/validation/settings";
import { generalSettingsFormSchema } from "@/lib/validation/settings-form";

const LOGO_SIZE = 256;

/** Public pages, the dashboard and the ticket form all read settings. */
function revalidateAll() {
  revalidatePath("/", "layout");
}

/** General tab; FormData because of the logo file. */
export async function updateGeneralSettingsAction(input: unknown) {
  return runAction({ schema: generalSettingsFormSchema, input, permission: "settings.manage" }, async ({ logo: upload, ...data }, user) => {
    const current = await getSettings("general");
    const logo = upload ? await saveImage("branding", await normalizeImage(upload, { size: LOGO_SIZE, field: "logo" })) : current.logo;
    try {
      await updateSettings(user, "general", { ...data, logo });
    } catch (error) {
      if (upload) await removeImage("branding", logo);
      throw error;
    }
    if (upload) await removeImage("branding", current.logo);
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
