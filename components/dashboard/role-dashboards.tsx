import Link from "next/link";
import { TrendTable } from "@/components/reports/trend-table";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import type { AdminDashboard, ClientDashboard, StaffDashboard } from "@/lib/dal/dashboards";
import type { SetupStep } from "@/lib/dal/setup";
import { SetupChecklist } from "./setup-checklist";
import { StatCard } from "./stat-card";
import { TicketMiniList, type MiniListTriage } from "./ticket-mini-list";
import { slaRowWords } from "@/lib/views/sla-row";
import { TrendChart } from "@/components/reports/trend-chart";

const section = "space-y-3";
const h2 = "text-lg font-semibold";

/** Client: what waits for them first, then their open tickets, then resolved ones to rate. */
export async function ClientDashboardView({ d }: { d: ClientDashboard }) {
  const [t, tStatus, when] = await Promise.all([getTranslations("dashboard"), getTranslations("tickets.status"), getDateTimeFormatter()]);
  const statusLabel = (s: string) => tStatus(s as never);
  return (
    <>
      <Link href="/dashboard/tickets/new" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t("createTicket")}
      </Link>
      {d.waiting.length ? (
        <section className={`${section} rounded-lg border border-amber-400 bg-amber-50 p-4`} aria-labelledby="waiting-title" data-testid="client-waiting">
          <h2 id="waiting-title" className={h2}>
            {t("client.waiting")}
          </h2>
          <p className="text-sm text-slate-800">{t("client.waitingHint")}</p>
          <TicketMiniList tickets={d.waiting} empty={t("noTickets")} statusLabel={statusLabel} when={when} />
        </section>
      ) : null}
      <section className={section} aria-labelledby="open-title" data-testid="client-open">
        <h2 id="open-title" className={h2}>
          {t("client.open", { count: d.openCount })}
        </h2>
        <TicketMiniList tickets={d.open} empty={t("noTickets")} statusLabel={statusLabel} when={when} />
        <Link href="/dashboard/tickets" className="text-sm text-brand-800 underline">
          {t("viewAll")}
        </Link>
      </section>
      {d.toRate.length ? (
        <section className={section} aria-labelledby="rate-title" data-testid="client-to-rate">
          <h2 id="rate-title" className={h2}>
            {t("client.toRate")}
          </h2>
          <p className="text-sm text-slate-700">{t("client.toRateHint")}</p>
          <TicketMiniList tickets={d.toRate} empty={t("noTickets")} statusLabel={statusLabel} when={when} action={t("client.rate")} />
        </section>
      ) : null}
    </>
  );
}

/** Staff: their own queue and their department's unassigned tickets. */
export async function StaffDashboardView({ d, userId }: { d: StaffDashboard; userId: string }) {
  const [t, tStatus, tPriority, tTriage, when, slaRow] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("tickets.status"),
    getTranslations("tickets.priority"),
    getTranslations("triage"),
    getDateTimeFormatter(),
    slaRowWords(),
  ]);
  const statusLabel = (s: string) => tStatus(s as never);
  const triage: MiniListTriage = {
    priority: (x) => tPriority(x.priority as never) + (x.pendingPriority ? ` (${tTriage("listPending", { priority: tPriority(x.pendingPriority as never) })})` : ""),
    sla: slaRow,
  };
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label={t("staff.assignedCard")} value={d.assignedCount} href={`/dashboard/tickets?assignee=${userId}&sort=oldest`} testId="staff-assigned" />
        <StatCard label={t("staff.dueSoon")} value={d.dueSoon} note={t("staff.dueSoonHint")} href="/dashboard/tickets?sla=dueSoon&sort=due" testId="staff-due-soon" />
        <StatCard label={t("staff.overdue")} value={d.overdue} href="/dashboard/tickets?sla=overdue&sort=due" testId="staff-overdue" />
        <StatCard label={t("staff.resolvedWeek")} value={d.resolvedWeek} href={`/dashboard/tickets?assignee=${userId}&status=RESOLVED`} />
      </div>
      <section className={section} aria-labelledby="assigned-title">
        <h2 id="assigned-title" className={h2}>
          {t("staff.assigned", { count: d.assignedCount })}
        </h2>
        <p className="text-sm text-slate-700">{t("staff.assignedHint")}</p>
        <TicketMiniList tickets={d.assigned} empty={t("noTickets")} statusLabel={statusLabel} when={when} triage={triage} />
      </section>
      <section className={section} aria-labelledby="unassigned-title">
        <h2 id="unassigned-title" className={h2}>
          {t("staff.unassigned", { count: d.unassignedCount })}
        </h2>
        {d.departmentId ? (
          <>
            <TicketMiniList tickets={d.unassigned} empty={t("noTickets")} statusLabel={statusLabel} when={when} triage={triage} />
            <Link href={`/dashboard/tickets?assignee=unassigned&departmentId=${d.departmentId}&sort=oldest`} className="text-sm text-brand-800 underline">
              {t("viewAll")}
            </Link>
          </>
        ) : (
          <p className="text-sm text-slate-700">{t("staff.noDepartment")}</p>
        )}
      </section>
    </>
  );
}

