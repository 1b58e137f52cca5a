"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import {
  createManagedUser,
  setManagedUserActive,
  setManagedUserPassword,
  updateManagedUser,
} from "@/lib/dal/people";
import { createAdminSchema, setUserActiveSchema, setUserPasswordSchema, updateAdminSchema } from "@/lib/validation/users";

const SUPER_ADMIN_ONLY = ["SUPER_ADMIN"] as const;

const PATH = "/dashboard/admins";

/** Manual screen 8: Add New. Takes FormData because of the avatar file. */
export async function createAdminAction(input: FormData | Record<string, unknown>) {
  return runAction({ schema: createAdminSchema, input, roles: SUPER_ADMIN_ONLY }, async (data, user) => {
    const result = await createManagedUser(user, "admin", data);
    revalidatePath(PATH);
    return result;
  });
}

export async function updateAdminAction(input: FormData | Record<string, unknown>) {
  return runAction({ schema: updateAdminSchema, input, roles: SUPER_ADMIN_ONLY }, async (data, user) => {
    const result = await updateManagedUser(user, "admin", data);
    revalidatePath(PATH);
    return result;
  });
}

/** Deactivate / reactivate; deactivation ends the user's sessions at once. */
export async function setAdminActiveAction(input: { id: string; active: boolean }) {
  return runAction({ schema: setUserActiveSchema, input, roles: SUPER_ADMIN_ONLY }, async (data, user) => {
    const result = await setManagedUserActive(user, "admin", data.id, data.active);
    revalidatePath(PATH);
    return result;
  });
}

/** Sets a new password for the user; their sessions end. */
export async function setAdminPasswordAction(input: { id: string; password: string }) {
  return runAction({ schema: setUserPasswordSchema, input, roles: SUPER_ADMIN_ONLY }, async (data, user) => {
    return setManagedUserPassword(user, "admin", data.id, data.password);
  });
}
