"use client";
import { useRef } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import { reviewPrioritySchema } from "@/lib/validation/finding";
import { TICKET_PRIORITIES, type TicketPriority } from "@/lib/validation/tickets";
import { FormAlert } from "@/components/ui/form-controls";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";

export type ReviewPriorityAction = (input: unknown) => Promise<ActionResult<{ priority: TicketPriority }>>;

type Values = { priority: string };
const schema = reviewPrioritySchema.omit({ ticketId: true }) as never as z.ZodType<Values, Values>;

/**
 * The client's suggested priority, waiting for the staff side: confirm it in one click, or set another.
 * Either settles the suggestion; the history says who decided what. Gone once decided (the page fetches
 * the ticket again).
 */
export function PriorityReview({
  ticketId,
  current,
  suggested,
  action,
  onSaved,
}: {
  ticketId: string;
  current: TicketPriority;
  suggested: TicketPriority;
  action: ReviewPriorityAction;
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("triage");
  const tTickets = useTranslations("tickets");
  const label = (p: TicketPriority) => tTickets(`priority.${p}`);
  const others = TICKET_PRIORITIES.filter((p) => p !== suggested);
  // Which of the two buttons submitted: "confirm" sends the suggestion, "set" the chosen one.
  const confirming = useRef(true);
  const { register, onSubmit, message, fieldError, formState } = useActionForm({
    schema,
    defaultValues: { priority: others.includes(current) ? current : others[0]! },
    submit: (values) => action({ ticketId, priority: confirming.current ? suggested : values.priority }),
    onSuccess: onSaved,
    refresh: false,
  });
  return (
    <form aria-labelledby="triage-title" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4" onSubmit={onSubmit} noValidate data-testid="priority-review">
      <h2 id="triage-title" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm">
        <span className="font-medium">{tTickets("detail.suggestedPriority", { priority: label(suggested) })}</span>
        <span className="block text-slate-700">{t("current", { priority: label(current) })}</span>
      </p>
      <button
        type="submit"
        disabled={formState.isSubmitting}
        onClick={() => (confirming.current = true)}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
      >
        {formState.isSubmitting ? t("saving") : t("confirm", { priority: label(suggested) })}
      </button>
      <div className="flex flex-wrap items-end gap-2 border-t border-amber-200 pt-2">
        <SelectField look="panel" id="triage-priority" label={t("other")} options={others.map((p) => ({ value: p, label: label(p) }))} error={fieldError(formState.errors.priority)} {...register("priority")} />
        <button
          type="submit"
          onClick={() => (confirming.current = false)}
          disabled={formState.isSubmitting}
          className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800 disabled:opacity-60"
        >
          {t("set")}
        </button>
      </div>
      <FormAlert message={message} />
    </form>
  );
}
