"use client";

import type { ActionResult } from "@/lib/actions/action";
import { setUserPasswordSchema } from "@/lib/validation/users";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { useActionForm } from "@/components/ui/use-action-form";

/** An admin sets a new password for a user (their sessions end). */
export function SetPasswordForm({
  userId,
  action,
  copy,
}: {
  userId: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  copy: { title: string; password: string; hint: string; submit: string; done: string };
}) {
  const { register, reset, formState, onSubmit, message, fieldError } = useActionForm({
    schema: setUserPasswordSchema,
    defaultValues: { id: userId, password: "" },
    submit: action,
    onSuccess: (): void => reset({ id: userId, password: "" }),
    saved: copy.done,
    refresh: false,
  });
  const err = fieldError(formState.errors.password);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{copy.title}</h2>
      <FormAlert message={message} />
      <Field id="new-password" label={copy.password} error={err} hint={copy.hint}>
        <input {...describedBy("new-password", err, copy.hint)} type="password" autoComplete="new-password" className={inputClass} {...register("password")} />
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}
