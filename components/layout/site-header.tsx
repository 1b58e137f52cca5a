import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { GeneralSettings } from "@/lib/validation/settings";
import { LanguageSwitch } from "./language-switch";

/** Public header: logo (the uploaded one, else the default in public/), name, menu, sign-in or dashboard. */
export async function SiteHeader({ general, signedIn }: { general: Pick<GeneralSettings, "appName" | "logo">; signedIn: boolean }) {
  const t = await getTranslations("nav");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-brand-800">
          {/* eslint-disable-next-line @next/next/no-img-element -- our own small files, already sized */}
          <img src={general.logo ? "/api/logo" : "/logo.svg"} alt="" width={36} height={36} className="rounded" />
          {general.appName}
        </Link>
        <nav aria-label={t("mainMenu")} className="flex flex-wrap items-center gap-4 text-sm">
          {(["/", "/tentang", "/faq", "/kontak"] as const).map((href) => (
            <Link key={href} href={href} className="py-2 text-slate-700 hover:text-brand-700">
              {t(href === "/" ? "home" : href === "/tentang" ? "about" : href === "/faq" ? "faq" : "contact")}
            </Link>
          ))}
          <Link
            href={signedIn ? "/dashboard" : "/login"}
            className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
          >
            {signedIn ? t("dashboard") : t("login")}
          </Link>
          <LanguageSwitch />
        </nav>
      </div>
    </header>
  );
}
