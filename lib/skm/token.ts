import "server-only";
import { createHash, createHmac } from "node:crypto";

/**
 * The survey link's token: an HMAC of the invite's id under the server's secret. The database keeps
 * only its SHA-256 (SkmInvite.tokenHash) and the outbox only the invite's id, so neither a database
 * copy nor the outbox list can be turned into a working link.
 */
export function skmInviteToken(inviteId: string): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is needed to sign survey links");
  return createHmac("sha256", secret).update(`skm-invite:${inviteId}`).digest("base64url");
}

export function hashSkmToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
