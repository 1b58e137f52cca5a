import "server-only";
import { getWorkingCalendar } from "@/lib/dal/sla";
import { workingMinutesBetween } from "@/lib/sla/calendar";
import { serverTranslator } from "@/lib/i18n/server";
import { slaWords, type SlaText } from "@/lib/sla/words";

/** What a list row knows of a ticket's service level. */
export type SlaRowFields = { slaNextDueAt: Date | null; slaPaused: boolean; resolutionMet: boolean | null };

/**
 * The service-level badge of a list row in the user's words: on time / due soon (within
 * DUE_SOON_MINUTES of working time) / late while the clock runs, paused, or the resolution's result.
 * The ticket list and the staff dashboard's lists show the same words.
 */
export async function slaRowWords(now = new Date()): Promise<(row: SlaRowFields) => SlaText | null> {
  const [cal, t] = await Promise.all([getWorkingCalendar(), serverTranslator()]);
  const sla = slaWords((key, values) => t(`sla.${key}`, values));
  return ({ slaNextDueAt, slaPaused, resolutionMet }) => {
    if (slaNextDueAt) return sla.rowLeft(workingMinutesBetween(cal, now, slaNextDueAt), slaNextDueAt < now);
    if (slaPaused && resolutionMet === null) return { text: sla.t("paused"), tone: "idle" };
    if (resolutionMet !== null) return { text: sla.t(resolutionMet ? "metShort" : "missedShort"), tone: resolutionMet ? "ok" : "late" };
    return null;
  };
}
