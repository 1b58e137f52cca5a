// Edge-safe: no database. The one role × action table: every server action and route
// handler with the gate it passes before doing anything, from which the outcome for a visitor and
// for each role is generated (accessTable()). tests/integration/access-table.test.ts fails when an
// action or route exists that is not listed here, and checks every cell against the running code.
import { PERMISSIONS, type Permission } from "./permissions";
import { ALL_ROLES, type Role } from "./roles";

/**
 * - "public": anyone, signed in or not;
 * - "signed-in": any active session; what the user may touch is then the DAL's row scope
 *   (a Client's own tickets, a Staff member's department) — see docs/roles.md;
 * - a permission name: only the roles lib/auth/permissions.ts gives it.
 */
export type Gate = "public" | "signed-in" | Permission;
export type Outcome = "allowed" | "login" | "forbidden";
export type Actor = "VISITOR" | Role;
export const ACTORS: readonly Actor[] = ["VISITOR", ...ALL_ROLES];

/** Server actions: "<file>#<export>". */
export const ACTIONS: Record<string, Gate> = {
  "app/(site)/(auth)/password-actions.ts#requestPasswordResetAction": "public",
  "app/(site)/(auth)/password-actions.ts#resetPasswordAction": "public",
  "app/(site)/(public)/kontak/actions.ts#sendContactMessageAction": "public",
  // The mailed one-time survey link: no login; the token is the authority (checked and claimed in the DAL).
  "app/(site)/(public)/survei/actions.ts#submitSkmByTokenAction": "public",
  "lib/i18n/locale-actions.ts#setLocaleAction": "public",
  "app/(site)/(dashboard)/dashboard/admins/actions.ts#createAdminAction": "admins.manage",
  "app/(site)/(dashboard)/dashboard/admins/actions.ts#updateAdminAction": "admins.manage",
  "app/(site)/(dashboard)/dashboard/admins/actions.ts#setAdminActiveAction": "admins.manage",
  "app/(site)/(dashboard)/dashboard/admins/actions.ts#setAdminPasswordAction": "admins.manage",
  "app/(site)/(dashboard)/dashboard/staff/actions.ts#createStaffAction": "users.manage",
  "app/(site)/(dashboard)/dashboard/staff/actions.ts#updateStaffAction": "users.manage",
  "app/(site)/(dashboard)/dashboard/staff/actions.ts#setStaffActiveAction": "users.manage",
  "app/(site)/(dashboard)/dashboard/staff/actions.ts#setStaffPasswordAction": "users.manage",
  "app/(site)/(dashboard)/dashboard/clients/actions.ts#createClientAction": "users.manage",
  "app/(site)/(dashboard)/dashboard/clients/actions.ts#updateClientAction": "users.manage",
  "app/(site)/(dashboard)/dashboard/clients/actions.ts#setClientActiveAction": "users.manage",
  "app/(site)/(dashboard)/dashboard/clients/actions.ts#setClientPasswordAction": "users.manage",
  "app/(site)/(dashboard)/dashboard/departments/actions.ts#createDepartmentAction": "catalog.manage",
  "app/(site)/(dashboard)/dashboard/departments/actions.ts#renameDepartmentAction": "catalog.manage",
  "app/(site)/(dashboard)/dashboard/departments/actions.ts#setDepartmentActiveAction": "catalog.manage",
  "app/(site)/(dashboard)/dashboard/agencies/actions.ts#createAgencyAction": "catalog.manage",
  "app/(site)/(dashboard)/dashboard/agencies/actions.ts#renameAgencyAction": "catalog.manage",
  "app/(site)/(dashboard)/dashboard/agencies/actions.ts#setAgencyActiveAction": "catalog.manage",
  "app/(site)/(dashboard)/dashboard/faq/actions.ts#createFaqAction": "faq.manage",
  "app/(site)/(dashboard)/dashboard/faq/actions.ts#updateFaqAction": "faq.manage",
  "app/(site)/(dashboard)/dashboard/faq/actions.ts#setFaqPublishedAction": "faq.manage",
  "app/(site)/(dashboard)/dashboard/canned-replies/actions.ts#createCannedReplyAction": "cannedReplies.manage",
  "app/(site)/(dashboard)/dashboard/canned-replies/actions.ts#updateCannedReplyAction": "cannedReplies.manage",
  "app/(site)/(dashboard)/dashboard/canned-replies/actions.ts#deleteCannedReplyAction": "cannedReplies.manage",
  "app/(site)/(dashboard)/dashboard/inbox/actions.ts#setContactStatusAction": "inbox.manage",
  "app/(site)/(dashboard)/dashboard/inbox/actions.ts#convertContactToTicketAction": "inbox.manage",
  "app/(site)/(dashboard)/dashboard/settings/actions.ts#updateGeneralSettingsAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/actions.ts#updateFooterSettingsAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/actions.ts#updateTicketSettingsAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/sla-actions.ts#updateCalendarAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/sla-actions.ts#addHolidayAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/sla-actions.ts#removeHolidayAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/sla-actions.ts#confirmHolidayYearAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/sla-actions.ts#saveSlaPoliciesAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/skm/actions.ts#saveSkmSettingsAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/skm/actions.ts#saveSkmQuestionnaireAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/reports/skm/actions.ts#saveSkmReportNoteAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/sla-actions.ts#clearSlaPoliciesAction": "settings.manage",
  "app/(site)/(dashboard)/dashboard/settings/email/actions.ts#sendTestEmailAction": "email.manage",
  "app/(site)/(dashboard)/dashboard/settings/email/actions.ts#resendEmailAction": "email.manage",
  "app/(site)/(dashboard)/dashboard/tickets/actions.ts#createTicketAction": "tickets.file",
  "app/(site)/(dashboard)/dashboard/tickets/actions.ts#replyToTicketAction": "signed-in",
  // The survey on the ticket page: the DAL takes it only from the ticket's own client, once Resolved or Closed.
  "app/(site)/(dashboard)/dashboard/tickets/skm-actions.ts#submitSkmForTicketAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/tickets/actions.ts#updateTicketAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/tickets/actions.ts#rateTicketAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/tickets/bulk-actions.ts#bulkUpdateTicketsAction": "tickets.work",
  "app/(site)/(dashboard)/dashboard/tickets/finding-actions.ts#reviewPriorityAction": "tickets.work",
  "app/(site)/(dashboard)/dashboard/tickets/finding-actions.ts#saveFilterAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/tickets/finding-actions.ts#renameFilterAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/tickets/finding-actions.ts#deleteFilterAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/tickets/actions.ts#takeTicketAction": "tickets.work",
  "app/(site)/(dashboard)/dashboard/tickets/follower-actions.ts#addTicketFollowerAction": "tickets.followers",
  // Removing oneself is open to any follower; removing someone else needs tickets.followers (the DAL decides).
  "app/(site)/(dashboard)/dashboard/tickets/follower-actions.ts#removeTicketFollowerAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/tickets/relation-actions.ts#findMergeTargetAction": "tickets.merge",
  "app/(site)/(dashboard)/dashboard/tickets/relation-actions.ts#mergeTicketAction": "tickets.merge",
  "app/(site)/(dashboard)/dashboard/tickets/relation-actions.ts#linkTicketAction": "tickets.link",
  "app/(site)/(dashboard)/dashboard/tickets/relation-actions.ts#unlinkTicketAction": "tickets.link",
  // Oneself needs staff.away (Staff), someone else users.manage (Admins): the DAL decides which.
  "app/(site)/(dashboard)/dashboard/staff/away-actions.ts#setStaffAwayAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/notifications/actions.ts#markNotificationReadAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/notifications/actions.ts#markAllNotificationsReadAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/password/actions.ts#changePasswordAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/profile/actions.ts#updateProfileAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/profile/actions.ts#updateMailPreferencesAction": "signed-in",
  "app/(site)/(dashboard)/dashboard/profile/actions.ts#signOutEverywhereAction": "signed-in",
};

