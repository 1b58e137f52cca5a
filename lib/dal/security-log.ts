import "server-only";
import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { clean, securityEvent, type SecurityEvent, type SecurityFields } from "@/lib/log";
import { requestIp } from "@/lib/auth/client-ip";

/** Events that also go to the audit log, where the Super Admin reads the login history. */
const AUDITED = new Set<SecurityEvent>(["login.success", "login.failure", "login.locked", "session.signout", "session.signout_all", "password.change", "password.reset"]);

/** The proxy's request id (X-Request-Id) when it sends one, else a fresh one. */
async function requestId(): Promise<string> {
  try {
    const given = (await headers()).get("x-request-id");
    if (given && /^[\w.:-]{1,100}$/.test(given)) return given;
  } catch {
    // outside a request
  }
  return randomUUID();
}

/**
 * One security event: a JSON log line (always) and, for logins and sign-outs, an audit-log row.
 * `target` is what the user typed or acted on (bounded, control characters escaped).
 * Never pass passwords, tokens or message bodies.
 */
export async function recordSecurityEvent(
  event: SecurityEvent,
  fields: SecurityFields & { target?: string | null },
): Promise<void> {
  const ip = fields.ip ?? (await requestIp());
  const { target, ...rest } = fields;
  securityEvent(event, { ...rest, ...(target ? { target: clean(target) } : {}), ip, requestId: await requestId() });
  if (!AUDITED.has(event)) return;
  try {
    await db().auditLog.create({
      data: { actorId: fields.userId ?? null, action: event, target: (target && clean(target)) || null, ip: ip.slice(0, 100) },
    });
  } catch (error) {
    // The log line above is the record of last resort; a failed audit row must not fail the login.
    securityEvent(event, { outcome: "failure", note: "audit row not written", error: String(error).slice(0, 200) });
  }
}
