import { z } from "./zod";
import { generalSettingsSchema } from "./settings";
import { optionalImageSchema } from "./users";

/**
 * The General tab as submitted: the stored `logo` (a file name) is never taken from the client;
 * a new logo comes as an uploaded image and is validated like an avatar.
 */
export const generalSettingsFormSchema = generalSettingsSchema.omit({ logo: true }).extend({ logo: optionalImageSchema }).strict();
export type GeneralSettingsFormInput = z.input<typeof generalSettingsFormSchema>;
