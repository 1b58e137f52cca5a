// Who may use the app at all. Edge-safe: imported by middleware.ts, so no database or Node-only modules here.

export const ROLES = ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"] as const;
export type Role = (typeof ROLES)[number];

export const ALL_ROLES: readonly Role[] = ROLES;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
