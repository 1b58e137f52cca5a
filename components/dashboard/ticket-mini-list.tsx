import Link from "next/link";
import type { DashboardTicket } from "@/lib/dal/dashboards";

/** A short list of tickets on a dashboard, each a link to its page. Labels come translated from the page. */
export function TicketMiniList({
  tickets,
  empty,
  statusLabel,
  when,
  action,
}: {
  tickets: DashboardTicket[];
  empty: string;
  statusLabel: (status: string) => string;
  when: (date: Date) => string;
  action?: string;
}) {
  if (!tickets.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {tickets.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
          <Link href={`/dashboard/tickets/${t.number}`} className="font-medium text-brand-800 underline">
            {t.number} · {t.subject}
          </Link>
          <span className="text-slate-700">
            {statusLabel(t.status)} · {when(t.createdAt)}
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
      ))}
    </ul>
  );
}
