import { randomBytes } from "node:crypto";
import type { PrismaClient } from "./generated/prisma/client";
import { normalizeIdentifier } from "./auth/identity";
import { hashPassword } from "./auth/password";

export type FirstAdminResult =
  | { created: false }
  | { created: true; username: string; email: string; generatedPassword?: string };

/**
 * Creates the first Super Admin when none exists: from HELPDESK_ADMIN_* when set, otherwise with a
 * random password that the caller prints once. There is never a fixed default password.
 */
export async function ensureFirstSuperAdmin(
  prisma: PrismaClient,
  env: Record<string, string | undefined> = process.env,
): Promise<FirstAdminResult> {
  const existing = await prisma.user.count({ where: { role: "SUPER_ADMIN" } });
  if (existing > 0) return { created: false };

  const username = normalizeIdentifier(env.HELPDESK_ADMIN_USERNAME || "superadmin");
  const email = normalizeIdentifier(env.HELPDESK_ADMIN_EMAIL || `${username}@helpdesk.invalid`);
  const given = env.HELPDESK_ADMIN_PASSWORD;
  if (given !== undefined && (given.length < 8 || given.length > 128)) {
    throw new Error("HELPDESK_ADMIN_PASSWORD must be 8 to 128 characters long.");
  }
  const password = given || randomBytes(15).toString("base64url");

  await prisma.user.create({
    data: {
      name: "Super Admin",
      username,
      email,
      role: "SUPER_ADMIN",
      passwordHash: await hashPassword(password),
    },
  });
  return { created: true, username, email, generatedPassword: given ? undefined : password };
}
