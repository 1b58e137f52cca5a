import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { can } from "@/lib/auth/permissions";
import { getSettings } from "@/lib/dal/settings";
import { listActiveDepartments } from "@/lib/dal/departments";
import { listHolidayYears, listSlaPolicies } from "@/lib/dal/sla";
import { getDateTimeFormatter } from "@/lib/format";
import { FooterSettingsForm, GeneralSettingsForm, TicketSettingsForm } from "@/components/settings/settings-forms";
import { CalendarSettings, SlaPolicySettings } from "@/components/sla/sla-settings";
import { updateFooterSettingsAction, updateGeneralSettingsAction, updateTicketSettingsAction } from "./actions";
import {
  addHolidayAction,
  clearSlaPoliciesAction,
  confirmHolidayYearAction,
  removeHolidayAction,
  saveSlaPoliciesAction,
  updateCalendarAction,
} from "./sla-actions";

const TABS = ["general", "footer", "ticket", "calendar", "sla"] as const;
type Tab = (typeof TABS)[number];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

/** Settings as tabs (`?tab=`): General, Footer, Ticket, Jam Layanan and SLA. */
export default async function Page({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const user = await requirePageUser("/dashboard/settings");
  const requested = (await searchParams).tab;
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : "general";
  const t = await getTranslations("settings");
  const keys = [
    "submit", "saved", "appName", "logo", "logoHint", "currentLogo", "organisation", "address", "phone", "email", "defaultLanguage", "about",
    "footerText", "links", "linkLabel", "linkUrl", "addLink", "removeLink", "numberPrefix", "allowedExtensions", "allowedExtensionsHint", "maxFileSizeMb",
    "maxFilesPerMessage", "defaultPriority", "priorityLOW", "priorityNORMAL", "priorityHIGH", "priorityURGENT", "clientsMayClose", "clientsMayReopen",
    "autoCloseResolvedAfterDays", "emailDepartmentId", "emailDepartmentHint", "emailDepartmentNone",
  ] as const;
  const copy = Object.fromEntries(keys.map((k) => [k, t(k)]));
  let body: React.ReactNode;
  if (tab === "general") {
    const { logo, ...general } = await getSettings("general");
    body = <GeneralSettingsForm initial={general} hasLogo={!!logo} copy={copy} action={updateGeneralSettingsAction} />;
  } else if (tab === "footer") {
    body = <FooterSettingsForm initial={await getSettings("footer")} copy={copy} action={updateFooterSettingsAction} />;
  } else if (tab === "calendar") {
    const [calendar, years, when] = await Promise.all([getSettings("calendar"), listHolidayYears(user), getDateTimeFormatter()]);
    const actions = { updateCalendar: updateCalendarAction, addHoliday: addHolidayAction, removeHoliday: removeHolidayAction, confirmHolidayYear: confirmHolidayYearAction };
    body = <CalendarSettings calendar={calendar} years={years} when={when} actions={actions} />;
  } else if (tab === "sla") {
    body = <SlaPolicySettings policies={await listSlaPolicies(user)} actions={{ savePolicies: saveSlaPoliciesAction, clearPolicies: clearSlaPoliciesAction }} />;
  } else {
    body = <TicketSettingsForm initial={await getSettings("ticket")} copy={copy} action={updateTicketSettingsAction} departments={await listActiveDepartments()} />;
  }
  const tSkm = await getTranslations("skm");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <nav aria-label={t("title")} className="flex flex-wrap gap-1 border-b border-slate-200">
        {TABS.map((k) => (
          <Link
            key={k}
            href={`/dashboard/settings?tab=${k}`}
            aria-current={k === tab ? "page" : undefined}
            className={`-mb-px rounded-t border px-4 py-2 text-sm font-medium ${k === tab ? "border-slate-200 border-b-white bg-white text-brand-800" : "border-transparent text-slate-700 hover:text-brand-700"}`}
          >
            {t(k)}
          </Link>
        ))}
        {can(user, "email.manage") && (
          <Link href="/dashboard/settings/email" className="-mb-px rounded-t border border-transparent px-4 py-2 text-sm font-medium text-slate-700 hover:text-brand-700">
            {t("emailTab")}
          </Link>
        )}
        <Link href="/dashboard/settings/skm" className="-mb-px rounded-t border border-transparent px-4 py-2 text-sm font-medium text-slate-700 hover:text-brand-700">
          {tSkm("settings.link")}
        </Link>
      </nav>
      <div className="rounded-lg border border-slate-200 bg-white p-6">{body}</div>
    </section>
  );
}
