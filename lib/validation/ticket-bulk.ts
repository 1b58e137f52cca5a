import { z } from "./zod";
import { TicketPriority, TicketStatus, ticketListFiltersSchema } from "./tickets";

/** One bulk change touches at most this many tickets; a larger selection is refused with a message. */
export const BULK_LIMIT = 1000;

const uuid = z.uuid({ message: "invalid" });

/**
 * What changes. `assign` names a person or "me"; `close` is the status Closed, kept apart because the
 * toolbar offers it as its own button.
 */
export const bulkChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("assign"), assigneeId: z.union([z.literal("me"), z.string().trim().min(1).pipe(uuid)]) }).strict(),
  z.object({ kind: z.literal("status"), status: z.enum(TicketStatus) }).strict(),
  z.object({ kind: z.literal("priority"), priority: z.enum(TicketPriority) }).strict(),
  z.object({ kind: z.literal("department"), departmentId: z.string().trim().min(1, { message: "chooseDepartment" }).pipe(uuid) }).strict(),
  z.object({ kind: z.literal("close") }).strict(),
]);
export type BulkChange = z.infer<typeof bulkChangeSchema>;

/**
 * Which tickets: the rows ticked on the page (ids), or every ticket the list's filters match ("pilih
 * semua N yang cocok"), sent as the filters so the server decides what matches, within the user's scope.
 */
export const bulkSelectionSchema = z
  .object({
    ids: z.array(uuid).min(1).max(BULK_LIMIT, { message: `bulkTooMany|${JSON.stringify({ max: BULK_LIMIT })}` }).optional(),
    filters: ticketListFiltersSchema.omit({ page: true }).optional(),
  })
  .strict()
  .refine((s) => !s.ids !== !s.filters, { message: "invalid" });
export type BulkSelection = z.infer<typeof bulkSelectionSchema>;

export const bulkUpdateSchema = z.object({ selection: bulkSelectionSchema, change: bulkChangeSchema }).strict();
export type BulkUpdateInput = z.infer<typeof bulkUpdateSchema>;
