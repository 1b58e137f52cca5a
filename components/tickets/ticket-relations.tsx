"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import type { MergeCandidate, TicketRelations } from "@/lib/dal/tickets/relations";
import { findMergeTargetSchema, linkTicketSchema } from "@/lib/validation/ticket-relations";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { useActionForm } from "@/components/ui/use-action-form";

type Action<T> = (input: unknown) => Promise<ActionResult<T>>;
export type RelationActions = {
  findMergeTarget: Action<MergeCandidate>;
  merge: Action<{ number: string }>;
  link: Action<{ number: string }>;
  unlink: Action<null>;
};

const ticketHref = (number: string) => `/dashboard/tickets/${encodeURIComponent(number)}`;
const smallButton = "rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";

/** Where a merged ticket went: a link when the user may open it, its number otherwise. */
export function MergedPointer({ mergedInto }: { mergedInto: NonNullable<TicketRelations["mergedInto"]> }) {
  const t = useTranslations("ticketRelations");
  return (
    <p className="rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm" data-testid="merged-pointer" role="note">
      {t.rich("mergedInto", {
        number: () => (mergedInto.visible ? <Link href={ticketHref(mergedInto.number)} className="font-semibold text-brand-800 underline">{mergedInto.number}</Link> : <strong>{mergedInto.number}</strong>),
      })}{" "}
      {t("mergedIntoHint")}
    </p>
  );
}

/** The sidebar's block: the merge pointer, linked tickets (with link / unlink), and "Gabungkan". */
export function TicketRelationsPanel({
  ticket,
  relations,
  actions,
  onChanged,
}: {
  ticket: { id: string; number: string; subject: string };
  relations: TicketRelations;
  actions: RelationActions;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations("ticketRelations");
  const showLinks = relations.can.link || relations.links.length > 0;
  if (!showLinks && !relations.can.merge && !relations.mergedInto) return null;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="ticket-relations">
      {relations.mergedInto && <MergedPointer mergedInto={relations.mergedInto} />}
      {showLinks && (
        <section aria-labelledby="related-tickets" className="space-y-2">
          <h2 id="related-tickets" className="font-semibold">{t("title")}</h2>
          {relations.links.length === 0 ? (
            <p className="text-sm text-slate-600">{t("none")}</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="linked-tickets">
              {relations.links.map((l) => (
                <li key={l.id} className="flex flex-wrap items-start justify-between gap-2">
                  <span>
                    {t.rich("linkedWith", { number: () => <Link href={ticketHref(l.number)} className="font-medium text-brand-800 underline">{l.number}</Link> })}
                    <span className="block text-xs text-slate-600">{l.subject}</span>
                  </span>
                  {relations.can.link && <UnlinkButton ticketId={ticket.id} other={l} action={actions.unlink} onDone={onChanged} />}
                </li>
              ))}
            </ul>
          )}
          {relations.linkCount > relations.links.length && <p className="text-xs text-slate-600">{t("more", { count: relations.linkCount - relations.links.length })}</p>}
          {relations.can.link && <LinkForm ticketId={ticket.id} action={actions.link} onDone={onChanged} />}
        </section>
      )}
      {relations.can.merge && <MergeDialog ticket={ticket} actions={actions} onDone={onChanged} />}
    </div>
  );
}

function UnlinkButton({ ticketId, other, action, onDone }: { ticketId: string; other: { id: string; number: string }; action: RelationActions["unlink"]; onDone: () => Promise<void> }) {
  const t = useTranslations("ticketRelations");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        disabled={pending}
        className={smallButton}
        aria-label={t("unlinkLabel", { number: other.number })}
        onClick={() =>
          start(async () => {
            const result = await action({ ticketId, otherId: other.id });
            if (result.ok) await onDone();
            else setError(result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? "");
          })
        }
      >
        {t("unlink")}
      </button>
      {error && <span role="alert" className="mt-1 text-xs text-red-700">{error}</span>}
    </span>
  );
}

