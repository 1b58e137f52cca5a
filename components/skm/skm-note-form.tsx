"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { buttonClass, describedBy, Field, FormAlert, inputClass, type FormMessage } from "@/components/ui/form-controls";

export type SkmNoteAction = (input: unknown) => Promise<ActionResult<null>>;

/** The report's analysis and rencana tindak lanjut: saved per period and scope, printed with the report. */
export function SkmNoteForm({
  action,
  period,
  scope,
  initial,
  copy,
}: {
  action: SkmNoteAction;
  period: string;
  scope: string;
  initial: { analysis: string; followUp: string };
  copy: { analysis: string; followUp: string; save: string; saved: string };
}) {
  const [message, setMessage] = useState<FormMessage>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const data = Object.fromEntries(new FormData(event.currentTarget).entries());
    const result = await action({ ...data, period, scope }).finally(() => setPending(false));
    setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    setMessage(result.ok ? { text: copy.saved, tone: "success" } : result.formError ? { text: result.formError, tone: "error" } : null);
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="skm-note-form">
      <FormAlert message={message} />
      <Field id="skm-analysis" label={copy.analysis} error={errors.analysis}>
        <textarea {...describedBy("skm-analysis", errors.analysis)} name="analysis" rows={4} maxLength={10000} defaultValue={initial.analysis} className={inputClass} />
      </Field>
      <Field id="skm-follow-up" label={copy.followUp} error={errors.followUp}>
        <textarea {...describedBy("skm-follow-up", errors.followUp)} name="followUp" rows={4} maxLength={10000} defaultValue={initial.followUp} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>
        {copy.save}
      </button>
    </form>
  );
}
