import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TrendTable } from "./trend-table";
import type { Report } from "@/lib/dal/reports";
import { formatDuration } from "@/lib/reports/format";
import { groupLabel } from "@/lib/reports/labels";
import { REPORT_GROUPS, REPORT_PRESETS, type ReportQuery } from "@/lib/validation/reports";
import { PrintButton } from "./print-button";
import { GroupChart, TrendChart } from "./trend-chart";

/**
 * The report screen: filter form, summary, grouping chart and table, trend chart and table,
 * satisfaction. Each chart has its numbers in a table; the print stylesheet turns it into an A4
 * "Laporan Helpdesk" with the app's name and logo.
 */
export async function ReportView({
  report,
  query,
  errors,
  general,
}: {
  report: Report;
  query: ReportQuery;
  errors: string[];
  general: { appName: string; organisation: string; hasLogo: boolean };
}) {
  const [t, tAll] = await Promise.all([getTranslations("reports"), getTranslations()]);
  const range = { from: report.from, to: report.to };
  const label = (r: { key: string; name: string | null }) => groupLabel((k, v) => tAll(k as never, v as never), query.groupBy, r);
  const dur = (p: Parameters<typeof formatDuration>[1]) => formatDuration((k, v) => t(k as never, v as never), p);
  const exportQuery = new URLSearchParams({ preset: query.preset, groupBy: query.groupBy, ...(query.preset === "custom" ? { from: range.from, to: range.to } : {}) });
  const ticketExport = new URLSearchParams({ from: range.from, to: range.to });
  const chartLabels = { created: t("chartLabels.created"), resolved: t("chartLabels.resolved") };
  const pct = (n: number | null) => (n === null ? "—" : `${n.toLocaleString("id-ID")}%`);
  const num = (n: number | null) => (n === null ? "—" : n.toLocaleString("id-ID"));
  const cell = "px-2 py-1.5 text-right tabular-nums";
  const scopeText = report.department ? t("departmentScope", { name: report.department.name }) : t("allDepartments");

  return (
    <article className="space-y-6" aria-labelledby="report-title">
      {/* Print header: the app's name and logo, the title and the period. */}
      <div className="hidden items-center gap-4 border-b border-slate-400 pb-3 print:flex">
        {general.hasLogo ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by our own route, already sized
          <img src="/api/logo" alt="" className="h-14 w-auto" />
        ) : null}
        <div>
          <p className="text-sm">{general.appName}</p>
          <p className="text-xs">{general.organisation}</p>
        </div>
      </div>
      <header>
        <h1 id="report-title" className="text-2xl font-bold">
          <span className="print:hidden">{t("title")}</span>
          <span className="hidden print:inline">{t("printTitle")}</span>
        </h1>
        <p className="mt-1 text-slate-700" data-testid="report-period">
          {t("period", { from: report.from, to: report.to })} · {scopeText}
        </p>
        <p className="mt-1 print:hidden">
          <Link href="/dashboard/reports/skm" className="text-sm font-medium text-brand-700 underline">
            {tAll("skm.report.link")}
          </Link>
        </p>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 print:hidden" aria-label={t("title")}>
        <div>
          <label htmlFor="r-preset" className="block text-xs font-medium">{t("preset")}</label>
          <select id="r-preset" name="preset" defaultValue={query.preset} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm">
            {REPORT_PRESETS.map((p) => <option key={p} value={p}>{t(`presets.${p}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="r-from" className="block text-xs font-medium">{t("from")}</label>
          <input id="r-from" name="from" type="date" defaultValue={query.preset === "custom" ? range.from : ""} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm" />
        </div>
        <div>
          <label htmlFor="r-to" className="block text-xs font-medium">{t("to")}</label>
          <input id="r-to" name="to" type="date" defaultValue={query.preset === "custom" ? range.to : ""} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm" />
        </div>
        <div>
          <label htmlFor="r-group" className="block text-xs font-medium">{t("groupByLabel")}</label>
          <select id="r-group" name="groupBy" defaultValue={query.groupBy} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm">
            {REPORT_GROUPS.map((g) => <option key={g} value={g}>{t(`groupBy.${g}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">{t("show")}</button>
        <div className="ml-auto flex flex-wrap gap-2">
          <a href={`/api/reports/export?${exportQuery}&format=csv`} className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50" data-testid="report-csv">{t("downloadCsv")}</a>
          <a href={`/api/reports/export?${exportQuery}&format=xlsx`} className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">{t("downloadXlsx")}</a>
          <a href={`/api/tickets/export?${ticketExport}&format=xlsx`} className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">{t("exportTickets")}</a>
          <PrintButton label={t("print")} />
        </div>
      </form>
      {errors.length ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="report-errors">
          <ul className="list-inside list-disc">{errors.map((e) => <li key={e}>{e}</li>)}</ul>
        </div>
      ) : null}

      <section aria-labelledby="summary-title" className="space-y-2">
        <h2 id="summary-title" className="text-lg font-semibold">{t("summary")}</h2>
        <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {([
            ["created", num(report.totals.created)],
            ["resolved", num(report.totals.resolved)],
            ["open", num(report.totals.open)],
            ["responseP50", dur(report.totals.responseP50)],
            ["resolutionP50", dur(report.totals.resolutionP50)],
            ["resolutionWithinTarget", pct(report.totals.resolutionWithinTargetPct)],
          ] as const).map(([k, v]) => (
            <div key={k} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-xs text-slate-700">{k === "responseP50" || k === "resolutionP50" ? t(`table.${k}`) : t(`columns.${k}`)}</dt>
              <dd className="mt-1 text-xl font-bold">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-slate-700">{t("timeNote")}</p>
      </section>

      <section aria-labelledby="group-title" className="space-y-3">
        <h2 id="group-title" className="text-lg font-semibold">{t("groupChartTitle", { group: t(`groupBy.${query.groupBy}`) })}</h2>
        {report.rows.length ? <GroupChart data={report.rows.slice(0, 15).map((r) => ({ label: label(r), created: r.created, resolved: r.resolved }))} labels={chartLabels} /> : null}
        {/* Focusable so keyboard users can scroll the wide table (axe: scrollable-region-focusable). */}
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-labelledby="group-title">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="report-table">
            <caption className="sr-only">{t("groupChartTitle", { group: t(`groupBy.${query.groupBy}`) })} · {t("period", { from: report.from, to: report.to })}</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-2 py-2 text-left">{t(`groupBy.${query.groupBy}`)}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("columns.created")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("columns.resolved")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("columns.open")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("table.responseP50")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("table.responseP90")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("table.resolutionP50")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("table.resolutionP90")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("table.responseWithinTarget")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("table.resolutionWithinTarget")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("columns.averageRating")}</th>
                <th scope="col" className="px-2 py-2 text-right">{t("columns.rated")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.rows.length ? (
                [...report.rows.map((r) => ({ ...r, label: label(r), total: false })), { ...report.totals, key: "__total", name: null, label: t("total"), total: true }].map((r) => (
                  <tr key={r.key} className={r.total ? "bg-slate-50 font-semibold" : undefined}>
                    <th scope="row" className="px-2 py-1.5 text-left font-medium">{r.label}</th>
                    <td className={cell}>{num(r.created)}</td>
                    <td className={cell}>{num(r.resolved)}</td>
                    <td className={cell}>{num(r.open)}</td>
                    <td className={cell}>{dur(r.responseP50)}</td>
                    <td className={cell}>{dur(r.responseP90)}</td>
                    <td className={cell}>{dur(r.resolutionP50)}</td>
                    <td className={cell}>{dur(r.resolutionP90)}</td>
                    <td className={cell}>{pct(r.responseWithinTargetPct)}</td>
                    <td className={cell}>{pct(r.resolutionWithinTargetPct)}</td>
                    <td className={cell}>{r.averageRating === null ? "—" : r.averageRating.toFixed(2)}</td>
                    <td className={cell}>{num(r.rated)}</td>
                  </tr>
                ))
              ) : (
                <tr><td colSpan={12} className="px-2 py-4 text-center text-slate-600">{t("empty")}</td></tr>
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="trend-title" className="space-y-3">
        <h2 id="trend-title" className="text-lg font-semibold">{t("trendTitle")}</h2>
        <TrendChart data={report.trend.map((p) => ({ label: p.period, created: p.created, resolved: p.resolved }))} labels={chartLabels} />
        <div className="max-h-72 overflow-y-auto rounded-lg border border-slate-200 bg-white print:max-h-none" tabIndex={0} role="region" aria-labelledby="trend-table-caption">
          <TrendTable
            rows={report.trend}
            caption={t("trendTableCaption", { unit: t(`trendUnit.${report.trendUnit}`) })}
            captionId="trend-table-caption"
            labels={{ period: t("periodColumn"), created: t("chartLabels.created"), resolved: t("chartLabels.resolved") }}
          />
        </div>
      </section>

      <section id="satisfaction" aria-labelledby="satisfaction-title" className="space-y-3">
        <h2 id="satisfaction-title" className="text-lg font-semibold">{t("satisfaction.title")}</h2>
        <p className="text-sm text-slate-700">{t("satisfaction.intro")}</p>
        <p className="font-medium" data-testid="satisfaction-average">
          {report.satisfaction.average === null ? t("satisfaction.none") : t("satisfaction.average", { value: report.satisfaction.average.toFixed(2), count: report.satisfaction.rated })}
        </p>
        <table className="text-sm" data-testid="satisfaction-table">
          <caption className="sr-only">{t("satisfaction.title")}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 text-left">{tAll("tickets.detail.rating")}</th>
              <th scope="col" className="px-2 text-right">{t("satisfaction.count")}</th>
              <th scope="col" className="px-2 text-left"><span className="sr-only">%</span></th>
            </tr>
          </thead>
          <tbody>
            {[5, 4, 3, 2, 1].map((s) => {
              const n = report.satisfaction.counts[s - 1]!;
              const pct = report.satisfaction.rated ? Math.round((n / report.satisfaction.rated) * 100) : 0;
              return (
                <tr key={s}>
                  <th scope="row" className="px-2 text-left font-normal">{t("satisfaction.stars", { n: s })}</th>
                  <td className={cell}>{num(n)}</td>
                  <td className="px-2">
                    <span className="inline-block h-3 bg-brand-700 align-middle" style={{ width: `${pct * 2}px` }} aria-hidden="true" />{" "}
                    <span className="text-xs">{pct}%</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <h3 className="font-semibold">{t("satisfaction.comments")}</h3>
        {report.satisfaction.comments.length ? (
          <ul className="space-y-2">
            {report.satisfaction.comments.map((c) => (
              <li key={c.number} className="rounded border border-slate-200 bg-white p-2 text-sm">
                <span className="font-medium">{c.number}</span> · {t("satisfaction.stars", { n: c.rating })} · {c.ratedAt.toISOString().slice(0, 10)}
                <p className="mt-1 whitespace-pre-line text-slate-800">{c.comment}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("satisfaction.noComments")}</p>
        )}
      </section>
    </article>
  );
}
