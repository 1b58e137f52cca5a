import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import {
  createManagedUser,
  setManagedUserActive,
  setManagedUserPassword,
  updateManagedUser,
  type CreateManagedUser,
  type UpdateManagedUser,
  KIND_PERMISSION,
} from "@/lib/dal/people";
import {
  createAdminSchema,
  createClientSchema,
  createStaffSchema,
  setUserActiveSchema,
  setUserPasswordSchema,
  updateAdminSchema,
  updateClientSchema,
  updateStaffSchema,
  type UserKind,
} from "@/lib/validation/users";
import { runAction } from "./action";

const KINDS: Record<
  UserKind,
  { path: string; create: z.ZodType<CreateManagedUser>; update: z.ZodType<UpdateManagedUser> }
> = {
  admin: { path: "/dashboard/admins", create: createAdminSchema, update: updateAdminSchema },
  staff: { path: "/dashboard/staff", create: createStaffSchema, update: updateStaffSchema },
  client: { path: "/dashboard/clients", create: createClientSchema, update: updateClientSchema },
};

/**
 * The four actions of the Admin, Staff and Client screens (manual 7–14), which differ only in the
 * kind, its roles and its schemas. Each screen's actions.ts ("use server") wraps these.
 */
export function managedUserActions(kind: UserKind) {
  const { path, create, update } = KINDS[kind];
  const permission = KIND_PERMISSION[kind];
  return {
    /** Add New; FormData because of the avatar file. */
    create: (input: unknown) =>
      runAction({ schema: create, input, permission }, async (data, user) => {
        const result = await createManagedUser(user, kind, data);
        revalidatePath(path);
        return result;
      }),
    update: (input: unknown) =>
      runAction({ schema: update, input, permission }, async (data, user) => {
        const result = await updateManagedUser(user, kind, data);
        revalidatePath(path);
        return result;
      }),
    /** Deactivate / reactivate; deactivation ends the user's sessions at once. */
    setActive: (input: unknown) =>
      runAction({ schema: setUserActiveSchema, input, permission }, async (data, user) => {
        const result = await setManagedUserActive(user, kind, data.id, data.active);
        revalidatePath(path);
        return result;
      }),
    /** Sets a new password for the user; their sessions end. */
    setPassword: (input: unknown) =>
      runAction({ schema: setUserPasswordSchema, input, permission }, (data, user) =>
        setManagedUserPassword(user, kind, data.id, data.password),
      ),
  };
}
