import "server-only";
import type { UserKind } from "@/lib/validation/users";
import { isUuid } from "@/lib/validation/zod";
import { UserFacingError } from "@/lib/errors";
import { getManagedUserOrThrow, listSelectableAgencies, listSelectableDepartments, type ManagedUser } from "./people";
import type { SessionUser } from "./users";

type Option = { id: string; name: string };
export type UserEditorData = { target?: ManagedUser; departments: Option[]; agencies: Option[] };

/**
 * What the Add New / Edit page of an Admin, Staff or Client needs: the user (edit) and the options
 * of the kind's select. Null for an id that is no user of this kind (the page answers 404).
 */
export async function findUserEditor(actor: SessionUser, kind: UserKind, id?: string): Promise<UserEditorData | null> {
  let target: ManagedUser | undefined;
  if (id !== undefined) {
    if (!isUuid(id)) return null;
    try {
      target = await getManagedUserOrThrow(actor, kind, id);
    } catch (error) {
      if (error instanceof UserFacingError) return null;
      throw error;
    }
  }
  const [departments, agencies] = await Promise.all([
    kind === "staff" ? listSelectableDepartments(actor) : Promise.resolve([]),
    kind === "client" ? listSelectableAgencies(actor) : Promise.resolve([]),
  ]);
  // A user whose department/OPD was deactivated keeps it selectable on their own edit form.
  if (target?.departmentId && target.department && !departments.some((d) => d.id === target.departmentId)) {
    departments.push({ id: target.departmentId, name: target.department.name });
  }
  if (target?.agencyId && target.agency && !agencies.some((a) => a.id === target.agencyId)) {
    agencies.push({ id: target.agencyId, name: target.agency.name });
  }
  return { target, departments, agencies };
}
