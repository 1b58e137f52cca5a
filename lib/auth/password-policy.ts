import "server-only";
import commonPasswords from "./common-passwords.json";
import { normalizeIdentifier } from "./identity";

const COMMON = new Set<string>(commonPasswords);

/**
 * Checks beyond length (8–128, any characters, in the shared zod schema): refuses passwords on
 * the common-password list, ones equal to the user's own username or e-mail, and a single
 * repeated character. Returns a "users.errors.*" message key, or null when the password is fine.
 */
export function weakPasswordReason(password: string, identity: { username?: string; email?: string; name?: string }): string | null {
  const folded = normalizeIdentifier(password);
  if (COMMON.has(folded)) return "users.errors.passwordCommon";
  const own = [identity.username, identity.email, identity.email?.split("@")[0], identity.name]
    .filter((v): v is string => !!v)
    .map(normalizeIdentifier);
  if (own.includes(folded)) return "users.errors.passwordPersonal";
  if (/^(.)\1*$/u.test(folded)) return "users.errors.passwordCommon";
  return null;
}
