import "server-only";
import { skmInviteLinkToken } from "@/lib/dal/skm";
import type { MailContent } from "./layout";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The survey invitation sent when a ticket is resolved: the one-time link to the questionnaire, which
 * needs no login. Fills `content` and returns the subject, or null when the link is no longer worth
 * sending (already answered, expired, withdrawn).
 */
export async function composeSkmInvite(
  t: Translate,
  content: MailContent,
  v: { number: string; subject: string },
  payload: Record<string, unknown>,
  base: string,
): Promise<string | null> {
  const inviteId = String(payload.inviteId ?? "");
  const token = /^[0-9a-f-]{36}$/i.test(inviteId) ? await skmInviteLinkToken(inviteId) : null;
  if (!token) return null;
  content.heading = t("skm.mail.heading", v);
  content.paragraphs = [t("skm.mail.body", v), t("skm.mail.once")];
  content.action = { label: t("skm.mail.action"), url: `${base}/survei/${encodeURIComponent(token)}` };
  content.replyHint = undefined;
  return t("skm.mail.subject", v);
}
