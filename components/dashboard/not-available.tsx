import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Honest placeholder for a screen a later issue builds. */
export async function NotAvailable({ page }: { page: string }) {
  const t = await getTranslations("common");
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8">
      <h1 className="text-xl font-semibold">{page}</h1>
      <p className="mt-2 font-medium text-amber-800">{t("notAvailableTitle")}</p>
      <p className="mt-1 text-slate-700">{t("notAvailableBody", { page })}</p>
      <Link href="/dashboard" className="mt-4 inline-block text-brand-700 underline">
        {t("backToDashboard")}
      </Link>
    </section>
  );
}
