import { getTranslations } from "next-intl/server";
import type { SkmReport } from "@/lib/dal/skm-report";
import type { SkmSettings } from "@/lib/validation/skm";
import { PrintButton } from "@/components/reports/print-button";
import { dayIn } from "@/lib/time-zone";
import { periodWords } from "./skm-report-view";

const fmt = (n: number | null, digits = 2) => (n === null ? "—" : n.toLocaleString("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const GRADE_TABLE = [
  { grade: "A", perception: "3,5324 – 4,00", converted: "88,31 – 100,00" },
  { grade: "B", perception: "3,0644 – 3,532", converted: "76,61 – 88,30" },
  { grade: "C", perception: "2,60 – 3,064", converted: "65,00 – 76,60" },
  { grade: "D", perception: "1,00 – 2,5996", converted: "25,00 – 64,99" },
] as const;

/**
 * The A4 report in the order agencies publish it: identitas, metode, hasil per unsur, IKM, mutu,
 * analisis, rencana tindak lanjut and the signature of the person responsible.
 */
export async function SkmPrintView({ report, settings, general }: { report: SkmReport; settings: SkmSettings; general: { organisation: string; hasLogo: boolean } }) {
  const t = await getTranslations("skm");
  const { result } = report;
  const period = t("report.periodName", periodWords(report.period.key));
  const scope = report.scope.kind === "unit" ? settings.unitName : `${settings.unitName} — ${report.scope.name}`;
  const lastDay = dayIn("UTC", new Date(report.period.end.getTime() - 1));
  const cell = "border border-slate-400 px-2 py-1";
  const num = `${cell} text-right tabular-nums`;
  const gradeWords = result.grade ? `${result.grade} (${t(`grades.${result.grade}`)})` : "—";

  return (
    <article className="mx-auto max-w-[180mm] space-y-5 bg-white text-[10.5pt] leading-snug text-black" data-testid="skm-print">
      <div className="flex justify-end print:hidden">
        <PrintButton label={t("print.print")} />
      </div>
      <header className="flex items-center gap-4 border-b-2 border-black pb-3">
        {general.hasLogo ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by our own route, already sized
          <img src="/api/logo" alt="" className="h-16 w-auto" />
        ) : null}
        <div className="text-center">
          <p className="font-semibold">{general.organisation}</p>
          <h1 className="text-lg font-bold uppercase">{t("print.title")}</h1>
          <p>{scope}</p>
          <p>{period}</p>
        </div>
      </header>

      <section>
        <h2 className="font-bold">I. {t("print.identity")}</h2>
        <table className="mt-1 w-full">
          <tbody>
            {[
              [t("print.unit"), scope],
              [t("print.service"), t("print.serviceValue")],
              [t("print.period"), t("print.periodRange", { period, from: dayIn("Asia/Jakarta", report.period.start), to: lastDay })],
              [t("print.responsible"), [settings.responsibleName, settings.responsibleTitle].filter(Boolean).join(", ") || "—"],
            ].map(([k, v]) => (
              <tr key={k}>
                <td className="w-48 py-0.5 align-top">{k}</td>
                <td className="py-0.5">: {v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2 className="font-bold">II. {t("print.method")}</h2>
        <p>{t("print.methodText", { elements: result.elements.length })}</p>
        <p className="mt-1">{t("print.sampleText", { served: report.served.toLocaleString("id-ID"), sample: report.sample.toLocaleString("id-ID"), respondents: report.respondents.toLocaleString("id-ID") })}</p>
        <p className="mt-1">{t("print.formula", { used: result.used.length })}</p>
      </section>

      <section className="break-inside-avoid">
        <h2 className="font-bold">III. {t("print.results")}</h2>
        <table className="mt-1 w-full border-collapse text-[9.5pt]">
          <thead>
            <tr>
              <th className={cell}>No</th>
              <th className={cell}>{t("report.element")}</th>
              <th className={cell}>{t("report.answered")}</th>
              <th className={cell}>{t("report.nrr")}</th>
              <th className={cell}>{t("report.weighted")}</th>
              <th className={cell}>{t("report.converted")}</th>
              <th className={cell}>{t("report.grade")}</th>
            </tr>
          </thead>
          <tbody>
            {result.elements.map((e, i) => (
              <tr key={e.code}>
                <td className={num}>U{i + 1}</td>
                <td className={cell}>{t(`elements.${e.code}`)}</td>
                <td className={num}>{e.count.toLocaleString("id-ID")}</td>
                <td className={num}>{fmt(e.nrr, 3)}</td>
                <td className={num}>{fmt(e.weighted, 3)}</td>
                <td className={num}>{fmt(e.converted)}</td>
                <td className={cell}>{e.grade ?? "—"}</td>
              </tr>
            ))}
            <tr className="font-bold">
              <td className={cell} colSpan={4}>
                {t("report.index")}
              </td>
              <td className={num}>{fmt(result.weightedTotal, 3)}</td>
              <td className={num}>{fmt(result.ikm)}</td>
              <td className={cell}>{result.grade ?? "—"}</td>
            </tr>
          </tbody>
        </table>
        {report.elements.some((e) => !e.enabled) && <p className="mt-1 text-[9pt]">{t("report.notRated", { elements: report.elements.filter((e) => !e.enabled).map((e) => t(`elements.${e.code}`)).join(", ") })}</p>}
      </section>

      <section className="break-inside-avoid">
        <h2 className="font-bold">IV. {t("print.index")}</h2>
        <p data-testid="skm-print-ikm">{t("print.indexText", { ikm: fmt(result.ikm), grade: gradeWords })}</p>
        <table className="mt-1 w-full border-collapse text-[9.5pt]">
          <thead>
            <tr>
              <th className={cell}>{t("print.perception")}</th>
              <th className={cell}>{t("print.intervalRaw")}</th>
              <th className={cell}>{t("print.interval")}</th>
              <th className={cell}>{t("report.grade")}</th>
              <th className={cell}>{t("print.performance")}</th>
            </tr>
          </thead>
          <tbody>
            {GRADE_TABLE.map((g, i) => (
              <tr key={g.grade} className={result.grade === g.grade ? "font-bold" : ""}>
                <td className={num}>{4 - i}</td>
                <td className={num}>{g.perception}</td>
                <td className={num}>{g.converted}</td>
                <td className={cell}>{g.grade}</td>
                <td className={cell}>{t(`grades.${g.grade}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="break-inside-avoid">
        <h2 className="font-bold">V. {t("print.analysis")}</h2>
        {report.lowest.length > 0 && <p>{t("print.lowestText", { elements: report.lowest.map((c) => t(`elements.${c}`)).join(", ") })}</p>}
        {report.note.analysis && <p className="mt-1 whitespace-pre-wrap">{report.note.analysis}</p>}
        <p className="mt-1">{t("print.suggestionsText", { count: report.suggestions.total.toLocaleString("id-ID") })}</p>
      </section>

      <section className="break-inside-avoid">
        <h2 className="font-bold">VI. {t("print.followUp")}</h2>
        <p className="whitespace-pre-wrap">{report.note.followUp || t("print.noFollowUp")}</p>
      </section>

      <footer className="ml-auto w-64 break-inside-avoid pt-6 text-center">
        <p>{settings.responsibleTitle || t("print.responsible")}</p>
        <div className="h-16" />
        <p className="font-semibold underline">{settings.responsibleName || "……………………………"}</p>
      </footer>
    </article>
  );
}
