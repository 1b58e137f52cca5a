"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { RecaptchaWidget } from "./recaptcha-widget";

export type ContactFormCopy = {
  name: string;
  email: string;
  phone: string;
  agency: string;
  subject: string;
  message: string;
  optional: string;
  submit: string;
  submitting: string;
  sent: string;
  honeypot: string;
};

type Props = {
  copy: ContactFormCopy;
  formToken: string;
  recaptchaSiteKey: string | null;
  language: string;
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

const FIELDS = [
  { name: "name", type: "text", autoComplete: "name", required: true, max: 100 },
  { name: "email", type: "email", autoComplete: "email", required: true, max: 254 },
  { name: "phone", type: "tel", autoComplete: "tel", required: false, max: 30 },
  { name: "agency", type: "text", autoComplete: "organization", required: false, max: 200 },
  { name: "subject", type: "text", autoComplete: "off", required: true, max: 200 },
] as const;

/**
 * A plain form posting to a server action: without JavaScript the browser submits it and the
 * server renders the result; with JavaScript React keeps the typed values and shows errors inline.
 */
export function ContactForm({ copy, formToken, recaptchaSiteKey, language, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const sent = state?.ok === true;

  return (
    <form action={formAction} className="space-y-4" noValidate key={sent ? "sent" : "form"}>
      {sent && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          {copy.sent}
        </p>
      )}
      {state && !state.ok && state.formError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {state.formError}
        </p>
      )}
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={`contact-${f.name}`} className="block text-sm font-medium">
            {copy[f.name]} {!f.required && <span className="font-normal text-slate-600">({copy.optional})</span>}
          </label>
          <input
            id={`contact-${f.name}`}
            name={f.name}
            type={f.type}
            autoComplete={f.autoComplete}
            required={f.required}
            maxLength={f.max}
            aria-invalid={!!errors[f.name]}
            aria-describedby={errors[f.name] ? `contact-${f.name}-error` : undefined}
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          />
          {errors[f.name] && (
            <p id={`contact-${f.name}-error`} className="mt-1 text-sm text-red-700">
              {errors[f.name]}
            </p>
          )}
        </div>
      ))}
      <div>
        <label htmlFor="contact-message" className="block text-sm font-medium">
          {copy.message}
        </label>
        <textarea
          id="contact-message"
          name="message"
          required
          rows={6}
          maxLength={10_000}
          aria-invalid={!!errors.message}
          aria-describedby={errors.message ? "contact-message-error" : undefined}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
        {errors.message && (
          <p id="contact-message-error" className="mt-1 text-sm text-red-700">
            {errors.message}
          </p>
        )}
      </div>
      {/* Honeypot: invisible to people and screen readers, tempting to bots. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="contact-website">{copy.honeypot}</label>
        <input id="contact-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <input type="hidden" name="formToken" value={formToken} />
      {recaptchaSiteKey && <RecaptchaWidget siteKey={recaptchaSiteKey} language={language} />}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? copy.submitting : copy.submit}
      </button>
    </form>
  );
}
