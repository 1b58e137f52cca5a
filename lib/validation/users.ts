import { z } from "./zod";

/** Avatars and the logo: png/jpg/webp up to 2 MB (the content is checked again on the server). */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

/**
 * An optional uploaded image. An empty file input (size 0) counts as "no new image". The type
 * and size are checked here for quick feedback; lib/storage/images.ts checks the bytes.
 */
export const optionalImageSchema = z
  .custom<File | undefined>((v) => v === undefined || v === null || v === "" || (typeof File !== "undefined" && v instanceof File), "invalid")
  .transform((v) => (v instanceof File && v.size > 0 ? v : undefined))
  .refine((f) => !f || f.size <= IMAGE_MAX_BYTES, `fileTooLarge|${JSON.stringify({ max: 2 })}`)
  .optional();

export const passwordSchema = z.string().min(8).max(128);

const name = z.string().trim().min(1).max(100);
const SCRIPTS = ["Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Han", "Hiragana", "Katakana", "Hangul", "Thai", "Devanagari", "Javanese", "Sundanese", "Balinese", "Armenian", "Georgian"].map(
  (name) => [name, new RegExp(`\\p{Script=${name}}`, "u")] as const,
);

/**
 * Refuses look-alike usernames: characters that NFKC would change (full-width,
 * ligatures, superscripts — "compatibility characters") and letters from more than one script
 * ("аdmin" with a Cyrillic а beside Latin letters). Digits, dot, dash and underscore go with any script.
 */
export function isPlainUsername(value: string): boolean {
  if (value.normalize("NFKC") !== value) return false;
  const scripts = new Set<string>();
  for (const ch of value) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? "Other";
    scripts.add(script === "Hiragana" || script === "Katakana" ? "Han" : script); // Japanese mixes these by design
    if (scripts.size > 1) return false;
  }
  return true;
}

/** Stored normalised (lib/auth/identity.ts); letters, digits, dot, dash and underscore. */
const username = z
  .string()
  .trim()
  .min(3)
  .max(50)
  .regex(/^[\p{L}\p{N}._-]+$/u, "usernameChars")
  .refine(isPlainUsername, "usernameLookalike");
const email = z.string().trim().max(254).pipe(z.email());
const uuid = z.uuid();

const identityFields = { name, username, email, avatar: optionalImageSchema };

export const adminRoleSchema = z.enum(["ADMIN", "SUPER_ADMIN"]);

/**
 * A new account gets a password typed by the manager, or (invite) an e-mailed link to choose one:
 * then the password field may stay empty.
 */
const newPasswordFields = {
  password: z.union([z.literal(""), passwordSchema]).optional(),
  invite: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).optional(),
};
const passwordOrInvite = (v: { password?: string; invite?: boolean }, ctx: z.RefinementCtx) => {
  if (!v.invite && !v.password) ctx.addIssue({ code: "custom", path: ["password"], message: "required" });
};

export const createAdminSchema = z.object({ ...identityFields, ...newPasswordFields, role: adminRoleSchema }).strict().superRefine(passwordOrInvite);
export const updateAdminSchema = z.object({ id: uuid, ...identityFields, role: adminRoleSchema }).strict();

// A required select left empty says what to do ("Pilih department"), not "invalid".
const staffFields = { departmentId: z.uuid({ message: "chooseDepartment" }), designation: z.string().trim().max(100) };
export const createStaffSchema = z.object({ ...identityFields, ...newPasswordFields, ...staffFields }).strict().superRefine(passwordOrInvite);
export const updateStaffSchema = z.object({ id: uuid, ...identityFields, ...staffFields }).strict();

const clientFields = { agencyId: z.uuid({ message: "chooseAgency" }) };
export const createClientSchema = z.object({ ...identityFields, ...newPasswordFields, ...clientFields }).strict().superRefine(passwordOrInvite);
export const updateClientSchema = z.object({ id: uuid, ...identityFields, ...clientFields }).strict();

export const setUserActiveSchema = z.object({ id: uuid, active: z.boolean() }).strict();
export const setUserPasswordSchema = z.object({ id: uuid, password: passwordSchema }).strict();

export const profileSchema = z.object(identityFields).strict();

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema, confirmPassword: z.string().min(1).max(128) })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" });

export type CreateAdminInput = z.input<typeof createAdminSchema>;
export type UpdateAdminInput = z.input<typeof updateAdminSchema>;
export type CreateStaffInput = z.input<typeof createStaffSchema>;
export type UpdateStaffInput = z.input<typeof updateStaffSchema>;
export type CreateClientInput = z.input<typeof createClientSchema>;
export type UpdateClientInput = z.input<typeof updateClientSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** Which list/form a managed user belongs to; "admin" covers Admins and Super Admins. */
export type UserKind = "admin" | "staff" | "client";

/** "Sign out everywhere" takes no input; anything sent is refused. */
export const signOutEverywhereSchema = z.object({}).strict();
