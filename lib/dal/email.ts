import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { imapConfig, mailFromAddress, replyAddress, smtpConfig } from "@/lib/mail/config";
import { queueMail, wakeMailWorker } from "@/lib/mail/outbox";
import { recordAudit } from "./audit";
import type { SessionUser } from "./users";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

export const OUTBOX_PAGE_SIZE = 25;

/** What the E-mail settings page shows about the configuration. Never a password. */
export async function getEmailSetup(actor: SessionUser) {
  assertCan(actor, "email.manage");
  const smtp = smtpConfig();
  const imap = imapConfig();
  const counts = await db().$queryRaw<{ status: EmailStatus; n: number }[]>`
    SELECT "status", count(*)::int AS n FROM (
      SELECT "status" FROM "EmailOutbox" WHERE "status" IN ('QUEUED', 'FAILED')
      UNION ALL SELECT 'SENT'::"EmailStatus" FROM "EmailOutbox" WHERE "status" = 'SENT' AND "createdAt" > ${new Date(Date.now() - 86400_000)}
    ) s GROUP BY "status"`;
  return {
    smtp: smtp ? { host: smtp.host, port: smtp.port, secure: smtp.secure, user: smtp.user ?? null } : null,
    imap: imap ? { host: imap.host, port: imap.port, secure: imap.secure, user: imap.user, mailbox: imap.mailbox } : null,
    fromName: process.env.MAIL_FROM_NAME || null,
    fromAddress: mailFromAddress(),
    replyAddress: replyAddress(),
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<EmailStatus, number>>,
  };
}

/** The outbox, newest first, one page (plus one row to know whether a next page exists). */
export async function listOutbox(actor: SessionUser, filter: { status?: EmailStatus; page: number }) {
  assertCan(actor, "email.manage");
  const rows = await db().emailOutbox.findMany({
    where: filter.status ? { status: filter.status } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (filter.page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE + 1,
    select: {
      id: true, kind: true, toAddress: true, subject: true, status: true, attempts: true, lastError: true,
      nextAttemptAt: true, sentAt: true, createdAt: true, ticket: { select: { number: true } },
    },
  });
  return { rows: rows.slice(0, OUTBOX_PAGE_SIZE), hasNext: rows.length > OUTBOX_PAGE_SIZE };
}

/** "Kirim ulang": a failed mail goes back to the queue with a fresh retry window. */
export async function resendEmail(actor: SessionUser, id: string) {
  assertCan(actor, "email.manage");
  await db().$transaction(async (tx) => {
    const { count } = await tx.emailOutbox.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), createdAt: new Date(), lockedUntil: null, lastError: null },
    });
    if (count !== 1) throw new UserFacingError("email.errors.notFailed");
    await recordAudit(tx, { actor, action: "email.resend", target: `email:${id}` });
  });
  wakeMailWorker();
}

/** Queues a test mail to an address the Super Admin types (their own by default). */
export async function sendTestEmail(actor: SessionUser, to: string) {
  assertCan(actor, "email.manage");
  const locale = (await db().user.findUnique({ where: { id: actor.id }, select: { locale: true } }))?.locale ?? "id";
  await db().$transaction(async (tx) => {
    await queueMail(tx, { kind: "test", to, locale });
    await recordAudit(tx, { actor, action: "email.test", target: `email:${to}` });
  });
}
