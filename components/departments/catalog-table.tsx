import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { CATALOG_PAGE_SIZE, type listCatalog } from "@/lib/dal/departments";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { ActionButton } from "@/components/ui/action-button";
import { DepartmentModal } from "./department-modal";

type Row = Awaited<ReturnType<typeof listCatalog>>["rows"][number];

/** Department list and the OPD list: add/rename in a modal, deactivate/reactivate. */
type Action = (input: unknown) => Promise<ActionResult<unknown>>;

export function CatalogTable({
  kind,
  query,
  list: { total, rows },
  actions,
  autoAssign,
}: {
  kind: "department" | "agency";
  /** Departments only: "Tugaskan otomatis" per department id, shown as a column and edited in the form. */
  autoAssign?: Record<string, boolean>;
  query: { q: string; page: number };
  list: { total: number; rows: Row[] };
  actions: { create: Action; rename: Action; setActive: Action };
}) {
  const ns = kind === "department" ? "departments" : "agencies";
  const basePath = `/dashboard/${ns}`;
  const t = useTranslations(ns);
  const tUsers = useTranslations("users");
  const tUi = useTranslations("ui");
  const tAuto = useTranslations("autoAssign");
  const modalCopy = { name: t("name"), save: t("saveChanges"), cancel: tUi("cancel"), close: tUi("close") };
  const columns: Column<Row>[] = [
    { key: "name", header: t("name"), cell: (r) => <span className="font-medium">{r.name}</span> },
    { key: "users", header: kind === "department" ? t("staffCount") : t("usersCount"), cell: (r) => r._count.users },
    { key: "status", header: t("status"), cell: (r) => (r.active ? tUsers("active") : tUsers("inactive")) },
    ...(autoAssign
      ? [{ key: "autoAssign", header: tAuto("column"), cell: (r: Row) => (autoAssign[r.id] ? tAuto("yes") : tAuto("no")) } satisfies Column<Row>]
      : []),
    {
      key: "actions",
      header: tUi("actions"),
      cell: (r) => (
        <span className="flex flex-wrap items-start gap-2">
          <DepartmentModal
            copy={{ ...modalCopy, open: t("rename"), title: t("editTitle"), ...(autoAssign ? { autoAssign: tAuto("label"), autoAssignHint: tAuto("hint") } : {}) }}
            id={r.id}
            initialName={r.name}
            {...(autoAssign ? { initialAutoAssign: !!autoAssign[r.id] } : {})}
            action={actions.rename}
          />
          <ActionButton
            action={actions.setActive}
            input={{ id: r.id, active: !r.active }}
            label={r.active ? tUsers("deactivate") : tUsers("reactivate")}
            look={r.active ? "danger" : "neutral"}
          />
        </span>
      ),
    },
  ];
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <DepartmentModal copy={{ ...modalCopy, open: t("addNew"), title: t("modalTitle") }} action={actions.create} />
      </div>
      {kind === "department" && <p className="text-sm text-slate-600">{t("deactivateHint")}</p>}
      <SearchBox q={query.q} placeholder={t("searchPlaceholder")} label={tUi("searchLabel")} submit={tUi("search")} />
      <DataTable caption={t("title")} columns={columns} rows={rows} rowKey={(r) => r.id} empty={tUi("noResults")} />
      <Pagination page={query.page} pageSize={CATALOG_PAGE_SIZE} total={total} basePath={basePath} params={{ q: query.q }} />
    </section>
  );
}
