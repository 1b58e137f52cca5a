import { useState, type AnchorHTMLAttributes, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { TicketList } from "@/lib/dal/tickets";
import { SLA_COUNT_CAP, TICKET_PRIORITIES, TICKET_SORTS, TICKET_STATUSES, ticketListFiltersOf, ticketListQuery, type TicketListFilters } from "@/lib/validation/tickets";
import { SelectField, type SelectOption } from "@/components/ui/select-field";

type Option = { id: string; name: string };

/** The list URL with some filters changed; every tab, filter and page link goes through here. */
export function ticketListHref(filters: TicketListFilters, patch: Parameters<typeof ticketListQuery>[1] = {}) {
  const s = ticketListQuery(filters, patch);
  return s ? `/dashboard/tickets?${s}` : "/dashboard/tickets";
}

/**
 * A link to another view of the list: a real link (new tab, copy, no JavaScript), but a plain click
 * only changes the address, and the list fetches that view's data (no page load, no server render).
 */
export function ListLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      {...rest}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        window.history.pushState(null, "", href);
      }}
    />
  );
}

/** The filter form's fields as a list URL (empty fields left out), for a submit without a page load. */
function submitFilters(e: FormEvent<HTMLFormElement>) {
  e.preventDefault();
  const fields = new URLSearchParams();
  for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === "string") fields.set(k, v.trim());
  window.history.pushState(null, "", ticketListHref(ticketListFiltersOf(fields)));
}

/**
 * "Atur ulang" empties every field on screen at once: when the address does not change (the user typed
 * but did not apply), the form would otherwise keep what was typed, and the next "Terapkan" bring it back.
 */
function clearFilterForm(form: HTMLFormElement | null) {
  if (!form) return;
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLSelectElement) el.selectedIndex = 0;
    else if (el instanceof HTMLInputElement) el.value = "";
  }
}

/**
 * One tab per status with its count ("n+" when the DAL capped the counting); for the staff side also
 * the service-level views "Terlambat" and "Segera jatuh tempo". The other filters are kept.
 */
export function TicketStatusTabs({
  filters,
  list: { counts, countsCapped, slaCounts },
  slaTabs,
}: {
  filters: TicketListFilters;
  list: Pick<TicketList, "counts" | "countsCapped" | "slaCounts">;
  slaTabs: { overdue: string; dueSoon: string; dueSoonHint: string } | null;
}) {
  const t = useTranslations("tickets");
  const count = (n: number) => (countsCapped ? t("countMore", { count: n }) : String(n));
  // A capped search counted its late / due-soon tickets only among the matches it read (mostly the
  // oldest): a lower bound like "0+" would mislead, so the tab shows a number only when it is one.
  const slaCount = (n: number) => (n >= SLA_COUNT_CAP ? t("countMore", { count: SLA_COUNT_CAP }) : slaCounts.atLeast ? null : String(n));
  const shown = { overdue: slaCount(slaCounts.overdue), dueSoon: slaCount(slaCounts.dueSoon) };
  return (
    <nav aria-label={t("fields.status")}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-200 max-md:flex-nowrap max-md:overflow-x-auto max-md:whitespace-nowrap">
        {(["ALL", ...TICKET_STATUSES] as const).map((s) => {
          const active = !filters.sla && (filters.status ?? "ALL") === s;
          return (
            <li key={s}>
              <ListLink
                href={ticketListHref(filters, { status: s === "ALL" ? undefined : s, sla: undefined, page: undefined })}
                aria-current={active ? "page" : undefined}
                className={`inline-block rounded-t px-3 py-2 text-sm ${active ? "bg-white font-semibold text-brand-800 border border-b-0 border-slate-200" : "text-slate-700"}`}
              >
                {t(`status.${s}`)} <span className="text-xs text-slate-600">({count(counts[s])})</span>
              </ListLink>
            </li>
          );
        })}
        {slaTabs &&
          (["overdue", "dueSoon"] as const).map((v) => {
            const active = filters.sla === v;
            return (
              <li key={v}>
                <ListLink
                  href={ticketListHref(filters, { sla: v, status: undefined, page: undefined })}
                  aria-current={active ? "page" : undefined}
                  title={v === "dueSoon" ? slaTabs.dueSoonHint : undefined}
                  className={`inline-block rounded-t px-3 py-2 text-sm ${active ? "bg-white font-semibold border border-b-0 border-slate-200" : ""} ${v === "overdue" ? "text-red-800" : "text-amber-900"}`}
                >
                  {slaTabs[v]} {shown[v] !== null && <span className="text-xs">({shown[v]})</span>}
                </ListLink>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}

/** The filter bar: a GET form, so filters land in the URL (and a page can be bookmarked or shared). */
export function TicketFilters({
  filters,
  staffSide,
  departments,
  agencies,
  assignees,
}: {
  filters: TicketListFilters;
  /** Staff and admins filter by department, assignee and OPD too. */
  staffSide: boolean;
  departments: Option[];
  agencies: Option[];
  assignees: Option[];
}) {
  const t = useTranslations("tickets");
  // On a phone only the search shows until "Filter lainnya" opens the rest (the fields are still in the form).
  const [more, setMore] = useState(false);
  const set = (["priority", "departmentId", "assignee", "agencyId", "from", "to", "sort"] as const).filter((k) => filters[k]).length;
  const rest = more ? "contents" : "contents max-md:hidden";
  const select = (name: keyof TicketListFilters, label: string, options: SelectOption[]) => (
    <SelectField look="filter" id={`f-${name}`} name={name} label={label} placeholder={t("fields.all")} options={options} defaultValue={(filters[name] as string | undefined) ?? ""} />
  );
  const toOptions = (rows: Option[]) => rows.map((r) => ({ value: r.id, label: r.name }));
  const date = (name: "from" | "to") => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium">
        {t(`fields.${name}`)}
      </label>
      <input id={`f-${name}`} name={name} type="date" defaultValue={filters[name] ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm" />
    </div>
  );
  return (
    <form method="get" action="/dashboard/tickets" onSubmit={submitFilters} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
      {filters.status && <input type="hidden" name="status" value={filters.status} />}
      {filters.sla && <input type="hidden" name="sla" value={filters.sla} />}
      <div>
        <label htmlFor="f-q" className="block text-xs font-medium">
          {t("fields.search")}
        </label>
        <input id="f-q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm" />
      </div>
      <button type="button" aria-expanded={more} onClick={() => setMore((m) => !m)} className="text-sm text-brand-700 underline md:hidden" data-action="more-filters">
        {more ? t("fewerFilters") : set ? t("moreFiltersSet", { count: set }) : t("moreFilters")}
      </button>
      <div className={rest}>
      {select("priority", t("fields.priority"), TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) })))}
      {staffSide && select("departmentId", t("fields.department"), toOptions(departments))}
      {staffSide && select("assignee", t("fields.assignee"), [{ value: "unassigned", label: t("fields.unassigned") }, ...toOptions(assignees)])}
      {staffSide && select("agencyId", t("fields.agency"), toOptions(agencies))}
      {date("from")}
      {date("to")}
      <SelectField
        look="filter"
        id="f-sort"
        name="sort"
        label={t("fields.sort")}
        options={TICKET_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        defaultValue={filters.sort ?? (filters.sla ? "due" : "newest")}
      />
      </div>
      <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
        {t("filter")}
      </button>
      <ListLink href="/dashboard/tickets" onClickCapture={(e) => clearFilterForm(e.currentTarget.closest("form"))} className="text-sm text-brand-700 underline">
        {t("reset")}
      </ListLink>
    </form>
  );
}
