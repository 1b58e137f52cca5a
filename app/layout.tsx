import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("appName"), template: `%s — ${t("appName")}` },
    description: t("description"),
    openGraph: { type: "website", siteName: t("appName"), title: t("appName"), description: t("description") },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e40af" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* Client components get only the shared copy; feature forms receive theirs as props. */}
        <NextIntlClientProvider messages={{ common: messages.common, validation: messages.validation }}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
