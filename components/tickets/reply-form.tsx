"use client";

import { useId, useMemo, useRef, useState } from "react";
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
  action,
  onSent,
}: {
  ticketId: string;
  copy: ReplyFormCopy;
  limits: AttachmentLimits;
  allowInternal: boolean;
  /** The statuses this user may move the ticket to with a reply (from ticket.can), besides "Kirim". */
  statusButtons?: ReplyStatusButton[];
  action: ReplyAction;
  /** After a reply is saved: the page fetches the ticket again. */
  onSent: () => Promise<void>;
}) {
  const schema = useMemo(() => replySchema(limits), [limits]);
  const [mode, setMode] = useState<Mode>("reply");
  const [clicked, setClicked] = useState("");
  const tabsId = useId();
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const note = mode === "note";
  const empty = (internal: boolean) => ({ ticketId, body: "", internal, status: "" });
  const {
    register,
    reset,
    control,
    setValue,
    onSubmit,
    message,
    fieldError,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema,
    defaultValues: empty(false),
    submit: (values) => action(toFormData({ ...values, ticketId, status: values.internal ? undefined : values.status })),
    onSuccess: async (_data, values) => {
      await onSent();
      reset(empty(!!values.internal));
    },
    refresh: false,
  });
  const chosen = useWatch({ control, name: "attachments" }) as FileList | undefined;
  const bodyError = fieldError(errors.body);
  const filesError = fieldError(errors.attachments as never);
  const statusError = fieldError(errors.status as never);
  const { ref: bodyRef, ...bodyField } = register("body");

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
          ref={(el) => {
            bodyRef(el);
            textarea.current = el;
          }}
        />
      </Field>
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
