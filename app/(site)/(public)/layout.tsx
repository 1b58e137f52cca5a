import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { getSessionUser } from "@/lib/dal/session";
import { getSettings } from "@/lib/dal/settings";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const [t, general, footer, user] = await Promise.all([getTranslations("common"), getSettings("general"), getSettings("footer"), getSessionUser()]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("skipToContent")}
      </a>
      <SiteHeader general={general} signedIn={!!user} />
      <main id="main">{children}</main>
      <SiteFooter organisation={general.organisation} footer={footer} />
    </>
  );
}
