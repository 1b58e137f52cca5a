import { z } from "zod";

export const loginSchema = z.object({
  identifier: z.string().trim().min(1, { error: "validation.required" }).max(254, { error: "validation.tooLong" }),
  password: z.string().min(1, { error: "validation.required" }).max(128, { error: "validation.tooLong" }),
});

export type LoginInput = z.infer<typeof loginSchema>;
