"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { signOutEverywhere, updateMailPreferences, updateOwnProfile } from "@/lib/dal/profile";
import { mailPreferencesSchema } from "@/lib/validation/email";
import { profileSchema, signOutEverywhereSchema } from "@/lib/validation/users";

/** Every signed-in user edits their own profile. FormData because of the avatar. */
export async function updateProfileAction(input: unknown) {
  return runAction({ schema: profileSchema, input }, async (data, user) => {
    const result = await updateOwnProfile(user, data);
    revalidatePath("/dashboard", "layout");
    return result;
  });
}

/** The profile's "Notifikasi e-mail" choices and the language of one's mails. */
export async function updateMailPreferencesAction(input: unknown) {
  return runAction({ schema: mailPreferencesSchema, input }, async (data, user) => {
    await updateMailPreferences(user, data);
    revalidatePath("/dashboard/profile");
    return null;
  });
}

/** "Sign out everywhere": ends every session of this user, this one too (the form then clears the cookie). */
export async function signOutEverywhereAction(input: Record<string, unknown>) {
  return runAction({ schema: signOutEverywhereSchema, input }, (_data, user) => signOutEverywhere(user));
}
