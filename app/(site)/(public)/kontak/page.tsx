import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ContactForm } from "@/components/contact/contact-form";
import { issueFormToken } from "@/lib/contact/form-token";
import { recaptchaSiteKey } from "@/lib/contact/recaptcha";
import { getSettings } from "@/lib/dal/settings";
import { sendContactMessageAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contact");
  return { title: t("title"), description: t("metaDescription"), openGraph: { title: t("title"), description: t("metaDescription") } };
}

export default async function ContactPage() {
  const [t, locale, general] = await Promise.all([getTranslations("contact"), getLocale(), getSettings("general")]);
  return (
    <div className="mx-auto grid max-w-6xl gap-10 px-4 py-10 md:grid-cols-3">
      <section className="md:col-span-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mb-6 mt-2 text-slate-700">{t("lead")}</p>
        <ContactForm
          action={sendContactMessageAction}
          formToken={issueFormToken()}
          recaptchaSiteKey={recaptchaSiteKey()}
          language={locale}
          copy={{
            name: t("name"),
            email: t("email"),
            phone: t("phone"),
            agency: t("agency"),
            subject: t("subject"),
            message: t("message"),
            optional: t("optional"),
            submit: t("submit"),
            submitting: t("submitting"),
            sent: t("sent"),
            honeypot: t("honeypot"),
          }}
        />
      </section>
      <aside aria-labelledby="contact-details" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="contact-details" className="text-lg font-semibold">
          {t("detailsTitle")}
        </h2>
        <p className="mt-2 font-medium">{general.organisation}</p>
        {general.address && <p className="mt-2 text-sm text-slate-700">{general.address}</p>}
        {general.phone && (
          <p className="mt-2 text-sm">
            {t("phone")}: <a href={`tel:${general.phone}`} className="text-brand-700 underline">{general.phone}</a>
          </p>
        )}
        {general.email && (
          <p className="mt-1 text-sm">
            {t("email")}: <a href={`mailto:${general.email}`} className="text-brand-700 underline">{general.email}</a>
          </p>
        )}
      </aside>
    </div>
  );
}
