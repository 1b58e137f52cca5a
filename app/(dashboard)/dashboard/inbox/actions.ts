"use server";

import { revalidatePath } from "next/cache";
import { runAction, UserFacingError, type ActionResult } from "@/lib/actions/action";
import { MANAGERS } from "@/lib/auth/roles";
import { setContactMessageStatus } from "@/lib/dal/contact";
import { contactStatusSchema } from "@/lib/validation/contact";

export async function setContactStatusAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction({ schema: contactStatusSchema, input: formData, roles: MANAGERS }, async (input, user) => {
    if (!(await setContactMessageStatus(user, input.id, input.status))) throw new UserFacingError("inbox.notFound");
    revalidatePath("/dashboard/inbox");
    return null;
  });
}
