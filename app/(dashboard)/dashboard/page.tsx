import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const [t, tRoles] = await Promise.all([getTranslations("dashboard"), getTranslations("roles")]);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">{t("welcome", { name: user.name })}</h1>
      <p className="mt-2 text-slate-700">{t("roleLine", { role: tRoles(user.role) })}</p>
      <p className="mt-1 text-slate-700">{t("menuIntro")}</p>
    </section>
  );
}
