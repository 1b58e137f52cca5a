"use server";

import { runPublicAction, type ActionResult } from "@/lib/actions/action";
import { requestIp } from "@/lib/auth/client-ip";
import { requestPasswordReset, resetPasswordWithToken } from "@/lib/dal/password-reset";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/auth";

/** "Lupa password?": the same answer whether or not the address has an account, or was limited. */
export async function requestPasswordResetAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runPublicAction({ schema: forgotPasswordSchema, input: formData }, async ({ email }) => {
    await requestPasswordReset(email, await requestIp());
    return null;
  });
}

export async function resetPasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runPublicAction({ schema: resetPasswordSchema, input: formData }, async ({ token, password }) => {
    await resetPasswordWithToken(token, password);
    return null;
  });
}
