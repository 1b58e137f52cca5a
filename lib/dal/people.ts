import "server-only";
import { queueInvitation } from "./password-reset";
import { randomBytes } from "node:crypto";
import { UserFacingError } from "@/lib/errors";
import { db, Prisma } from "@/lib/db";
import { normalizeIdentifier } from "@/lib/auth/identity";
import { hashPassword } from "@/lib/auth/password";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { removeImage } from "@/lib/storage/images";
import type { UserKind } from "@/lib/validation/users";
import { assertIdentityFree, assertPasswordStrong, auditView, mapUniqueViolation, withNewAvatar } from "./accounts";
import { recordAudit } from "./audit";
import type { SessionUser } from "./users";
import { securityEvent } from "@/lib/log";

type Tx = Prisma.TransactionClient;

export const PAGE_SIZE = 20;

const KIND_ROLES: Record<UserKind, Role[]> = { admin: ["SUPER_ADMIN", "ADMIN"], staff: ["STAFF"], client: ["CLIENT"] };
const KIND_ROLE: Record<Exclude<UserKind, "admin">, Role> = { staff: "STAFF", client: "CLIENT" };

/** Admins (and Super Admins) are managed by a Super Admin only; Staff and Clients by both kinds of admin. */
export const KIND_PERMISSION: Record<UserKind, Permission> = { admin: "admins.manage", staff: "users.manage", client: "users.manage" };

function assertMayManage(actor: SessionUser, kind: UserKind): void {
  assertCan(actor, KIND_PERMISSION[kind]);
}

const listSelect = {
  id: true,
  name: true,
  username: true,
  email: true,
  role: true,
  avatar: true,
  active: true,
  designation: true,
  departmentId: true,
  agencyId: true,
  lastLoginAt: true,
  createdAt: true,
  department: { select: { name: true } },
  agency: { select: { name: true } },
} as const;

export type ManagedUser = Prisma.UserGetPayload<{ select: typeof listSelect }>;