function LinkForm({ ticketId, action, onDone }: { ticketId: string; action: RelationActions["link"]; onDone: () => Promise<void> }) {
  const t = useTranslations("ticketRelations");
  const { register, reset, onSubmit, message, fieldError, formState } = useActionForm({
    schema: linkTicketSchema,
    defaultValues: { ticketId, target: "" },
    submit: (values) => action(values),
    onSuccess: async () => {
      reset({ ticketId, target: "" });
      await onDone();
    },
    refresh: false,
  });
  const err = fieldError(formState.errors.target);
  const id = `link-target-${ticketId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <FormAlert message={message} />
      <Field id={id} label={t("linkLabel")} error={err} hint={t("numberHint")}>
        <input {...describedBy(id, err, t("numberHint"))} className={inputClass} autoComplete="off" {...register("target")} />
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className={smallButton}>
        {formState.isSubmitting ? t("linking") : t("link")}
      </button>
    </form>
  );
}

/**
 * "Gabungkan": type the number of the ticket that stays, see both subjects, confirm. The first step
 * asks the server (the same checks as the merge), so a wrong number is said at the field before anything changes.
 */
function MergeDialog({ ticket, actions, onDone }: { ticket: { id: string; number: string; subject: string }; actions: RelationActions; onDone: () => Promise<void> }) {
  const t = useTranslations("ticketRelations");
  const [open, setOpen] = useState(false);
  const [candidate, setCandidate] = useState<MergeCandidate | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [merging, startMerge] = useTransition();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const { register, reset, setFocus, onSubmit, message, setMessage, fieldError, formState } = useActionForm({
    schema: findMergeTargetSchema,
    defaultValues: { sourceId: ticket.id, target: "" },
    submit: (values) => actions.findMergeTarget(values),
    onSuccess: (data) => setCandidate(data),
    refresh: false,
  });
  useEffect(() => {
    if (open && !candidate) setFocus("target");
  }, [open, candidate, setFocus]);

  const close = () => {
    setOpen(false);
    setCandidate(null);
    setConfirmError(null);
    setMessage(null);
    reset({ sourceId: ticket.id, target: "" });
    triggerRef.current?.focus();
  };
  const confirm = () =>
    startMerge(async () => {
      if (!candidate) return;
      setConfirmError(null);
      const result = await actions.merge({ sourceId: ticket.id, targetId: candidate.id });
      if (!result.ok) {
        setConfirmError(result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? "");
        return;
      }
      setOpen(false);
      setCandidate(null);
      await onDone();
    });

  const err = fieldError(formState.errors.target);
  const titleId = `merge-title-${ticket.id}`;
  const inputId = `merge-target-${ticket.id}`;
  return (
    <>
      <button ref={triggerRef} type="button" onClick={() => setOpen(true)} className={smallButton}>
        {t("merge")}
      </button>
      {open && (
        <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-4" onKeyDown={(e) => e.key === "Escape" && close()}>
          <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="w-full max-w-md rounded-lg bg-white shadow-xl">
            <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
              <h2 id={titleId} className="text-lg font-semibold">{t("mergeTitle", { number: ticket.number })}</h2>
              <button type="button" onClick={close} aria-label={t("close")} className="text-2xl leading-none text-slate-500 hover:text-slate-800">
                ×
              </button>
            </div>
            {candidate ? (
              <div className="space-y-4 px-5 py-4" data-testid="merge-confirm">
                <p className="text-sm">{t("confirmIntro")}</p>
                <dl className="space-y-2 text-sm">
                  <div className="rounded border border-slate-200 p-2">
                    <dt className="text-xs text-slate-600">{t("source")}</dt>
                    <dd><span className="font-mono">{candidate.source.number}</span> — {candidate.source.subject}</dd>
                  </div>
                  <div className="rounded border border-brand-700 p-2">
                    <dt className="text-xs text-slate-600">{t("target")}</dt>
                    <dd><span className="font-mono">{candidate.number}</span> — {candidate.subject}</dd>
                  </div>
                </dl>
                <p className="text-sm text-slate-700">{t("confirmEffects", { source: candidate.source.number, target: candidate.number })}</p>
                {confirmError && <FormAlert message={confirmError} />}
                <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
                  <button type="button" onClick={() => setCandidate(null)} className="rounded border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">
                    {t("back")}
                  </button>
                  <button type="button" onClick={confirm} disabled={merging} className={buttonClass}>
                    {merging ? t("merging") : t("confirm")}
                  </button>
                </div>
              </div>
            ) : (
              <form onSubmit={onSubmit} noValidate className="space-y-4 px-5 py-4">
                <FormAlert message={message} />
                <p className="text-sm text-slate-700">{t("mergeIntro", { number: ticket.number })}</p>
                <Field id={inputId} label={t("targetLabel")} error={err} hint={t("numberHint")}>
                  <input {...describedBy(inputId, err, t("numberHint"))} className={inputClass} autoComplete="off" {...register("target")} />
                </Field>
                <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
                  <button type="button" onClick={close} className="rounded border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">
                    {t("cancel")}
                  </button>
                  <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
                    {t("find")}
                  </button>
                </div>
              </form>
            )}
          </div>
        </div>
      )}
    </>
  );
}

/** On a message (or description) that came from a ticket merged into this one. */
export function MergedFromBadge({ number }: { number: string }) {
  const t = useTranslations("ticketRelations");
  return (
    <span className="ml-2 rounded bg-sky-100 px-1.5 text-xs text-sky-900" data-testid="merged-from">
      {t("fromTicket", { number })}
    </span>
  );
}
