"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { setStaffAway } from "@/lib/dal/tickets/auto-assign";
import { staffAwaySchema } from "@/lib/validation/ticket-relations";

/** "Sedang tidak bertugas": from the profile (oneself, Staff) or Staff edit (Admins); the DAL decides which. */
export async function setStaffAwayAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ schema: staffAwaySchema, input }, async (data, user) => {
    await setStaffAway(user, data);
    revalidatePath("/dashboard/profile");
    revalidatePath("/dashboard/staff");
    return null;
  });
}
