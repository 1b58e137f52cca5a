"use client";

import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import { mailPreferencesSchema } from "@/lib/validation/email";
import { buttonClass, FormAlert, inputClass } from "@/components/ui/form-controls";
import { useActionForm } from "@/components/ui/use-action-form";

type Input = { locale: "id" | "en"; enabled: string[] };

/** One checkbox per mail the user's role can receive (all on by default), and the mails' language. */
export function MailPreferencesForm({
  initial,
  kinds,
  action,
  copy,
}: {
  initial: Input;
  kinds: string[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  copy: Record<string, string>;
}) {
  const { register, onSubmit, message, formState } = useActionForm({
    schema: mailPreferencesSchema as never as z.ZodType<Input, Input>,
    defaultValues: initial,
    submit: action,
    saved: copy.saved!,
  });
  return (
    <form className="max-w-2xl space-y-4" onSubmit={onSubmit} noValidate>
      <FormAlert message={message} />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{copy.legend}</legend>
        {kinds.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={k} {...register("enabled")} /> {copy[k]}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="mail-locale" className="block text-sm font-medium">
          {copy.locale}
        </label>
        <select id="mail-locale" className={`${inputClass} max-w-xs`} {...register("locale")}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </div>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}
