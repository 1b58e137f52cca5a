"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/lib/actions/action";
import {
  createAdminSchema,
  createClientSchema,
  createStaffSchema,
  updateAdminSchema,
  updateClientSchema,
  updateStaffSchema,
  type UserKind,
} from "@/lib/validation/users";
import { applyActionErrors, buttonClass, describedBy, Field, FormAlert, inputClass, useErrorText } from "@/components/ui/form-controls";

export type UserFormCopy = {
  name: string;
  username: string;
  email: string;
  password: string;
  passwordHint: string;
  invite: string;
  avatar: string;
  avatarHint: string;
  role: string;
  roleAdmin: string;
  roleSuperAdmin: string;
  department: string;
  chooseDepartment: string;
  designation: string;
  agency: string;
  chooseAgency: string;
  submit: string;
  submitting: string;
};

export type UserFormValues = {
  id?: string;
  name: string;
  username: string;
  email: string;
  password?: string;
  invite?: boolean;
  role?: "ADMIN" | "SUPER_ADMIN";
  departmentId?: string;
  designation?: string;
  agencyId?: string;
  avatar?: File;
};

const SCHEMAS = {
  admin: { create: createAdminSchema, edit: updateAdminSchema },
  staff: { create: createStaffSchema, edit: updateStaffSchema },
  client: { create: createClientSchema, edit: updateClientSchema },
} as const;

/**
 * Add New / Edit for Admins (screen 8), Staff (12) and Clients (14). Validates with the same zod
 * schema as the server action, then submits FormData (the avatar is a file).
 */
export function UserForm({
  kind,
  mode,
  initial,
  departments = [],
  agencies = [],
  copy,
  action,
  doneHref,
}: {
  kind: UserKind;
  mode: "create" | "edit";
  initial?: UserFormValues;
  departments?: { id: string; name: string }[];
  agencies?: { id: string; name: string }[];
  copy: UserFormCopy;
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  doneHref: string;
}) {
  const router = useRouter();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults: UserFormValues = {
    name: "",
    username: "",
    email: "",
    ...(mode === "create" ? { password: "", invite: false } : {}),
    ...(kind === "admin" ? { role: "ADMIN" as const } : {}),
    ...(kind === "staff" ? { departmentId: "", designation: "" } : {}),
    ...(kind === "client" ? { agencyId: "" } : {}),
    ...initial,
  };
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UserFormValues>({
    // The schema differs per kind and mode; all of them describe (a subset of) UserFormValues.
    resolver: zodResolver(SCHEMAS[kind][mode] as never),
    defaultValues: defaults,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const fd = new FormData();
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined || value === null) continue;
      fd.append(key, value instanceof File ? value : String(value));
    }
    const result = await action(fd);
    if (result.ok) {
      router.push(doneHref);
      router.refresh();
      return;
    }
    setFormError(applyActionErrors(result, setError));
  });

  const err = {
    name: errorText(errors.name),
    username: errorText(errors.username),
    email: errorText(errors.email),
    password: errorText(errors.password),
    avatar: errorText(errors.avatar as never),
    role: errorText(errors.role),
    departmentId: errorText(errors.departmentId),
    designation: errorText(errors.designation),
    agencyId: errorText(errors.agencyId),
  };

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-label={copy.submit}>
      <FormAlert message={formError} />
      <Field id="name" label={copy.name} error={err.name}>
        <input {...describedBy("name", err.name)} autoComplete="name" className={inputClass} {...register("name")} />
      </Field>
      <Field id="username" label={copy.username} error={err.username}>
        <input {...describedBy("username", err.username)} autoCapitalize="none" autoComplete="off" className={inputClass} {...register("username")} />
      </Field>
      <Field id="email" label={copy.email} error={err.email}>
        <input {...describedBy("email", err.email)} type="email" autoComplete="off" className={inputClass} {...register("email")} />
      </Field>
      {mode === "create" && (
        <>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...register("invite")} /> {copy.invite}
          </label>
          <Field id="password" label={copy.password} error={err.password} hint={copy.passwordHint}>
            <input {...describedBy("password", err.password, copy.passwordHint)} type="password" autoComplete="new-password" className={inputClass} {...register("password")} />
          </Field>
        </>
      )}
      {kind === "admin" && (
        <Field id="role" label={copy.role} error={err.role}>
          <select {...describedBy("role", err.role)} className={inputClass} {...register("role")}>
            <option value="ADMIN">{copy.roleAdmin}</option>
            <option value="SUPER_ADMIN">{copy.roleSuperAdmin}</option>
          </select>
        </Field>
      )}
      {kind === "staff" && (
        <>
          <Field id="departmentId" label={copy.department} error={err.departmentId}>
            <select {...describedBy("departmentId", err.departmentId)} className={inputClass} {...register("departmentId")}>
              <option value="">{copy.chooseDepartment}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="designation" label={copy.designation} error={err.designation}>
            <input {...describedBy("designation", err.designation)} className={inputClass} {...register("designation")} />
          </Field>
        </>
      )}
      {kind === "client" && (
        <Field id="agencyId" label={copy.agency} error={err.agencyId}>
          <select {...describedBy("agencyId", err.agencyId)} className={inputClass} {...register("agencyId")}>
            <option value="">{copy.chooseAgency}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="avatar" label={copy.avatar} error={err.avatar} hint={copy.avatarHint}>
        <input
          {...describedBy("avatar", err.avatar, copy.avatarHint)}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          className="mt-1 block text-sm"
          onChange={(e) => setValue("avatar", e.target.files?.[0], { shouldValidate: true })}
        />
      </Field>
      <button type="submit" disabled={isSubmitting} className={buttonClass}>
        {isSubmitting ? copy.submitting : copy.submit}
      </button>
    </form>
  );
}
