import "server-only";
import { ImapFlow } from "imapflow";
import { log } from "@/lib/log";
import { imapConfig, type ImapConfig } from "./config";
import { processInboundMail, type InboundResult } from "./inbound";

/** Larger mails are not downloaded (they would be refused anyway): logged and left in the mailbox. */
const MAX_MAIL_BYTES = Number(process.env.IMAP_MAX_MB || 50) * 1024 * 1024;

export type PollResult = { seen: number; results: InboundResult[]; error?: string };

/**
 * Reads the unseen mails of the helpdesk mailbox, hands each to processInboundMail, and marks it
 * seen. A mailbox that is down is logged and tried at the next turn: the poller never throws.
 * A mail whose processing failed stays unseen, so the next turn tries it again; the Message-ID
 * record makes a second pass over one that did get processed harmless.
 */
export async function pollMailbox(config: ImapConfig | null = imapConfig()): Promise<PollResult> {
  if (!config) return { seen: 0, results: [] };
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: { user: config.user, pass: config.pass },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  client.on("error", (error: Error) => log.warn({ kind: "mail-in", err: { message: error.message } }, "IMAP connection error"));
  const results: InboundResult[] = [];
  let seen = 0;
  try {
    await client.connect();
    const lock = await client.getMailboxLock(config.mailbox);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true, size: true }, { uid: true });
        if (!message) continue;
        seen++;
        if ((message.size ?? 0) > MAX_MAIL_BYTES || !message.source) {
          log.info({ kind: "mail-in", outcome: "skipped:tooLarge", uid, size: message.size }, "mail-in skipped:tooLarge");
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
          results.push({ outcome: "skipped:tooLarge" });
          continue;
        }
        try {
          results.push(await processInboundMail(message.source));
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
        } catch (error) {
          log.error({ kind: "mail-in", uid, err: error }, "processing a mail failed; the next poll retries it");
          results.push({ outcome: "error" });
        }
      }
    } finally {
      lock.release();
    }
    await client.logout();
    return { seen, results };
  } catch (error) {
    log.warn({ kind: "mail-in", err: { message: (error as Error).message } }, "mailbox unavailable; the next poll tries again");
    client.close();
    return { seen, results, error: (error as Error).message };
  }
}
