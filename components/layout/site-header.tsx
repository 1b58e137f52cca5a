import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/dal/session";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const [t, tMeta, user] = await Promise.all([getTranslations("nav"), getTranslations("meta"), getSessionUser()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-800">
          {tMeta("appName")}
        </Link>
        <nav aria-label={t("mainMenu")} className="flex flex-wrap items-center gap-4 text-sm">
          <Link href="/" className="text-slate-700 hover:text-brand-700">
            {t("home")}
          </Link>
          <Link href="/faq" className="text-slate-700 hover:text-brand-700">
            {t("faq")}
          </Link>
          <Link
            href={user ? "/dashboard" : "/login"}
            className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
          >
            {user ? t("dashboard") : t("login")}
          </Link>
          <LanguageSwitch />
        </nav>
      </div>
    </header>
  );
}
