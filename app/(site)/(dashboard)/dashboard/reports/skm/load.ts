import "server-only";
import { getTranslations } from "next-intl/server";
import { getSkmReport, type SkmReport } from "@/lib/dal/skm-report";
import { getSkmSettings } from "@/lib/dal/skm";
import { getServiceTimeZone } from "@/lib/dal/settings";
import type { SessionUser } from "@/lib/dal/users";
import { UserFacingError } from "@/lib/errors";
import { periodOf, periodsUpTo } from "@/lib/skm/periods";
import { skmReportQuerySchema } from "@/lib/validation/skm";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The SKM report page and its print layout read the same address. Bad input says what is wrong and
 * shows the current period of the whole unit meanwhile (never an error page).
 */
export async function loadSkmReport(user: SessionUser, searchParams: SearchParams): Promise<{ report: SkmReport; periods: string[]; errors: string[] } | { error: string }> {
  const t = await getTranslations("skm");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = skmReportQuerySchema.safeParse(raw);
  const errors = parsed.success ? [] : [t("report.errors.badQuery")];
  const query = parsed.success ? parsed.data : {};
  const [settings, timeZone] = await Promise.all([getSkmSettings(), getServiceTimeZone()]);
  const periods = periodsUpTo(periodOf(settings.periodKind, new Date(), timeZone), 8, timeZone)
    .reverse()
    .map((p) => p.key);
  if (query.period && !periods.includes(query.period)) periods.push(query.period);
  try {
    return { report: await getSkmReport(user, query), periods, errors };
  } catch (error) {
    if (error instanceof UserFacingError) {
      const tAll = await getTranslations();
      return { error: tAll(error.key as never) };
    }
    throw error;
  }
}
