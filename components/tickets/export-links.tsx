import { ticketListQuery, type TicketListFilters } from "@/lib/validation/tickets";

/** The list as it is filtered now (not the page or sort), as CSV or Excel — streamed by /api/tickets/export. */
export function ExportLinks({ filters, labels }: { filters: TicketListFilters; labels: { csv: string; xlsx: string } }) {
  const query = ticketListQuery(filters, { page: undefined, sort: undefined });
  const link = "rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50";
  return (
    <>
      <a href={`/api/tickets/export?${query}&format=csv`} className={link} data-testid="tickets-export-csv">
        {labels.csv}
      </a>
      <a href={`/api/tickets/export?${query}&format=xlsx`} className={link}>
        {labels.xlsx}
      </a>
    </>
  );
}
