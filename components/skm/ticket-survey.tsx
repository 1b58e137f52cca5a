"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { SkmOffer } from "@/lib/dal/skm";
import { skmFormCopy } from "./copy";
import { SkmQuestionnaire, type SkmSubmit } from "./skm-questionnaire";

/**
 * The survey on the ticket page, for the ticket's client once it is resolved or closed. It asks the
 * server whether the survey is open each time the ticket's status changes in place (the client may
 * have just resolved it), and says so once it has been answered.
 */
export function TicketSurvey({ ticketId, status, offered, submit }: { ticketId: string; status: string; offered: boolean; submit: SkmSubmit }) {
  const t = useTranslations("skm");
  const [offer, setOffer] = useState<SkmOffer | null>(null);

  useEffect(() => {
    if (!offered) return;
    const controller = new AbortController();
    fetch(`/api/skm/tickets/${encodeURIComponent(ticketId)}`, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? (r.json() as Promise<SkmOffer>) : null))
      .then((o) => setOffer(o))
      .catch(() => undefined);
    return () => controller.abort();
  }, [ticketId, status, offered]);

  if (!offered || !offer || (offer.state !== "open" && offer.state !== "answered")) return null;
  return (
    <section id="skm" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-start-1" data-testid="ticket-skm">
      {offer.state === "open" ? (
        <SkmQuestionnaire form={offer.form} copy={skmFormCopy(t)} submit={submit} hidden={{ ticketId }} />
      ) : (
        <p className="text-sm text-slate-700">{t("ticket.answered")}</p>
      )}
    </section>
  );
}
