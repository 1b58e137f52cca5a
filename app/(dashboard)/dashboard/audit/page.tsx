import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { requirePageUser } from "@/lib/dal/session";
import { AUDIT_PAGE_SIZE, listAuditActions, listAuditLog } from "@/lib/dal/audit";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { paginationCopy } from "@/components/people/user-pages";
import { parseListQuery } from "@/lib/validation/list-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim().slice(0, 100);
/** yyyy-mm-dd as the start of that day in Asia/Jakarta (UTC+7, no DST). */
function jakartaDay(value: string, addDays = 0): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00+07:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + addDays * 86_400_000);
}

/** Super Admin: every change made through the people/config screens, with filters. */
export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePageUser("/dashboard/audit");
  const params = await searchParams;
  const { page } = parseListQuery(params);
  const filters = { actor: one(params.actor), action: one(params.action), from: one(params.from), to: one(params.to) };
  const [t, tUi, when, actions, { total, rows }, pageCopy] = await Promise.all([
    getTranslations("audit"),
    getTranslations("ui"),
    getDateTimeFormatter(),
    listAuditActions(user),
    listAuditLog(user, {
      page,
      ...(filters.actor ? { actor: filters.actor } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(jakartaDay(filters.from) ? { from: jakartaDay(filters.from) } : {}),
      ...(jakartaDay(filters.to, 1) ? { to: jakartaDay(filters.to, 1) } : {}),
    }),
    paginationCopy(),
  ]);
  type Row = (typeof rows)[number];
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
      <Pagination page={page} pageSize={AUDIT_PAGE_SIZE} total={total} basePath="/dashboard/audit" params={filters} copy={pageCopy} />
    </section>
  );
}
