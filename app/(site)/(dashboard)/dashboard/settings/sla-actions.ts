"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/action";
import { addHoliday, clearDepartmentSlaPolicies, confirmHolidayYear, removeHoliday, saveSlaPolicies, updateServiceCalendar, type PolicySet } from "@/lib/dal/sla";
import {
  addHolidaySchema,
  calendarFormSchema,
  clearSlaPolicySchema,
  holidayYearSchema,
  removeHolidaySchema,
  SLA_PRIORITIES,
  slaPolicyFormSchema,
} from "@/lib/validation/sla";

const revalidate = () => revalidatePath("/dashboard/settings");

/** Settings → Jam Layanan: time zone and weekly hours. */
export async function updateCalendarAction(input: unknown) {
  return runAction({ schema: calendarFormSchema, input, permission: "settings.manage" }, async (calendar, user) => {
    await updateServiceCalendar(user, calendar);
    revalidate();
    return null;
  });
}

export async function addHolidayAction(input: unknown) {
  return runAction({ schema: addHolidaySchema, input, permission: "settings.manage" }, async (data, user) => {
    await addHoliday(user, data);
    revalidate();
    return null;
  });
}

export async function removeHolidayAction(input: unknown) {
  return runAction({ schema: removeHolidaySchema, input, permission: "settings.manage" }, async (data, user) => {
    await removeHoliday(user, data.date);
    revalidate();
    return null;
  });
}

export async function confirmHolidayYearAction(input: unknown) {
  return runAction({ schema: holidayYearSchema, input, permission: "settings.manage" }, async (data, user) => {
    await confirmHolidayYear(user, data.year);
    revalidate();
    return null;
  });
}

/** Settings → SLA: the default targets ("" department) or one department's own. Applies to new tickets. */
export async function saveSlaPoliciesAction(input: unknown) {
  return runAction({ schema: slaPolicyFormSchema, input, permission: "settings.manage" }, async (data, user) => {
    const policies = Object.fromEntries(
      SLA_PRIORITIES.map((p) => [
        p,
        { firstResponse: { value: data[`${p}_frValue`], unit: data[`${p}_frUnit`] }, resolution: { value: data[`${p}_resValue`], unit: data[`${p}_resUnit`] } },
      ]),
    ) as PolicySet;
    await saveSlaPolicies(user, data.departmentId || null, policies);
    revalidate();
    return null;
  });
}

export async function clearSlaPoliciesAction(input: unknown) {
  return runAction({ schema: clearSlaPolicySchema, input, permission: "settings.manage" }, async (data, user) => {
    await clearDepartmentSlaPolicies(user, data.departmentId);
    revalidate();
    return null;
  });
}
