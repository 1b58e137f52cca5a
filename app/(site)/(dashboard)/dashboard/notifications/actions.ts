"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/dal/notifications";
import { emptySchema, notificationIdSchema } from "@/lib/validation/tickets";

export async function markNotificationReadAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ schema: notificationIdSchema, input }, async (data, user) => {
    await markNotificationRead(user, data.id);
    revalidatePath("/dashboard/notifications");
    return null;
  });
}

/** Takes no input; the parameter keeps the one action signature. */
export async function markAllNotificationsReadAction(_input?: unknown): Promise<ActionResult<{ count: number }>> {
  return runAction({ schema: emptySchema, input: {} }, async (_data, user) => {
    const count = await markAllNotificationsRead(user);
    revalidatePath("/dashboard/notifications");
    return { count };
  });
}
