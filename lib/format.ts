import "server-only";
import { createFormatter } from "next-intl";
import { getFormatter } from "next-intl/server";
import { getSettings } from "@/lib/dal/settings";
import { currentLocale } from "@/lib/i18n/server";

const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;

/**
 * The one date-time format of the app: the user's language and the time zone from General
 * settings (i18n/request.ts hands both to next-intl).
 */
export async function getDateTimeFormatter(): Promise<(date: Date) => string> {
  const format = await getFormatter();
  return (date) => format.dateTime(date, DATE_TIME);
}

/** The same format outside the render tree (route handlers answering JSON). */
export async function requestDateTimeFormatter(): Promise<(date: Date) => string> {
  const [locale, general] = await Promise.all([currentLocale(), getSettings("general")]);
  const format = createFormatter({ locale, timeZone: general.timeZone });
  return (date) => format.dateTime(date, DATE_TIME);
}
