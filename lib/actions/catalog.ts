import "server-only";
import { revalidatePath } from "next/cache";
import { createCatalogEntry, renameCatalogEntry, setCatalogEntryActive } from "@/lib/dal/departments";
import { createDepartmentSchema, renameDepartmentSchema, setDepartmentActiveSchema } from "@/lib/validation/catalog";
import { runAction } from "./action";

/**
 * The three actions of the Department and OPD screens (manual 17–18), which differ only in the
 * kind and the page to refresh. Each screen's actions.ts ("use server") wraps these.
 */
export function catalogActions(kind: "department" | "agency") {
  const path = kind === "department" ? "/dashboard/departments" : "/dashboard/agencies";
  return {
    create: (input: unknown) =>
      runAction({ schema: createDepartmentSchema, input, permission: "catalog.manage" }, async (data, user) => {
        const result = await createCatalogEntry(user, kind, data.name);
        revalidatePath(path);
        return result;
      }),
    rename: (input: unknown) =>
      runAction({ schema: renameDepartmentSchema, input, permission: "catalog.manage" }, async (data, user) => {
        const result = await renameCatalogEntry(user, kind, data.id, data.name);
        revalidatePath(path);
        return result;
      }),
    /** Never a hard delete: a deactivated entry disappears from selects and keeps its history. */
    setActive: (input: unknown) =>
      runAction({ schema: setDepartmentActiveSchema, input, permission: "catalog.manage" }, async (data, user) => {
        const result = await setCatalogEntryActive(user, kind, data.id, data.active);
        revalidatePath(path);
        return result;
      }),
  };
}
