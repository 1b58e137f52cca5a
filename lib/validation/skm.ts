import { z } from "./zod";
import { SKM_ELEMENT_CODES } from "@/lib/skm/elements";
import { SKM_PERIOD_KINDS } from "@/lib/skm/periods";

// The survey's forms (questionnaire, Settings → SKM) and the report's address, shared by the browser
// forms and the server actions.

export const SKM_GENDERS = ["L", "P"] as const;
/** The regulation's questionnaire asks the highest education finished and the occupation. */
export const SKM_EDUCATION = ["SD", "SMP", "SMA", "D1-D3", "D4-S1", "S2", "S3"] as const;
export const SKM_OCCUPATIONS = ["PNS", "PPPK", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "LAINNYA"] as const;
export const SKM_AGE_BANDS = [
  { key: "lt25", min: 0, max: 24 },
  { key: "25to34", min: 25, max: 34 },
  { key: "35to44", min: 35, max: 44 },
  { key: "45to54", min: 45, max: 54 },
  { key: "ge55", min: 55, max: 200 },
] as const;

const blankToNull = (v: unknown) => (v === "" || v === undefined || v === null ? null : v);

/** One element's answer: 1–4, or empty when skipped. */
const answer = z.preprocess(blankToNull, z.coerce.number().int().min(1).max(4).nullable());

const answerFields = Object.fromEntries(SKM_ELEMENT_CODES.map((c) => [c, answer])) as Record<(typeof SKM_ELEMENT_CODES)[number], typeof answer>;

export const skmAnswersShape = {
  ...answerFields,
  gender: z.preprocess(blankToNull, z.enum(SKM_GENDERS).nullable()),
  age: z.preprocess(blankToNull, z.coerce.number().int().min(15).max(100).nullable()),
  education: z.preprocess(blankToNull, z.enum(SKM_EDUCATION).nullable()),
  occupation: z.preprocess(blankToNull, z.enum(SKM_OCCUPATIONS).nullable()),
  suggestion: z.string().trim().max(2000).optional().default(""),
};

export const skmAnswersSchema = z.object(skmAnswersShape).strict();
export const skmTicketSubmitSchema = z.object({ ...skmAnswersShape, ticketId: z.uuid({ message: "invalid" }) }).strict();
export const skmTokenSubmitSchema = z.object({ ...skmAnswersShape, token: z.string().min(20).max(200) }).strict();
export type SkmAnswersInput = z.output<typeof skmAnswersSchema>;

const wording = z
  .object({
    question: z.string().trim().min(1).max(500),
    levels: z.tuple([z.string().trim().min(1).max(100), z.string().trim().min(1).max(100), z.string().trim().min(1).max(100), z.string().trim().min(1).max(100)]),
  })
  .strict();

export const skmElementSettingSchema = z.object({ code: z.enum(SKM_ELEMENT_CODES), enabled: z.boolean(), id: wording, en: wording }).strict();

export const skmQuestionnaireSchema = z
  .object({ elements: z.array(skmElementSettingSchema).length(SKM_ELEMENT_CODES.length) })
  .strict()
  .refine((v) => SKM_ELEMENT_CODES.every((c, i) => v.elements[i]?.code === c), { message: "invalid", path: ["elements"] })
  .refine((v) => v.elements.some((e) => e.enabled), { message: "skmOneElement", path: ["elements"] });

export const skmSettingsSchema = z
  .object({
    /** Mail the one-time survey link when a ticket is resolved. */
    invite: z.boolean(),
    /** How many days a mailed link stays valid. */
    linkDays: z.coerce.number().int().min(1).max(365),
    periodKind: z.enum(SKM_PERIOD_KINDS),
    unitName: z.string().trim().min(1).max(200),
    responsibleName: z.string().trim().max(200),
    responsibleTitle: z.string().trim().max(200),
    /** The public "Indeks Kepuasan Masyarakat" page. */
    publicPage: z.boolean(),
  })
  .strict();
export type SkmSettings = z.infer<typeof skmSettingsSchema>;

export const DEFAULT_SKM_SETTINGS: SkmSettings = {
  invite: true,
  linkDays: 30,
  periodKind: "semester",
  unitName: "Layanan Helpdesk TI Diskominfo Provinsi Banten",
  responsibleName: "",
  responsibleTitle: "",
  publicPage: false,
};

export const skmReportNoteSchema = z
  .object({
    period: z.string().regex(/^\d{4}(-(S[12]|Q[1-4]))?$/, "invalid"),
    scope: z.string().regex(/^(unit|department:[0-9a-f-]{36}|agency:[0-9a-f-]{36})$/, "invalid"),
    analysis: z.string().trim().max(10_000),
    followUp: z.string().trim().max(10_000),
  })
  .strict();

/** The report's address: ?period=2026-S2&department=<id> | &agency=<id> &page=2 (suggestions). */
export const skmReportQuerySchema = z
  .object({
    period: z.string().regex(/^\d{4}(-(S[12]|Q[1-4]))?$/, "invalid").optional(),
    department: z.uuid({ message: "invalid" }).optional(),
    agency: z.uuid({ message: "invalid" }).optional(),
    page: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export type SkmReportQuery = z.infer<typeof skmReportQuerySchema>;
