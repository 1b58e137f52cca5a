"use client";

import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import { rateTicketSchema, takeTicketSchema, updateTicketSchema } from "@/lib/validation/tickets";
import { FormAlert } from "@/components/ui/form-controls";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";

type Option = { value: string; label: string };
export type UpdateAction = (input: unknown) => Promise<ActionResult<{ changed: number }>>;
export type RateAction = (input: unknown) => Promise<ActionResult<null>>;
export type TakeAction = (input: unknown) => Promise<ActionResult<{ changed: number }>>;

type ManageValues = { status: string; priority: string; departmentId: string; assigneeId: string };
// The panel sends only what changed, with the ticket's id: the action's schema without the id checks the fields.
const manageSchema = updateTicketSchema.omit({ ticketId: true }) as never as z.ZodType<ManageValues, ManageValues>;
const MANAGE_FIELDS = ["status", "priority", "departmentId", "assigneeId"] as const;

/**
 * Staff panel: status, priority, department, assignee — one save, every change recorded. When the
 * ticket is fetched again (this save, someone else's change, a department move that dropped the
 * assignee), the fields this user has not touched show the ticket as it is now; a field they changed
 * keeps their choice until it is saved. Only fields that differ from the ticket are sent.
 */
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
  current: ManageValues;
  statuses: Option[];
  priorities: Option[];
  departments: Option[];
  assignees: Option[];
  copy: { title: string; status: string; priority: string; department: string; assignee: string; unassigned: string; save: string; saving: string; saved: string };
  action: UpdateAction;
  /** After a save: the page fetches the ticket again. */
  onSaved: () => Promise<void>;
}) {
  const { register, reset, getValues, onSubmit, message, fieldError, formState } = useActionForm({
    schema: manageSchema,
    defaultValues: current,
    values: current,
    submit: (values) => {
      const changed = MANAGE_FIELDS.filter((k) => values[k] !== current[k]);
      return action({ ticketId, ...Object.fromEntries(changed.map((k) => [k, values[k]])) });
    },
    onSuccess: async () => {
      await onSaved();
      // Everything chosen is saved: from now on every field follows the ticket again.
      reset(getValues(), { keepDirtyValues: false });
    },
    saved: copy.saved,
    refresh: false,
  });
  const field = (name: keyof ManageValues, label: string, options: Option[]) => (
    <SelectField look="panel" id={`manage-${name}`} label={label} options={options} error={fieldError(formState.errors[name])} {...register(name)} />
  );
  return (
    <form aria-label={copy.title} className="space-y-3" onSubmit={onSubmit} noValidate>
      <h2 className="font-semibold">{copy.title}</h2>
      {field("status", copy.status, statuses)}
      {field("priority", copy.priority, priorities)}
      {field("departmentId", copy.department, departments)}
      {field("assigneeId", copy.assignee, [{ value: "", label: copy.unassigned }, ...assignees])}
      <button type="submit" disabled={formState.isSubmitting} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
        {formState.isSubmitting ? copy.saving : copy.save}
      </button>
      <FormAlert message={message} />
    </form>
  );
}

type StatusValues = { status: string };
const statusSchema = updateTicketSchema.pick({ status: true }) as never as z.ZodType<StatusValues, StatusValues>;

/** A client's buttons: resolve / close / reopen, as the ticket settings allow. */
export function TicketStatusButtons({ ticketId, buttons, action, onSaved }: { ticketId: string; buttons: { status: string; label: string }[]; action: UpdateAction; onSaved: () => Promise<void> }) {
  const { setValue, onSubmit, message, fieldError, formState } = useActionForm({
    schema: statusSchema,
    defaultValues: { status: "" },
    submit: (values) => action({ ticketId, status: values.status }),
    onSuccess: onSaved,
    refresh: false,
  });
  return (
    <form className="flex flex-wrap gap-2" onSubmit={onSubmit} noValidate>
      {buttons.map((b) => (
        <button
          key={b.status}
          type="submit"
          disabled={formState.isSubmitting}
          className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800 disabled:opacity-60"
          onClick={() => setValue("status", b.status)}
        >
          {b.label}
        </button>
      ))}
      <FormAlert message={message ?? fieldError(formState.errors.status) ?? null} />
    </form>
  );
}

const takeSchema = takeTicketSchema.omit({ ticketId: true });

/**
 * "Ambil": assign the ticket to oneself in one click. `data-action="take"` is the keyboard
 * shortcut's hook (`a`); the page fetches the ticket again afterwards, which hides the button.
 */
export function TakeButton({ ticketId, copy, action, onSaved }: { ticketId: string; copy: { take: string; taking: string; hint: string }; action: TakeAction; onSaved: () => Promise<void> }) {
  const { onSubmit, message, formState } = useActionForm({
    schema: takeSchema,
    defaultValues: {},
    submit: () => action({ ticketId }),
    onSuccess: onSaved,
    refresh: false,
  });
  return (
    <form className="ml-2 inline" onSubmit={onSubmit} noValidate>
      <button
        type="submit"
        data-action="take"
        title={copy.hint}
        disabled={formState.isSubmitting}
        className="rounded border border-brand-700 px-2 py-0.5 text-xs font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60"
      >
        {formState.isSubmitting ? copy.taking : copy.take}
      </button>
      <FormAlert message={message} />
    </form>
  );
}

type RatingValues = { rating: string; comment: string };
const ratingSchema = rateTicketSchema.omit({ ticketId: true }) as never as z.ZodType<RatingValues, RatingValues>;

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
  const { register, watch, onSubmit, message, fieldError, formState } = useActionForm({
    schema: ratingSchema,
    defaultValues: { rating: "", comment: "" },
    submit: (values) => action({ ticketId, ...values }),
    onSuccess: onSaved,
    refresh: false,
  });
  const ratingError = fieldError(formState.errors.rating);
  const commentError = fieldError(formState.errors.comment);
  return (
    <form className="space-y-2" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend className="font-semibold">{copy.title}</legend>
        <div className="mt-1 flex gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1 text-sm">
              <input type="radio" value={String(n)} {...register("rating")} />
              <span aria-label={copy.stars[n - 1]}>{"★".repeat(n)}</span>
            </label>
          ))}
        </div>
        {ratingError && <p className="text-sm text-red-700">{ratingError}</p>}
      </fieldset>
      <label htmlFor="rating-comment" className="block text-sm">
        {copy.comment}
      </label>
      <textarea id="rating-comment" rows={2} maxLength={2000} aria-invalid={!!commentError} className="w-full rounded border border-slate-400 px-2 py-1" {...register("comment")} />
      {commentError && <p className="text-sm text-red-700">{commentError}</p>}
      <button type="submit" disabled={formState.isSubmitting || !watch("rating")} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
        {copy.submit}
      </button>
      <FormAlert message={message} />
    </form>
  );
}
