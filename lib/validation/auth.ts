import { z } from "./zod";
import { LOGIN_FIELD_LIMITS } from "./auth-limits";

export const loginSchema = z.object({
  identifier: z.string().trim().min(1).max(LOGIN_FIELD_LIMITS.identifierMax),
  password: z.string().min(1).max(LOGIN_FIELD_LIMITS.passwordMax),
});

export type LoginInput = z.infer<typeof loginSchema>;

export const forgotPasswordSchema = z.object({ email: z.email().trim().max(254) });

export const resetPasswordSchema = z
  .object({ token: z.string().min(1).max(200), password: z.string().min(8).max(128), confirm: z.string().max(128) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordMismatch" });
