import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { getSkmSettings, latestQuestionnaire } from "@/lib/dal/skm";
import { SKM_ELEMENT_CODES } from "@/lib/skm/elements";
import { SkmQuestionnaireForm, SkmSettingsForm } from "@/components/skm/skm-settings-forms";
import { saveSkmQuestionnaireAction, saveSkmSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("skm"))("settings.title") };
}

/** Settings → SKM (Admin): the survey's unit, person responsible, period, links, public page and questionnaire. */
export default async function SkmSettingsPage() {
  await requirePageUser("/dashboard/settings/skm");
  const [t, settings, questionnaire] = await Promise.all([getTranslations("skm"), getSkmSettings(), latestQuestionnaire()]);
  const keys = ["unitName", "responsibleName", "responsibleTitle", "periodKind", "period_semester", "period_quarter", "period_year", "linkDays", "invite", "publicPage", "save", "saved"];
  const copy = Object.fromEntries(keys.map((k) => [k, t(`settings.${k}` as never)]));
  const qKeys = ["enabled", "question_id", "question_en", "level", "versionHint", "save"];
  const qCopy = { ...Object.fromEntries(qKeys.map((k) => [k, t(`settings.${k}` as never)])), saved: t.raw("settings.questionnaireSaved") as string };
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/dashboard/settings" className="text-brand-700 underline">
            {t("settings.back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
        <p className="text-sm text-slate-700">{t("settings.intro")}</p>
      </header>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-lg font-semibold">{t("settings.general")}</h2>
        <SkmSettingsForm initial={settings} action={saveSkmSettingsAction} copy={copy} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-lg font-semibold">{t("settings.questionnaire")}</h2>
        <SkmQuestionnaireForm initial={questionnaire.elements} action={saveSkmQuestionnaireAction} copy={qCopy} names={SKM_ELEMENT_CODES.map((c) => t(`elements.${c}`))} />
      </section>
    </div>
  );
}
