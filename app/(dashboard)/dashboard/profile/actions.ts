"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { signOutEverywhere, updateOwnProfile } from "@/lib/dal/profile";
import { profileSchema, signOutEverywhereSchema } from "@/lib/validation/users";

/** Manual screen 9; every signed-in user edits their own profile. FormData because of the avatar. */
export async function updateProfileAction(input: unknown) {
  return runAction({ schema: profileSchema, input }, async (data, user) => {
    const result = await updateOwnProfile(user, data);
    revalidatePath("/dashboard", "layout");
    return result;
  });
}

/** "Sign out everywhere": ends every session of this user, this one too (the form then clears the cookie). */
export async function signOutEverywhereAction(input: Record<string, unknown>) {
  return runAction({ schema: signOutEverywhereSchema, input }, (_data, user) => signOutEverywhere(user));
}
