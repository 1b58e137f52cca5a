// The request-body ceiling, shared by next.config.ts, the middleware (413) and the Ticket settings
// check (files per message × size per file must fit in one request). No imports: next.config.ts loads it.

/** Megabytes one request may carry (HELPDESK_MAX_REQUEST_MB, default 60). */
export function maxRequestMb(env: Record<string, string | undefined> = process.env): number {
  const n = Math.floor(Number(env.HELPDESK_MAX_REQUEST_MB));
  return Number.isFinite(n) && n >= 1 ? n : 60;
}

/** Room kept for the form's text fields and multipart framing. */
export const REQUEST_OVERHEAD_MB = 1;

/** The largest total of attachments one message may carry under the request ceiling. */
export function maxAttachmentsTotalMb(env?: Record<string, string | undefined>): number {
  return maxRequestMb(env) - REQUEST_OVERHEAD_MB;
}
