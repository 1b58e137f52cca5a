import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { CANNED_REPLY_PAGE_SIZE, type listCannedReplies } from "@/lib/dal/canned-replies";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { ActionButton } from "@/components/ui/action-button";

type Row = Awaited<ReturnType<typeof listCannedReplies>>["rows"][number];

/** Balasan cepat: one page of canned replies, by title, with edit and delete. */
export function CannedReplyTable({
  query,
  list: { total, rows },
  deleteAction,
}: {
  query: { q: string; page: number };
  list: { total: number; rows: Row[] };
  deleteAction: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("cannedReplies");
  const tUi = useTranslations("ui");
  const columns: Column<Row>[] = [
    { key: "title", header: t("title"), cell: (r) => <span className="font-medium">{r.title}</span> },
    { key: "scope", header: t("scope"), cell: (r) => r.department?.name ?? t("global") },
    { key: "files", header: t("attachments"), cell: (r) => (r._count.attachments ? t("fileCount", { count: r._count.attachments }) : "—") },
    {
      key: "actions",
      header: tUi("actions"),
      cell: (r) => (
        <span className="flex flex-wrap gap-2">
          <Link href={`/dashboard/canned-replies/${r.id}`} className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100">
            {t("edit")}
          </Link>
          <ActionButton action={deleteAction} input={{ id: r.id }} label={t("delete")} look="danger" confirm={t("deleteConfirm", { title: r.title })} />
        </span>
      ),
    },
  ];
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <Link href="/dashboard/canned-replies/new" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t("addNew")}
        </Link>
      </div>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <SearchBox q={query.q} placeholder={t("searchPlaceholder")} label={tUi("searchLabel")} submit={tUi("search")} />
      <DataTable caption={t("heading")} columns={columns} rows={rows} rowKey={(r) => r.id} empty={tUi("noResults")} />
      <Pagination page={query.page} pageSize={CANNED_REPLY_PAGE_SIZE} total={total} basePath="/dashboard/canned-replies" params={{ q: query.q }} />
    </section>
  );
}
