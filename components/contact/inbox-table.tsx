import Link from "next/link";
import { FilterPills } from "@/components/ui/filter-pills";
import { useTranslations } from "next-intl";
import type { ContactListFilter, listContactMessages } from "@/lib/dal/contact";
import { DataTable } from "@/components/ui/data-table";

type Search = { status?: string; q?: string; page?: string };
type List = Awaited<ReturnType<typeof listContactMessages>>;

/** The Kontak inbox: status tabs, search, the messages and newer/older links (all plain GET links). */
export function InboxTable({
  filter: { status, q = "", page },
  list: { rows, hasNext },
  when,
}: {
  filter: ContactListFilter;
  list: List;
  when: (date: Date) => string;
}) {
  const t = useTranslations("inbox");
  const href = (over: Partial<Search>) => {
    const next = new URLSearchParams();
    const merged = { status, q, page: String(page), ...over };
    for (const [k, v] of Object.entries(merged)) if (v && !(k === "page" && v === "1")) next.set(k, v);
    const s = next.toString();
    return `/dashboard/inbox${s ? `?${s}` : ""}`;
  };

  return (
    <section>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <FilterPills
        className="mt-4 flex gap-2"
        label={t("status")}
        options={([undefined, "NEW", "HANDLED"] as const).map((s) => ({ value: s, label: s ? t(`status${s}`) : t("all") }))}
        current={status}
        hrefFor={(s) => href({ status: s, page: "1" })}
      />
      <form className="mt-4 flex gap-2" role="search">
        {status && <input type="hidden" name="status" value={status} />}
        <label htmlFor="inbox-q" className="sr-only">
          {t("search")}
        </label>
        <input id="inbox-q" name="q" defaultValue={q} placeholder={t("search")} className="w-full max-w-sm rounded border border-slate-400 px-3 py-1.5" />
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
          {t("searchButton")}
        </button>
      </form>
      <div className="mt-4">
        <DataTable
          caption={t("title")}
          rows={rows}
          rowKey={(m) => m.id}
          empty={t("empty")}
          columns={[
            {
              key: "subject",
              header: t("subject"),
              cell: (m) => (
                <Link href={`/dashboard/inbox/${m.id}`} className="font-medium text-brand-700 underline">
                  {m.subject}
                </Link>
              ),
            },
            {
              key: "from",
              header: t("from"),
              cell: (m) => (
                <>
                  {m.name}
                  <span className="block text-xs text-slate-600">{m.agency ?? m.email}</span>
                </>
              ),
            },
            { key: "received", header: t("received"), cell: (m) => when(m.createdAt) },
            { key: "status", header: t("status"), cell: (m) => t(`status${m.status}`) },
          ]}
        />
      </div>
      <nav aria-label={t("pagination")} className="mt-4 flex gap-3">
        {page > 1 && (
          <Link href={href({ page: String(page - 1) })} className="text-brand-700 underline">
            {t("previous")}
          </Link>
        )}
        {hasNext && (
          <Link href={href({ page: String(page + 1) })} className="text-brand-700 underline">
            {t("next")}
          </Link>
        )}
      </nav>
    </section>
  );
}
