import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { DEFAULT_SKM_ELEMENTS, SKM_ELEMENT_CODES, type SkmElementCode, type SkmElementSetting } from "@/lib/skm/elements";
import { nextPeriod, periodOf } from "@/lib/skm/periods";
import { hashSkmToken, skmInviteToken } from "@/lib/skm/token";
import { DEFAULT_SKM_SETTINGS, skmElementSettingSchema, skmSettingsSchema, type SkmAnswersInput, type SkmSettings } from "@/lib/validation/skm";
import { recordAudit } from "./audit";
import { getServiceTimeZone } from "./settings";
import { findScopedTicket } from "./tickets/scope";
import type { SessionUser } from "./users";

type Tx = Prisma.TransactionClient;
const DONE = ["RESOLVED", "CLOSED"];

// ------------------------------------------------------------------ settings and questionnaire versions

/** Settings → SKM (anyone may read: the public page and the questionnaire use it). Bad stored fields fall back. */
export async function getSkmSettings(): Promise<SkmSettings> {
  const row = await db().setting.findUnique({ where: { key: "skm" } });
  const stored = row && typeof row.value === "object" && row.value && !Array.isArray(row.value) ? (row.value as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...DEFAULT_SKM_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in DEFAULT_SKM_SETTINGS)) continue;
    if (skmSettingsSchema.safeParse({ ...merged, [key]: value }).success) merged[key] = value;
  }
  return merged as SkmSettings;
}

export async function updateSkmSettings(actor: SessionUser, value: SkmSettings): Promise<void> {
  assertCan(actor, "settings.manage");
  const before = await getSkmSettings();
  await db().$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: "skm" }, create: { key: "skm", value }, update: { value } });
    await recordAudit(tx, { actor, action: "settings.skm", before, after: value });
  });
}

export type SkmQuestionnaireVersion = { id: string | null; effectiveFrom: Date | null; elements: SkmElementSetting[] };

function parseElements(value: unknown): SkmElementSetting[] {
  if (!Array.isArray(value)) return [...DEFAULT_SKM_ELEMENTS];
  // A stored element that no longer parses keeps the regulation's wording rather than breaking the survey.
  return SKM_ELEMENT_CODES.map((code, i) => {
    const parsed = skmElementSettingSchema.safeParse(value[i]);
    return parsed.success && parsed.data.code === code ? parsed.data : DEFAULT_SKM_ELEMENTS[i]!;
  });
}

/** The questionnaire in force at `instant`: the newest version that began by then, else the regulation's. */
export async function questionnaireAt(instant: Date, tx: Tx | ReturnType<typeof db> = db()): Promise<SkmQuestionnaireVersion> {
  const row = await tx.skmQuestionnaire.findFirst({ where: { effectiveFrom: { lte: instant } }, orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }] });
  return row ? { id: row.id, effectiveFrom: row.effectiveFrom, elements: parseElements(row.elements) } : { id: null, effectiveFrom: null, elements: [...DEFAULT_SKM_ELEMENTS] };
}

/** What Settings → SKM edits: the newest version, also one that starts with the next period. */
export async function latestQuestionnaire(): Promise<SkmQuestionnaireVersion> {
  const row = await db().skmQuestionnaire.findFirst({ orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }] });
  return row ? { id: row.id, effectiveFrom: row.effectiveFrom, elements: parseElements(row.elements) } : { id: null, effectiveFrom: null, elements: [...DEFAULT_SKM_ELEMENTS] };
}

/**
 * Saves the element set and wording. Answers already given keep the questionnaire they were given
 * under: the change starts with the current period only while it has no response yet, otherwise with
 * the next period. Returns when it takes effect.
 */
