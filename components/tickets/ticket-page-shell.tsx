"use client";
import { useCallback, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import type { Locale } from "@/lib/i18n/locales";
import { TicketPageApp, type TicketPageActions } from "./ticket-page-app";

const noSubscription = () => () => {};
/** The ticket's number: the last part of the address (/dashboard/tickets/HD-…), which middleware kept. */
const numberInAddress = () => decodeURIComponent(window.location.pathname.split("/").pop() ?? "");

function Loading() {
  const t = useTranslations("tickets");
  return <p role="status" className="text-sm text-slate-600">{t("detail.loading")}</p>;
}

/** The static ticket page in the browser: the ticket of the address, with the header and language its data brings. */
export function TicketPageShell({ catalogues, actions }: { catalogues: Record<Locale, Record<string, unknown>>; actions: TicketPageActions }) {
  const number = useSyncExternalStore(noSubscription, numberInAddress, () => null);
  const title = useCallback(() => number ?? "", [number]);
  return (
    <DashboardShell catalogues={catalogues} title={title}>
      {(onViewer) => (number ? <TicketPageApp number={number} actions={actions} onViewer={onViewer} /> : <Loading />)}
    </DashboardShell>
  );
}
