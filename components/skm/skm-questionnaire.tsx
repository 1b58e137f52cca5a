"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import type { SkmForm } from "@/lib/dal/skm";
import { buttonClass, describedBy, Field, FormAlert, inputClass, type FormMessage } from "@/components/ui/form-controls";
import { SelectField, type SelectOption } from "@/components/ui/select-field";

export type SkmSubmit = (input: unknown) => Promise<ActionResult<null>>;

export type SkmFormCopy = {
  title: string;
  intro: string;
  skipHint: string;
  profile: string;
  profileHint: string;
  gender: string;
  age: string;
  education: string;
  occupation: string;
  choose: string;
  suggestion: string;
  submit: string;
  sending: string;
  thanks: string;
  genders: SelectOption[];
  educations: SelectOption[];
  occupations: SelectOption[];
};

/**
 * The questionnaire: each element the unit rates, four levels in the period's wording (an element may
 * be left unanswered), then the optional profile and a suggestion. Copy arrives as props so the same
 * form serves the ticket page and the public page behind the mailed link.
 */
export function SkmQuestionnaire({ form, copy, submit, hidden, onDone }: { form: SkmForm; copy: SkmFormCopy; submit: SkmSubmit; hidden: Record<string, string>; onDone?: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="skm-thanks">
        {copy.thanks}
      </p>
    );
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    const data = Object.fromEntries(new FormData(event.currentTarget).entries());
    try {
      const result = await submit({ ...data, ...hidden });
      if (result.ok) {
        setDone(true);
        onDone?.();
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.formError ? { text: result.formError, tone: "error" } : null);
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="skm-form" aria-labelledby="skm-title">
      <div>
        <h2 id="skm-title" className="text-lg font-semibold">
          {copy.title}
        </h2>
        <p className="text-sm text-slate-700">{copy.intro}</p>
        <p className="text-xs text-slate-600">{copy.skipHint}</p>
      </div>
      <FormAlert message={message} />
      <ol className="space-y-3">
        {form.elements.map((element, i) => (
          <li key={element.code}>
            <fieldset aria-describedby={errors[element.code] ? `skm-${element.code}-error` : undefined}>
              <legend className="text-sm font-medium">
                {i + 1}. {element.question}
              </legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-4">
                {element.levels.map((level, l) => (
                  <label key={l} className="flex items-start gap-2 rounded border border-slate-200 px-2 py-1 text-sm">
                    <input type="radio" name={element.code} value={String(l + 1)} />
                    <span>
                      {level} <span className="text-slate-500">({l + 1})</span>
                    </span>
                  </label>
                ))}
              </div>
              {errors[element.code] && (
                <p id={`skm-${element.code}-error`} className="mt-1 text-sm text-red-700">
                  {errors[element.code]}
                </p>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="text-sm font-semibold">{copy.profile}</legend>
        <p className="text-xs text-slate-600 sm:col-span-2">{copy.profileHint}</p>
        <SelectField id="skm-gender" name="gender" label={copy.gender} options={copy.genders} placeholder={copy.choose} error={errors.gender} defaultValue="" />
        <Field id="skm-age" label={copy.age} error={errors.age}>
          <input {...describedBy("skm-age", errors.age)} name="age" type="number" min={15} max={100} inputMode="numeric" className={inputClass} />
        </Field>
        <SelectField id="skm-education" name="education" label={copy.education} options={copy.educations} placeholder={copy.choose} error={errors.education} defaultValue="" />
        <SelectField id="skm-occupation" name="occupation" label={copy.occupation} options={copy.occupations} placeholder={copy.choose} error={errors.occupation} defaultValue="" />
      </fieldset>
      <Field id="skm-suggestion" label={copy.suggestion} error={errors.suggestion}>
        <textarea {...describedBy("skm-suggestion", errors.suggestion)} name="suggestion" rows={3} maxLength={2000} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? copy.sending : copy.submit}
      </button>
    </form>
  );
}
