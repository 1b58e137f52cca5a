// E-mail configuration. SMTP and IMAP come from the environment only: no mail password is ever stored
// in the database or shown on a page. See README "E-mail" and .env.example.

export type SmtpConfig = { host: string; port: number; secure: boolean; user?: string; pass?: string };
export type ImapConfig = { host: string; port: number; secure: boolean; user: string; pass: string; mailbox: string };

const flag = (value: string | undefined) => /^(1|true|yes|on)$/i.test(value ?? "");

export function smtpConfig(): SmtpConfig | null {
  const host = process.env.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = flag(process.env.SMTP_SECURE);
  return {
    host,
    port: Number(process.env.SMTP_PORT || (secure ? 465 : 587)),
    secure,
    user: process.env.SMTP_USER || undefined,
    pass: process.env.SMTP_PASSWORD || undefined,
  };
}

export function imapConfig(): ImapConfig | null {
  const host = process.env.IMAP_HOST?.trim();
  const user = process.env.IMAP_USER?.trim();
  if (!host || !user) return null;
  const secure = process.env.IMAP_SECURE === undefined ? true : flag(process.env.IMAP_SECURE);
  return {
    host,
    port: Number(process.env.IMAP_PORT || (secure ? 993 : 143)),
    secure,
    user,
    pass: process.env.IMAP_PASSWORD ?? "",
    mailbox: process.env.IMAP_MAILBOX || "INBOX",
  };
}

/** The sender address (MAIL_FROM, e.g. helpdesk@diskominfo.bantenprov.go.id). */
export function mailFromAddress(): string {
  return (process.env.MAIL_FROM || "helpdesk@localhost").trim().toLowerCase();
}

/** The address replies go to; `local+<token>@domain` carries the ticket (lib/mail/reply-token.ts). */
export function replyAddress(): string {
  return (process.env.MAIL_REPLY_TO || process.env.MAIL_FROM || "helpdesk@localhost").trim().toLowerCase();
}

/** Absolute base of links in mails: NEXTAUTH_URL (the public address), without a trailing slash. */
export function publicBaseUrl(): string {
  return (process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}

/** Seconds between IMAP polls. */
export function imapPollSeconds(): number {
  return Math.max(5, Number(process.env.IMAP_POLL_SECONDS || 60));
}

export function domainOf(address: string): string {
  return address.split("@")[1] ?? "localhost";
}
