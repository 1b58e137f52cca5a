import { getTranslations } from "next-intl/server";
import type { HolidayYearView, PolicySet } from "@/lib/dal/sla";
import { formatRanges, SLA_PRIORITIES, WEEKDAYS, type CalendarSettings as Calendar } from "@/lib/validation/sla";
import { ActionButton } from "@/components/ui/action-button";
import { AddHolidayForm, CalendarForm, PolicyForm, type FormAction } from "./sla-forms";

async function slaCopy() {
  const t = await getTranslations("sla");
  const keys = [
    "timeZone", "timeZoneHint", "rangesHint", "save", "saved", "date", "name", "add", "priority", "firstResponse", "resolution", "value", "unit", "unitHOURS", "unitDAYS",
  ] as const;
  return { t, copy: { ...Object.fromEntries(keys.map((k) => [k, t(k)])), targetLabel: t.raw("targetLabel") as string } };
}

/**
 * Settings → Jam Layanan: weekly hours and the holiday list of this year and next. `when` writes a
 * confirmation time in the app's date format.
 */
export async function CalendarSettings({
  calendar,
  years,
  when,
  actions,
}: {
  calendar: Calendar;
  years: HolidayYearView[];
  when: (date: Date) => string;
  actions: { updateCalendar: FormAction; addHoliday: FormAction; removeHoliday: FormAction; confirmHolidayYear: FormAction };
}) {
  const { t, copy } = await slaCopy();
  const initial = { timeZone: calendar.timeZone, ...Object.fromEntries(WEEKDAYS.map((d) => [`day${d}`, formatRanges(calendar.week[d])])) };
  const days = WEEKDAYS.map((d) => ({ key: `day${d}`, label: t(`weekday.${d}`) }));
  return (
    <div className="space-y-8">
      <section className="space-y-3" aria-labelledby="cal-title">
        <h2 id="cal-title" className="text-lg font-semibold">{t("calendarTitle")}</h2>
        <p className="max-w-2xl text-sm text-slate-700">{t("calendarIntro")}</p>
        <CalendarForm action={actions.updateCalendar} initial={initial} days={days} copy={copy} />
      </section>
      <section className="space-y-4" aria-labelledby="holidays-title">
        <h2 id="holidays-title" className="text-lg font-semibold">{t("holidaysTitle")}</h2>
        <p className="max-w-2xl text-sm text-slate-700">{t("holidaysIntro")}</p>
        {years.map((y) => (
          <div key={y.year} className="space-y-3 rounded border border-slate-200 p-4" data-testid={`holidays-${y.year}`}>
            <h3 className="font-semibold">{t("year", { year: y.year })}</h3>
            <p className="max-w-2xl text-sm text-slate-700" data-testid={`holidays-basis-${y.year}`}>
              {y.decree ? t("fromDecree", { year: y.year, source: y.decree }) : t("draftOnly", { year: y.year })}
            </p>
            {y.confirmedAt ? (
              <p role="status" className="text-sm text-green-800">
                ✓ {t("confirmedBy", { when: when(y.confirmedAt), name: y.confirmedBy ?? "—" })}
              </p>
            ) : (
              <div className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2">
                <p className="text-sm font-medium text-amber-900">⚠ {t("unconfirmed", { year: y.year })}</p>
                <ActionButton action={actions.confirmHolidayYear} input={{ year: String(y.year) }} label={t("confirm", { year: y.year })} look="primary" />
              </div>
            )}
            {y.holidays.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noHolidays")}</p>
            ) : (
              // A long holiday name must not push a phone's screen sideways: the table scrolls in its own box.
              <div className="overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-2 py-1">{t("date")}</th>
                    <th scope="col" className="px-2 py-1">{t("name")}</th>
                    <th scope="col" className="px-2 py-1">{t("source")}</th>
                    <th scope="col" className="px-2 py-1"><span className="sr-only">{t("remove")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {y.holidays.map((h) => (
                    <tr key={h.date} className="border-t border-slate-200">
                      <td className="px-2 py-1 font-mono whitespace-nowrap">{h.date}</td>
                      <td className="px-2 py-1">
                        {h.name}
                        {h.kind === "cuti" && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900">{t("kindcuti")}</span>}
                      </td>
                      <td className="px-2 py-1 text-slate-700">{t(`source${h.source}` as "sourcemanual")}</td>
                      <td className="px-2 py-1">
                        <ActionButton action={actions.removeHoliday} input={{ date: h.date }} label={t("remove")} look="neutral" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            )}
            <AddHolidayForm action={actions.addHoliday} year={y.year} copy={copy} />
          </div>
        ))}
      </section>
    </div>
  );
}

/** Settings → SLA: default targets per priority and each department's own. */
export async function SlaPolicySettings({
  policies,
  actions,
}: {
  policies: { defaults: PolicySet; departments: { id: string; name: string; policies: PolicySet | null }[] };
  actions: { savePolicies: FormAction; clearPolicies: FormAction };
}) {
  const [{ t, copy }, tTickets] = await Promise.all([slaCopy(), getTranslations("tickets")]);
  const rows = (set: PolicySet) => SLA_PRIORITIES.map((p) => ({ priority: p, label: tTickets(`priority.${p}`), ...set[p] }));
  return (
    <div className="space-y-6">
      <h2 className="text-lg font-semibold">{t("policiesTitle")}</h2>
      <p className="max-w-2xl text-sm text-slate-700">{t("policiesIntro")}</p>
      <section className="space-y-2 rounded border border-slate-200 p-4" aria-labelledby="sla-default">
        <h3 id="sla-default" className="font-semibold">{t("defaults")}</h3>
        <PolicyForm action={actions.savePolicies} departmentId="" rows={rows(policies.defaults)} copy={copy} idPrefix="default" />
      </section>
      {policies.departments.map((d) => (
        <section key={d.id} className="space-y-2 rounded border border-slate-200 p-4" aria-labelledby={`sla-${d.id}`}>
          <h3 id={`sla-${d.id}`} className="font-semibold">{t("department")}: {d.name}</h3>
          {d.policies ? (
            <>
              <PolicyForm action={actions.savePolicies} departmentId={d.id} rows={rows(d.policies)} copy={copy} idPrefix={d.id} />
              <ActionButton action={actions.clearPolicies} input={{ departmentId: d.id }} label={t("clear")} look="secondary" />
            </>
          ) : (
            <details>
              <summary className="cursor-pointer text-sm text-brand-700 underline">{t("usesDefault")} {t("override")}</summary>
              <div className="mt-2">
                <PolicyForm action={actions.savePolicies} departmentId={d.id} rows={rows(policies.defaults)} copy={copy} idPrefix={d.id} />
              </div>
            </details>
          )}
        </section>
      ))}
    </div>
  );
}