export async function saveSkmQuestionnaire(actor: SessionUser, elements: SkmElementSetting[]): Promise<{ effectiveFrom: Date }> {
  assertCan(actor, "settings.manage");
  const [settings, timeZone] = await Promise.all([getSkmSettings(), getServiceTimeZone()]);
  const current = periodOf(settings.periodKind, new Date(), timeZone);
  return db().$transaction(async (tx) => {
    const answered = await tx.skmResponse.findFirst({ where: { submittedAt: { gte: current.start } }, select: { id: true } });
    const effectiveFrom = answered ? nextPeriod(current, timeZone).start : current.start;
    const before = await questionnaireAt(effectiveFrom, tx);
    // A version not yet in use is replaced rather than stacked.
    await tx.skmQuestionnaire.deleteMany({ where: { effectiveFrom: { gte: effectiveFrom } } });
    await tx.skmQuestionnaire.create({ data: { effectiveFrom, elements: elements as Prisma.InputJsonValue, createdById: actor.id } });
    await recordAudit(tx, { actor, action: "settings.skmQuestionnaire", before: before.elements, after: { effectiveFrom, elements } });
    return { effectiveFrom };
  });
}

// ------------------------------------------------------------------ the questionnaire a client sees

export type SkmFormElement = { code: SkmElementCode; question: string; levels: string[] };
export type SkmForm = { elements: SkmFormElement[] };
export type SkmOffer =
  | { state: "open"; ticket: { id: string; number: string; subject: string }; form: SkmForm }
  | { state: "answered" | "none" | "invalid" | "expired" | "notResolved"; ticket?: { id: string; number: string; subject: string } };

async function formNow(locale: string): Promise<{ form: SkmForm; questionnaireId: string | null; enabled: SkmElementCode[] }> {
  const q = await questionnaireAt(new Date());
  const on = q.elements.filter((e) => e.enabled);
  return {
    questionnaireId: q.id,
    enabled: on.map((e) => e.code),
    form: { elements: on.map((e) => ({ code: e.code, ...(locale === "en" ? e.en : e.id) })) },
  };
}

/** The survey block of the ticket page: open for the ticket's client once it is resolved or closed. */
export async function skmOfferForTicket(user: SessionUser, ticketId: string, locale: string): Promise<SkmOffer> {
  const ticket = await findScopedTicket(user, ticketId);
  if (ticket.clientId !== user.id) return { state: "none" };
  const row = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { id: true, number: true, subject: true } });
  if (!DONE.includes(ticket.status)) return { state: "notResolved", ticket: row };
  if (await db().skmResponse.findUnique({ where: { ticketId: ticket.id }, select: { id: true } })) return { state: "answered", ticket: row };
  return { state: "open", ticket: row, form: (await formNow(locale)).form };
}

type InviteRow = { id: string; ticketId: string; expiresAt: Date; usedAt: Date | null; status: string; number: string; subject: string; answered: boolean };

async function inviteByToken(token: string, tx: Tx | ReturnType<typeof db> = db()): Promise<InviteRow | null> {
  if (!token || token.length > 200) return null;
  const [row] = await tx.$queryRaw<InviteRow[]>`
    SELECT i."id"::text AS id, i."ticketId"::text AS "ticketId", i."expiresAt", i."usedAt", t."status"::text AS status, t."number", t."subject",
           EXISTS (SELECT 1 FROM "SkmResponse" r WHERE r."ticketId" = i."ticketId") AS answered
    FROM "SkmInvite" i JOIN "Ticket" t ON t."id" = i."ticketId"
    WHERE i."tokenHash" = ${hashSkmToken(token)}`;
  return row ?? null;
}

function inviteState(row: InviteRow | null): SkmOffer["state"] {
  if (!row) return "invalid";
  if (row.usedAt || row.answered) return "answered";
  if (row.expiresAt <= new Date()) return "expired";
  if (!DONE.includes(row.status)) return "notResolved";
  return "open";
}

/** The page behind the mailed link (no login): the form, or why it cannot be used. */
export async function skmOfferForToken(token: string, locale: string): Promise<SkmOffer> {
  const row = await inviteByToken(token);
  const state = inviteState(row);
  const ticket = row ? { id: row.ticketId, number: row.number, subject: row.subject } : undefined;
  if (state !== "open") return { state, ticket } as SkmOffer;
  return { state, ticket: ticket!, form: (await formNow(locale)).form };
}

// ------------------------------------------------------------------ submitting

const stateError: Record<string, string> = {
  invalid: "skm.errors.invalidLink",
  answered: "skm.errors.alreadyAnswered",
  expired: "skm.errors.expired",
  notResolved: "skm.errors.notResolved",
};

