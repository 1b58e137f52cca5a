import { SKM_EDUCATION, SKM_GENDERS, SKM_OCCUPATIONS } from "@/lib/validation/skm";
import type { SkmFormCopy } from "./skm-questionnaire";

type T = (key: string) => string;

/** The questionnaire's words from the "skm" catalogue (server translator or useTranslations alike). */
export function skmFormCopy(t: T): SkmFormCopy {
  return {
    title: t("form.title"),
    intro: t("form.intro"),
    skipHint: t("form.skipHint"),
    profile: t("form.profile"),
    profileHint: t("form.profileHint"),
    gender: t("form.gender"),
    age: t("form.age"),
    education: t("form.education"),
    occupation: t("form.occupation"),
    choose: t("form.choose"),
    suggestion: t("form.suggestion"),
    submit: t("form.submit"),
    sending: t("form.sending"),
    thanks: t("form.thanks"),
    genders: SKM_GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) })),
    educations: SKM_EDUCATION.map((e) => ({ value: e, label: t(`educations.${e}`) })),
    occupations: SKM_OCCUPATIONS.map((o) => ({ value: o, label: t(`occupations.${o}`) })),
  };
}
