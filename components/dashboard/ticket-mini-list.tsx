import Link from "next/link";
import type { DashboardTicket } from "@/lib/dal/dashboards";
import type { SlaText } from "@/lib/sla/words";
import { SlaBadge } from "@/components/sla/sla-badge";

/** What the staff side sees on each row besides the status: priority (and a waiting suggestion) and the service level. */
export type MiniListTriage = {
  priority: (ticket: DashboardTicket) => string;
  sla: (ticket: DashboardTicket) => SlaText | null;
};

/** A short list of tickets on a dashboard, each a link to its page. Labels come translated from the page. */
export function TicketMiniList({
  tickets,
  empty,
  statusLabel,
  when,
  action,
  triage,
}: {
  tickets: DashboardTicket[];
  empty: string;
  statusLabel: (status: string) => string;
  when: (date: Date) => string;
  action?: string;
  triage?: MiniListTriage;
}) {
  if (!tickets.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {tickets.map((t) => {
        const sla = triage?.sla(t);
        return (
          <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm" data-testid="mini-ticket">
            <Link href={`/dashboard/tickets/${t.number}`} className="font-medium text-brand-800 underline">
              {t.number} · {t.subject}
            </Link>
            <span className="flex flex-wrap items-center gap-x-2 text-slate-700">
              {triage && <span data-testid="mini-ticket-priority">{triage.priority(t)} ·</span>}
              {sla && <SlaBadge text={sla.text} tone={sla.tone} />}
              <span>
                {statusLabel(t.status)} · {when(t.createdAt)}
              </span>
              {action ? (
                <>
                  {" · "}
                  <Link href={`/dashboard/tickets/${t.number}#rating`} className="font-semibold text-brand-800 underline">
                    {action}
                  </Link>
                </>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
