import "server-only";
import { getFormatter } from "next-intl/server";

/**
 * The one date-time format of the app: the user's language and the time zone from General
 * settings (i18n/request.ts hands both to next-intl).
 */
export async function getDateTimeFormatter(): Promise<(date: Date) => string> {
  const format = await getFormatter();
  return (date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
}
