import "server-only";
import { UserFacingError } from "@/lib/errors";
import { db, Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "./audit";
import type { SessionUser } from "./users";

export const CATALOG_PAGE_SIZE = 20;

/** Departments (Diskominfo units) and OPD agencies are both "a name that can be switched off". */
type CatalogKind = "department" | "agency";

/** Department and Agency have the same columns for what we use; one delegate type keeps the calls simple. */
function table(kind: CatalogKind): ReturnType<typeof db>["department"] {
  return kind === "department" ? db().department : (db().agency as unknown as ReturnType<typeof db>["department"]);
}

export async function listCatalog(actor: SessionUser, kind: CatalogKind, query: { q?: string; page: number }) {
  assertCan(actor, "catalog.manage");
  const q = query.q?.trim();
  const where = q ? { name: { contains: q, mode: "insensitive" as const } } : {};
  const [total, rows] = await Promise.all([
    table(kind).count({ where }),
    table(kind).findMany({
      where,
      orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * CATALOG_PAGE_SIZE,
      take: CATALOG_PAGE_SIZE,
      select: { id: true, name: true, active: true, createdAt: true, _count: { select: { users: true } } },
    }),
  ]);
  return { total, rows };
}

async function assertNameFree(kind: CatalogKind, name: string, exceptId?: string) {
  const clash = await table(kind).findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new UserFacingError(`${kind === "department" ? "departments" : "agencies"}.errors.nameTaken`, { field: "name" });
}

function mapUnique(kind: CatalogKind) {
  return (error: unknown): never => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserFacingError(`${kind === "department" ? "departments" : "agencies"}.errors.nameTaken`, { field: "name" });
    }
    throw error;
  };
}

export async function createCatalogEntry(actor: SessionUser, kind: CatalogKind, name: string) {
  assertCan(actor, "catalog.manage");
  await assertNameFree(kind, name);
  return db()
    .$transaction(async (tx) => {
      const created = await (kind === "department" ? tx.department.create({ data: { name } }) : tx.agency.create({ data: { name } }));
      await recordAudit(tx, { actor, action: `${kind}.create`, target: `${kind}:${created.id}`, after: { name } });
      return { id: created.id };
    })
    .catch(mapUnique(kind));
}

export async function renameCatalogEntry(actor: SessionUser, kind: CatalogKind, id: string, name: string) {
  assertCan(actor, "catalog.manage");
  await assertNameFree(kind, name, id);
  return db()
    .$transaction(async (tx) => {
      const before =
        kind === "department" ? await tx.department.findUnique({ where: { id } }) : await tx.agency.findUnique({ where: { id } });
      if (!before) throw new UserFacingError(`${kind === "department" ? "departments" : "agencies"}.errors.notFound`);
      if (kind === "department") await tx.department.update({ where: { id }, data: { name } });
      else await tx.agency.update({ where: { id }, data: { name } });
      await recordAudit(tx, { actor, action: `${kind}.rename`, target: `${kind}:${id}`, before: { name: before.name }, after: { name } });
      return { id };
    })
    .catch(mapUnique(kind));
}

/** We never hard-delete: a deactivated entry keeps its tickets and staff but leaves every select. */
export async function setCatalogEntryActive(actor: SessionUser, kind: CatalogKind, id: string, active: boolean) {
  assertCan(actor, "catalog.manage");
  return db().$transaction(async (tx) => {
    const before =
      kind === "department" ? await tx.department.findUnique({ where: { id } }) : await tx.agency.findUnique({ where: { id } });
    if (!before) throw new UserFacingError(`${kind === "department" ? "departments" : "agencies"}.errors.notFound`);
    if (before.active === active) return { id };
    if (kind === "department") await tx.department.update({ where: { id }, data: { active } });
    else await tx.agency.update({ where: { id }, data: { active } });
    await recordAudit(tx, { actor, action: `${kind}.${active ? "reactivate" : "deactivate"}`, target: `${kind}:${id}`, before: { active: before.active }, after: { active } });
    return { id };
  });
}

/** Active departments for any signed-in user's selects (ticket form, FAQ form). */
export async function listActiveDepartments() {
  return db().department.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
