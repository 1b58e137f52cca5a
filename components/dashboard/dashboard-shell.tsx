"use client";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { DashboardChrome, type ChromeViewer } from "@/components/dashboard/dashboard-chrome";
import { DEFAULT_LOCALE, LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locales";

const noSubscription = () => () => {};
/** The language the visitor chose (the cookie is readable on purpose), before the data says for sure. */
const chosenLocale = () => {
  const m = document.cookie.match(new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`));
  return m ? resolveLocale(m[1]) : null;
};

export type ShellViewer = ChromeViewer & { locale: Locale };

/**
 * A static dashboard page in the browser (see app/(shell)): the header and menu and the page's own
 * part, in the user's language, once the page's data has said who is signed in and in which language
 * (the page's part calls `onViewer`). `title`: the document title, from the chosen language's copy.
 */
export function DashboardShell({
  catalogues,
  title,
  children,
}: {
  catalogues: Record<Locale, Record<string, unknown>>;
  title: (messages: AbstractIntlMessages, viewer: ShellViewer) => string;
  children: (onViewer: (viewer: ShellViewer) => void) => React.ReactNode;
}) {
  const [viewer, setViewer] = useState<ShellViewer | null>(null);
  const chosen = useSyncExternalStore(noSubscription, chosenLocale, () => null);
  const locale = viewer?.locale ?? chosen ?? DEFAULT_LOCALE;
  const messages = catalogues[locale] as AbstractIntlMessages;
  useEffect(() => {
    document.documentElement.lang = locale;
    if (viewer) document.title = `${title(messages, viewer)} — ${viewer.appName}`;
  }, [locale, viewer, messages, title]);
  const onViewer = useCallback((v: ShellViewer) => setViewer(v), []);
  return (
    // No date is formatted here (the data's dates come formatted); the zone only quiets next-intl.
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Asia/Jakarta">
      <DashboardChrome viewer={viewer}>{children(onViewer)}</DashboardChrome>
    </NextIntlClientProvider>
  );
}
