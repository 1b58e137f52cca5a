import Link from "next/link";
import { getTranslations } from "next-intl/server";

const SERVICES = ["Bandwidth", "Website", "Server", "Application", "Email"] as const;

export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <>
      <section className="bg-brand-800 text-white">
        <div className="mx-auto max-w-6xl px-4 py-14">
          <h1 className="text-3xl font-bold sm:text-4xl">{t("title")}</h1>
          <p className="mt-4 max-w-2xl text-lg text-brand-100">{t("lead")}</p>
          <Link
            href="/dashboard/tickets/new"
            className="mt-8 inline-block rounded bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t("createTicket")}
          </Link>
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
    </>
  );
}
