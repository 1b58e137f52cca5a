import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listPublishedFaqs, searchPublishedFaqs, type PublicFaq } from "@/lib/dal/faq";
import { SearchBox } from "@/components/ui/search-box";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("faq");
  return { title: t("publicTitle"), description: t("publicLead") };
}

/** Public FAQ: published questions grouped by department, searchable (`?q=`). */
export default async function PublicFaqPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? "";
  const [t, tUi, tNav, faqs] = await Promise.all([
    getTranslations("faq"),
    getTranslations("ui"),
    getTranslations("nav"),
    q ? searchPublishedFaqs(q, 100) : listPublishedFaqs(),
  ]);
  const groups = new Map<string, PublicFaq[]>();
  for (const f of faqs) groups.set(f.department, [...(groups.get(f.department) ?? []), f]);
  const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t("publicTitle")}</h1>
      <p className="mt-2 text-slate-700">
        {t("publicLead")}{" "}
        <Link href="/dashboard/tickets/new" className="text-brand-700 underline">
          {tNav("tickets")}
        </Link>
      </p>
      <div className="mt-6">
        <SearchBox q={q} placeholder={t("publicSearch")} label={t("publicSearch")} submit={tUi("search")} />
      </div>
      {faqs.length === 0 ? (
        <p className="mt-8 text-slate-700">{q ? t("publicNoResults", { q }) : t("publicEmpty")}</p>
      ) : (
        sorted.map(([department, items]) => (
          <section key={department} className="mt-8" aria-label={department}>
            <h2 className="text-xl font-semibold text-brand-800">{department}</h2>
            <ul className="mt-3 space-y-2">
              {items.map((f) => (
                <li key={f.id} className="rounded-lg border border-slate-200 bg-white">
                  <details>
                    <summary className="cursor-pointer px-4 py-3 font-medium">{f.subject}</summary>
                    <p className="whitespace-pre-line px-4 pb-4 text-slate-700">{f.description}</p>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
