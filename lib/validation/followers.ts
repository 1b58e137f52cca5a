import { z } from "@/lib/validation/zod";

/** Add or remove one follower of one ticket (the ids the ticket page received). */
export const ticketFollowerSchema = z
  .object({
    ticketId: z.uuid({ message: "invalid" }),
    userId: z.string().trim().min(1, { message: "invalidChoice" }).pipe(z.uuid({ message: "invalidChoice" })),
  })
  .strict();
export type TicketFollowerInput = z.infer<typeof ticketFollowerSchema>;
