import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPublicSkm } from "@/lib/dal/skm-report";
import { getSkmSettings } from "@/lib/dal/skm";
import { periodWords } from "@/components/skm/skm-report-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("skm"))("public.title") };
}

const fmt = (n: number | null) => (n === null ? "—" : n.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** "Indeks Kepuasan Masyarakat" on the public site: only when Settings → SKM turns it on (404 otherwise). */
export default async function PublicIkmPage() {
  const data = await getPublicSkm();
  if (!data) notFound();
  const [t, settings] = await Promise.all([getTranslations("skm"), getSkmSettings()]);
  return (
    <section className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header>
        <h1 className="text-2xl font-bold">{t("public.title")}</h1>
        <p className="text-slate-700">{t("public.intro", { unit: settings.unitName })}</p>
      </header>
      {data.periods.map((p) => (
        <div key={p.key} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-lg font-semibold">{t("report.periodName", periodWords(p.key))}</h2>
          <table className="mt-2 min-w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th className="px-2 py-1">{t("public.service")}</th>
                <th className="px-2 py-1 text-right">{t("report.respondents")}</th>
                <th className="px-2 py-1 text-right">{t("report.ikm")}</th>
                <th className="px-2 py-1">{t("report.grade")}</th>
              </tr>
            </thead>
            <tbody>
              <tr className="border-b border-slate-100 font-semibold">
                <td className="px-2 py-1">{settings.unitName}</td>
                <td className="px-2 py-1 text-right tabular-nums">{p.unit.respondents.toLocaleString("id-ID")}</td>
                <td className="px-2 py-1 text-right tabular-nums">{fmt(p.unit.ikm)}</td>
                <td className="px-2 py-1">{p.unit.grade ? `${p.unit.grade} (${t(`grades.${p.unit.grade}`)})` : "—"}</td>
              </tr>
              {p.departments.map((d) => (
                <tr key={d.id} className="border-b border-slate-100">
                  <td className="px-2 py-1">{d.name}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{d.respondents.toLocaleString("id-ID")}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{fmt(d.ikm)}</td>
                  <td className="px-2 py-1">{d.grade ? `${d.grade} (${t(`grades.${d.grade}`)})` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
