import { z } from "./zod";

/** Departments and OPD agencies share this shape: one name. */
const catalogName = z.string().trim().min(1).max(150);

export const createDepartmentSchema = z.object({ name: catalogName }).strict();
export const renameDepartmentSchema = z.object({ id: z.uuid(), name: catalogName }).strict();
export const setDepartmentActiveSchema = z.object({ id: z.uuid(), active: z.boolean() }).strict();
/** The Department edit form: the name and "Tugaskan otomatis" (absent: left as it is). */
export const editDepartmentSchema = z.object({ id: z.uuid(), name: catalogName, autoAssign: z.boolean().optional() }).strict();
/** What the shared Department/OPD modal edits in the browser (OPD have no automatic assignment). */
export const catalogFormSchema = z.object({ name: catalogName, autoAssign: z.boolean().optional() }).strict();

export const createAgencySchema = createDepartmentSchema;
export const renameAgencySchema = renameDepartmentSchema;
export const setAgencyActiveSchema = setDepartmentActiveSchema;

export type DepartmentInput = z.input<typeof createDepartmentSchema>;
