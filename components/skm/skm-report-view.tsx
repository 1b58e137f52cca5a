import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SkmReport } from "@/lib/dal/skm-report";
import { Pagination } from "@/components/ui/pagination";
import { SkmNoteForm, type SkmNoteAction } from "./skm-note-form";

const fmt = (n: number | null, digits = 2) => (n === null ? "—" : n.toLocaleString("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits }));

/** The query string of the report's address for one period and scope. */
export function skmReportParams(report: Pick<SkmReport, "period" | "scope">): Record<string, string> {
  const p: Record<string, string> = { period: report.period.key };
  if (report.scope.kind === "department") p.department = report.scope.id;
  if (report.scope.kind === "agency") p.agency = report.scope.id;
  return p;
}

/**
 * Laporan → SKM: one period for the unit, a department or an OPD — respondents against the sample
 * needed, NRR per element with the lowest three marked, IKM and grade, the cuts per department and
 * OPD, the respondents' profile, the trend and the suggestions.
 */
export async function SkmReportView({
  report,
  periods,
  errors,
  canWrite,
  noteAction,
}: {
  report: SkmReport;
  periods: string[];
  errors: string[];
  canWrite: boolean;
  noteAction: SkmNoteAction;
}) {
  const t = await getTranslations("skm");
  const params = skmReportParams(report);
  const qs = new URLSearchParams(params).toString();
  const { result } = report;
  const cell = "px-2 py-1.5 text-right tabular-nums";
  const scopeName = report.scope.kind === "unit" ? t("report.wholeUnit") : report.scope.name;
  const gradeText = (g: string | null) => (g ? `${g} (${t(`grades.${g}`)})` : "—");
  const profileDims = ["gender", "age", "education", "occupation"] as const;
  const profileLabel = (dim: (typeof profileDims)[number], value: string) =>
    !value ? t("report.notGiven") : dim === "gender" ? t(`genders.${value}`) : dim === "age" ? t(`ageBands.${value}`) : dim === "education" ? t(`educations.${value}`) : t(`occupations.${value}`);

  return (
    <article className="space-y-6" aria-labelledby="skm-report-title">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href="/dashboard/reports" className="text-brand-700 underline">
              {t("report.back")}
            </Link>
          </p>
          <h1 id="skm-report-title" className="text-2xl font-bold">
            {t("report.title")}
          </h1>
          <p className="text-slate-700" data-testid="skm-scope">
            {t("report.periodScope", { period: t("report.periodName", periodWords(report.period.key)), scope: scopeName })}
          </p>
        </div>
        <div className="flex gap-2">
          <Link href={`/dashboard/reports/skm/print?${qs}`} className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50" data-testid="skm-print-link">
            {t("report.print")}
          </Link>
          <a href={`/api/reports/skm/export?${qs}`} className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
            {t("report.xlsx")}
          </a>
        </div>
      </header>

      {errors.length > 0 && (
        <ul role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={t("report.filter")}>
        <div>
          <label htmlFor="skm-period" className="block text-xs font-medium">
            {t("report.period")}
          </label>
          <select id="skm-period" name="period" defaultValue={report.period.key} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm">
            {periods.map((p) => (
              <option key={p} value={p}>
                {t("report.periodName", periodWords(p))}
              </option>
            ))}
          </select>
        </div>
        {report.scope.kind !== "unit" && <input type="hidden" name={report.scope.kind} value={report.scope.id} />}
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
          {t("report.show")}
        </button>
        {report.scope.kind !== "unit" && !report.staffDepartment && (
          <Link href={`/dashboard/reports/skm?period=${report.period.key}`} className="text-sm text-brand-700 underline">
            {t("report.toUnit")}
          </Link>
        )}
      </form>

      <section className="grid gap-3 sm:grid-cols-3" aria-label={t("report.summary")}>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">{t("report.respondents")}</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="skm-respondents">
            {report.respondents.toLocaleString("id-ID")}
          </p>
          <p className="text-xs text-slate-600">{t("report.sampleLine", { served: report.served.toLocaleString("id-ID"), sample: report.sample.toLocaleString("id-ID") })}</p>
          {report.respondents < report.sample && <p className="text-xs text-amber-800">{t("report.belowSample")}</p>}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">{t("report.ikm")}</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="skm-ikm">
            {fmt(result.ikm)}
          </p>
          <p className="text-xs text-slate-600">{t("report.ikmHint")}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">{t("report.grade")}</p>
          <p className="text-2xl font-bold" data-testid="skm-grade">
            {gradeText(result.grade)}
          </p>
        </div>
      </section>

      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">{t("report.perElement")}</h2>
        <table className="min-w-full text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th className="px-2 py-1.5">{t("report.element")}</th>
              <th className={cell}>{t("report.answered")}</th>
              <th className={cell}>{t("report.total")}</th>
              <th className={cell}>{t("report.nrr")}</th>
              <th className={cell}>{t("report.weighted")}</th>
              <th className={cell}>{t("report.converted")}</th>
              <th className="px-2 py-1.5">{t("report.grade")}</th>
            </tr>
          </thead>
          <tbody>
            {result.elements.map((e) => {
              const low = report.lowest.includes(e.code);
              return (
                <tr key={e.code} className={`border-b border-slate-100 ${low ? "bg-amber-50" : ""}`} data-testid={`skm-row-${e.code}`}>
                  <td className="px-2 py-1.5">
                    {t(`elements.${e.code}`)}
                    {low && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t("report.improve")}</span>}
                  </td>
                  <td className={cell}>{e.count.toLocaleString("id-ID")}</td>
                  <td className={cell}>{e.sum.toLocaleString("id-ID")}</td>
                  <td className={cell}>{fmt(e.nrr, 3)}</td>
                  <td className={cell}>{fmt(e.weighted, 3)}</td>
                  <td className={cell}>{fmt(e.converted)}</td>
                  <td className="px-2 py-1.5">{e.grade ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <td className="px-2 py-1.5">{t("report.index")}</td>
              <td colSpan={3} />
              <td className={cell}>{fmt(result.weightedTotal, 3)}</td>
              <td className={cell}>{fmt(result.ikm)}</td>
              <td className="px-2 py-1.5">{result.grade ?? "—"}</td>
            </tr>
          </tfoot>
        </table>
        {report.elements.some((e) => !e.enabled) && (
          <p className="mt-2 text-xs text-slate-600">{t("report.notRated", { elements: report.elements.filter((e) => !e.enabled).map((e) => t(`elements.${e.code}`)).join(", ") })}</p>
        )}
        <p className="mt-1 text-xs text-slate-600">{t("report.weightLine", { used: result.used.length, weight: fmt(result.weight, 4) })}</p>
      </section>

      {([
        ["byDepartment", report.byDepartment, "department"],
        ["byAgency", report.byAgency, "agency"],
      ] as const).map(([title, rows, key]) =>
        rows.length > 0 && !(report.scope.kind === key) ? (
          <section key={title} className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-lg font-semibold">{t(`report.${title}`)}</h2>
            <table className="min-w-full text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th className="px-2 py-1.5">{t(`report.${key}`)}</th>
                  <th className={cell}>{t("report.respondents")}</th>
                  <th className={cell}>{t("report.served")}</th>
                  <th className={cell}>{t("report.sample")}</th>
                  <th className={cell}>{t("report.ikm")}</th>
                  <th className="px-2 py-1.5">{t("report.grade")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id || "none"} className="border-b border-slate-100">
                    <td className="px-2 py-1.5">
                      {r.id ? (
                        <Link className="text-brand-700 underline" href={`/dashboard/reports/skm?period=${report.period.key}&${key}=${r.id}`}>
                          {r.name}
                        </Link>
                      ) : (
                        t("report.noAgency")
                      )}
                    </td>
                    <td className={cell}>{r.respondents.toLocaleString("id-ID")}</td>
                    <td className={cell}>{r.served.toLocaleString("id-ID")}</td>
                    <td className={cell}>{r.sample.toLocaleString("id-ID")}</td>
                    <td className={cell}>{fmt(r.ikm)}</td>
                    <td className="px-2 py-1.5">{gradeText(r.grade)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null,
      )}

      <section className="grid gap-4 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">{t("report.profile")}</h2>
          {report.respondents === 0 ? (
            <p className="text-sm text-slate-600">{t("report.noResponses")}</p>
          ) : (
            profileDims.map((dim) => (
              <table key={dim} className="mb-3 min-w-full text-sm">
                <thead>
                  <tr className="border-b border-slate-300 text-left">
                    <th className="px-2 py-1">{t(`form.${dim === "age" ? "age" : dim}`)}</th>
                    <th className={cell}>{t("report.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.profile
                    .filter((p) => p.dimension === dim)
                    .map((p) => (
                      <tr key={p.value} className="border-b border-slate-100">
                        <td className="px-2 py-1">{profileLabel(dim, p.value)}</td>
                        <td className={cell}>{p.count.toLocaleString("id-ID")}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            ))
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">{t("report.trend")}</h2>
          <table className="min-w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th className="px-2 py-1">{t("report.period")}</th>
                <th className={cell}>{t("report.respondents")}</th>
                <th className={cell}>{t("report.ikm")}</th>
                <th className="px-2 py-1">{t("report.grade")}</th>
              </tr>
            </thead>
            <tbody>
              {report.trend.map((r) => (
                <tr key={r.key} className="border-b border-slate-100">
                  <td className="px-2 py-1">{t("report.periodName", periodWords(r.key))}</td>
                  <td className={cell}>{r.respondents.toLocaleString("id-ID")}</td>
                  <td className={cell}>{fmt(r.ikm)}</td>
                  <td className="px-2 py-1">{r.grade ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">{t("report.suggestions")}</h2>
        {report.suggestions.rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("report.noSuggestions")}</p>
        ) : (
          <ul className="space-y-2">
            {report.suggestions.rows.map((s, i) => (
              <li key={i} className="border-b border-slate-100 pb-2 text-sm">
                <p className="whitespace-pre-wrap">{s.text}</p>
                <p className="text-xs text-slate-500">{s.department}</p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={report.suggestions.page} pageSize={report.suggestions.pageSize} total={report.suggestions.total} basePath="/dashboard/reports/skm" params={params} />
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">{t("report.followUpTitle")}</h2>
        {canWrite ? (
          <SkmNoteForm
            action={noteAction}
            period={report.period.key}
            scope={report.scope.kind === "unit" ? "unit" : `${report.scope.kind}:${report.scope.id}`}
            initial={report.note}
            copy={{ analysis: t("report.analysis"), followUp: t("report.followUp"), save: t("report.saveNote"), saved: t("report.noteSaved") }}
          />
        ) : (
          <div className="space-y-2 text-sm">
            <p className="whitespace-pre-wrap">{report.note.analysis || "—"}</p>
            <p className="whitespace-pre-wrap">{report.note.followUp || "—"}</p>
          </div>
        )}
      </section>
    </article>
  );
}

/** "2026-S2" → the words' values for skm.report.periodName. */
export function periodWords(key: string): { kind: string; n: number; year: number } {
  const [year, part] = key.split("-");
  if (!part) return { kind: "year", n: 1, year: Number(year) };
  return { kind: part[0] === "S" ? "semester" : "quarter", n: Number(part[1]), year: Number(year) };
}
