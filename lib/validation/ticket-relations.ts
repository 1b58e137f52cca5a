import { z } from "./zod";

/** A ticket typed by number: the full number or its running number (`7`, `000007`). */
const typedTicket = z.string().trim().min(1).max(64);

/** The merge dialog's first step: find the ticket that stays. */
export const findMergeTargetSchema = z.object({ sourceId: z.uuid(), target: typedTicket }).strict();
/** The merge itself, after both subjects were shown. */
export const mergeTicketSchema = z.object({ sourceId: z.uuid(), targetId: z.uuid() }).strict();
export const linkTicketSchema = z.object({ ticketId: z.uuid(), target: typedTicket }).strict();
export const unlinkTicketSchema = z.object({ ticketId: z.uuid(), otherId: z.uuid() }).strict();
/** "Sedang tidak bertugas" on a Staff member (oneself in the profile, or anyone in Staff edit). */
export const staffAwaySchema = z.object({ userId: z.uuid(), away: z.boolean() }).strict();
