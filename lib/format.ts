import "server-only";
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
  const key = `${locale}|${general.timeZone}`;
  let format = FORMATTERS.get(key);
  if (!format) {
    // One Intl.DateTimeFormat per language and time zone (creating one per date is the slow part).
    const intl = new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone: general.timeZone });
    format = (date) => intl.format(date);
    FORMATTERS.set(key, format);
  }
  return format;
}

const FORMATTERS = new Map<string, (date: Date) => string>();
