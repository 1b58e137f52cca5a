"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/lib/actions/action";
import { changePasswordSchema, profileSchema, type ChangePasswordInput } from "@/lib/validation/users";
import { applyActionErrors, buttonClass, describedBy, Field, FormAlert, inputClass, useErrorText } from "@/components/ui/form-controls";

type Copy = Record<string, string>;
type ProfileValues = { name: string; username: string; email: string; avatar?: File };

/** Manual screen 9: Name, Username, Email, Avatar. */
export function ProfileForm({ initial, copy, action }: { initial: ProfileValues; copy: Copy; action: (input: FormData) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const { register, handleSubmit, setError, setValue, formState } = useForm<ProfileValues>({ resolver: zodResolver(profileSchema as never), defaultValues: initial });
  const onSubmit = handleSubmit(async (values) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) if (v !== undefined) fd.append(k, v instanceof File ? v : String(v));
    const result = await action(fd);
    if (result.ok) {
      setMessage({ text: copy.saved!, tone: "success" });
      router.refresh();
    } else {
      const formError = applyActionErrors(result, setError);
      setMessage(formError ? { text: formError, tone: "error" } : null);
    }
  });
  const e = { name: errorText(formState.errors.name), username: errorText(formState.errors.username), email: errorText(formState.errors.email), avatar: errorText(formState.errors.avatar as never) };
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      <Field id="name" label={copy.name!} error={e.name}>
        <input {...describedBy("name", e.name)} autoComplete="name" className={inputClass} {...register("name")} />
      </Field>
      <Field id="username" label={copy.username!} error={e.username}>
        <input {...describedBy("username", e.username)} autoComplete="username" autoCapitalize="none" className={inputClass} {...register("username")} />
      </Field>
      <Field id="email" label={copy.email!} error={e.email}>
        <input {...describedBy("email", e.email)} type="email" autoComplete="email" className={inputClass} {...register("email")} />
      </Field>
      <Field id="avatar" label={copy.avatar!} error={e.avatar} hint={copy.avatarHint}>
        <input
          {...describedBy("avatar", e.avatar, copy.avatarHint)}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          className="mt-1 block text-sm"
          onChange={(ev) => setValue("avatar", ev.target.files?.[0], { shouldValidate: true })}
        />
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}

/**
 * Manual screen 10. Changing the password ends every session (the current one too), so on success
 * we sign out and send the user to login with a notice rather than leave a stale session.
 */
export function ChangePasswordForm({ copy, action }: { copy: Copy; action: (input: ChangePasswordInput) => Promise<ActionResult<unknown>> }) {
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values);
    if (result.ok) {
      await signOut({ callbackUrl: "/login?notice=password-changed" });
      return;
    }
    setFormError(applyActionErrors(result, setError));
  });
  const field = (name: keyof ChangePasswordInput, autoComplete: string, hint?: string) => {
    const err = errorText(formState.errors[name]);
    return (
      <Field id={name} label={copy[name]!} error={err} hint={hint}>
        <input {...describedBy(name, err, hint)} type="password" autoComplete={autoComplete} className={inputClass} {...register(name)} />
      </Field>
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormAlert message={formError} />
      {field("currentPassword", "current-password")}
      {field("newPassword", "new-password", copy.passwordHint)}
      {field("confirmPassword", "new-password")}
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}
