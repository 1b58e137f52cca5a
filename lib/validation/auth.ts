import { z } from "./zod";
import { LOGIN_FIELD_LIMITS } from "./auth-limits";

export const loginSchema = z.object({
  identifier: z.string().trim().min(1).max(LOGIN_FIELD_LIMITS.identifierMax),
  password: z.string().min(1).max(LOGIN_FIELD_LIMITS.passwordMax),
});

export type LoginInput = z.infer<typeof loginSchema>;
