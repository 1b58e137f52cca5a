import { getDateTimeFormatter } from "@/lib/format";
import type { TicketDetail } from "@/lib/dal/tickets";
import { getSlaWords, SlaBadge, type SlaTone } from "./sla-status";

/** Each target of the ticket: when it is due, and the working time left or how late, in words and colour. */
export async function TicketSlaPanel({ sla }: { sla: TicketDetail["sla"] }) {
  const [{ t, duration, left }, when] = await Promise.all([getSlaWords(), getDateTimeFormatter()]);
  const row = (key: "firstResponse" | "resolution", label: string) => {
    const target = sla?.[key];
    if (!target) return null;
    let status: { text: string; tone: SlaTone };
    if (target.state === "met") status = { text: t("met", { when: when(target.doneAt ?? target.dueAt) }), tone: "ok" };
    else if (target.state === "missed") status = { text: t("missed", { when: when(target.doneAt ?? target.dueAt) }), tone: "late" };
    else if (target.state === "running") status = left(target.minutesLeft, target.pastDue);
    else status = { text: `${target.state === "paused" ? t("paused") : t("stopped")} · ${left(target.minutesLeft, target.pastDue).text}`, tone: "idle" };
    return (
      <div data-testid={`sla-${key}`}>
        <dt className="font-medium">{label}</dt>
        <dd className="mt-0.5 space-y-1">
          <p data-testid={`sla-${key}-due`} data-due={target.dueAt.toISOString()}>{t("dueAt", { when: when(target.dueAt) })}</p>
          <SlaBadge text={status.text} tone={status.tone} testId={`sla-${key}-status`} />
        </dd>
      </div>
    );
  };
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="sla-title" data-testid="ticket-sla">
      <h2 id="sla-title" className="font-semibold">{t("panelTitle")}</h2>
      {sla ? (
        <dl className="mt-2 space-y-3 text-sm">
          {row("firstResponse", t("firstResponse"))}
          {row("resolution", t("resolution"))}
          {sla.pausedMinutes > 0 && <p className="text-xs text-slate-700" data-testid="sla-paused-total">{t("pausedTotal", { time: duration(sla.pausedMinutes) })}</p>}
        </dl>
      ) : (
        <p className="mt-1 text-sm text-slate-600">{t("none")}</p>
      )}
    </section>
  );
}
