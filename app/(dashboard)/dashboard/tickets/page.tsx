import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { requirePageUser } from "@/lib/dal/session";
import { listActiveDepartments, listAgencies } from "@/lib/dal/departments";
import { listAssigneeFilterOptions, listTicketsForUser } from "@/lib/dal/tickets";
import { TICKET_PRIORITIES, TICKET_SORTS, TICKET_STATUSES, ticketListFiltersSchema, type TicketListFilters } from "@/lib/validation/tickets";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function hrefWith(filters: TicketListFilters, patch: Partial<Record<keyof TicketListFilters, string | number | undefined>>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...patch })) if (v !== undefined && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `/dashboard/tickets?${s}` : "/dashboard/tickets";
}

export default async function TicketsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/dashboard/tickets");
  const raw = await searchParams;
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = ticketListFiltersSchema.parse(first);
  const staffSide = user.role !== "CLIENT";
  const [t, when, list, departments, agencies, assignees] = await Promise.all([
    getTranslations("tickets"),
    getDateTimeFormatter(),
    listTicketsForUser(user, filters),
    staffSide ? listActiveDepartments() : Promise.resolve([]),
    staffSide ? listAgencies() : Promise.resolve([]),
    listAssigneeFilterOptions(user),
  ]);
  const count = (n: number) => (list.countsCapped ? t("countMore", { count: n }) : String(n));
  const select = (name: keyof TicketListFilters, label: string, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={(filters[name] as string | undefined) ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm">
        <option value="">{t("fields.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{staffSide ? t("listTitle") : t("myTickets")}</h1>
        <Link href="/dashboard/tickets/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("new")}
        </Link>
      </div>

      <nav aria-label={t("fields.status")}>
        <ul className="flex flex-wrap gap-1 border-b border-slate-200">
          {(["ALL", ...TICKET_STATUSES] as const).map((s) => {
            const active = (filters.status ?? "ALL") === s;
            return (
              <li key={s}>
                <Link
                  href={hrefWith(filters, { status: s === "ALL" ? undefined : s, page: undefined })}
                  aria-current={active ? "page" : undefined}
                  className={`inline-block rounded-t px-3 py-2 text-sm ${active ? "bg-white font-semibold text-brand-800 border border-b-0 border-slate-200" : "text-slate-700"}`}
                >
                  {t(`status.${s}`)} <span className="text-xs text-slate-600">({count(list.counts[s])})</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <form method="get" action="/dashboard/tickets" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        <div>
          <label htmlFor="f-q" className="block text-xs font-medium">
            {t("fields.search")}
          </label>
          <input id="f-q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm" />
        </div>
        {select("priority", t("fields.priority"), TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) })))}
        {staffSide && select("departmentId", t("fields.department"), departments.map((d) => ({ value: d.id, label: d.name })))}
        {staffSide &&
          select("assignee", t("fields.assignee"), [{ value: "unassigned", label: t("fields.unassigned") }, ...assignees.map((a) => ({ value: a.id, label: a.name }))])}
        {staffSide && select("agencyId", t("fields.agency"), agencies.map((a) => ({ value: a.id, label: a.name })))}
        <div>
          <label htmlFor="f-from" className="block text-xs font-medium">
            {t("fields.from")}
          </label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm" />
        </div>
        <div>
          <label htmlFor="f-to" className="block text-xs font-medium">
            {t("fields.to")}
          </label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm" />
        </div>
        <div>
          <label htmlFor="f-sort" className="block text-xs font-medium">
            {t("fields.sort")}
          </label>
          <select id="f-sort" name="sort" defaultValue={filters.sort ?? "newest"} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm">
            {TICKET_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
          {t("filter")}
        </button>
        <Link href="/dashboard/tickets" className="text-sm text-brand-700 underline">
          {t("reset")}
        </Link>
      </form>

      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.number")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.subject")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.department")}</th>
              {staffSide && <th scope="col" className="px-3 py-2">{t("columns.client")}</th>}
              {staffSide && <th scope="col" className="px-3 py-2">{t("columns.assignee")}</th>}
              <th scope="col" className="px-3 py-2">{t("columns.status")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.priority")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.created")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={8} className="px-3 py-6 text-center text-slate-600">
                  {t("empty")}
                </td>
              </tr>
            )}
            {list.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200" data-testid="ticket-row">
                <td className="px-3 py-2 font-mono">
                  <Link href={`/dashboard/tickets/${encodeURIComponent(r.number)}`} className="text-brand-700 underline">
                    {r.number}
                  </Link>
                </td>
                <td className="px-3 py-2">{r.subject}</td>
                <td className="px-3 py-2">{r.department}</td>
                {staffSide && (
                  <td className="px-3 py-2">
                    {r.client}
                    {r.agency && <span className="block text-xs text-slate-600">{r.agency}</span>}
                  </td>
                )}
                {staffSide && <td className="px-3 py-2">{r.assignee ?? t("fields.unassigned")}</td>}
                <td className="px-3 py-2">{t(`status.${r.status}`)}</td>
                <td className="px-3 py-2">{t(`priority.${r.priority}`)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{when(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <nav aria-label={t("pagination.label")} className="flex items-center gap-3 text-sm">
        {list.page > 1 && (
          <Link href={hrefWith(filters, { page: list.page - 1 })} rel="prev" className="text-brand-700 underline">
            {t("pagination.previous")}
          </Link>
        )}
        <span>{t("pagination.page", { page: list.page })}</span>
        {list.hasNext && (
          <Link href={hrefWith(filters, { page: list.page + 1 })} rel="next" className="text-brand-700 underline">
            {t("pagination.next")}
          </Link>
        )}
      </nav>
    </section>
  );
}
