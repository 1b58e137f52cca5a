"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { createCatalogEntry, renameCatalogEntry, setCatalogEntryActive } from "@/lib/dal/departments";
import { createDepartmentSchema, renameDepartmentSchema, setDepartmentActiveSchema } from "@/lib/validation/catalog";

const PATH = "/dashboard/departments";

export async function createDepartmentAction(input: unknown) {
  return runAction({ schema: createDepartmentSchema, input, permission: "catalog.manage" }, async (data, user) => {
    const result = await createCatalogEntry(user, "department", data.name);
    revalidatePath(PATH);
    return result;
  });
}

export async function renameDepartmentAction(input: unknown) {
  return runAction({ schema: renameDepartmentSchema, input, permission: "catalog.manage" }, async (data, user) => {
    const result = await renameCatalogEntry(user, "department", data.id, data.name);
    revalidatePath(PATH);
    return result;
  });
}

/** Never a hard delete: a deactivated entry disappears from selects and keeps its history. */
export async function setDepartmentActiveAction(input: unknown) {
  return runAction({ schema: setDepartmentActiveSchema, input, permission: "catalog.manage" }, async (data, user) => {
    const result = await setCatalogEntryActive(user, "department", data.id, data.active);
    revalidatePath(PATH);
    return result;
  });
}
