import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "@/lib/i18n/locale-actions";
import { LOCALES } from "@/lib/i18n/locales";

/** A plain form, so switching works without JavaScript. */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations("common");
  return (
    <form action={setLocaleAction} aria-label={t("switchLanguage")} className="flex items-center gap-1 text-sm">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          title={l === "id" ? t("languageId") : t("languageEn")}
          className={`rounded px-2 py-1 font-medium uppercase ${
            l === locale ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-200"
          }`}
        >
          {l}
        </button>
      ))}
    </form>
  );
}
