"use client";

import { useState } from "react";
import { flushSync } from "react-dom";
import { useRouter } from "next/navigation";
import type { z } from "zod";
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
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { SelectField } from "@/components/ui/select-field";
import { toFormData, useActionForm } from "@/components/ui/use-action-form";
import { AddAgencyInline, type AddAgencyCopy } from "./add-agency-inline";

/** `AddAgencyCopy`: the in-place "new OPD" part of the Add Client form. */
export type UserFormCopy = AddAgencyCopy & {
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
 * Add New / Edit for Admins, Staff and Clients. Validates with the same zod schema as the server
 * action, then submits FormData (the avatar is a file).
 */
export function UserForm({
  kind,
  mode,
  initial,
  departments = [],
  agencies = [],
  copy,
  action,
  createAgency,
  doneHref,
}: {
  kind: UserKind;
  mode: "create" | "edit";
  initial?: UserFormValues;
  departments?: { id: string; name: string }[];
  agencies?: { id: string; name: string }[];
  copy: UserFormCopy;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  /** Given on the client forms of managers: an OPD can be added without leaving the form. */
  createAgency?: (input: unknown) => Promise<ActionResult<unknown>>;
  doneHref: string;
}) {
  const router = useRouter();
  const [agencyOptions, setAgencyOptions] = useState(agencies);
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
    setValue,
    onSubmit,
    message,
    fieldError: errorText,
    formState: { errors, isSubmitting },
  } = useActionForm({
    // The schema differs per kind and mode; all of them describe (a subset of) UserFormValues.
    schema: SCHEMAS[kind][mode] as never as z.ZodType<UserFormValues, UserFormValues>,
    defaultValues: defaults,
    submit: (values) => action(toFormData(values)),
    onSuccess: () => router.push(doneHref),
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
      <FormAlert message={message} />
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
        <SelectField
          id="role"
          label={copy.role}
          error={err.role}
          options={[
            { value: "ADMIN", label: copy.roleAdmin },
            { value: "SUPER_ADMIN", label: copy.roleSuperAdmin },
          ]}
          {...register("role")}
        />
      )}
      {kind === "staff" && (
        <>
          <SelectField id="departmentId" label={copy.department} error={err.departmentId} placeholder={copy.chooseDepartment} options={departments.map((d) => ({ value: d.id, label: d.name }))} {...register("departmentId")} />
          <Field id="designation" label={copy.designation} error={err.designation}>
            <input {...describedBy("designation", err.designation)} className={inputClass} {...register("designation")} />
          </Field>
        </>
      )}
      {kind === "client" && (
        <SelectField
          id="agencyId"
          label={copy.agency}
          error={err.agencyId}
          placeholder={copy.chooseAgency}
          options={agencyOptions.map((a) => ({ value: a.id, label: a.name }))}
          {...register("agencyId")}
        />
      )}
      {kind === "client" && createAgency && (
        <AddAgencyInline
          copy={copy}
          createAgency={createAgency}
          onCreated={(agency) => {
            // The option must be in the DOM before the select can take its value.
            flushSync(() => setAgencyOptions((list) => [...list, agency].sort((a, b) => a.name.localeCompare(b.name))));
            setValue("agencyId", agency.id, { shouldValidate: true });
          }}
        />
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
