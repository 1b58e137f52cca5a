import { requireUser } from "@/lib/dal/session";
import { getSkmReport, skmAnswerBatches } from "@/lib/dal/skm-report";
import { getServiceTimeZone } from "@/lib/dal/settings";
import { serverTranslator } from "@/lib/i18n/server";
import { downloadResponse, exportErrorResponse } from "@/lib/reports/responses";
import { skmWorkbookStream } from "@/lib/skm/xlsx";
import { skmReportQuerySchema } from "@/lib/validation/skm";

export const dynamic = "force-dynamic";

/** Laporan → SKM as XLSX: the figures and the raw answers (no names), same address and access as the page. */
export async function GET(request: Request) {
  const t = await serverTranslator();
  try {
    const user = await requireUser("reports.read");
    const parsed = skmReportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return Response.json({ error: t("skm.report.errors.badQuery") }, { status: 400 });
    const report = await getSkmReport(user, { ...parsed.data, page: 1 });
    const timeZone = await getServiceTimeZone();
    const answers = skmAnswerBatches(user, { period: report.period, department: report.scope.kind === "department" ? report.scope.id : undefined, agency: report.scope.kind === "agency" ? report.scope.id : undefined });
    const ts = (key: string, values?: Record<string, string | number>) => t(`skm.${key}`, values);
    const scope = report.scope.kind === "unit" ? t("skm.report.wholeUnit") : report.scope.name;
    const body = skmWorkbookStream(report, answers, ts, timeZone, `${t("skm.print.title")} — ${report.period.key} — ${scope}`);
    return downloadResponse(body, `skm-${report.period.key}.xlsx`, "xlsx");
  } catch (error) {
    return exportErrorResponse(error, t);
  }
}
