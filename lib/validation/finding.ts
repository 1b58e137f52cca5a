import { TicketPriority } from "@/lib/generated/prisma/enums";
import { z } from "./zod";

/** Staff confirm the client's suggested priority (no `priority`, or the same one) or decide another. */
export const reviewPrioritySchema = z
  .object({
    ticketId: z.uuid({ message: "invalid" }),
    priority: z.enum(TicketPriority).optional(),
  })
  .strict();

export const SAVED_FILTER_NAME_MAX = 60;
/** A user keeps at most this many saved filters (the sidebar lists them all, each with a count). */
export const SAVED_FILTERS_MAX = 20;

const filterName = z.string().trim().min(1).max(SAVED_FILTER_NAME_MAX);

/** "Simpan filter": a name and the list's query string as the address bar has it. */
export const saveFilterSchema = z
  .object({
    name: filterName,
    query: z.string().max(2000),
  })
  .strict();
export type SaveFilterInput = z.infer<typeof saveFilterSchema>;

export const renameFilterSchema = z.object({ id: z.uuid({ message: "invalid" }), name: filterName }).strict();
export const deleteFilterSchema = z.object({ id: z.uuid({ message: "invalid" }) }).strict();
