"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { createCatalogEntry, renameCatalogEntry, setCatalogEntryActive } from "@/lib/dal/departments";
import { createAgencySchema, renameAgencySchema, setAgencyActiveSchema } from "@/lib/validation/catalog";

const PATH = "/dashboard/agencies";

export async function createAgencyAction(input: unknown) {
  return runAction({ schema: createAgencySchema, input, permission: "catalog.manage" }, async (data, user) => {
    const result = await createCatalogEntry(user, "agency", data.name);
    revalidatePath(PATH);
    return result;
  });
}

export async function renameAgencyAction(input: unknown) {
  return runAction({ schema: renameAgencySchema, input, permission: "catalog.manage" }, async (data, user) => {
    const result = await renameCatalogEntry(user, "agency", data.id, data.name);
    revalidatePath(PATH);
    return result;
  });
}

/** Never a hard delete: a deactivated entry disappears from selects and keeps its history. */
export async function setAgencyActiveAction(input: unknown) {
  return runAction({ schema: setAgencyActiveSchema, input, permission: "catalog.manage" }, async (data, user) => {
    const result = await setCatalogEntryActive(user, "agency", data.id, data.active);
    revalidatePath(PATH);
    return result;
  });
}
