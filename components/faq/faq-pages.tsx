import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/action";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/dal/users";
import { FAQ_PAGE_SIZE, getFaqForEdit, listFaqsForUser } from "@/lib/dal/faq";
import { listActiveDepartments } from "@/lib/dal/departments";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { ActionButton } from "@/components/ui/action-button";
import { paginationCopy } from "@/components/people/user-pages";
import { FaqForm } from "./faq-form";

type Row = Awaited<ReturnType<typeof listFaqsForUser>>["rows"][number];

/** Manual screen 15: all questions. Managers edit and publish; other roles read published ones. */
export async function FaqListPage({
  user,
  query,
  setPublishedAction,
}: {
  user: SessionUser;
  query: { q: string; page: number };
  setPublishedAction: (input: { id: string; published: boolean }) => Promise<ActionResult<unknown>>;
}) {
  const manager = can(user, "faq.manage");
  const [t, tUi, { total, rows }, pageCopy] = await Promise.all([getTranslations("faq"), getTranslations("ui"), listFaqsForUser(user, query), paginationCopy()]);
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
      <Pagination page={query.page} pageSize={FAQ_PAGE_SIZE} total={total} basePath="/dashboard/faq" params={{ q: query.q }} copy={pageCopy} />
    </section>
  );
}

export async function FaqEditorPage({
  user,
  id,
  action,
}: {
  user: SessionUser;
  id?: string;
  action: (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
}) {
  if (!can(user, "faq.manage")) notFound();
  const faq = id ? await getFaqForEdit(user, id) : null;
  if (id && !faq) notFound();
  const [t, tUi, departments] = await Promise.all([getTranslations("faq"), getTranslations("ui"), listActiveDepartments()]);
  if (faq && !departments.some((d) => d.id === faq.departmentId)) departments.push({ id: faq.departmentId, name: faq.department.name });
  return (
    <section className="space-y-4">
      <Link href="/dashboard/faq" className="text-sm text-brand-700 underline">
        ← {t("allQuestions")}
      </Link>
      <h1 className="text-2xl font-bold">{faq ? t("editTitle") : t("addTitle")}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <FaqForm
          initial={faq ? { id: faq.id, departmentId: faq.departmentId, subject: faq.subject, description: faq.description, published: faq.published } : undefined}
          departments={departments}
          action={action}
          copy={{
            department: t("department"),
            chooseDepartment: t("chooseDepartment"),
            subject: t("subject"),
            description: t("description"),
            publishNow: t("publishNow"),
            submit: t("submit"),
            submitting: tUi("saving"),
          }}
        />
      </div>
    </section>
  );
}
