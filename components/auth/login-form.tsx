"use client";

import { useState, type ComponentProps } from "react";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { LOGIN_FIELD_LIMITS } from "@/lib/validation/auth-limits";

type LoginInput = { identifier: string; password: string };

export type LoginFormCopy = {
  identifier: string;
  password: string;
  submit: string;
  submitting: string;
  invalid: string;
  /** Contains "{minutes}". */
  locked: string;
  failed: string;
  /** "Wajib diisi." — the only check worth a round trip saved; the server parses with loginSchema. */
  required: string;
};

const LOCKED_PREFIX = "LOCKED:";

/**
 * Only same-origin paths, so a crafted callbackUrl cannot send the user elsewhere. Parsed the way
 * the browser will parse it: "/\t/evil.example" looks like a path but leads off-site.
 */
export function safeCallback(url: string | undefined, origin: string = window.location.origin): string {
  if (!url) return "/dashboard";
  try {
    const target = new URL(url, origin);
    return target.origin === origin ? `${target.pathname}${target.search}${target.hash}` : "/dashboard";
  } catch {
    return "/dashboard";
  }
}

/**
 * Label, input and error of the login form. Local on purpose: the shared Field pulls in the i18n
 * client runtime and zod message formatting, which the login bundle leaves out.
 */
function LoginField({ id, label, error, ...input }: ComponentProps<"input"> & { id: string; label: string; error?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function LoginForm({ copy, callbackUrl }: { copy: LoginFormCopy; callbackUrl?: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ defaultValues: { identifier: "", password: "" } });

  // The login page is the one form every user loads: plain react-hook-form rules keep zod and the
  // i18n runtime out of its bundle (Lighthouse TBT); the server still validates with loginSchema.
  const notBlank = (value: string) => value.trim().length > 0 || copy.required;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await signIn("credentials", { ...values, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(safeCallback(callbackUrl));
        return;
      }
      const error = result?.error ?? "";
      if (error.startsWith(LOCKED_PREFIX)) {
        setFormError(copy.locked.replace("{minutes}", error.slice(LOCKED_PREFIX.length)));
      } else if (error === "CredentialsSignin") {
        setFormError(copy.invalid);
      } else {
        setFormError(copy.failed);
      }
    } catch {
      setFormError(copy.failed);
    }
  });

  const identifierError = errors.identifier?.message;
  const passwordError = errors.password?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      <LoginField
        id="identifier"
        label={copy.identifier}
        error={identifierError}
        autoComplete="username"
        autoCapitalize="none"
        maxLength={LOGIN_FIELD_LIMITS.identifierMax}
        {...register("identifier", { validate: notBlank })}
      />
      <LoginField
        id="password"
        label={copy.password}
        error={passwordError}
        type="password"
        autoComplete="current-password"
        maxLength={LOGIN_FIELD_LIMITS.passwordMax}
        {...register("password", { validate: notBlank })}
      />
      <button
        type="submit"
        disabled={isSubmitting}
        className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {isSubmitting ? copy.submitting : copy.submit}
      </button>
    </form>
  );
}
