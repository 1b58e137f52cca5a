"use client";

import type { z } from "zod";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import type { TicketPageView } from "@/lib/views/ticket-page";
import { ticketFollowerSchema } from "@/lib/validation/followers";
import { FormAlert } from "@/components/ui/form-controls";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";

export type FollowerAction = (input: unknown) => Promise<ActionResult<null>>;
export type FollowerActions = { add: FollowerAction; remove: FollowerAction };

type PersonValues = { userId: string };
const personSchema = ticketFollowerSchema.omit({ ticketId: true }) as never as z.ZodType<PersonValues, PersonValues>;
const noFieldsSchema = ticketFollowerSchema.pick({}) as never as z.ZodType<object, object>;

/**
 * The ticket's followers in the sidebar: who follows, "Ikuti tiket ini" / "Berhenti mengikuti" for
 * oneself, and for the staff side adding and removing others. The page fetches the ticket again
 * after each change.
 */
export function TicketFollowers({
  ticketId,
  followers,
  actions,
  onChanged,
}: {
  ticketId: string;
  followers: TicketPageView["followers"];
  actions: FollowerActions;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations("followers");
  const { list, me, following, canManage, candidates } = followers;
  if (!canManage && !following) return null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="followers-title" data-testid="ticket-followers">
      <h2 id="followers-title" className="font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-xs text-slate-600">{t("hint")}</p>
      {list.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm" data-testid="follower-list">
          {list.map((f) => (
            <li key={f.id} className="flex items-center justify-between gap-2">
              <span>
                {f.name} <span className="text-xs text-slate-600">({f.role})</span>
              </span>
              {canManage && f.id !== me && (
                <OneClick ticketId={ticketId} userId={f.id} action={actions.remove} onDone={onChanged} label={t("remove")} ariaLabel={t("removeLabel", { name: f.name })} />
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3">
        {following ? (
          <OneClick ticketId={ticketId} userId={me} action={actions.remove} onDone={onChanged} label={t("unfollow")} testId="unfollow" />
        ) : (
          canManage && <OneClick ticketId={ticketId} userId={me} action={actions.add} onDone={onChanged} label={t("follow")} testId="follow" />
        )}
      </div>
      {canManage && candidates.length > 0 && (
        <AddFollowerForm ticketId={ticketId} candidates={candidates} action={actions.add} onDone={onChanged} />
      )}
    </section>
  );
}

/** One button for one person (follow, unfollow, remove); a refusal shows beside it. */
function OneClick({
  ticketId,
  userId,
  action,
  onDone,
  label,
  ariaLabel,
  testId,
}: {
  ticketId: string;
  userId: string;
  action: FollowerAction;
  onDone: () => Promise<void>;
  label: string;
  ariaLabel?: string;
  testId?: string;
}) {
  const { onSubmit, message, formState } = useActionForm({
    schema: noFieldsSchema,
    defaultValues: {},
    submit: () => action({ ticketId, userId }),
    onSuccess: onDone,
    refresh: false,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="inline">
      <button
        type="submit"
        disabled={formState.isSubmitting}
        aria-label={ariaLabel}
        data-testid={testId}
        className="rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {label}
      </button>
      <FormAlert message={message} />
    </form>
  );
}

function AddFollowerForm({
  ticketId,
  candidates,
  action,
  onDone,
}: {
  ticketId: string;
  candidates: { value: string; label: string }[];
  action: FollowerAction;
  onDone: () => Promise<void>;
}) {
  const t = useTranslations("followers");
  const { register, reset, onSubmit, message, fieldError, formState } = useActionForm({
    schema: personSchema,
    defaultValues: { userId: "" },
    submit: (values) => action({ ticketId, userId: values.userId }),
    onSuccess: async () => {
      reset({ userId: "" });
      await onDone();
    },
    saved: t("added"),
    refresh: false,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-2 border-t border-slate-200 pt-3">
      <FormAlert message={message} />
      <SelectField
        id="follower-userId"
        label={t("person")}
        options={candidates}
        placeholder={t("choose")}
        error={fieldError(formState.errors.userId)}
        {...register("userId")}
      />
      <button
        type="submit"
        disabled={formState.isSubmitting}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {formState.isSubmitting ? t("adding") : t("add")}
      </button>
    </form>
  );
}
