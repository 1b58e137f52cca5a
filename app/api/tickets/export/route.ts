import { requireUser } from "@/lib/dal/session";
import { ticketCsvForUser, ticketExportWords, ticketXlsxForUser } from "@/lib/dal/exports";
import { serverTranslator } from "@/lib/i18n/server";
import { exportFileName } from "@/lib/reports/export";
import { downloadResponse, exportErrorResponse } from "@/lib/reports/responses";
import { todayWib } from "@/lib/validation/reports";
import { ticketListFiltersSchema } from "@/lib/validation/tickets";

export const dynamic = "force-dynamic";

/**
 * The ticket list with the same filters (and the same row scope) as /dashboard/tickets, as CSV or
 * XLSX, streamed. Clients have no export: 404.
 */
export async function GET(request: Request) {
  const t = await serverTranslator();
  try {
    const user = await requireUser("tickets.export");
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const format = params.format === "xlsx" ? "xlsx" : params.format === "csv" || params.format === undefined ? "csv" : null;
    if (!format) return Response.json({ error: t("reports.errors.badFormat") }, { status: 400 });
    const filters = ticketListFiltersSchema.parse(params);
    const words = ticketExportWords(t);
    const body = format === "csv" ? await ticketCsvForUser(user, filters, words) : await ticketXlsxForUser(user, filters, words);
    return downloadResponse(body, exportFileName(t("reports.export.ticketFile"), todayWib(), format), format);
  } catch (error) {
    return exportErrorResponse(error, t);
  }
}
