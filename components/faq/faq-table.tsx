import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { FAQ_PAGE_SIZE, type listFaqsForUser } from "@/lib/dal/faq";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { ActionButton } from "@/components/ui/action-button";

type Row = Awaited<ReturnType<typeof listFaqsForUser>>["rows"][number];

/** All questions. Managers edit and publish; other roles read published ones. */
export function FaqTable({
  manager,
  query,
  list: { total, rows },
  setPublishedAction,
}: {
  /** Managers see drafts, the status column and the edit/publish buttons. */
  manager: boolean;
  query: { q: string; page: number };
  list: { total: number; rows: Row[] };
  setPublishedAction: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("faq");
  const tUi = useTranslations("ui");
  const columns: Column<Row>[] = [
    {
      key: "subject",
      header: t("subject"),
      cell: (f) => (
        <details>
          <summary className="cursor-pointer font-medium">{f.subject}</summary>
          <p className="mt-2 whitespace-pre-line text-slate-700">{f.description}</p>
        </details>
      ),
    },
    { key: "department", header: t("department"), cell: (f) => f.department.name },
    ...(manager
      ? [
          { key: "status", header: t("status"), cell: (f: Row) => (f.published ? t("published") : t("draft")) },
          {
            key: "actions",
            header: tUi("actions"),
            cell: (f: Row) => (
              <span className="flex flex-wrap gap-2">
                <Link href={`/dashboard/faq/${f.id}`} className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100">
                  {t("editTitle")}
                </Link>
                <ActionButton action={setPublishedAction} input={{ id: f.id, published: !f.published }} label={f.published ? t("unpublish") : t("publish")} />
              </span>
            ),
          },
        ]
      : []),
  ];
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("allQuestions")}</h1>
        {manager && (
          <Link href="/dashboard/faq/new" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t("addNew")}
          </Link>
        )}
      </div>
      <SearchBox q={query.q} placeholder={t("searchPlaceholder")} label={tUi("searchLabel")} submit={tUi("search")} />
      <DataTable caption={t("allQuestions")} columns={columns} rows={rows} rowKey={(f) => f.id} empty={tUi("noResults")} />
      <Pagination page={query.page} pageSize={FAQ_PAGE_SIZE} total={total} basePath="/dashboard/faq" params={{ q: query.q }} />
    </section>
  );
}
