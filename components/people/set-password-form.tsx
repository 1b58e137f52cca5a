"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/lib/actions/action";
import { setUserPasswordSchema } from "@/lib/validation/users";
import { applyActionErrors, buttonClass, describedBy, Field, FormAlert, inputClass, useErrorText } from "@/components/ui/form-controls";

type Values = { id: string; password: string };

/** An admin sets a new password for a user (their sessions end). */
export function SetPasswordForm({
  userId,
  action,
  copy,
}: {
  userId: string;
  action: (input: Values) => Promise<ActionResult<unknown>>;
  copy: { title: string; password: string; hint: string; submit: string; done: string };
}) {
  const errorText = useErrorText();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(setUserPasswordSchema),
    defaultValues: { id: userId, password: "" },
  });
  const err = errorText(formState.errors.password);
  const onSubmit = handleSubmit(async (values) => {
    const result = await action(values);
    if (result.ok) {
      reset({ id: userId, password: "" });
      setMessage({ text: copy.done, tone: "success" });
    } else {
      const formError = applyActionErrors(result, setError);
      setMessage(formError ? { text: formError, tone: "error" } : null);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{copy.title}</h2>
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      <Field id="new-password" label={copy.password} error={err} hint={copy.hint}>
        <input {...describedBy("new-password", err, copy.hint)} type="password" autoComplete="new-password" className={inputClass} {...register("password")} />
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}
