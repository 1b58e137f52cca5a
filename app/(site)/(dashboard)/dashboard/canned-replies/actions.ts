"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { createCannedReply, deleteCannedReply, updateCannedReply } from "@/lib/dal/canned-replies";
import { getSettings } from "@/lib/dal/settings";
import { createCannedReplySchema, deleteCannedReplySchema, updateCannedReplySchema } from "@/lib/validation/canned-replies";
import { attachmentLimitsOf } from "@/lib/validation/tickets";

/** A canned reply's files go onto replies: the ticket settings' upload limits apply. */
const limits = async () => attachmentLimitsOf(await getSettings("ticket"));

export async function createCannedReplyAction(input: unknown) {
  return runAction({ schema: createCannedReplySchema(await limits()), input, permission: "cannedReplies.manage" }, async (data, user) => {
    const result = await createCannedReply(user, data);
    revalidatePath("/dashboard/canned-replies");
    return result;
  });
}

export async function updateCannedReplyAction(input: unknown) {
  return runAction({ schema: updateCannedReplySchema(await limits()), input, permission: "cannedReplies.manage" }, async (data, user) => {
    const result = await updateCannedReply(user, data);
    revalidatePath("/dashboard/canned-replies");
    return result;
  });
}

export async function deleteCannedReplyAction(input: unknown) {
  return runAction({ schema: deleteCannedReplySchema, input, permission: "cannedReplies.manage" }, async (data, user) => {
    const result = await deleteCannedReply(user, data.id);
    revalidatePath("/dashboard/canned-replies");
    return result;
  });
}