/** One page of Admins, Staff or Clients, searched by name, username or e-mail. */
export async function listManagedUsers(actor: SessionUser, kind: UserKind, query: { q?: string; page: number }) {
  assertMayManage(actor, kind);
  const q = query.q?.trim();
  const key = q ? normalizeIdentifier(q) : "";
  const where: Prisma.UserWhereInput = {
    role: { in: KIND_ROLES[kind] },
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { username: { contains: key } },
            { email: { contains: key } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      select: listSelect,
      orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  return { total, rows };
}

/** A user of this kind, or "not found" (also for an id of another kind, e.g. a Super Admin via the Staff screen). */
export async function getManagedUserOrThrow(actor: SessionUser, kind: UserKind, id: string, tx: Tx = db()): Promise<ManagedUser> {
  assertMayManage(actor, kind);
  const user = await tx.user.findFirst({ where: { id, role: { in: KIND_ROLES[kind] } }, select: listSelect });
  if (!user) throw new UserFacingError("users.errors.notFound");
  return user;
}

async function assertDepartmentUsable(tx: Tx, id: string, keepId?: string | null) {
  const dept = await tx.department.findUnique({ where: { id }, select: { active: true } });
  if (!dept || (!dept.active && id !== keepId)) throw new UserFacingError("users.errors.departmentInvalid", { field: "departmentId" });
}

async function assertAgencyUsable(tx: Tx, id: string, keepId?: string | null) {
  const agency = await tx.agency.findUnique({ where: { id }, select: { active: true } });
  if (!agency || (!agency.active && id !== keepId)) throw new UserFacingError("users.errors.agencyInvalid", { field: "agencyId" });
}

/** Locks the active Super Admin rows, then refuses if `exceptId` is the only one left. */
async function assertAnotherActiveSuperAdmin(tx: Tx, exceptId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "role" = 'SUPER_ADMIN' AND "active" = true FOR UPDATE`;
  if (!rows.some((r) => r.id !== exceptId)) throw new UserFacingError("users.errors.lastSuperAdmin");
}

export type CreateManagedUser = {
  name: string;
  username: string;
  email: string;
  /** Empty with `invite`: the user chooses a password through an e-mailed link. */
  password?: string;
  invite?: boolean;
  avatar?: File;
  role?: "ADMIN" | "SUPER_ADMIN";
  departmentId?: string;
  designation?: string;
  agencyId?: string;
};

export async function createManagedUser(actor: SessionUser, kind: UserKind, input: CreateManagedUser) {
  assertMayManage(actor, kind);
  const role: Role = kind === "admin" ? (input.role ?? "ADMIN") : KIND_ROLE[kind];
  const username = normalizeIdentifier(input.username);
  const email = normalizeIdentifier(input.email);
  // Invited: an unguessable password nobody knows until the link sets one.
  const password = input.invite ? randomBytes(32).toString("base64url") : (input.password ?? "");
  if (!input.invite) assertPasswordStrong(password, { username, email, name: input.name });
  const passwordHash = await hashPassword(password);
  return withNewAvatar(input.avatar, (avatar) =>
    db()
      .$transaction(async (tx) => {
        await assertIdentityFree(tx, username, email);
        if (kind === "staff") await assertDepartmentUsable(tx, input.departmentId!);
        if (kind === "client") await assertAgencyUsable(tx, input.agencyId!);
        const created = await tx.user.create({
          data: {
            name: input.name,
            username,
            email,
            passwordHash,
            role,
            avatar: avatar ?? null,
            designation: kind === "staff" ? input.designation || null : null,
            departmentId: kind === "staff" ? input.departmentId! : null,
            agencyId: kind === "client" ? input.agencyId! : null,
          },
        });
        await recordAudit(tx, { actor, action: "user.create", target: `user:${created.id}`, after: auditView(created) });
        if (input.invite) await queueInvitation(tx, created);
        return { id: created.id };
      })
      .catch(mapUniqueViolation),
  );
}

export type UpdateManagedUser = Omit<CreateManagedUser, "password"> & { id: string };

export async function updateManagedUser(actor: SessionUser, kind: UserKind, input: UpdateManagedUser) {
  assertMayManage(actor, kind);
  const username = normalizeIdentifier(input.username);
  const email = normalizeIdentifier(input.email);
  return withNewAvatar(input.avatar, async (avatar) => {
    const { previousAvatar } = await db()
      .$transaction(async (tx) => {
        const before = await tx.user.findFirst({ where: { id: input.id, role: { in: KIND_ROLES[kind] } } });
        if (!before) throw new UserFacingError("users.errors.notFound");
        await assertIdentityFree(tx, username, email, before.id);
        const role: Role = kind === "admin" ? (input.role ?? before.role) : before.role;
        if (before.role === "SUPER_ADMIN" && role !== "SUPER_ADMIN" && before.active) await assertAnotherActiveSuperAdmin(tx, before.id);
        if (kind === "staff") await assertDepartmentUsable(tx, input.departmentId!, before.departmentId);
        if (kind === "client") await assertAgencyUsable(tx, input.agencyId!, before.agencyId);
        const after = await tx.user.update({
          where: { id: before.id },
          data: {
            name: input.name,
            username,
            email,
            role,
            ...(avatar ? { avatar } : {}),
            ...(kind === "staff" ? { departmentId: input.departmentId!, designation: input.designation || null } : {}),
            ...(kind === "client" ? { agencyId: input.agencyId! } : {}),
          },
        });
        await recordAudit(tx, { actor, action: "user.update", target: `user:${before.id}`, before: auditView(before), after: auditView(after) });
        return { previousAvatar: avatar ? before.avatar : null };
      })
      .catch(mapUniqueViolation);
    await removeImage("avatars", previousAvatar);
    return { id: input.id };
  });
}

/** Deactivating ends the user's sessions at once: the database trigger bumps sessionVersion. */
export async function setManagedUserActive(actor: SessionUser, kind: UserKind, id: string, active: boolean) {
  assertMayManage(actor, kind);
  return db().$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id, role: { in: KIND_ROLES[kind] } } });
    if (!before) throw new UserFacingError("users.errors.notFound");
    if (before.active === active) return { id };
    if (!active && before.role === "SUPER_ADMIN") await assertAnotherActiveSuperAdmin(tx, before.id);
    await tx.user.update({ where: { id }, data: { active } });
    await recordAudit(tx, { actor, action: active ? "user.reactivate" : "user.deactivate", target: `user:${id}`, before: { active: before.active }, after: { active } });
    return { id };
  });
}

/** An admin sets a new password for a user; that user's sessions end (trigger). */
export async function setManagedUserPassword(actor: SessionUser, kind: UserKind, id: string, password: string) {
  assertMayManage(actor, kind);
  const target = await getManagedUserOrThrow(actor, kind, id);
  assertPasswordStrong(password, target);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { passwordHash } });
    await recordAudit(tx, { actor, action: "user.setPassword", target: `user:${id}` });
  });
  securityEvent("password.reset", { outcome: "success", userId: id, by: actor.id });
  return { id };
}

/** Options for the Staff form's Department select and the Client form's OPD select (active only). */
export async function listSelectableDepartments(actor: SessionUser) {
  assertCan(actor, "users.manage");
  return db().department.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function listSelectableAgencies(actor: SessionUser) {
  assertCan(actor, "users.manage");
  return db().agency.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
