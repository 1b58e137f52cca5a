import "server-only";
import { Prisma } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { weakPasswordReason } from "@/lib/auth/password-policy";
import type { Role } from "@/lib/auth/roles";
import { normalizeImage, removeImage, saveImage } from "@/lib/storage/images";

// Rules every account write shares: managed users (people.ts) and one's own profile (profile.ts).

type Tx = Prisma.TransactionClient;

export const AVATAR_SIZE = 256;

export function auditView(u: { name: string; username: string; email: string; role: Role; active: boolean; designation: string | null; departmentId: string | null; agencyId: string | null; avatar: string | null }) {
  return {
    name: u.name,
    username: u.username,
    email: u.email,
    role: u.role,
    active: u.active,
    designation: u.designation,
    departmentId: u.departmentId,
    agencyId: u.agencyId,
    avatar: u.avatar ? "set" : null,
  };
}

export async function assertIdentityFree(tx: Tx, username: string, email: string, exceptId?: string): Promise<void> {
  const clash = await tx.user.findFirst({
    where: { OR: [{ username }, { email }], ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { username: true, email: true },
  });
  if (clash?.username === username) throw new UserFacingError("users.errors.usernameTaken", { field: "username" });
  if (clash?.email === email) throw new UserFacingError("users.errors.emailTaken", { field: "email" });
}

/** A unique-index violation that slipped past the check above (two requests at once). */
export function mapUniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = String((error.meta as { target?: unknown } | undefined)?.target ?? "");
    if (target.includes("email")) throw new UserFacingError("users.errors.emailTaken", { field: "email" });
    throw new UserFacingError("users.errors.usernameTaken", { field: "username" });
  }
  throw error;
}

export function assertPasswordStrong(password: string, identity: { username?: string; email?: string; name?: string }, field = "password") {
  const reason = weakPasswordReason(password, identity);
  if (reason) throw new UserFacingError(reason, { field });
}

export async function storeAvatar(file: File | undefined): Promise<string | undefined> {
  if (!file) return undefined;
  return saveImage("avatars", await normalizeImage(file, { size: AVATAR_SIZE, field: "avatar" }));
}

/** Runs `body`; if it fails, the freshly written avatar file is removed again. */
export async function withNewAvatar<T>(file: File | undefined, body: (avatar: string | undefined) => Promise<T>): Promise<T> {
  const avatar = await storeAvatar(file);
  try {
    return await body(avatar);
  } catch (error) {
    await removeImage("avatars", avatar);
    throw error;
  }
}
