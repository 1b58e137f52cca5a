import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/ui/markdown";
import { getSettings } from "@/lib/dal/settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("about");
  return { title: t("title"), description: t("metaDescription"), openGraph: { title: t("title"), description: t("metaDescription") } };
}

export default async function AboutPage() {
  const [t, general] = await Promise.all([getTranslations("about"), getSettings("general")]);
  return (
    <article className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-slate-600">{general.appName}</p>
      <div className="mt-6 text-slate-800">
        <Markdown>{general.about}</Markdown>
      </div>
    </article>
  );
}
