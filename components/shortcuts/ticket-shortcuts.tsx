"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useShortcuts } from "./use-shortcuts";

const ROW = '[data-testid="ticket-row"]';
const TICKET_LINK = 'a[href^="/dashboard/tickets/"]';

/** The row holding the focus, if any. */
const focusedRow = () => (document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(ROW) : null);

/**
 * Keyboard shortcuts of the ticket list (`j`/`k` move through the rows, Enter opens, `/` searches, `a`
 * takes the row's ticket when it offers "Ambil") and of the ticket page (`r` reply, `a` take); `?` shows
 * them all. The selected row is the focused one: its number link holds the focus, so Enter opens it as
 * a link does, screen readers read it, and a mouse user's Tab order is unchanged.
 */
export function TicketShortcuts({ where }: { where: "list" | "ticket" }) {
  const t = useTranslations("shortcuts");
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  const move = (step: 1 | -1) => {
    const rows = Array.from(document.querySelectorAll<HTMLElement>(ROW));
    if (!rows.length) return false;
    const at = rows.indexOf(focusedRow() as HTMLElement);
    const next = rows[at < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step))]!;
    next.querySelector<HTMLElement>(TICKET_LINK)?.focus();
    next.scrollIntoView?.({ block: "nearest" });
  };
  const take = () => {
    const scope = where === "list" ? focusedRow() : document.querySelector('[data-testid="ticket-page"]');
    const button = scope?.querySelector<HTMLButtonElement>('button[data-action="take"]:not(:disabled)');
    if (!button) return false;
    button.click();
  };
  const focusField = (id: string) => {
    const field = document.getElementById(id);
    if (!field) return false;
    field.focus();
    field.scrollIntoView?.({ block: "nearest" });
  };

  useShortcuts({
    j: () => (where === "list" ? move(1) : false),
    k: () => (where === "list" ? move(-1) : false),
    Enter: (event) => {
      // On a link or button Enter already does what it says; elsewhere in a row it opens the row's ticket.
      const target = event.target as HTMLElement;
      if (where !== "list" || target.closest("a, button")) return false;
      const link = target.closest(ROW)?.querySelector<HTMLElement>(TICKET_LINK);
      if (!link) return false;
      link.click();
    },
    "/": () => focusField("f-q"),
    r: () => (where === "ticket" ? focusField("reply-body") : false),
    a: take,
    "?": () => setOpen(true),
  });

  useEffect(() => {
    const d = dialog.current;
    if (!d || !open || d.open) return;
    if (typeof d.showModal === "function") d.showModal();
    else d.setAttribute("open", "");
  }, [open]);

  const rows: [string, string][] =
    where === "list"
      ? [["j", t("next")], ["k", t("previous")], ["Enter", t("open")], ["/", t("search")], ["a", t("take")], ["?", t("help")], ["Esc", t("escape")]]
      : [["r", t("reply")], ["a", t("take")], ["?", t("help")], ["Esc", t("escape")]];
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-xs text-slate-600 underline" data-testid="shortcuts-hint">
        {t("hint")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-title"
        onClose={() => setOpen(false)}
        className="rounded-lg border border-slate-300 p-5 shadow-lg backdrop:bg-slate-900/40"
        data-testid="shortcuts-dialog"
      >
        <h2 id="shortcuts-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <table className="mt-3 text-sm">
          <tbody>
            {rows.map(([key, what]) => (
              <tr key={key}>
                <th scope="row" className="py-1 pr-4 text-left font-normal">
                  <kbd className="rounded border border-slate-400 bg-slate-50 px-1.5 font-mono">{key}</kbd>
                </th>
                <td className="py-1">{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 max-w-sm text-xs text-slate-600">{t("where")}</p>
        <form method="dialog" className="mt-4 text-right">
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white" onClick={() => setOpen(false)}>
            {t("close")}
          </button>
        </form>
      </dialog>
    </>
  );
}
