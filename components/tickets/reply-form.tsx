"use client";

import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { replySchema, type AttachmentLimits } from "@/lib/validation/tickets";
import type { ActionResult } from "@/lib/actions/action";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { toFormData, useActionForm } from "@/components/ui/use-action-form";

export type ReplyAction = (input: FormData) => Promise<ActionResult<{ id: string }>>;
export type ReplyFormCopy = { reply: string; placeholder: string; internalNote: string; attachments: string; send: string; sending: string };

export function ReplyForm({
  ticketId,
  copy,
  limits,
  allowInternal,
  action,
  onSent,
}: {
  ticketId: string;
  copy: ReplyFormCopy;
  limits: AttachmentLimits;
  allowInternal: boolean;
  action: ReplyAction;
  /** After a reply is saved: the page fetches the ticket again. */
  onSent: () => Promise<void>;
}) {
  const schema = useMemo(() => replySchema(limits), [limits]);
  const {
    register,
    reset,
    control,
    onSubmit,
    message,
    fieldError,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema,
    defaultValues: { ticketId, body: "", internal: false },
    submit: (values) => action(toFormData({ ...values, ticketId })),
    onSuccess: async () => {
      await onSent();
      reset({ ticketId, body: "", internal: false });
    },
    refresh: false,
  });
  const chosen = useWatch({ control, name: "attachments" }) as FileList | undefined;
  const bodyError = fieldError(errors.body);
  const filesError = fieldError(errors.attachments as never);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert message={message} />
      <Field id="reply-body" label={copy.reply} error={bodyError}>
        <textarea {...describedBy("reply-body", bodyError)} rows={5} placeholder={copy.placeholder} className={inputClass} {...register("body")} />
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
      {allowInternal && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("internal")} /> {copy.internalNote}
        </label>
      )}
      <button type="submit" disabled={isSubmitting} className={buttonClass}>
        {isSubmitting ? copy.sending : copy.send}
      </button>
    </form>
  );
}
