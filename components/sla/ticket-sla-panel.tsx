import { useTranslations } from "next-intl";
import type { SlaTargetText, TicketPageView } from "@/lib/views/ticket-page";
import { SlaBadge } from "./sla-badge";

/** Each target of the ticket: when it is due, and the working time left or how late, in words and colour (worded by the server). */
export function TicketSlaPanel({ sla }: { sla: TicketPageView["sla"] }) {
  const t = useTranslations("sla");
  const row = (key: "firstResponse" | "resolution", target: SlaTargetText | null) =>
    target && (
      <div data-testid={`sla-${key}`}>
        <dt className="font-medium">{t(key)}</dt>
        <dd className="mt-0.5 space-y-1">
          <p data-testid={`sla-${key}-due`} data-due={target.dueIso}>{target.due}</p>
          <SlaBadge text={target.status.text} tone={target.status.tone} testId={`sla-${key}-status`} />
        </dd>
      </div>
    );
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="sla-title" data-testid="ticket-sla">
      <h2 id="sla-title" className="font-semibold">{t("panelTitle")}</h2>
      {sla ? (
        <dl className="mt-2 space-y-3 text-sm">
          {row("firstResponse", sla.firstResponse)}
          {row("resolution", sla.resolution)}
          {sla.pausedTotal && <p className="text-xs text-slate-700" data-testid="sla-paused-total">{sla.pausedTotal}</p>}
        </dl>
      ) : (
        <p className="mt-1 text-sm text-slate-600">{t("none")}</p>
      )}
    </section>
  );
}
