import { createHmac, timingSafeEqual } from "node:crypto";
import { domainOf, replyAddress } from "./config";

/**
 * The per-ticket reply address: `helpdesk+<ticket number>.<tag>@domain`, where the tag is an HMAC of
 * the ticket's id under the session secret. Unguessable without the secret, nothing stored, and it
 * names the ticket so a reply finds it even when the mail client drops In-Reply-To.
 */
function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is needed to sign reply addresses");
  return value;
}

function tag(ticketId: string): string {
  return createHmac("sha256", secret()).update(`reply:${ticketId}`).digest("hex").slice(0, 24);
}

export function replyAddressFor(ticket: { id: string; number: string }): string {
  const base = replyAddress();
  const [local] = base.split("@");
  return `${local}+${ticket.number.toLowerCase()}.${tag(ticket.id)}@${domainOf(base)}`;
}

/** The ticket number and tag a recipient address carries, or null. */
export function parseReplyAddress(address: string): { number: string; tag: string } | null {
  const base = replyAddress();
  const [local] = base.split("@");
  const m = /^([^+@]+)\+([a-z0-9-]+)\.([0-9a-f]{24})@(.+)$/i.exec(address.trim());
  if (!m || m[1]!.toLowerCase() !== local!.toLowerCase() || m[4]!.toLowerCase() !== domainOf(base)) return null;
  return { number: m[2]!.toUpperCase(), tag: m[3]!.toLowerCase() };
}

export function replyTagMatches(ticketId: string, candidate: string): boolean {
  const expected = Buffer.from(tag(ticketId));
  const given = Buffer.from(candidate.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Message-ID of an outgoing mail: its outbox id, so a reply's In-Reply-To leads back to the ticket. */
export function outgoingMessageId(outboxId: string): string {
  return `<${outboxId}@${domainOf(replyAddress())}>`;
}

/** Outbox ids named in In-Reply-To / References headers that point at our own domain. */
export function referencedOutboxIds(headers: string[]): string[] {
  const domain = domainOf(replyAddress());
  const ids = new Set<string>();
  for (const header of headers) {
    for (const m of header.matchAll(/<([0-9a-f-]{36})@([^>\s]+)>/gi)) {
      if (m[2]!.toLowerCase() === domain) ids.add(m[1]!.toLowerCase());
    }
  }
  return [...ids];
}
