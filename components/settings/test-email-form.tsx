"use client";

import type { ActionResult } from "@/lib/actions/action";
import { testEmailSchema } from "@/lib/validation/email";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { useActionForm } from "@/components/ui/use-action-form";

/** "Kirim e-mail uji": queues a test mail to the address typed (the Super Admin's own by default). */
export function TestEmailForm({ action, defaultTo, copy }: { action: (input: unknown) => Promise<ActionResult<unknown>>; defaultTo: string; copy: Record<string, string> }) {
  const { register, onSubmit, message, fieldError, formState } = useActionForm({
    schema: testEmailSchema,
    defaultValues: { to: defaultTo },
    submit: action,
    saved: copy.testQueued!,
  });
  const toError = fieldError(formState.errors.to);
  return (
    <form noValidate className="flex max-w-xl flex-wrap items-end gap-2" onSubmit={onSubmit}>
      <div className="w-full">
        <FormAlert message={message} />
      </div>
      <div className="grow">
        <Field id="test-email-to" label={copy.testTo!} error={toError}>
          <input {...describedBy("test-email-to", toError)} type="email" className={inputClass} {...register("to")} />
        </Field>
      </div>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.testSend}
      </button>
    </form>
  );
}
