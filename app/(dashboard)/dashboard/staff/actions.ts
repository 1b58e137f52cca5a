"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { MANAGERS } from "@/lib/auth/roles";
import {
  createManagedUser,
  setManagedUserActive,
  setManagedUserPassword,
  updateManagedUser,
} from "@/lib/dal/people";
import { createStaffSchema, setUserActiveSchema, setUserPasswordSchema, updateStaffSchema } from "@/lib/validation/users";

const PATH = "/dashboard/staff";

/** Manual screen 12: Add New. Takes FormData because of the avatar file. */
export async function createStaffAction(input: FormData | Record<string, unknown>) {
  return runAction({ schema: createStaffSchema, input, roles: MANAGERS }, async (data, user) => {
    const result = await createManagedUser(user, "staff", data);
    revalidatePath(PATH);
    return result;
  });
}

export async function updateStaffAction(input: FormData | Record<string, unknown>) {
  return runAction({ schema: updateStaffSchema, input, roles: MANAGERS }, async (data, user) => {
    const result = await updateManagedUser(user, "staff", data);
    revalidatePath(PATH);
    return result;
  });
}

/** Deactivate / reactivate; deactivation ends the user's sessions at once. */
export async function setStaffActiveAction(input: { id: string; active: boolean }) {
  return runAction({ schema: setUserActiveSchema, input, roles: MANAGERS }, async (data, user) => {
    const result = await setManagedUserActive(user, "staff", data.id, data.active);
    revalidatePath(PATH);
    return result;
  });
}

/** Sets a new password for the user; their sessions end. */
export async function setStaffPasswordAction(input: { id: string; password: string }) {
  return runAction({ schema: setUserPasswordSchema, input, roles: MANAGERS }, async (data, user) => {
    return setManagedUserPassword(user, "staff", data.id, data.password);
  });
}
