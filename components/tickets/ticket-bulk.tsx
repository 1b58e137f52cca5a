"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import type { TicketListView } from "@/lib/views/ticket-list";
import { BULK_LIMIT, type BulkChange } from "@/lib/validation/ticket-bulk";
import { SLA_COUNT_CAP, TICKET_PRIORITIES, TICKET_STATUSES, type TicketListFilters, type TicketPriority, type TicketStatus } from "@/lib/validation/tickets";

type Option = { id: string; name: string };
type BulkResult = { matched: number; changed: number; unchanged: number; skipped: Partial<Record<"notFound" | "assigneeNotInDepartment" | "notAllowed", number>> };

/** The list's two ticket actions, passed in by the page. */
export type TicketListActions = {
  bulk: (input: unknown) => Promise<ActionResult<BulkResult>>;
  take: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** Which rows are ticked, or "every ticket the filters match". Kept per list address: a new filter starts empty. */
export type BulkSelection = {
  ids: Set<string>;
  allMatching: boolean;
  toggle: (id: string) => void;
  setPage: (ids: string[], on: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
};

export function useBulkSelection(): BulkSelection {
  const [ids, setIds] = useState<Set<string>>(() => new Set());
  const [allMatching, setAllMatching] = useState(false);
  return {
    ids,
    allMatching,
    toggle: (id) => {
      setAllMatching(false);
      setIds((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      });
    },
    setPage: (pageIds, on) => {
      setAllMatching(false);
      setIds((s) => {
        const next = new Set(s);
        for (const id of pageIds) if (on) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    selectAllMatching: () => setAllMatching(true),
    clear: () => {
      setAllMatching(false);
      setIds(new Set());
    },
  };
}

/** The header cell: "pilih semua di halaman". */
export function BulkPageCheckbox({ selection, rowIds }: { selection: BulkSelection; rowIds: string[] }) {
  const t = useTranslations("ticketBulk");
  const all = rowIds.length > 0 && rowIds.every((id) => selection.ids.has(id));
  return (
    <th scope="col" className="w-8 px-3 py-2 max-md:w-auto">
      <label className="flex items-center gap-2">
      <input
        type="checkbox"
        aria-label={t("selectPage")}
        data-action="select-page"
        checked={all || selection.allMatching}
        disabled={!rowIds.length}
        onChange={(e) => selection.setPage(rowIds, e.target.checked)}
        className="h-4 w-4 max-md:h-6 max-md:w-6"
      />
        <span className="text-sm font-normal md:hidden" aria-hidden="true">
          {t("selectPage")}
        </span>
      </label>
    </th>
  );
}

/** A row's checkbox. */
export function BulkRowCheckbox({ selection, id, number }: { selection: BulkSelection; id: string; number: string }) {
  const t = useTranslations("ticketBulk");
  return (
    <td className="w-8 px-3 py-2 max-md:w-auto max-md:p-0">
      <input
        type="checkbox"
        aria-label={t("selectRow", { number })}
        data-action="select-row"
        checked={selection.allMatching || selection.ids.has(id)}
        onChange={() => selection.toggle(id)}
        className="h-4 w-4 max-md:h-6 max-md:w-6"
      />
    </td>
  );
}

/** "Ambil" in a row: the same action as the ticket page's button; the list refreshes after it. */
export function TakeButton({ ticketId, number, take, onDone }: { ticketId: string; number: string; take: TicketListActions["take"]; onDone: () => Promise<void> }) {
  const t = useTranslations("ticketBulk");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="mt-1 flex flex-col">
      <button
        type="button"
        data-action="take"
        aria-label={t("takeLabel", { number })}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await take({ ticketId });
            if (result.ok) {
              setError(null);
              await onDone();
            } else setError(result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? "");
          })
        }
        className="w-fit rounded border border-brand-700 px-2 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
      >
        {t("take")}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

/** How many tickets the current tab lists, and whether that number is only a lower bound. */
function matchingCount(filters: TicketListFilters, list: TicketListView["list"]): { count: number; capped: boolean } {
  if (filters.sla) {
    const count = list.slaCounts[filters.sla];
    return { count, capped: !!list.slaCounts.atLeast || count >= SLA_COUNT_CAP };
  }
  return { count: list.counts[filters.status ?? "ALL"], capped: list.countsCapped };
}

/**
 * The toolbar above the table while rows are ticked: how many, "pilih semua N yang cocok" once the
 * whole page is ticked, and the changes — assign (a person or oneself), status, priority, department,
 * close. The server checks each ticket and answers what it changed and what it skipped, and why.
 */
export function BulkToolbar({
  selection,
  filters,
  list,
  options,
  action,
  onDone,
}: {
  selection: BulkSelection;
  filters: TicketListFilters;
  list: TicketListView["list"];
  options: { departments: Option[]; assignees: Option[] };
  action: TicketListActions["bulk"];
  onDone: () => Promise<void>;
}) {
  const t = useTranslations("ticketBulk");
  const tTickets = useTranslations("tickets");
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [values, setValues] = useState({ assigneeId: "", status: "", priority: "", departmentId: "" });
  const rowIds = list.rows.map((r) => r.id);
  const matching = matchingCount(filters, list);
  const wholePage = rowIds.length > 0 && rowIds.every((id) => selection.ids.has(id));
  const tooMany = selection.allMatching && !matching.capped && matching.count > BULK_LIMIT;
  const selectedCount = selection.allMatching ? matching.count : selection.ids.size;
  if (!selection.ids.size && !selection.allMatching && !message) return null;

  const run = (change: BulkChange) => {
    if (change.kind === "close" && !window.confirm(t("confirmClose", { count: selectedCount }))) return;
    start(async () => {
      const { page: _page, ...matchFilters } = filters;
      const result = await action({ selection: selection.allMatching ? { filters: matchFilters } : { ids: [...selection.ids] }, change });
      if (!result.ok) {
        setMessage({ ok: false, text: result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? "" });
        return;
      }
      const r = result.data;
      const parts = [t("resultChanged", { count: r.changed })];
      if (r.unchanged) parts.push(t("resultUnchanged", { count: r.unchanged }));
      const reasons = Object.entries(r.skipped).map(([reason, count]) => t(`reasons.${reason as "notFound"}`, { count: count ?? 0 }));
      const skipped = Object.values(r.skipped).reduce((a, n) => a + (n ?? 0), 0);
      if (skipped) parts.push(t("resultSkipped", { count: skipped, reasons: reasons.join(", ") }));
      setMessage({ ok: true, text: parts.join(", ") + "." });
      selection.clear();
      setValues({ assigneeId: "", status: "", priority: "", departmentId: "" });
      await onDone();
    });
  };

  const select = (name: keyof typeof values, label: string, choices: { value: string; label: string }[], change: (v: string) => BulkChange) => (
    <div className="flex max-w-full flex-wrap items-center gap-1">
      <label className="flex max-w-full min-w-0 flex-wrap items-center gap-1">
        <span>{label}</span>
        <select
          name={`bulk-${name}`}
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          className="max-w-full min-w-0 rounded border border-slate-300 px-2 py-1"
          disabled={pending}
        >
          <option value="">{t("choose")}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-action={`bulk-${name}`}
        disabled={pending || !values[name] || tooMany}
        onClick={() => run(change(values[name]))}
        className="rounded bg-brand-700 px-2 py-1 font-medium text-white hover:bg-brand-800 disabled:opacity-50"
      >
        {t("apply")}
      </button>
    </div>
  );

  return (
    <div role="region" aria-label={t("toolbar")} data-testid="bulk-toolbar" className="space-y-2 rounded border border-brand-200 bg-brand-50 p-3 text-sm">
      {(selection.ids.size > 0 || selection.allMatching) && (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <strong data-testid="bulk-count">
              {selection.allMatching
                ? matching.capped
                  ? t("allMatchingSelectedCapped")
                  : t("allMatchingSelected", { count: matching.count })
                : t("selectedCount", { count: selection.ids.size })}
            </strong>
            {wholePage && !selection.allMatching && (list.hasNext || list.page > 1) && (
              <button type="button" data-action="select-all-matching" onClick={selection.selectAllMatching} className="text-brand-700 underline">
                {matching.capped ? t("selectAllMatchingCapped") : t("selectAllMatching", { count: matching.count })}
              </button>
            )}
            <button type="button" onClick={selection.clear} className="text-slate-700 underline">
              {t("clear")}
            </button>
          </div>
          {tooMany && (
            <p role="alert" className="text-red-800">
              {t("tooMany", { count: matching.count, max: BULK_LIMIT })}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-3">
            {select("assigneeId", t("assignTo"), [{ value: "me", label: t("me") }, ...options.assignees.map((a) => ({ value: a.id, label: a.name }))], (v) => ({
              kind: "assign",
              assigneeId: v,
            }))}
            {select("status", t("status"), TICKET_STATUSES.map((s) => ({ value: s, label: tTickets(`status.${s}`) })), (v) => ({ kind: "status", status: v as TicketStatus }))}
            {select("priority", t("priority"), TICKET_PRIORITIES.map((p) => ({ value: p, label: tTickets(`priority.${p}`) })), (v) => ({ kind: "priority", priority: v as TicketPriority }))}
            {select("departmentId", t("department"), options.departments.map((d) => ({ value: d.id, label: d.name })), (v) => ({ kind: "department", departmentId: v }))}
            <button
              type="button"
              data-action="bulk-close"
              disabled={pending || tooMany}
              onClick={() => run({ kind: "close" })}
              className="rounded border border-red-300 px-2 py-1 font-medium text-red-800 hover:bg-red-50 disabled:opacity-50"
            >
              {t("close")}
            </button>
            {pending && <span>{t("working")}</span>}
          </div>
        </>
      )}
      <p role="status" data-testid="bulk-result" className={message ? (message.ok ? "text-green-800" : "text-red-800") : "sr-only"}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
