import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSettings } from "@/lib/dal/settings";

const SERVICES = ["Bandwidth", "Website", "Server", "Application", "Email"] as const;

export default async function HomePage() {
  const [t, tNav, general] = await Promise.all([getTranslations("home"), getTranslations("nav"), getSettings("general")]);
  return (
    <>
      <section className="bg-brand-800 text-white">
        <div className="mx-auto max-w-6xl px-4 py-14">
          <h1 className="text-3xl font-bold sm:text-4xl">{general.appName}</h1>
          <p className="mt-4 max-w-2xl text-lg text-brand-100">{t("lead")}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href="/dashboard/tickets/new"
              className="inline-block rounded bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50"
            >
              {t("createTicket")}
            </Link>
            <Link href="/faq" className="inline-block rounded border border-white px-5 py-3 font-semibold text-white hover:bg-brand-700">
              {t("readFaq")}
            </Link>
          </div>
        </div>
      </section>
      <section className="mx-auto max-w-6xl px-4 py-12" aria-labelledby="services">
        <h2 id="services" className="text-2xl font-semibold">
          {t("servicesTitle")}
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {SERVICES.map((s) => (
            <li key={s} className="rounded-lg border border-slate-200 bg-white p-5">
              <h3 className="font-semibold text-brand-800">{t(`service${s}`)}</h3>
              <p className="mt-2 text-sm text-slate-700">{t(`service${s}Body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="mx-auto max-w-6xl px-4 pb-4" aria-labelledby="how">
        <h2 id="how" className="text-2xl font-semibold">
          {t("howTitle")}
        </h2>
        <ol className="mt-4 list-decimal space-y-2 pl-6 text-slate-700">
          <li>{t("howStep1")}</li>
          <li>{t("howStep2")}</li>
          <li>{t("howStep3")}</li>
        </ol>
      </section>
      <section className="mx-auto max-w-6xl px-4 pt-12" aria-labelledby="contact">
        <h2 id="contact" className="text-2xl font-semibold">
          {t("contactTitle")}
        </h2>
        <div className="mt-4 rounded-lg border border-slate-200 bg-white p-5 text-slate-700">
          <p className="font-medium text-slate-900">{general.organisation}</p>
          {general.address && <p className="mt-1">{general.address}</p>}
          {general.phone && <p className="mt-1">{general.phone}</p>}
          {general.email && (
            <p className="mt-1">
              <a href={`mailto:${general.email}`} className="text-brand-700 underline">
                {general.email}
              </a>
            </p>
          )}
          <p className="mt-3">
            <Link href="/kontak" className="text-brand-700 underline">
              {t("contactCta")}
            </Link>{" "}
            ·{" "}
            <Link href="/tentang" className="text-brand-700 underline">
              {tNav("about")}
            </Link>
          </p>
        </div>
      </section>
    </>
  );
}
