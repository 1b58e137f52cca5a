import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { getSkmSettings } from "@/lib/dal/skm";
import { getSettings } from "@/lib/dal/settings";
import { SkmPrintView } from "@/components/skm/skm-print-view";
import { loadSkmReport } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("skm"))("print.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** "Laporan Hasil Survei Kepuasan Masyarakat" on A4, in the shape agencies publish. */
export default async function SkmPrintPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/dashboard/reports");
  const [loaded, settings, general] = await Promise.all([loadSkmReport(user, searchParams), getSkmSettings(), getSettings("general")]);
  if ("error" in loaded) {
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
        {loaded.error}
      </p>
    );
  }
  return <SkmPrintView report={loaded.report} settings={settings} general={{ organisation: general.organisation, hasLogo: !!general.logo }} />;
}
