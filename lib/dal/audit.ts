import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { db, Prisma } from "@/lib/db";
import { requestIp } from "@/lib/auth/client-ip";
import type { SessionUser } from "./users";

type Tx = Prisma.TransactionClient;

const SECRET_KEYS = new Set(["password", "passwordhash", "newpassword", "currentpassword", "confirmpassword", "sessionversion"]);

/** Copies a value for the audit log without any password, hash or session counter, at any depth. */
export function stripSecrets(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => stripSecrets(v) ?? null) as Prisma.InputJsonValue;
  if (typeof value === "object") {
    const out: Record<string, Prisma.InputJsonValue | null> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEYS.has(k.toLowerCase()) || v === undefined) continue;
      out[k] = stripSecrets(v) ?? null;
    }
    return out;
  }
  return value as Prisma.InputJsonValue;
}

/** Records one change; call it inside the transaction that makes the change. */
export async function recordAudit(
  tx: Tx,
  entry: { actor: Pick<SessionUser, "id">; action: string; target?: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor.id,
      action: entry.action,
      target: entry.target ?? null,
      ...(entry.before === undefined ? {} : { before: stripSecrets(entry.before) ?? Prisma.DbNull }),
      ...(entry.after === undefined ? {} : { after: stripSecrets(entry.after) ?? Prisma.DbNull }),
      ip: await requestIp(),
    },
  });
}

export const AUDIT_PAGE_SIZE = 20;

export type AuditFilters = { actor?: string; action?: string; from?: Date; to?: Date; page: number };

/** The audit log, newest first; Super Admin only. */
export async function listAuditLog(actor: SessionUser, filters: AuditFilters) {
  assertCan(actor, "audit.read");
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor
      ? {
          actor: {
            OR: [
              { username: { contains: filters.actor.toLowerCase() } },
              { name: { contains: filters.actor, mode: "insensitive" } },
            ],
          },
        }
      : {}),
    ...(filters.from || filters.to
      ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        target: true,
        before: true,
        after: true,
        ip: true,
        createdAt: true,
        actor: { select: { name: true, username: true } },
      },
    }),
  ]);
  return { total, rows };
}

export async function listAuditActions(actor: SessionUser): Promise<string[]> {
  assertCan(actor, "audit.read");
  const rows = await db().auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
