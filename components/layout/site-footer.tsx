import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("meta");
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600">
        © {new Date().getFullYear()} {t("organisation")}
      </div>
    </footer>
  );
}
