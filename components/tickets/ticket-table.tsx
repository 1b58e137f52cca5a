import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TicketListView } from "@/lib/views/ticket-list";
import type { TicketListFilters } from "@/lib/validation/tickets";
import { SlaBadge } from "@/components/sla/sla-badge";
import { ListLink, ticketListHref } from "./ticket-filters";
import { BulkPageCheckbox, BulkRowCheckbox, TakeButton, type BulkSelection, type TicketListActions } from "./ticket-bulk";

/** A cell: a table cell on wider screens, an item of the row's card on a phone. */
const cell = "px-3 py-2 max-md:p-0";
/** On a phone the column header is hidden, so the cell names itself ("Status: Terbuka"). */
const labelled = "max-md:text-xs max-md:before:mr-1 max-md:before:text-slate-500 max-md:before:content-[attr(data-label)':']";

/**
 * One page of tickets (staff see client and assignee too) and the newer/older links. Below the md
 * breakpoint each row is a card (number, subject across, the rest as labelled items), so a phone reads
 * it without sideways scrolling.
 */
export function TicketTable({
  filters,
  list,
  staffSide,
  slaColumn,
  bulk,
}: {
  filters: TicketListFilters;
  /** Rows with their dates and service-level state (words and a tone; none: "—") already in the user's language. */
  list: TicketListView["list"];
  staffSide: boolean;
  slaColumn: string;
  /** Staff side: the rows' checkboxes and "Ambil" (the list refreshes after a take). */
  bulk?: { selection: BulkSelection; take: TicketListActions["take"]; refresh: () => Promise<void> };
}) {
  const t = useTranslations("tickets");
  const tTriage = useTranslations("triage");
  const label = (text: string) => ({ "data-label": text, className: `${cell} ${labelled}` });
  return (
    <>
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm max-md:block">
            <thead className="bg-slate-100 max-md:block">
              <tr className="max-md:flex">
                {bulk && <BulkPageCheckbox selection={bulk.selection} rowIds={list.rows.map((r) => r.id)} />}
                <th scope="col" className="px-3 py-2 max-md:hidden">{t("columns.number")}</th>
                <th scope="col" className="px-3 py-2 max-md:hidden">{t("columns.subject")}</th>
                <th scope="col" className="px-3 py-2 max-md:hidden">{t("columns.department")}</th>
                {staffSide && <th scope="col" className="px-3 py-2 max-md:hidden">{t("columns.client")}</th>}
                {staffSide && <th scope="col" className="px-3 py-2 max-md:hidden">{t("columns.assignee")}</th>}
                <th scope="col" className="px-3 py-2 max-md:hidden">{t("columns.status")}</th>
                <th scope="col" className="px-3 py-2 max-md:hidden">{t("columns.priority")}</th>
                <th scope="col" className="px-3 py-2 max-md:hidden">{slaColumn}</th>
                <th scope="col" className="px-3 py-2 max-md:hidden">{t("columns.created")}</th>
              </tr>
            </thead>
            <tbody className="max-md:block">
              {list.rows.length === 0 && (
                <tr className="max-md:block">
                  <td colSpan={9} className="px-3 py-6 text-center text-slate-600 max-md:block">
                    {t("empty")}
                  </td>
                </tr>
              )}
              {list.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 focus-within:bg-brand-50 max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:gap-y-1 max-md:px-3 max-md:py-3" data-testid="ticket-row">
                  {bulk && <BulkRowCheckbox selection={bulk.selection} id={r.id} number={r.number} />}
                  <td className={`${cell} font-mono`}>
                    <Link href={`/dashboard/tickets/${encodeURIComponent(r.number)}`} prefetch={false} className="text-brand-700 underline">
                      {r.number}
                    </Link>
                  </td>
                  <td className={`${cell} max-md:basis-full max-md:font-medium`}>{r.subject}</td>
                  <td {...label(t("columns.department"))}>{r.department}</td>
                  {staffSide && (
                    <td {...label(t("columns.client"))}>
                      {r.client}
                      {r.agency && <span className="block text-xs text-slate-600">{r.agency}</span>}
                    </td>
                  )}
                  {staffSide && (
                    <td {...label(t("columns.assignee"))}>
                      {r.assignee ?? t("fields.unassigned")}
                      {bulk && r.canTake && <TakeButton ticketId={r.id} number={r.number} take={bulk.take} onDone={bulk.refresh} />}
                    </td>
                  )}
                  <td {...label(t("columns.status"))}>{t(`status.${r.status}`)}</td>
                  <td {...label(t("columns.priority"))} data-testid="ticket-priority-cell">
                    {t(`priority.${r.priority}`)}
                    {staffSide && r.pendingPriority && <span className="block text-xs text-amber-900">{tTriage("listPending", { priority: t(`priority.${r.pendingPriority}`) })}</span>}
                  </td>
                  <td {...label(slaColumn)} data-testid="ticket-sla-cell">
                    {r.sla ? <SlaBadge text={r.sla.text} tone={r.sla.tone} /> : <span className="text-slate-500">—</span>}
                  </td>
                  <td {...label(t("columns.created"))}>
                    <span className="whitespace-nowrap">{r.created}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <nav aria-label={t("pagination.label")} className="flex items-center gap-3 text-sm">
          {list.page > 1 && (
            <ListLink href={ticketListHref(filters, { page: list.page - 1 })} rel="prev" className="text-brand-700 underline">
              {t("pagination.previous")}
            </ListLink>
          )}
          <span>{t("pagination.page", { page: list.page })}</span>
          {list.hasNext && (
            <ListLink href={ticketListHref(filters, { page: list.page + 1 })} rel="next" className="text-brand-700 underline">
              {t("pagination.next")}
            </ListLink>
          )}
        </nav>
    </>
  );
}
