import { requireUser } from "@/lib/dal/session";
import { getReport, type ReportRow } from "@/lib/dal/reports";
import { getServiceTimeZone } from "@/lib/dal/settings";
import { serverTranslator } from "@/lib/i18n/server";
import { groupLabel } from "@/lib/reports/labels";
import { csvStream, exportFileName, xlsxStream, type Cell } from "@/lib/reports/export";
import { downloadResponse, exportErrorResponse } from "@/lib/reports/responses";
import { formatValidationMessage } from "@/lib/validation/zod";
import { reportQuerySchema, reportRange } from "@/lib/validation/reports";
import type { PercentileEstimate } from "@/lib/reports/histogram";

export const dynamic = "force-dynamic";

function minutes(p: PercentileEstimate): Cell {
  if (!p) return null;
  return p.atLeast ? `≥${p.minutes}` : p.minutes;
}

/** The report on screen (same query, same access rules) as CSV or XLSX. Clients: 404; bad input: 400. */
export async function GET(request: Request) {
  const t = await serverTranslator();
  try {
    const user = await requireUser("reports.read");
    const parsed = reportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const text = issue.message.startsWith("reports.") ? t(issue.message) : (formatValidationMessage(issue.message, (k, v) => t(`validation.${k}`, v)) ?? t("validation.invalid"));
      return Response.json({ error: text, field: issue.path.join(".") || undefined }, { status: 400 });
    }
    const q = parsed.data;
    const format = q.format ?? "csv";
    const report = await getReport(user, { ...reportRange(q, await getServiceTimeZone()), groupBy: q.groupBy });
    const columns = ["group", "created", "resolved", "open", "responseP50", "responseP90", "resolutionP50", "resolutionP90", "responseWithinTarget", "resolutionWithinTarget", "rated", "averageRating"].map(
      (k) => ({ header: k === "group" ? t(`reports.groupBy.${q.groupBy}`) : t(`reports.columns.${k}`), width: k === "group" ? 36 : 16 }),
    );
    const line = (label: string, r: Omit<ReportRow, "key" | "name">): Cell[] => [
      label,
      r.created,
      r.resolved,
      r.open,
      minutes(r.responseP50),
      minutes(r.responseP90),
      minutes(r.resolutionP50),
      minutes(r.resolutionP90),
      r.responseWithinTargetPct,
      r.resolutionWithinTargetPct,
      r.rated,
      r.averageRating,
    ];
    async function* rows(): AsyncGenerator<Cell[][]> {
      yield [...report.rows.map((r) => line(groupLabel(t, q.groupBy, r), r)), line(t("reports.total"), report.totals)];
    }
    const title = [
      t("reports.printTitle"),
      t("reports.period", { from: report.from, to: report.to }),
      report.department ? t("reports.departmentScope", { name: report.department.name }) : t("reports.allDepartments"),
      t("reports.export.minutesNote"),
    ];
    const name = exportFileName(t("reports.export.reportFile"), `${report.from}-${report.to}`, format);
    return downloadResponse(format === "csv" ? csvStream(columns, rows()) : xlsxStream(t("reports.export.reportSheet"), columns, rows(), title), name, format);
  } catch (error) {
    return exportErrorResponse(error, t);
  }
}
