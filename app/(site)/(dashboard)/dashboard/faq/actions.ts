"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { createFaq, setFaqPublished, updateFaq } from "@/lib/dal/faq";
import { createFaqSchema, setFaqPublishedSchema, updateFaqSchema } from "@/lib/validation/faq";

function revalidateFaq() {
  revalidatePath("/dashboard/faq");
  revalidatePath("/faq");
}

/** Add New Question. */
export async function createFaqAction(input: unknown) {
  return runAction({ schema: createFaqSchema, input, permission: "faq.manage" }, async (data, user) => {
    const result = await createFaq(user, data);
    revalidateFaq();
    return result;
  });
}

export async function updateFaqAction(input: unknown) {
  return runAction({ schema: updateFaqSchema, input, permission: "faq.manage" }, async (data, user) => {
    const result = await updateFaq(user, data);
    revalidateFaq();
    return result;
  });
}

export async function setFaqPublishedAction(input: unknown) {
  return runAction({ schema: setFaqPublishedSchema, input, permission: "faq.manage" }, async (data, user) => {
    const result = await setFaqPublished(user, data.id, data.published);
    revalidateFaq();
    return result;
  });
}
