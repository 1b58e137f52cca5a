import { TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums";
import { z } from "./zod";

// The vocabulary comes from the schema's enums (the browser-safe enums file), so the lists cannot drift.
export { TicketPriority, TicketStatus };
export const TICKET_STATUSES = Object.values(TicketStatus);
export const TICKET_PRIORITIES = Object.values(TicketPriority);

export const SUBJECT_MAX = 200;
export const BODY_MAX = 20_000;

/** From the ticket settings; the page passes them to the form, the action reads them itself. */
export type AttachmentLimits = { allowedExtensions: readonly string[]; maxFileSizeMb: number; maxFilesPerMessage: number };

/** The upload limits out of the ticket settings: what forms, pages and actions check files against. */
export function attachmentLimitsOf({ allowedExtensions, maxFileSizeMb, maxFilesPerMessage }: AttachmentLimits): AttachmentLimits {
  return { allowedExtensions, maxFileSizeMb, maxFilesPerMessage };
}

export function fileExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

const uuidChoice = z.string().trim().min(1).pipe(z.uuid({ message: "invalidChoice" }));

/**
 * A browser sends an empty file part when no file was chosen; a single file arrives as a File,
 * several as File[] (formDataToObject). react-hook-form gives a FileList or File[].
 */
function toFileArray(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return [];
  const list: unknown[] =
    typeof FileList !== "undefined" && value instanceof FileList ? Array.from(value) : Array.isArray(value) ? value : [value];
  return list.filter((f) => !(f instanceof Blob && f.size === 0 && (f as File).name === ""));
}

/** Extension allow-list, size and count. Content (magic bytes) is checked on the server. */
export function attachmentsSchema(limits: AttachmentLimits) {
  return z.preprocess(
    toFileArray,
    z.array(z.instanceof(File, { message: "invalid" })).superRefine((files, ctx) => {
      if (files.length > limits.maxFilesPerMessage) {
        ctx.addIssue({ code: "custom", message: `attachmentsTooMany|${JSON.stringify({ max: limits.maxFilesPerMessage })}` });
        return;
      }
      for (const file of files) {
        const ext = fileExtension(file.name);
        if (!ext || !limits.allowedExtensions.includes(ext) || /\.(php\d?|phtml|phar|html?|svgz?|js|exe|sh)\./i.test(file.name)) {
          ctx.addIssue({ code: "custom", message: `attachmentType|${JSON.stringify({ name: file.name.slice(0, 80) })}` });
          return;
        }
        if (file.size > limits.maxFileSizeMb * 1024 * 1024) {
          ctx.addIssue({ code: "custom", message: `attachmentTooLarge|${JSON.stringify({ name: file.name.slice(0, 80), max: limits.maxFileSizeMb })}` });
          return;
        }
      }
    }),
  );
}

/** The "new ticket" form, on the client and in createTicketAction. */
export function createTicketSchema(limits: AttachmentLimits) {
  return z
    .object({
      departmentId: z.string().trim().min(1, { message: "chooseDepartment" }).pipe(z.uuid({ message: "invalidChoice" })),
      subject: z.string().trim().min(1).max(SUBJECT_MAX),
      description: z.string().trim().min(1).max(BODY_MAX),
      priority: z.enum(TicketPriority).optional(),
      /** Staff/admin filing on behalf of a client; ignored for clients. */
      clientId: z.union([z.literal(""), uuidChoice]).optional(),
      attachments: attachmentsSchema(limits),
    })
    .strict();
}
export type CreateTicketInput = z.input<ReturnType<typeof createTicketSchema>>;

export function replySchema(limits: AttachmentLimits) {
  return z
    .object({
      ticketId: z.uuid({ message: "invalid" }),
      body: z.string().trim().min(1).max(BODY_MAX),
      internal: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).optional(),
      /** The status the reply decides ("Kirim & Selesaikan"); "" or absent: the status stays. */
      status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(TicketStatus).optional()),
      /** Files of the canned replies inserted into this reply (staff side): each is copied onto the reply. */
      cannedAttachmentIds: z
        .preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid({ message: "invalid" })).max(50))
        .optional(),
      attachments: attachmentsSchema(limits),
    })
    .strict();
}
export type ReplyInput = z.input<ReturnType<typeof replySchema>>;

