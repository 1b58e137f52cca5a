"use client";

import { useActionState } from "react";
import Link from "next/link";
import type { ActionResult } from "@/lib/actions/action";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
type Copy = Record<string, string>;

/** "Lupa password?": one field; the answer never says whether the address is known. */
export function ForgotPasswordForm({ action, copy }: { action: Action; copy: Copy }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
        {copy.sent}
      </p>
    );
  }
  const error = state && !state.ok ? state.fieldErrors?.email : undefined;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormAlert message={state && !state.ok && !error ? (state.formError ?? null) : null} />
      <Field id="forgot-email" label={copy.email!} error={error}>
        <input {...describedBy("forgot-email", error)} name="email" type="email" autoComplete="email" required className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} w-full`}>
        {copy.submit}
      </button>
    </form>
  );
}

/** The page the mailed link opens: a new password twice. */
export function ResetPasswordForm({ action, token, copy }: { action: Action; token: string; copy: Copy }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          {copy.done}
        </p>
        <Link href="/login" className={`${buttonClass} block text-center`}>
          {copy.toLogin}
        </Link>
      </div>
    );
  }
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormAlert message={state && !state.ok && !fe.password && !fe.confirm ? (state.formError ?? null) : null} />
      <input type="hidden" name="token" value={token} />
      <Field id="reset-password" label={copy.password!} error={fe.password} hint={copy.hint}>
        <input {...describedBy("reset-password", fe.password, copy.hint)} name="password" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <Field id="reset-confirm" label={copy.confirm!} error={fe.confirm}>
        <input {...describedBy("reset-confirm", fe.confirm)} name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} w-full`}>
        {copy.submit}
      </button>
    </form>
  );
}
