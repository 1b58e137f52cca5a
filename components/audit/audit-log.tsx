import { useTranslations } from "next-intl";
import { AUDIT_PAGE_SIZE, type listAuditLog } from "@/lib/dal/audit";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";

type Row = Awaited<ReturnType<typeof listAuditLog>>["rows"][number];
export type AuditFilterValues = { actor: string; action: string; from: string; to: string };

/** The audit log: a GET filter form (actor, action, dates), the entries with before/after, pages. */
export function AuditLog({
  filters,
  actions,
  page,
  list: { total, rows },
  when,
}: {
  filters: AuditFilterValues;
  /** The action names there are, for the filter. */
  actions: string[];
  page: number;
  list: { total: number; rows: Row[] };
  when: (date: Date) => string;
}) {
  const t = useTranslations("audit");
  const tUi = useTranslations("ui");
  const json = (v: unknown) => (v === null || v === undefined ? "—" : JSON.stringify(v, null, 1));
  const columns: Column<Row>[] = [
    { key: "time", header: t("time"), cell: (r) => when(r.createdAt), className: "whitespace-nowrap" },
    { key: "actor", header: t("actor"), cell: (r) => (r.actor ? `${r.actor.name} (${r.actor.username})` : t("system")) },
    { key: "action", header: t("action"), cell: (r) => <code>{r.action}</code> },
    { key: "target", header: t("target"), cell: (r) => <code className="break-all text-xs">{r.target ?? "—"}</code> },
    {
      key: "changes",
      header: t("changes"),
      cell: (r) => (
        <details>
          <summary className="cursor-pointer text-xs text-brand-700">{t("changes")}</summary>
          <div className="mt-1 grid gap-2 text-xs sm:grid-cols-2">
            <div>
              <p className="font-semibold">{t("before")}</p>
              <pre className="whitespace-pre-wrap break-all">{json(r.before)}</pre>
            </div>
            <div>
              <p className="font-semibold">{t("after")}</p>
              <pre className="whitespace-pre-wrap break-all">{json(r.after)}</pre>
            </div>
          </div>
        </details>
      ),
    },
    { key: "ip", header: t("ip"), cell: (r) => r.ip ?? "—" },
  ];
  const inputClass = "rounded border border-slate-400 px-2 py-1.5 text-sm";
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label>
          <span className="block font-medium">{t("actor")}</span>
          <input name="actor" defaultValue={filters.actor} className={inputClass} />
        </label>
        <label>
          <span className="block font-medium">{t("action")}</span>
          <select name="action" defaultValue={filters.action} className={inputClass}>
            <option value="">{t("allActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block font-medium">{t("from")}</span>
          <input type="date" name="from" defaultValue={filters.from} className={inputClass} />
        </label>
        <label>
          <span className="block font-medium">{t("to")}</span>
          <input type="date" name="to" defaultValue={filters.to} className={inputClass} />
        </label>
        <button type="submit" className="rounded bg-slate-700 px-3 py-1.5 font-medium text-white hover:bg-slate-800">
          {t("apply")}
        </button>
      </form>
      <DataTable caption={t("title")} columns={columns} rows={rows} rowKey={(r) => r.id} empty={tUi("noResults")} />
      <Pagination page={page} pageSize={AUDIT_PAGE_SIZE} total={total} basePath="/dashboard/audit" params={filters} />
    </section>
  );
}