/** Staff-side changes; a client may only send `status` (close / reopen, per ticket settings). */
export const updateTicketSchema = z
  .object({
    ticketId: z.uuid({ message: "invalid" }),
    status: z.enum(TicketStatus).optional(),
    priority: z.enum(TicketPriority).optional(),
    departmentId: uuidChoice.optional(),
    /** "" unassigns. */
    assigneeId: z.union([z.literal(""), uuidChoice]).optional(),
  })
  .strict();
export type UpdateTicketInput = z.infer<typeof updateTicketSchema>;

/** "Ambil": the ticket to assign to oneself. */
export const takeTicketSchema = z.object({ ticketId: z.uuid({ message: "invalid" }) }).strict();

export const rateTicketSchema = z
  .object({
    ticketId: z.uuid({ message: "invalid" }),
    rating: z.coerce.number().int().min(1).max(5),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();

export const notificationIdSchema = z.object({ id: z.uuid({ message: "invalid" }) }).strict();
export const emptySchema = z.object({}).strict();

export const TICKET_SORTS = ["newest", "oldest", "updated", "priority", "due"] as const;
/** Service-level views of the list: overdue, and due within two working hours. */
export const TICKET_SLA_VIEWS = ["overdue", "dueSoon"] as const;
/** The service-level tabs count at most this many ("1000+"). */
export const SLA_COUNT_CAP = 1000;
export const PAGE_SIZE = 25;
export const MAX_PAGE = 400;

/** List filters from the URL. Anything malformed is dropped, never an error page. */
export const ticketListFiltersSchema = z.object({
  status: z.enum(TicketStatus).optional().catch(undefined),
  priority: z.enum(TicketPriority).optional().catch(undefined),
  departmentId: z.uuid().optional().catch(undefined),
  assignee: z.union([z.literal("unassigned"), z.uuid()]).optional().catch(undefined),
  agencyId: z.uuid().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(TICKET_SORTS).optional().catch(undefined),
  sla: z.enum(TICKET_SLA_VIEWS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).optional().catch(undefined),
});
export type TicketListFilters = z.infer<typeof ticketListFiltersSchema>;

type FilterPatch = Partial<Record<keyof TicketListFilters, string | number | undefined>>;

/**
 * The filters as a query string, in the schema's order (empty ones left out): the one way filters
 * become a URL — the list's links, its data route, the export. Parse it back with ticketListFiltersOf.
 */
export function ticketListQuery(filters: TicketListFilters, patch: FilterPatch = {}): string {
  const merged: FilterPatch = { ...filters, ...patch };
  const params = new URLSearchParams();
  for (const key of Object.keys(ticketListFiltersSchema.shape) as (keyof TicketListFilters)[]) {
    const v = merged[key];
    if (v !== undefined && v !== "") params.set(key, String(v));
  }
  return params.toString();
}

/** The list's data route for a set of filters: what the page hands its first view under, and what a change fetches. */
export const ticketListDataUrl = (filters: TicketListFilters) => `/api/tickets/list?${ticketListQuery(filters)}`;

/** One ticket's data route. */
export const ticketDataUrl = (number: string) => `/api/tickets/detail?${new URLSearchParams({ number })}`;

/** The filters of a list URL's query (unknown or invalid values dropped). */
export function ticketListFiltersOf(query: URLSearchParams | Record<string, string | string[] | undefined>): TicketListFilters {
  const entries = query instanceof URLSearchParams ? Object.fromEntries(query) : Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return ticketListFiltersSchema.parse(entries);
}
