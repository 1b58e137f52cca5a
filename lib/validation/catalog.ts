import { z } from "./zod";

/** Departments and OPD agencies share this shape: one name. */
const catalogName = z.string().trim().min(1).max(150);

export const createDepartmentSchema = z.object({ name: catalogName }).strict();
export const renameDepartmentSchema = z.object({ id: z.uuid(), name: catalogName }).strict();
export const setDepartmentActiveSchema = z.object({ id: z.uuid(), active: z.boolean() }).strict();

export const createAgencySchema = createDepartmentSchema;
export const renameAgencySchema = renameDepartmentSchema;
export const setAgencyActiveSchema = setDepartmentActiveSchema;

export type DepartmentInput = z.input<typeof createDepartmentSchema>;
