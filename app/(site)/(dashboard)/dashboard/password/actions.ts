"use server";

import { runAction } from "@/lib/actions/action";
import { changeOwnPassword } from "@/lib/dal/profile";
import { changePasswordSchema } from "@/lib/validation/users";

/**
 * Afterwards every session of the user ends, the current one too (the
 * sessionVersion trigger); the form then signs out and sends the user to login with a notice.
 */
export async function changePasswordAction(input: unknown) {
  return runAction({ schema: changePasswordSchema, input }, (data, user) => changeOwnPassword(user, data));
}
