"use client";

import { useId, useMemo, useRef, useState } from "react";
import { CannedList, useCannedChoices, type CannedChoice, type CannedMenuCopy } from "./canned-reply-menu";
import { useWatch } from "react-hook-form";
import { replySchema, type AttachmentLimits } from "@/lib/validation/tickets";
import type { ActionResult } from "@/lib/actions/action";
import { describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { toFormData, useActionForm } from "@/components/ui/use-action-form";

export type ReplyAction = (input: FormData) => Promise<ActionResult<{ id: string }>>;
export type ReplyFormCopy = {
  reply: string;
  placeholder: string;
  attachments: string;
  send: string;
  sending: string;
  /** The two kinds of message, as tabs (staff side only). */
  tabs: string;
  replyTab: string;
  noteTab: string;
  note: string;
  notePlaceholder: string;
  noteNotice: string;
  saveNote: string;
};
/** "Kirim & …": a status the reply may decide, with its button's words. */
export type ReplyStatusButton = { status: string; label: string };

type Mode = "reply" | "note";
/** The canned-reply menu: opened by "/" at the start of a line (`start`: where that line begins) or by its button. */
type Menu = { via: "slash"; start: number } | { via: "button"; caret: number } | null;

/**
 * The reply box. One submit for one decision: "Kirim" sends the reply; "Kirim & tandai Menunggu
 * client" / "Kirim & Selesaikan" send it and move the status in the same action. On the staff side
 * an internal note is its own tab — yellow, with its own button and no status — so a note is never
 * sent to the client by a slip of the checkbox.
 */
export function ReplyForm({
  ticketId,
  copy,
  limits,
  allowInternal,
  statusButtons = [],
  canned,
  action,
  onSent,
}: {
  ticketId: string;
  copy: ReplyFormCopy;
  limits: AttachmentLimits;
  allowInternal: boolean;
  /** The statuses this user may move the ticket to with a reply (from ticket.can), besides "Kirim". */
  statusButtons?: ReplyStatusButton[];
  /** Balasan cepat (staff side): the menu's words; absent, no menu. */
  canned?: CannedMenuCopy;
  action: ReplyAction;
  /** After a reply is saved: the page fetches the ticket again. */
  onSent: () => Promise<void>;
}) {
  const schema = useMemo(() => replySchema(limits), [limits]);
  const [mode, setMode] = useState<Mode>("reply");
  const [clicked, setClicked] = useState("");
  const tabsId = useId();
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const menuButton = useRef<HTMLButtonElement | null>(null);
  const [menu, setMenu] = useState<Menu>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  /** Files of the inserted canned replies: sent by id, copied onto the reply by the server. */
  const [cannedFiles, setCannedFiles] = useState<{ id: string; fileName: string }[]>([]);
  const found = useCannedChoices(ticketId, !!canned && menu !== null, query);
  const listId = `${tabsId}-canned`;
  const note = mode === "note";
  const empty = (internal: boolean) => ({ ticketId, body: "", internal, status: "" });
  const {
    register,
    reset,
    control,
    setValue,
    getValues,
    onSubmit,
    message,
    fieldError,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema,
    defaultValues: empty(false),
    submit: (values) =>
      action(toFormData({ ...values, ticketId, status: values.internal ? undefined : values.status, cannedAttachmentIds: cannedFiles.map((f) => f.id) })),
    onSuccess: async (_data, values) => {
      await onSent();
      reset(empty(!!values.internal));
      setCannedFiles([]);
    },
    refresh: false,
  });
  const chosen = useWatch({ control, name: "attachments" }) as FileList | undefined;
  const bodyError = fieldError(errors.body);
  const filesError = fieldError(errors.attachments as never);
  const statusError = fieldError(errors.status as never);
  const { ref: bodyRef, onChange: bodyChange, ...bodyField } = register("body");

  const closeMenu = () => {
    setMenu(null);
    setQuery("");
    setActive(0);
  };
  /** "/" typed at the start of a line opens the menu; what follows it on that line filters it. */
  const followSlash = (el: HTMLTextAreaElement) => {
    if (!canned) return;
    const caret = el.selectionStart ?? el.value.length;
    const start = el.value.lastIndexOf("\n", caret - 1) + 1;
    const line = el.value.slice(start, caret);
    if (/^\/[^\n]{0,60}$/.test(line)) {
      setMenu({ via: "slash", start });
      setQuery(line.slice(1));
      setActive(0);
    } else if (menu?.via === "slash") closeMenu();
  };
  /** The chosen reply replaces the "/…" typed (or goes where the caret was), filled and editable; its files come along. */
  const insert = (choice: CannedChoice) => {
    const text = getValues("body") ?? "";
    const [from, to] = menu?.via === "slash" ? [menu.start, menu.start + 1 + query.length] : [menu?.caret ?? text.length, menu?.caret ?? text.length];
    setValue("body", text.slice(0, from) + choice.body + text.slice(to), { shouldDirty: true, shouldValidate: !!errors.body });
    setCannedFiles((files) => [...files, ...choice.attachments.filter((a) => !files.some((f) => f.id === a.id))]);
    closeMenu();
    const caret = from + choice.body.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(caret, caret);
    });
  };
  /** Arrow keys move through the matches, Enter or Tab inserts, Escape closes (the typed text stays). */
  const menuKeys = (event: React.KeyboardEvent) => {
    if (!menu) return;
    const count = found.status === "ready" ? found.choices.length : 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!count) return;
      event.preventDefault();
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
    } else if ((event.key === "Enter" || event.key === "Tab") && count) {
      event.preventDefault();
      insert(found.choices[Math.min(active, count - 1)]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      const via = menu.via;
      closeMenu();
      (via === "button" ? menuButton.current : textarea.current)?.focus();
    }
  };
  const list = menu && canned && (
    <CannedList id={listId} choices={found.choices} status={found.status} active={active} copy={canned} onPick={insert} />
  );
  const activeOption = menu && found.status === "ready" && found.choices.length ? `${listId}-${Math.min(active, found.choices.length - 1)}` : undefined;

  const choose = (next: Mode) => {
    setMode(next);
    setValue("internal", next === "note");
    setValue("status", "");
    textarea.current?.focus();
  };
  const tabKeys = (event: React.KeyboardEvent) => {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      const next = note ? "reply" : "note";
      choose(next);
      document.getElementById(`${tabsId}-${next}`)?.focus();
    }
  };
  // Each button says which status it sends; the form's one submit path sends it.
  const submitButton = (status: string, label: string, primary: boolean) => (
    <button
      key={status || "send"}
      type="submit"
      disabled={isSubmitting}
      onClick={() => {
        setClicked(status);
        setValue("status", status);
      }}
      className={
        primary
          ? "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          : "rounded border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60"
      }
    >
      {isSubmitting && clicked === status ? copy.sending : label}
    </button>
  );

  const form = (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-mode={mode}>
      <FormAlert message={message ?? statusError ?? null} />
      {note && (
        <p className="rounded bg-amber-200 px-2 py-1 text-sm font-medium text-amber-950" data-testid="note-notice">
          {copy.noteNotice}
        </p>
      )}
      <Field id="reply-body" label={note ? copy.note : copy.reply} error={bodyError}>
        <textarea
          {...describedBy("reply-body", bodyError)}
          rows={5}
          placeholder={note ? copy.notePlaceholder : copy.placeholder}
          className={`${inputClass} ${note ? "bg-amber-50" : "bg-white"}`}
          {...bodyField}
          onChange={(e) => {
            void bodyChange(e);
            followSlash(e.target);
          }}
          onKeyDown={menu?.via === "slash" ? menuKeys : undefined}
          onBlur={(e) => {
            void bodyField.onBlur(e);
            if (menu?.via === "slash") closeMenu();
          }}
          aria-autocomplete={canned ? "list" : undefined}
          aria-controls={menu?.via === "slash" && activeOption ? listId : undefined}
          aria-activedescendant={menu?.via === "slash" ? activeOption : undefined}
          ref={(el) => {
            bodyRef(el);
            textarea.current = el;
          }}
        />
      </Field>
      {menu?.via === "slash" && list}
      {canned && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <button
            ref={menuButton}
            type="button"
            aria-haspopup="listbox"
            aria-expanded={menu?.via === "button"}
            onClick={() => (menu?.via === "button" ? closeMenu() : (setMenu({ via: "button", caret: textarea.current?.selectionStart ?? (getValues("body") ?? "").length }), setQuery(""), setActive(0)))}
            className="rounded border border-slate-300 px-2 py-1 font-medium text-slate-800 hover:bg-slate-100"
          >
            {canned.button}
          </button>
          <span className="text-xs text-slate-600">{canned.hint}</span>
        </div>
      )}
      {menu?.via === "button" && canned && (
        <div>
          <label htmlFor={`${listId}-search`} className="sr-only">
            {canned.search}
          </label>
          <input
            id={`${listId}-search`}
            type="search"
            role="combobox"
            autoFocus
            autoComplete="off"
            aria-expanded
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeOption}
            placeholder={canned.search}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={menuKeys}
            className="w-full rounded border border-slate-400 px-2 py-1 text-sm"
          />
          {list}
        </div>
      )}
      {cannedFiles.length > 0 && (
        <div className="text-sm">
          <p className="font-medium">{canned?.attached}</p>
          <ul className="mt-1 flex flex-wrap gap-2" data-testid="canned-files">
            {cannedFiles.map((f) => (
              <li key={f.id} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5">
                {f.fileName}
                <button type="button" onClick={() => setCannedFiles((files) => files.filter((x) => x.id !== f.id))} className="px-1 text-slate-600 hover:text-red-700">
                  <span aria-hidden="true">×</span>
                  <span className="sr-only">{(canned?.remove ?? "").replace("{name}", f.fileName)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Field id="reply-attachments" label={copy.attachments} error={filesError}>
        <input {...describedBy("reply-attachments", filesError)} type="file" multiple className="mt-1 block text-sm" {...register("attachments")} />
        {chosen && chosen.length > 0 && (
          <ul className="mt-1 text-sm">
            {Array.from(chosen).map((f, i) => (
              <li key={`${f.name}-${i}`}>{f.name}</li>
            ))}
          </ul>
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        {note ? submitButton("", copy.saveNote, true) : [submitButton("", copy.send, true), ...statusButtons.map((b) => submitButton(b.status, b.label, false))]}
      </div>
    </form>
  );

  if (!allowInternal) return form;
  return (
    <div>
      <div role="tablist" aria-label={copy.tabs} className="flex gap-1">
        {(["reply", "note"] as const).map((m) => (
          <button
            key={m}
            id={`${tabsId}-${m}`}
            type="button"
            role="tab"
            aria-selected={mode === m}
            aria-controls={`${tabsId}-panel`}
            tabIndex={mode === m ? 0 : -1}
            onClick={() => choose(m)}
            onKeyDown={tabKeys}
            className={`rounded-t border border-b-0 px-3 py-1.5 text-sm font-semibold ${
              mode === m ? (m === "note" ? "border-amber-300 bg-amber-50 text-amber-950" : "border-slate-200 bg-white text-brand-800") : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {m === "note" ? copy.noteTab : copy.replyTab}
          </button>
        ))}
      </div>
      <div
        id={`${tabsId}-panel`}
        role="tabpanel"
        aria-labelledby={`${tabsId}-${mode}`}
        className={`rounded-b rounded-tr border p-4 ${note ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
      >
        {form}
      </div>
    </div>
  );
}