/** Managers: the numbers of the whole helpdesk, each linking to its list; the Super Admin's setup checklist first. */
export async function AdminDashboardView({ d, steps, holidayYear = null }: { d: AdminDashboard; steps: SetupStep[] | null; holidayYear?: number | null }) {
  const [t, tStatus, tReports] = await Promise.all([getTranslations("dashboard"), getTranslations("tickets.status"), getTranslations("reports")]);
  const tickets = (q: string) => `/dashboard/tickets?${q}`;
  const reportFor = (from: string, to: string) => `/dashboard/reports?preset=custom&from=${from}&to=${to}`;
  const pendingSetup = steps?.filter((s) => s.done === false).length ?? 0;
  return (
    <>
      {holidayYear ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="holiday-banner">
          ⚠ {t("holidayBanner", { year: holidayYear })}{" "}
          <Link href="/dashboard/settings?tab=calendar" className="font-medium underline">
            {t("holidayBannerLink")}
          </Link>
        </p>
      ) : null}
      {steps && pendingSetup > 0 ? (
        <SetupChecklist
          steps={steps}
          labels={{
            title: t("setup.title"),
            intro: t("setup.intro"),
            progress: t("setup.progress", { done: steps.filter((s) => s.done).length, total: steps.length }),
            done: t("setup.done"),
            todo: t("setup.todo"),
            steps: Object.fromEntries(steps.map((s) => [s.key, t(`setup.${s.key}`)])) as Record<(typeof steps)[number]["key"], string>,
            pending: { email: t("setup.emailPending") },
          }}
        />
      ) : null}
      <section className={section} aria-labelledby="status-title">
        <h2 id="status-title" className={h2}>
          {t("admin.openByStatus")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {(["OPEN", "IN_PROGRESS", "WAITING"] as const).map((s) => (
            <StatCard key={s} label={tStatus(s)} value={d.open[s]} href={tickets(`status=${s}`)} testId={`open-${s}`} />
          ))}
          <StatCard label={t("admin.unassigned")} value={d.unassigned} href={tickets("assignee=unassigned&sort=oldest")} testId="unassigned" />
          <StatCard label={t("admin.overdue")} value={d.overdue} href={tickets("sla=overdue&sort=due")} testId="overdue" />
        </div>
      </section>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <StatCard label={t("admin.createdToday")} value={d.createdToday} href={tickets(`from=${d.today}&to=${d.today}`)} testId="created-today" />
        <StatCard label={t("admin.createdWeek")} value={d.createdWeek} href={tickets(`from=${d.weekStart}&to=${d.today}`)} />
        <StatCard label={t("admin.resolvedToday")} value={d.resolvedToday} href={reportFor(d.today, d.today)} />
        <StatCard label={t("admin.resolvedWeek")} value={d.resolvedWeek} href={reportFor(d.weekStart, d.today)} />
        <StatCard
          label={t("admin.averageRating")}
          value={d.averageRating === null ? t("admin.noRating") : d.averageRating.toFixed(2)}
          note={d.averageRating === null ? undefined : t("admin.ratingValue", { value: d.averageRating.toFixed(2), count: d.rated })}
          href="/dashboard/reports#satisfaction"
        />
      </div>
      <section className={section} aria-labelledby="chart-title">
        <h2 id="chart-title" className={h2}>
          {t("admin.chartTitle")}
        </h2>
        <TrendChart data={d.chart.map((p) => ({ label: p.day.slice(5), created: p.created, resolved: p.resolved }))} labels={{ created: tReports("chartLabels.created"), resolved: tReports("chartLabels.resolved") }} />
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-800 underline">{tReports("trendTableCaption", { unit: tReports("trendUnit.day") })}</summary>
          <TrendTable
            className="mt-2 min-w-[16rem] text-sm"
            rows={d.chart.map((p) => ({ period: p.day, created: p.created, resolved: p.resolved }))}
            caption={t("admin.chartTitle")}
            labels={{ period: tReports("periodColumn"), created: tReports("chartLabels.created"), resolved: tReports("chartLabels.resolved") }}
          />
        </details>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        {([
          ["agencies", t("admin.topAgencies"), d.topAgencies, "agencyId"],
          ["departments", t("admin.topDepartments"), d.topDepartments, "departmentId"],
        ] as const).map(([key, title, rows, param]) => (
          <section key={key} className={section} aria-labelledby={`top-${key}`}>
            <h2 id={`top-${key}`} className={h2}>
              {title}
            </h2>
            {rows.length ? (
              <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                {rows.map((r) => (
                  <li key={r.id} className="flex justify-between gap-2 px-3 py-2 text-sm">
                    <Link href={tickets(`${param}=${r.id}`)} className="text-brand-800 underline">
                      {r.name}
                    </Link>
                    <span>
                      <span className="sr-only">{t("admin.openCount")}: </span>
                      {r.open}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-600">{t("noTickets")}</p>
            )}
          </section>
        ))}
      </div>
      <Link href="/dashboard/reports" className="inline-block text-brand-800 underline">
        {t("admin.openReport")}
      </Link>
    </>
  );
}
