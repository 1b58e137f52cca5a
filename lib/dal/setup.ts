import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { DEFAULT_SETTINGS } from "@/lib/validation/settings";
import { yearIn } from "@/lib/time-zone";
import { getServiceTimeZone, getSettings } from "./settings";
import type { SessionUser } from "./users";

export type SetupStep = {
  key: "departments" | "agencies" | "staff" | "serviceHours" | "email" | "about" | "logo";
  href: string;
  /** null: cannot be done from here yet (a later feature, or the server's .env). */
  done: boolean | null;
};

/** The first-run checklist of a fresh install: each step ticks itself from the data. */
export async function getSetupChecklist(user: SessionUser): Promise<SetupStep[]> {
  assertCan(user, "settings.manage");
  const timeZone = await getServiceTimeZone();
  const [[counts], general] = await Promise.all([
    db().$queryRaw<{ departments: boolean; agencies: boolean; staff: boolean; serviceHours: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "Department" WHERE "active") AS departments,
             EXISTS (SELECT 1 FROM "Agency" WHERE "active") AS agencies,
             EXISTS (SELECT 1 FROM "User" WHERE "role" = 'STAFF' AND "active" AND "departmentId" IS NOT NULL) AS staff,
             EXISTS (SELECT 1 FROM "HolidayYear" WHERE "year" = ${yearIn(timeZone)}::int AND "confirmedAt" IS NOT NULL) AS "serviceHours"`,
    getSettings("general"),
  ]);
  return [
    { key: "departments", href: "/dashboard/departments", done: !!counts?.departments },
    { key: "agencies", href: "/dashboard/agencies", done: !!counts?.agencies },
    { key: "staff", href: "/dashboard/staff/new", done: !!counts?.staff },
    // Service hours count as set once this year's holiday list is confirmed (Settings → Jam Layanan).
    { key: "serviceHours", href: "/dashboard/settings?tab=calendar", done: !!counts?.serviceHours },
    { key: "email", href: "/dashboard/settings", done: process.env.SMTP_HOST || process.env.SMTP_URL ? true : null },
    { key: "about", href: "/dashboard/settings", done: general.about.trim() !== DEFAULT_SETTINGS.general.about.trim() },
    { key: "logo", href: "/dashboard/settings", done: !!general.logo },
  ];
}
