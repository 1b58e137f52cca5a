import { attachmentsSchema, type AttachmentLimits } from "./tickets";
import { z } from "./zod";

export const CANNED_TITLE_MAX = 150;
export const CANNED_BODY_MAX = 5000;

/**
 * One id or several (a form sends a repeated name as a list; an unticked checkbox nothing, or false
 * in the browser): always a list of ids.
 */
export const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null && x !== "" && x !== false),
  z.array(z.uuid({ message: "invalid" })).max(50),
);

const fields = (limits: AttachmentLimits) => ({
  title: z.string().trim().min(1).max(CANNED_TITLE_MAX),
  body: z.string().trim().min(1).max(CANNED_BODY_MAX),
  /** "" = every department (global). */
  departmentId: z.union([z.literal(""), z.uuid({ message: "invalidChoice" })]),
  attachments: attachmentsSchema(limits),
});

/** The admin editor (new): shared by the form and the action. */
export function createCannedReplySchema(limits: AttachmentLimits) {
  return z.object(fields(limits)).strict();
}

/** The admin editor (edit): also the files to take off. */
export function updateCannedReplySchema(limits: AttachmentLimits) {
  return z.object({ id: z.uuid({ message: "invalid" }), ...fields(limits), removeAttachmentIds: idList }).strict();
}

export const deleteCannedReplySchema = z.object({ id: z.uuid({ message: "invalid" }) }).strict();

/** The reply box's menu: the ticket it fills the variables from, and what was typed after "/". */
export const cannedReplySearchSchema = z.object({
  ticketId: z.uuid({ message: "invalid" }),
  q: z.string().trim().max(100).optional().default(""),
});

/** The reply box's menu: its data route for one ticket and what was typed. */
export const cannedRepliesUrl = (ticketId: string, q: string) => `/api/canned-replies?${new URLSearchParams({ ticketId, q })}`;
