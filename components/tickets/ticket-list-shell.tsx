"use client";
import { Suspense, useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { DashboardChrome } from "@/components/dashboard/dashboard-chrome";
import { DEFAULT_LOCALE, LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locales";
import type { TicketListView } from "@/lib/tickets/list-view";
import { TicketListApp } from "./ticket-list-app";

const noSubscription = () => () => {};
/** The language the visitor chose (the cookie is readable on purpose), before the data says for sure. */
const chosenLocale = () => {
  const m = document.cookie.match(new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`));
  return m ? resolveLocale(m[1]) : null;
};

/**
 * The static ticket-list page in the browser: the dashboard header and menu and the list, in the
 * user's language, once /api/tickets/list has answered (it says who is signed in and in which language).
 */
export function TicketListShell({ catalogues }: { catalogues: Record<Locale, Record<string, unknown>> }) {
  const [viewer, setViewer] = useState<TicketListView["viewer"]>(null);
  const chosen = useSyncExternalStore(noSubscription, chosenLocale, () => null);
  const locale = viewer?.locale ?? chosen ?? DEFAULT_LOCALE;
  const messages = catalogues[locale] as AbstractIntlMessages;
  useEffect(() => {
    document.documentElement.lang = locale;
    if (viewer) document.title = `${(messages.tickets as Record<string, string>).title} — ${viewer.appName}`;
  }, [locale, viewer, messages]);
  const onViewer = useCallback((v: NonNullable<TicketListView["viewer"]>) => setViewer(v), []);
  return (
    // No date is formatted here (the data's dates come formatted); the zone only quiets next-intl.
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Asia/Jakarta">
      <DashboardChrome viewer={viewer}>
        <Suspense>
          <TicketListApp onViewer={onViewer} />
        </Suspense>
      </DashboardChrome>
    </NextIntlClientProvider>
  );
}
