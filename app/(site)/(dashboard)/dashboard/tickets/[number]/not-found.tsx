import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A ticket that does not exist or is not this user's to see: the same answer, inside the dashboard. */
export default async function TicketNotFound() {
  const [t, tCommon] = await Promise.all([getTranslations("tickets"), getTranslations("common")]);
  return (
    <div className="py-12 text-center">
      <h1 className="text-2xl font-bold">{tCommon("notFoundTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("errors.notFound")}</p>
      <Link href="/dashboard/tickets" className="mt-6 inline-block text-brand-700 underline">
        {t("title")}
      </Link>
    </div>
  );
}
