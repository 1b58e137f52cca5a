/** The one date-time format of the app: the user's language, Asia/Jakarta unless told otherwise. */
export function formatDateTime(date: Date, locale: string, timeZone = "Asia/Jakarta"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(date);
}
