import { z } from "./zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The public Kontak form. */
export const contactSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email().trim().max(254),
  phone: optionalText(30).refine((v) => v === undefined || /^[0-9+()\-.\s]{6,30}$/.test(v), { message: "phone" }),
  agency: optionalText(200),
  subject: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(10_000),
}).strict();

export type ContactInput = z.infer<typeof contactSchema>;

/** Anti-spam fields travel with the form but are not part of the message. */
export const contactGuardSchema = z.object({
  /** Honeypot: hidden from people, filled by naive bots. */
  website: z.string().max(500).optional(),
  /** Signed time the form was rendered (see lib/contact/form-token.ts). */
  formToken: z.string().max(200).optional(),
  "g-recaptcha-response": z.string().max(4000).optional(),
}).strict();

/** What the Kontak form posts: the message and its guards, nothing else (unknown fields are refused). */
export const contactFormSchema = contactSchema.extend(contactGuardSchema.shape).strict();

export const contactStatusSchema = z.object({
  id: z.uuid(),
  status: z.enum(["NEW", "HANDLED"]),
}).strict();

export const convertContactSchema = z.object({
  id: z.uuid(),
  departmentId: z.uuid(),
  agencyId: z
    .union([z.literal(""), z.uuid()])
    .optional()
    .transform((v) => v || undefined),
}).strict();
