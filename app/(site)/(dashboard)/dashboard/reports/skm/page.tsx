import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/dal/session";
import { ClientIntl } from "@/components/layout/client-intl";
import { SkmReportView } from "@/components/skm/skm-report-view";
import { saveSkmReportNoteAction } from "./actions";
import { loadSkmReport } from "./load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("skm"))("report.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SkmReportPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/dashboard/reports");
  const loaded = await loadSkmReport(user, searchParams);
  if ("error" in loaded) {
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
        {loaded.error}
      </p>
    );
  }
  return (
    <ClientIntl>
      <SkmReportView report={loaded.report} periods={loaded.periods} errors={loaded.errors} canWrite={can(user, "settings.manage")} noteAction={saveSkmReportNoteAction} />
    </ClientIntl>
  );
}
