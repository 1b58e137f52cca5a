import { z } from "./zod";

const faqFields = {
  departmentId: z.uuid(),
  subject: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(10_000),
  published: z.boolean(),
};

export const createFaqSchema = z.object(faqFields).strict();
export const updateFaqSchema = z.object({ id: z.uuid(), ...faqFields }).strict();
export const setFaqPublishedSchema = z.object({ id: z.uuid(), published: z.boolean() }).strict();

export type FaqInput = z.input<typeof createFaqSchema>;