/** Route handlers: "<METHOD> <path>". */
export const ROUTES: Record<string, Gate> = {
  "GET /api/health": "public",
  "GET /api/logo": "public",
  "GET /api/faq/suggest": "public",
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/avatars/[userId]": "signed-in",
  "GET /api/attachments/[id]": "signed-in",
  "POST /api/tickets": "tickets.file",
  "POST /api/tickets/[id]/messages": "signed-in",
  "GET /api/tickets/list": "signed-in",
  "GET /api/tickets/detail": "signed-in",
  "GET /api/canned-replies": "tickets.work",
  "GET /api/tickets/saved-filters": "signed-in",
  "GET /api/tickets/export": "tickets.export",
  "GET /api/reports/export": "reports.read",
  "GET /api/reports/skm/export": "reports.read",
  // The survey offer of one ticket: the DAL answers 404 unless it is the viewer's own resolved ticket.
  "GET /api/skm/tickets/[id]": "signed-in",
};

export function outcomeFor(gate: Gate, actor: Actor): Outcome {
  if (gate === "public") return "allowed";
  if (actor === "VISITOR") return "login";
  if (gate === "signed-in") return "allowed";
  return (PERMISSIONS[gate].roles as readonly Role[]).includes(actor) ? "allowed" : "forbidden";
}

/** The generated table: one row per action or route, one column per actor. */
export function accessTable(): { name: string; kind: "action" | "route"; gate: Gate; outcomes: Record<Actor, Outcome> }[] {
  const rows = [
    ...Object.entries(ACTIONS).map(([name, gate]) => ({ name, kind: "action" as const, gate })),
    ...Object.entries(ROUTES).map(([name, gate]) => ({ name, kind: "route" as const, gate })),
  ];
  return rows.map((r) => ({ ...r, outcomes: Object.fromEntries(ACTORS.map((a) => [a, outcomeFor(r.gate, a)])) as Record<Actor, Outcome> }));
}

/** The table as markdown (docs/access-table.md is this output; `npm run access-table` rewrites it). */
export function accessTableMarkdown(): string {
  const mark: Record<Outcome, string> = { allowed: "✓", login: "→ login", forbidden: "✗" };
  const lines = [
    "# Role × action table (generated)",
    "",
    "Generated from `lib/auth/access.ts` by `npm run access-table`; do not edit by hand. ✓ allowed (then the",
    "DAL's row scope applies), ✗ refused (\"forbidden\" for actions, 403/404 for routes), → login: a visitor is",
    "asked to log in (401 for routes). `tests/integration/access-table.test.ts` checks every cell against the code",
    "and fails when an action or route exists that is not in the table.",
    "",
    `| action / route | gate | ${ACTORS.join(" | ")} |`,
    `|---|---|${ACTORS.map(() => "---").join("|")}|`,
    ...accessTable().map((r) => `| \`${r.name}\` | ${r.gate} | ${ACTORS.map((a) => mark[r.outcomes[a]]).join(" | ")} |`),
    "",
  ];
  return lines.join("\n");
}