/**
 * Stores one response for a resolved or closed ticket. The unique ticket id is the guard against a
 * second response (another tab, the mail link after the ticket page, two submits at once): the
 * INSERT … ON CONFLICT DO NOTHING answers "already answered" to every submit but the first.
 */
async function insertResponse(tx: Tx, ticketId: string, channel: "ticket" | "email", input: SkmAnswersInput, asked: { questionnaireId: string | null; enabled: SkmElementCode[] }): Promise<void> {
  const { questionnaireId, enabled } = asked;
  const answers = SKM_ELEMENT_CODES.map((c) => (enabled.includes(c) ? (input[c] ?? null) : null));
  if (answers.every((a) => a === null)) throw new UserFacingError("skm.errors.noAnswer");
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "SkmResponse" ("id", "ticketId", "questionnaireId", "departmentId", "agencyId", "channel",
                               "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "gender", "age", "education", "occupation", "suggestion")
    SELECT gen_random_uuid(), t."id", ${questionnaireId}::uuid, t."departmentId", t."agencyId", ${channel},
           ${answers[0]}::smallint, ${answers[1]}::smallint, ${answers[2]}::smallint, ${answers[3]}::smallint, ${answers[4]}::smallint,
           ${answers[5]}::smallint, ${answers[6]}::smallint, ${answers[7]}::smallint, ${answers[8]}::smallint,
           ${input.gender}, ${input.age}::smallint, ${input.education}, ${input.occupation}, ${input.suggestion || null}
    FROM "Ticket" t WHERE t."id" = ${ticketId}::uuid AND t."status" IN ('RESOLVED', 'CLOSED')
    ON CONFLICT ("ticketId") DO NOTHING
    RETURNING "id"::text AS id`;
  if (inserted.length) {
    await tx.skmInvite.updateMany({ where: { ticketId, usedAt: null }, data: { usedAt: new Date() } });
    return;
  }
  const answered = await tx.skmResponse.findUnique({ where: { ticketId }, select: { id: true } });
  throw new UserFacingError(answered ? "skm.errors.alreadyAnswered" : "skm.errors.notResolved");
}

/** The ticket's client answers on the ticket page. */
export async function submitSkmForTicket(user: SessionUser, input: SkmAnswersInput & { ticketId: string }, locale: string): Promise<void> {
  const ticket = await findScopedTicket(user, input.ticketId);
  if (ticket.clientId !== user.id) throw new UserFacingError("errors.forbidden");
  // Read before the transaction: on the embedded database a read outside it would wait for it.
  const asked = await formNow(locale);
  await db().$transaction((tx) => insertResponse(tx, ticket.id, "ticket", input, asked));
}

/**
 * Anyone holding the mailed link answers, without logging in. The link is claimed in the statement
 * that checks it (unused, unexpired), so two submits with one link cannot both pass.
 */
export async function submitSkmByToken(input: SkmAnswersInput & { token: string }, locale: string): Promise<void> {
  const asked = await formNow(locale);
  await db().$transaction(async (tx) => {
    const row = await inviteByToken(input.token, tx);
    const state = inviteState(row);
    if (state !== "open") throw new UserFacingError(stateError[state]!);
    const claimed = await tx.skmInvite.updateMany({ where: { id: row!.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new UserFacingError("skm.errors.alreadyAnswered");
    await insertResponse(tx, row!.ticketId, "email", input, asked);
  });
}

// ------------------------------------------------------------------ the invitation mail

/**
 * For the mail worker: the link's token for an invite still worth mailing (not answered, not expired),
 * its hash stored on the way; null when the mail should not go out.
 */
export async function skmInviteLinkToken(inviteId: string): Promise<string | null> {
  const invite = await db().skmInvite.findUnique({ where: { id: inviteId } });
  if (!invite || invite.usedAt || invite.expiresAt <= new Date()) return null;
  if (await db().skmResponse.findUnique({ where: { ticketId: invite.ticketId }, select: { id: true } })) return null;
  const token = skmInviteToken(invite.id);
  const tokenHash = hashSkmToken(token);
  if (invite.tokenHash !== tokenHash) await db().skmInvite.update({ where: { id: invite.id }, data: { tokenHash } });
  return token;
}
