"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { SelectField } from "@/components/ui/select-field";

type Option = { value: string; label: string };
export type UpdateAction = (input: Record<string, unknown>) => Promise<ActionResult<{ changed: number }>>;
export type RateAction = (input: Record<string, unknown>) => Promise<ActionResult<null>>;

/** Staff panel: status, priority, department, assignee — one save, every change recorded. */
export function TicketManageForm({
  ticketId,
  current,
  statuses,
  priorities,
  departments,
  assignees,
  copy,
  action,
  onSaved,
}: {
  ticketId: string;
  current: { status: string; priority: string; departmentId: string; assigneeId: string };
  statuses: Option[];
  priorities: Option[];
  departments: Option[];
  assignees: Option[];
  copy: { title: string; status: string; priority: string; department: string; assignee: string; unassigned: string; save: string; saving: string; saved: string };
  action: UpdateAction;
  /** After a save: the page fetches the ticket again. */
  onSaved: () => Promise<void>;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [values, setValues] = useState(current);
  // The ticket as this form last saw it: when it changes (this save, someone else's, a department
  // move that dropped the assignee) the choices start from it again, so no stale value is re-sent.
  const [seen, setSeen] = useState(current);
  if ((Object.keys(current) as (keyof typeof current)[]).some((k) => current[k] !== seen[k])) {
    setSeen(current);
    setValues(current);
  }
  const field = (name: keyof typeof values, label: string, options: Option[]) => (
    <SelectField look="panel" id={`manage-${name}`} label={label} options={options} value={values[name]} onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
  );
  return (
    <form
      aria-label={copy.title}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setMessage(null);
        start(async () => {
          const input: Record<string, unknown> = { ticketId };
          for (const key of Object.keys(values) as (keyof typeof values)[]) if (values[key] !== current[key]) input[key] = values[key];
          const result = await action(input);
          if (result.ok) {
            await onSaved();
            setMessage({ ok: true, text: copy.saved });
          } else {
            setMessage({ ok: false, text: Object.values(result.fieldErrors ?? {})[0] ?? result.formError ?? "" });
          }
        });
      }}
    >
      <h2 className="font-semibold">{copy.title}</h2>
      {field("status", copy.status, statuses)}
      {field("priority", copy.priority, priorities)}
      {field("departmentId", copy.department, departments)}
      {field("assigneeId", copy.assignee, [{ value: "", label: copy.unassigned }, ...assignees])}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
        {pending ? copy.saving : copy.save}
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-700"}>
          {message.text}
        </p>
      )}
    </form>
  );
}

/** A client's buttons: resolve / close / reopen, as the ticket settings allow. */
export function TicketStatusButtons({ ticketId, buttons, action, onSaved }: { ticketId: string; buttons: { status: string; label: string }[]; action: UpdateAction; onSaved: () => Promise<void> }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap gap-2">
      {buttons.map((b) => (
        <button
          key={b.status}
          type="button"
          disabled={pending}
          className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800 disabled:opacity-60"
          onClick={() =>
            start(async () => {
              const result = await action({ ticketId, status: b.status });
              if (result.ok) await onSaved();
              else setError(result.formError ?? "");
            })
          }
        >
          {b.label}
        </button>
      ))}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

/** 1–5 stars and an optional comment, once the ticket is resolved. */
export function RatingForm({
  ticketId,
  copy,
  action,
  onSaved,
}: {
  ticketId: string;
  copy: { title: string; comment: string; submit: string; stars: string[] };
  action: RateAction;
  onSaved: () => Promise<void>;
}) {
  const [pending, start] = useTransition();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await action({ ticketId, rating, comment });
          if (result.ok) await onSaved();
          else setError(Object.values(result.fieldErrors ?? {})[0] ?? result.formError ?? "");
        });
      }}
    >
      <fieldset>
        <legend className="font-semibold">{copy.title}</legend>
        <div className="mt-1 flex gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1 text-sm">
              <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
              <span aria-label={copy.stars[n - 1]}>{"★".repeat(n)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="rating-comment" className="block text-sm">
        {copy.comment}
      </label>
      <textarea id="rating-comment" rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} className="w-full rounded border border-slate-400 px-2 py-1" />
      <button type="submit" disabled={pending || rating === 0} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
        {copy.submit}
      </button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </form>
  );
}
