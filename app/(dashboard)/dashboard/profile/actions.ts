"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { updateOwnProfile } from "@/lib/dal/profile";
import { profileSchema } from "@/lib/validation/users";

/** Manual screen 9; every signed-in user edits their own profile. FormData because of the avatar. */
export async function updateProfileAction(input: unknown) {
  return runAction({ schema: profileSchema, input }, async (data, user) => {
    const result = await updateOwnProfile(user, data);
    revalidatePath("/dashboard", "layout");
    return result;
  });
}
