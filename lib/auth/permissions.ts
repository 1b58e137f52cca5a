// Edge-safe (the route table in ./routes uses it, and the middleware imports that): no database here.
import { AuthorizationError } from "@/lib/errors";
import { ALL_ROLES, type Role } from "./roles";

const MANAGERS: readonly Role[] = ["SUPER_ADMIN", "ADMIN"];
const STAFF_SIDE: readonly Role[] = ["SUPER_ADMIN", "ADMIN", "STAFF"];

/**
 * What each role may do, by name. The one home of "who may": the DAL asserts these, actions and
 * the route table use them as an early gate, pages use them to decide what to show.
 * Row scope (which tickets a Staff member sees) is not a permission: it lives in lib/dal/tickets/scope.ts.
 */
export const PERMISSIONS = {
  "tickets.file": { roles: ALL_ROLES, description: "file a ticket (staff file on behalf of a client)" },
  "tickets.work": { roles: STAFF_SIDE, description: "internal notes, status, priority, department and assignee; see internal notes" },
  "tickets.followers": { roles: STAFF_SIDE, description: "add and remove a ticket's followers (anyone may stop following)" },
  "tickets.seeAll": { roles: MANAGERS, description: "see every ticket (Staff: their department's and their own)" },
  "admins.manage": { roles: ["SUPER_ADMIN"], description: "add, edit and deactivate Admins and Super Admins" },
  "users.manage": { roles: MANAGERS, description: "add, edit and deactivate Staff and Clients" },
  "catalog.manage": { roles: MANAGERS, description: "departments and OPD" },
  "faq.manage": { roles: MANAGERS, description: "write, publish and unpublish FAQ entries" },
  "cannedReplies.manage": { roles: MANAGERS, description: "write, edit and delete canned replies (Balasan cepat); the staff side inserts them with tickets.work" },
  "settings.manage": { roles: MANAGERS, description: "General, Footer and Ticket settings, the logo" },
  "inbox.manage": { roles: MANAGERS, description: "read Kontak messages, mark handled, turn into tickets" },
  "audit.read": { roles: ["SUPER_ADMIN"], description: "read the audit log" },
  "email.manage": { roles: ["SUPER_ADMIN"], description: "Settings → E-mail: mail status, test mail, the outbox, send again" },
  "reports.read": { roles: STAFF_SIDE, description: "reports and their CSV/Excel export (Staff: their own department)" },
  "tickets.export": { roles: STAFF_SIDE, description: "export the filtered ticket list as CSV or Excel (the tickets they may see)" },
  "tickets.merge": { roles: STAFF_SIDE, description: "merge a duplicate ticket into another (both tickets they may see)" },
  "tickets.link": { roles: STAFF_SIDE, description: "link and unlink related tickets (both tickets they may see)" },
  "staff.away": { roles: ["STAFF"], description: "mark oneself away (\"Sedang tidak bertugas\"): automatic assignment passes them over" },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission].roles;
}

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && rolesWith(permission).includes(user.role);
}

/** For the DAL: the authority. Throws AuthorizationError("forbidden"). */
export function assertCan(user: { role: Role }, permission: Permission): void {
  if (!can(user, permission)) throw new AuthorizationError("forbidden");
}
