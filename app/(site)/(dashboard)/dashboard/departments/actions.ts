"use server";

import { revalidatePath } from "next/cache";
import { catalogActions } from "@/lib/actions/catalog";
import { runAction } from "@/lib/actions/action";
import { renameCatalogEntry } from "@/lib/dal/departments";
import { setDepartmentAutoAssign } from "@/lib/dal/tickets/auto-assign";
import { editDepartmentSchema } from "@/lib/validation/catalog";

const actions = catalogActions("department");

export async function createDepartmentAction(input: unknown) {
  return actions.create(input);
}

/** The Department edit form: its name and "Tugaskan otomatis". */
export async function renameDepartmentAction(input: unknown) {
  return runAction({ schema: editDepartmentSchema, input, permission: "catalog.manage" }, async (data, user) => {
    const result = await renameCatalogEntry(user, "department", data.id, data.name);
    if (data.autoAssign !== undefined) await setDepartmentAutoAssign(user, data.id, data.autoAssign);
    revalidatePath("/dashboard/departments");
    return result;
  });
}

export async function setDepartmentActiveAction(input: unknown) {
  return actions.setActive(input);
}
