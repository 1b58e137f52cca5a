import { requireUser } from "@/lib/dal/session";
import { exportTicketsForUser, type ExportTicket } from "@/lib/dal/exports";
import { serverTranslator } from "@/lib/i18n/server";
import { csvStream, exportFileName, xlsxStream, type Cell } from "@/lib/reports/export";
import { downloadResponse, exportErrorResponse } from "@/lib/reports/responses";
import { todayWib } from "@/lib/validation/reports";
import { ticketListFiltersSchema } from "@/lib/validation/tickets";

export const dynamic = "force-dynamic";

/**
 * The ticket list with the same filters (and the same row scope) as /dashboard/tickets, as CSV or
 * XLSX, streamed batch by batch. Clients have no export: 404.
 */
export async function GET(request: Request) {
  const t = await serverTranslator();
  try {
    const user = await requireUser("tickets.export");
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const format = params.format === "xlsx" ? "xlsx" : params.format === "csv" || params.format === undefined ? "csv" : null;
    if (!format) return Response.json({ error: t("reports.errors.badFormat") }, { status: 400 });
    const filters = ticketListFiltersSchema.parse(params);
    const batches = exportTicketsForUser(user, filters);
    // Run the permission check and the first query now, so a refusal is a status code and not a broken download.
    const first = await batches.next();
    async function* rows(): AsyncGenerator<Cell[][]> {
      const toCells = (batch: ExportTicket[]): Cell[][] =>
        batch.map((r) => [
          r.number,
          r.subject,
          t(`tickets.status.${r.status}`),
          t(`tickets.priority.${r.priority}`),
          r.department,
          r.agency,
          r.client,
          r.assignee,
          r.createdAt,
          r.firstResponseAt,
          r.resolvedAt,
          r.closedAt,
          r.rating,
        ]);
      if (first.done) return;
      yield toCells(first.value);
      for await (const batch of batches) yield toCells(batch);
    }
    const columns = ["number", "subject", "status", "priority", "department", "agency", "client", "assignee", "created", "firstResponse", "resolved", "closed", "rating"].map(
      (k) => ({ header: t(`reports.export.ticketColumns.${k}`), width: k === "subject" ? 40 : 18 }),
    );
    const name = exportFileName(t("reports.export.ticketFile"), todayWib(), format);
    const body = format === "csv" ? csvStream(columns, rows()) : xlsxStream(t("reports.export.ticketSheet"), columns, rows());
    return downloadResponse(body, name, format);
  } catch (error) {
    return exportErrorResponse(error, t);
  }
}
