import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { mailFromAddress, smtpConfig, type SmtpConfig } from "./config";
import { composeMail, UnsendableMailError, type OutboxRow } from "./compose";
import { getSettings } from "@/lib/dal/settings";

/** How long a claimed mail stays reserved for the worker that claimed it (then another may retry it). */
const LEASE_MS = Number(process.env.MAIL_LEASE_SECONDS || 120) * 1000;
/** After this long a mail that still cannot be sent is marked failed. */
const GIVE_UP_MS = Number(process.env.MAIL_RETRY_HOURS || 24) * 3600_000;
const BATCH = 20;

/** Wait before the n-th retry: 30 s doubling up to an hour, with jitter so instances spread out. */
export function retryDelayMs(attempts: number): number {
  const base = Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** SMTP answers that will not change by retrying: the recipient or the message was refused (5xx). */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const e = error as { response?: string; message?: string; code?: string };
  return (e.response || e.message || e.code || String(error)).slice(0, 1000);
}

const g = globalThis as unknown as { __helpdeskMailTransport?: { key: string; transport: Transporter } };

function transportFor(config: SmtpConfig): Transporter {
  const key = JSON.stringify(config);
  if (g.__helpdeskMailTransport?.key !== key) {
    g.__helpdeskMailTransport?.transport.close();
    g.__helpdeskMailTransport = {
      key,
      transport: nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        auth: config.user ? { user: config.user, pass: config.pass ?? "" } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    };
  }
  return g.__helpdeskMailTransport.transport;
}

/** Reserves up to `limit` due mails for this worker; safe with several workers on one database. */
async function claim(now: Date, limit: number): Promise<OutboxRow[]> {
  const until = new Date(now.getTime() + LEASE_MS);
  return db().$queryRaw<OutboxRow[]>`
    UPDATE "EmailOutbox" SET "lockedUntil" = ${until}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"::text AS "id", "kind", "userId"::text AS "userId", "toAddress", "locale",
              "ticketId"::text AS "ticketId", "ticketMessageId"::text AS "ticketMessageId", "payload", "attempts", "createdAt"`;
}

type Claimed = OutboxRow & { attempts: number; createdAt: Date };

export type BatchResult = { sent: number; retrying: number; failed: number };

/**
 * Sends what is due. Each mail's outcome is written as soon as the server answers, so a crash loses
 * at most the claim of the mail in flight (retried when its lease ends) and repeats nothing already
 * marked sent. Without SMTP configured nothing is claimed: mails wait in the outbox.
 */
export async function processOutbox(options: { now?: Date; limit?: number; smtp?: SmtpConfig | null } = {}): Promise<BatchResult> {
  const smtp = options.smtp === undefined ? smtpConfig() : options.smtp;
  const result: BatchResult = { sent: 0, retrying: 0, failed: 0 };
  if (!smtp) return result;
  const now = options.now ?? new Date();
  const rows = (await claim(now, options.limit ?? BATCH)) as Claimed[];
  if (!rows.length) return result;
  const transport = transportFor(smtp);
  const { appName } = await getSettings("general");
  const from = { name: process.env.MAIL_FROM_NAME || appName, address: mailFromAddress() };

  for (const row of rows) {
    let subject: string | null = null;
    try {
      const mail = await composeMail(row);
      subject = mail.subject;
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        replyTo: mail.replyTo,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        headers: mail.headers,
      });
      // A link's token is needed only until the mail has gone.
      await db().$executeRaw`
        UPDATE "EmailOutbox" SET "status" = 'SENT', "sentAt" = ${new Date()}, "lockedUntil" = NULL, "lastError" = NULL,
               "subject" = ${subject}, "payload" = "payload" - 'token'
        WHERE "id" = ${row.id}::uuid`;
      result.sent++;
    } catch (error) {
      const gaveUp = now.getTime() - new Date(row.createdAt).getTime() >= GIVE_UP_MS;
      const final = error instanceof UnsendableMailError || isPermanent(error) || gaveUp;
      const reason = describe(error) + (gaveUp && !isPermanent(error) ? " (gave up after retrying)" : "");
      if (final) {
        await db().$executeRaw`
          UPDATE "EmailOutbox" SET "status" = 'FAILED', "lockedUntil" = NULL, "lastError" = ${reason},
                 "subject" = coalesce(${subject}, "subject"), "payload" = "payload" - 'token'
          WHERE "id" = ${row.id}::uuid`;
        result.failed++;
      } else {
        await db().$executeRaw`
          UPDATE "EmailOutbox" SET "lockedUntil" = NULL, "lastError" = ${reason},
                 "nextAttemptAt" = ${new Date(now.getTime() + retryDelayMs(row.attempts))}, "subject" = coalesce(${subject}, "subject")
          WHERE "id" = ${row.id}::uuid`;
        result.retrying++;
      }
    }
  }
  return result;
}

/** Drains the outbox: batches until nothing is due (used by the job and by tests). */
export async function drainOutbox(options: Parameters<typeof processOutbox>[0] = {}): Promise<BatchResult> {
  const total: BatchResult = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const r = await processOutbox(options);
    total.sent += r.sent;
    total.retrying += r.retrying;
    total.failed += r.failed;
    if (r.sent + r.retrying + r.failed < (options.limit ?? BATCH)) return total;
  }
}

export function closeMailTransport(): void {
  g.__helpdeskMailTransport?.transport.close();
  g.__helpdeskMailTransport = undefined;
}

/** Sent mails are kept MAIL_KEEP_DAYS (default 90) for the outbox list; processed inbound records a year. */
export async function purgeOldMail(now = new Date()): Promise<{ outbox: number; inbound: number }> {
  const keepDays = Number(process.env.MAIL_KEEP_DAYS || 90);
  const before = new Date(now.getTime() - keepDays * 86400_000);
  let outbox = 0;
  for (;;) {
    const n = await db().$executeRaw`
      DELETE FROM "EmailOutbox" WHERE "id" IN (
        SELECT "id" FROM "EmailOutbox" WHERE "status" = 'SENT' AND "createdAt" < ${before} LIMIT 5000)`;
    outbox += n;
    if (n < 5000) break;
  }
  const inbound = await db().$executeRaw`DELETE FROM "InboundEmail" WHERE "createdAt" < ${new Date(now.getTime() - 365 * 86400_000)}`;
  return { outbox, inbound };
}
