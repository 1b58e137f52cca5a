import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Document } from "@/components/layout/document";
import { getSettings } from "@/lib/dal/settings";
import "../globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [t, { appName }] = await Promise.all([getTranslations("meta"), getSettings("general")]);
  return {
    title: { default: appName, template: `%s — ${appName}` },
    description: t("description"),
    openGraph: { type: "website", siteName: appName, title: appName, description: t("description") },
    icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e40af" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <Document lang={locale} errorCopy={{ title: t("errorTitle"), body: t("errorBody"), tryAgain: t("tryAgain"), home: t("home") }}>
      {children}
    </Document>
  );
}
