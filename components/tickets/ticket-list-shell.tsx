"use client";
import { Suspense } from "react";
import type { AbstractIntlMessages } from "next-intl";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import type { Locale } from "@/lib/i18n/locales";
import { TicketListApp } from "./ticket-list-app";

const listTitle = (m: AbstractIntlMessages) => (m.tickets as Record<string, string>).title;

/** The static ticket-list page in the browser: the list, with the header and language its data brings. */
export function TicketListShell({ catalogues }: { catalogues: Record<Locale, Record<string, unknown>> }) {
  return (
    <DashboardShell catalogues={catalogues} title={listTitle}>
      {(onViewer) => (
        <Suspense>
          <TicketListApp onViewer={onViewer} />
        </Suspense>
      )}
    </DashboardShell>
  );
}
