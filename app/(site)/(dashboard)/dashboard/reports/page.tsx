import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { getReport } from "@/lib/dal/reports";
import { getServiceTimeZone, getSettings } from "@/lib/dal/settings";
import { UserFacingError } from "@/lib/errors";
import { formatValidationMessage } from "@/lib/validation/zod";
import { reportQuerySchema, reportRange, type ReportQuery } from "@/lib/validation/reports";
import { ReportView } from "@/components/reports/report-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/dashboard/reports");
  const [t, tv] = await Promise.all([getTranslations("reports"), getTranslations("validation")]);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = reportQuerySchema.safeParse(raw);
  // Bad input: say what is wrong, and show this month by OPD meanwhile (never an error page).
  const errors = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => (i.message.startsWith("reports.") ? t(i.message.slice("reports.".length) as never) : (formatValidationMessage(i.message, (k, v) => tv(k as never, v as never)) ?? tv("invalid")))))];
  const query: ReportQuery = parsed.success ? parsed.data : { preset: "thisMonth", groupBy: "agency" };
  const range = reportRange(query, await getServiceTimeZone());

  let report;
  try {
    report = await getReport(user, { ...range, groupBy: query.groupBy });
  } catch (error) {
    if (error instanceof UserFacingError) {
      return (
        <section className="rounded-lg border border-slate-200 bg-white p-6">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p role="alert" className="mt-2 text-red-800">
            {t(error.key.slice("reports.".length) as never)}
          </p>
        </section>
      );
    }
    throw error;
  }
  const general = await getSettings("general");
  return <ReportView report={report} query={query} errors={errors} general={{ appName: general.appName, organisation: general.organisation, hasLogo: !!general.logo }} />;
}
