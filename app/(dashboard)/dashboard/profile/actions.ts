"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { updateMailPreferences, updateOwnProfile } from "@/lib/dal/profile";
import { mailPreferencesSchema } from "@/lib/validation/email";
import { profileSchema } from "@/lib/validation/users";

/** Manual screen 9; every signed-in user edits their own profile. FormData because of the avatar. */
export async function updateProfileAction(input: FormData | Record<string, unknown>) {
  return runAction({ schema: profileSchema, input }, async (data, user) => {
    const result = await updateOwnProfile(user, data);
    revalidatePath("/dashboard", "layout");
    return result;
  });
}

/** The profile's "Notifikasi e-mail" choices and the language of one's mails. */
export async function updateMailPreferencesAction(input: Record<string, unknown>) {
  return runAction({ schema: mailPreferencesSchema, input }, async (data, user) => {
    await updateMailPreferences(user, data);
    revalidatePath("/dashboard/profile");
    return null;
  });
}
