import { z } from "./zod";
import { maxAttachmentsTotalMb } from "@/lib/request-limits";
import { calendarSettingsSchema, DEFAULT_CALENDAR } from "./sla";

/**
 * The three tabs of the Setting screen (manual screen 19). Stored one row per section in the
 * Setting table as JSON; anything missing or invalid in storage falls back to these defaults.
 */
export const generalSettingsSchema = z
  .object({
    appName: z.string().trim().min(1).max(100),
    organisation: z.string().trim().min(1).max(200),
    address: z.string().trim().max(500),
    phone: z.string().trim().max(50),
    email: z.union([z.literal(""), z.email().max(254)]),
    logo: z.string().max(200).nullable(),
    defaultLanguage: z.enum(["id", "en"]),
    /** "Tentang Aplikasi" page text, markdown (rendered sanitised). */
    about: z.string().max(20_000),
  })
  .strict();

export const footerSettingsSchema = z
  .object({
    text: z.string().trim().max(500),
    links: z
      .array(
        z
          .object({
            label: z.string().trim().min(1).max(100),
            // Only web addresses or paths of this site: never javascript: or data: links.
            url: z.string().trim().max(500).regex(/^(https?:\/\/[^\s]+|\/(?![/\\])[^\s]*)$/i, "url"),
          })
          .strict(),
      )
      .max(10),
  })
  .strict();

export const ticketSettingsSchema = z
  .object({
    numberPrefix: z.string().trim().min(1).max(10).regex(/^[A-Z0-9-]+$/),
    allowedExtensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(50),
    maxFileSizeMb: z.number().int().min(1).max(100),
    maxFilesPerMessage: z.number().int().min(1).max(20),
    defaultPriority: z.enum(["LOW", "NORMAL", "HIGH", "URGENT"]),
    clientsMayClose: z.boolean(),
    clientsMayReopen: z.boolean(),
    /** 0 = never. */
    autoCloseResolvedAfterDays: z.number().int().min(0).max(365),
    /** Where a known client's new mail (not a reply) becomes a ticket; "" = to the Kontak inbox. */
    emailDepartmentId: z.union([z.literal(""), z.uuid()]),
  })
  .strict()
  // One message's files travel in one request: they must fit under the request ceiling.
  .refine((s) => s.maxFileSizeMb * s.maxFilesPerMessage <= maxAttachmentsTotalMb(), {
    path: ["maxFilesPerMessage"],
    message: `attachmentsOverRequestLimit|${JSON.stringify({ max: maxAttachmentsTotalMb() })}`,
  });

export type GeneralSettings = z.infer<typeof generalSettingsSchema>;
export type FooterSettings = z.infer<typeof footerSettingsSchema>;
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;

export const SETTINGS_SCHEMAS = {
  general: generalSettingsSchema,
  footer: footerSettingsSchema,
  ticket: ticketSettingsSchema,
  /** The service-level working calendar (Settings → Jam Layanan); holidays live in their own table. */
  calendar: calendarSettingsSchema,
} as const;
export type SettingsSection = keyof typeof SETTINGS_SCHEMAS;
export type SettingsOf<S extends SettingsSection> = z.infer<(typeof SETTINGS_SCHEMAS)[S]>;

export const DEFAULT_SETTINGS: { [S in SettingsSection]: SettingsOf<S> } = {
  general: {
    appName: "Helpdesk Provinsi Banten",
    organisation: "Dinas Komunikasi, Informatika, Statistik dan Persandian Provinsi Banten",
    address: "Kawasan Pusat Pemerintahan Provinsi Banten (KP3B), Jl. Syech Nawawi Al Bantani, Palima, Serang, Banten",
    phone: "",
    email: "",
    logo: null,
    defaultLanguage: "id",
    about:
      "Aplikasi Helpdesk dikelola oleh Dinas Komunikasi, Informatika, Statistik dan Persandian Pemerintah Provinsi Banten untuk menunjang kelancaran operasional OPD yang berhubungan dengan Diskominfo, seperti permasalahan bandwidth, website, server dan aplikasi. Aplikasi ini diharapkan mempermudah dan mempercepat penyelesaian masalah yang disampaikan.",
  },
  footer: { text: "", links: [] },
  calendar: DEFAULT_CALENDAR,
  ticket: {
    numberPrefix: "HD",
    allowedExtensions: ["pdf", "png", "jpg", "jpeg", "gif", "webp", "txt", "csv", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip"],
    maxFileSizeMb: 10,
    maxFilesPerMessage: 5,
    defaultPriority: "NORMAL",
    clientsMayClose: true,
    clientsMayReopen: true,
    autoCloseResolvedAfterDays: 7,
    emailDepartmentId: "",
  },
};
