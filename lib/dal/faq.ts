import "server-only";
import { UserFacingError } from "@/lib/errors";
import { db, Prisma } from "@/lib/db";
import { assertCan, can } from "@/lib/auth/permissions";
import { recordAudit } from "./audit";
import { prefixQuery } from "./search";
import type { SessionUser } from "./users";

export const FAQ_PAGE_SIZE = 20;

const faqSelect = {
  id: true,
  subject: true,
  description: true,
  published: true,
  departmentId: true,
  updatedAt: true,
  department: { select: { name: true } },
} as const;

/**
 * The dashboard FAQ list: managers see every question, everyone else only published ones.
 */
export async function listFaqsForUser(actor: SessionUser, query: { q?: string; page: number }) {
  const q = query.q?.trim();
  const where: Prisma.FaqWhereInput = {
    ...(can(actor, "faq.manage") ? {} : { published: true, department: { active: true } }),
    ...(q
      ? { OR: [{ subject: { contains: q, mode: "insensitive" } }, { description: { contains: q, mode: "insensitive" } }] }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db().faq.count({ where }),
    db().faq.findMany({
      where,
      select: faqSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * FAQ_PAGE_SIZE,
      take: FAQ_PAGE_SIZE,
    }),
  ]);
  return { total, rows };
}

export type PublicFaq = { id: string; subject: string; description: string; department: string };

/**
 * Published FAQs matching `q`, through the GIN full-text index (migration people_config).
 * Used by the public /faq page and by /api/faq/suggest for the ticket form.
 */
export async function searchPublishedFaqs(q: string, limit: number): Promise<PublicFaq[]> {
  const query = prefixQuery(q);
  const take = Math.max(1, Math.min(limit, 200));
  if (!query) return [];
  return db().$queryRaw<PublicFaq[]>`
    SELECT f."id", f."subject", f."description", d."name" AS "department"
    FROM "Faq" f JOIN "Department" d ON d."id" = f."departmentId"
    WHERE f."published" = true AND d."active" = true
      AND to_tsvector('simple', f."subject" || ' ' || f."description") @@ to_tsquery('simple', ${query})
    ORDER BY ts_rank(to_tsvector('simple', f."subject" || ' ' || f."description"), to_tsquery('simple', ${query})) DESC, f."subject"
    LIMIT ${take}`;
}

/** The public FAQ page without a search: published questions of active departments (bounded). */
export async function listPublishedFaqs(limit = 200): Promise<PublicFaq[]> {
  const rows = await db().faq.findMany({
    where: { published: true, department: { active: true } },
    select: { id: true, subject: true, description: true, department: { select: { name: true } } },
    orderBy: [{ department: { name: "asc" } }, { subject: "asc" }],
    take: limit,
  });
  return rows.map((r) => ({ id: r.id, subject: r.subject, description: r.description, department: r.department.name }));
}

async function assertDepartment(tx: Prisma.TransactionClient, id: string, keepId?: string) {
  const dept = await tx.department.findUnique({ where: { id }, select: { active: true } });
  if (!dept || (!dept.active && id !== keepId)) throw new UserFacingError("faq.errors.departmentInvalid", { field: "departmentId" });
}

export type FaqData = { departmentId: string; subject: string; description: string; published: boolean };

export async function createFaq(actor: SessionUser, input: FaqData) {
  assertCan(actor, "faq.manage");
  return db().$transaction(async (tx) => {
    await assertDepartment(tx, input.departmentId);
    const created = await tx.faq.create({ data: input });
    await recordAudit(tx, { actor, action: "faq.create", target: `faq:${created.id}`, after: input });
    return { id: created.id };
  });
}

export async function updateFaq(actor: SessionUser, input: FaqData & { id: string }) {
  assertCan(actor, "faq.manage");
  return db().$transaction(async (tx) => {
    const before = await tx.faq.findUnique({ where: { id: input.id } });
    if (!before) throw new UserFacingError("faq.errors.notFound");
    await assertDepartment(tx, input.departmentId, before.departmentId);
    const { id, ...data } = input;
    await tx.faq.update({ where: { id }, data });
    await recordAudit(tx, {
      actor,
      action: "faq.update",
      target: `faq:${id}`,
      before: { departmentId: before.departmentId, subject: before.subject, description: before.description, published: before.published },
      after: data,
    });
    return { id };
  });
}

export async function setFaqPublished(actor: SessionUser, id: string, published: boolean) {
  assertCan(actor, "faq.manage");
  return db().$transaction(async (tx) => {
    const before = await tx.faq.findUnique({ where: { id }, select: { published: true } });
    if (!before) throw new UserFacingError("faq.errors.notFound");
    await tx.faq.update({ where: { id }, data: { published } });
    await recordAudit(tx, { actor, action: published ? "faq.publish" : "faq.unpublish", target: `faq:${id}`, before, after: { published } });
    return { id };
  });
}

export async function getFaqForEdit(actor: SessionUser, id: string) {
  assertCan(actor, "faq.manage");
  return db().faq.findUnique({ where: { id }, select: faqSelect });
}
