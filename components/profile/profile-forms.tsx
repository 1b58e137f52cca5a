"use client";

import { signOut } from "next-auth/react";
import type { ActionResult } from "@/lib/actions/action";
import { changePasswordSchema, profileSchema, type ChangePasswordInput } from "@/lib/validation/users";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { toFormData, useActionForm } from "@/components/ui/use-action-form";

type Copy = Record<string, string>;
type ProfileValues = { name: string; username: string; email: string; avatar?: File };
type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/** Name, Username, Email, Avatar. */
export function ProfileForm({ initial, copy, action }: { initial: ProfileValues; copy: Copy; action: Action }) {
  const {
    register,
    setValue,
    formState,
    onSubmit,
    message,
    fieldError: errorText,
  } = useActionForm({ schema: profileSchema, defaultValues: initial, submit: (values) => action(toFormData(values)), saved: copy.saved });
  const e = { name: errorText(formState.errors.name), username: errorText(formState.errors.username), email: errorText(formState.errors.email), avatar: errorText(formState.errors.avatar as never) };
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormAlert message={message} />
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
 * Changing the password ends every session (the current one too), so on success
 * we sign out and send the user to login with a notice rather than leave a stale session.
 */
export function ChangePasswordForm({ copy, action }: { copy: Copy; action: Action }) {
  const { register, formState, onSubmit, message, fieldError: errorText } = useActionForm({
    schema: changePasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    submit: action,
    onSuccess: () => signOut({ callbackUrl: "/login?notice=password-changed" }),
    refresh: false,
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
      <FormAlert message={message} />
      {field("currentPassword", "current-password")}
      {field("newPassword", "new-password", copy.passwordHint)}
      {field("confirmPassword", "new-password")}
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}
