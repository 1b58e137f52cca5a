"use client";
import { useCallback, useSyncExternalStore } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import type { Locale } from "@/lib/i18n/locales";
import { TicketPageApp, type TicketPageActions } from "./ticket-page-app";

const noSubscription = () => () => {};
/** The ticket's number: the last part of the address (/dashboard/tickets/HD-…), which middleware kept. */
const numberInAddress = () => decodeURIComponent(window.location.pathname.split("/").pop() ?? "");

/** The static ticket page in the browser: the ticket of the address, with the header and language its data brings. */
export function TicketPageShell({ catalogues, actions }: { catalogues: Record<Locale, Record<string, unknown>>; actions: TicketPageActions }) {
  const number = useSyncExternalStore(noSubscription, numberInAddress, () => null);
  const title = useCallback(() => number ?? "", [number]);
  return (
    <DashboardShell catalogues={catalogues} title={title}>
      {(onViewer) => <TicketPageApp number={number} actions={actions} onViewer={onViewer} />}
    </DashboardShell>
  );
}
