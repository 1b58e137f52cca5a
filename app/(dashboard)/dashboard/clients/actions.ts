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
import { createClientSchema, setUserActiveSchema, setUserPasswordSchema, updateClientSchema } from "@/lib/validation/users";

const PATH = "/dashboard/clients";

/** Manual screen 14: Add New. Takes FormData because of the avatar file. */
export async function createClientAction(input: FormData | Record<string, unknown>) {
  return runAction({ schema: createClientSchema, input, roles: MANAGERS }, async (data, user) => {
    const result = await createManagedUser(user, "client", data);
    revalidatePath(PATH);
    return result;
  });
}

export async function updateClientAction(input: FormData | Record<string, unknown>) {
  return runAction({ schema: updateClientSchema, input, roles: MANAGERS }, async (data, user) => {
    const result = await updateManagedUser(user, "client", data);
    revalidatePath(PATH);
    return result;
  });
}

/** Deactivate / reactivate; deactivation ends the user's sessions at once. */
export async function setClientActiveAction(input: { id: string; active: boolean }) {
  return runAction({ schema: setUserActiveSchema, input, roles: MANAGERS }, async (data, user) => {
    const result = await setManagedUserActive(user, "client", data.id, data.active);
    revalidatePath(PATH);
    return result;
  });
}

/** Sets a new password for the user; their sessions end. */
export async function setClientPasswordAction(input: { id: string; password: string }) {
  return runAction({ schema: setUserPasswordSchema, input, roles: MANAGERS }, async (data, user) => {
    return setManagedUserPassword(user, "client", data.id, data.password);
  });
}
