import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { skmOfferForToken } from "@/lib/dal/skm";
import { currentLocale } from "@/lib/i18n/server";
import { skmFormCopy } from "@/components/skm/copy";
import { SkmQuestionnaire } from "@/components/skm/skm-questionnaire";
import { submitSkmByTokenAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the address: never hand it on to another site.
  return { title: (await getTranslations("skm"))("form.title"), referrer: "no-referrer", robots: { index: false } };
}

/**
 * The page the resolution mail's survey link opens, without a login. A link that is unknown, used,
 * expired or whose ticket was reopened gets a plain sentence saying so.
 */
export default async function SurveyLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token).slice(0, 200);
  const [t, locale] = await Promise.all([getTranslations("skm"), currentLocale()]);
  const offer = await skmOfferForToken(token, locale);
  return (
    <section className="mx-auto max-w-3xl px-4 py-8">
      {offer.ticket && (
        <p className="mb-4 text-sm text-slate-700" data-testid="skm-ticket">
          {t("link.about", { number: offer.ticket.number, subject: offer.ticket.subject })}
        </p>
      )}
      {offer.state === "open" ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <SkmQuestionnaire form={offer.form} copy={skmFormCopy(t as never)} submit={submitSkmByTokenAction} hidden={{ token }} />
        </div>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <h1 className="text-xl font-semibold">{t("form.title")}</h1>
          <p role="alert" className="mt-2 text-slate-800" data-testid="skm-link-state">
            {t(`link.${offer.state === "none" ? "invalid" : offer.state}`)}
          </p>
        </div>
      )}
    </section>
  );
}
