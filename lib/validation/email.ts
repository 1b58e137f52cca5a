import { z } from "./zod";

export const testEmailSchema = z.object({ to: z.email().trim().max(254) }).strict();
export const resendEmailSchema = z.object({ id: z.uuid() }).strict();

export const OPTIONAL_MAIL_KIND_VALUES = ["ticketReceived", "staffReply", "statusChanged", "assigned", "clientReply", "newTicket", "contactMessage"] as const;
/** The profile's mail choices: the kinds left on, and the language of the mails. */
export const mailPreferencesSchema = z
  .object({
    locale: z.enum(["id", "en"]),
    enabled: z.array(z.enum(OPTIONAL_MAIL_KIND_VALUES)).max(OPTIONAL_MAIL_KIND_VALUES.length).default([]),
  })
  .strict();
export type MailPreferencesInput = z.infer<typeof mailPreferencesSchema>;
