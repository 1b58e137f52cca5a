import "server-only";
import { getServiceTimeZone } from "@/lib/dal/settings";
import { currentLocale } from "@/lib/i18n/server";

const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;
const FORMATTERS = new Map<string, (date: Date) => string>();

/**
 * The one date-time format of the app: the user's language and the service calendar's time zone
 * (the same two next-intl gets from i18n/request.ts), in pages and route handlers alike. One
 * Intl.DateTimeFormat per language and time zone for the process: making one per date was the slow
 * part of a list's JSON.
 */
export async function getDateTimeFormatter(): Promise<(date: Date) => string> {
  const [locale, timeZone] = await Promise.all([currentLocale(), getServiceTimeZone()]);
  const key = `${locale}|${timeZone}`;
  let format = FORMATTERS.get(key);
  if (!format) {
    const intl = new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone });
    format = (date) => intl.format(date);
    FORMATTERS.set(key, format);
  }
  return format;
}
