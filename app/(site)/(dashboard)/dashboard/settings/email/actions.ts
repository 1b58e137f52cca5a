"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { resendEmail, sendTestEmail } from "@/lib/dal/email";
import { resendEmailSchema, testEmailSchema } from "@/lib/validation/email";

export async function sendTestEmailAction(input: unknown) {
  return runAction({ schema: testEmailSchema, input, permission: "email.manage" }, async ({ to }, user) => {
    await sendTestEmail(user, to);
    revalidatePath("/dashboard/settings/email");
    return null;
  });
}

export async function resendEmailAction(input: unknown) {
  return runAction({ schema: resendEmailSchema, input, permission: "email.manage" }, async ({ id }, user) => {
    await resendEmail(user, id);
    revalidatePath("/dashboard/settings/email");
    return null;
  });
}
