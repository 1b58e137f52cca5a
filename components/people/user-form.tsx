"use client";

import { useState } from "react";
import { flushSync } from "react-dom";
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
  /** The in-place "new OPD" part of the Add Client form. */
  addAgency: string;
  addAgencyName: string;
  addAgencySubmit: string;
  agencyAdded: string;
  submit: string;
  submitting: string;
};

export type UserFormValues = {
  id?: string;
  name: string;
  username: string;
  email: string;
  password?: string;
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
  createAgency,
  doneHref,
}: {
  kind: UserKind;
  mode: "create" | "edit";
  initial?: UserFormValues;
  departments?: { id: string; name: string }[];
  agencies?: { id: string; name: string }[];
  copy: UserFormCopy;
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  /** Given on the client forms of managers: an OPD can be added without leaving the form. */
  createAgency?: (input: { name: string }) => Promise<ActionResult<{ id: string }>>;
  doneHref: string;
}) {
  const [agencyOptions, setAgencyOptions] = useState(agencies);
  const router = useRouter();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults: UserFormValues = {
    name: "",
    username: "",
    email: "",
    ...(mode === "create" ? { password: "" } : {}),
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
        <Field id="password" label={copy.password} error={err.password} hint={copy.passwordHint}>
          <input {...describedBy("password", err.password, copy.passwordHint)} type="password" autoComplete="new-password" className={inputClass} {...register("password")} />
        </Field>
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
            {agencyOptions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
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

/** Not a nested form (HTML forbids it): a text field and a button that calls the OPD action directly. */
function AddAgencyInline({
  copy,
  createAgency,
  onCreated,
}: {
  copy: UserFormCopy;
  createAgency: (input: { name: string }) => Promise<ActionResult<{ id: string }>>;
  onCreated: (agency: { id: string; name: string }) => void;
}) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setError(null);
    setDone(null);
    setBusy(true);
    const result = await createAgency({ name });
    setBusy(false);
    if (!result.ok) {
      setError(result.fieldErrors?.name ?? result.formError ?? null);
      return;
    }
    onCreated({ id: result.data.id, name: name.trim() });
    setDone(copy.agencyAdded.replace("{name}", name.trim()));
    setName("");
  };
  return (
    <details className="rounded border border-slate-200 p-3" data-testid="add-agency">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">{copy.addAgency}</summary>
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div className="min-w-[14rem] flex-1">
          <label htmlFor="new-agency-name" className="block text-sm font-medium">
            {copy.addAgencyName}
          </label>
          <input
            id="new-agency-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void add();
              }
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "new-agency-error" : undefined}
            className={inputClass}
          />
        </div>
        <button type="button" onClick={() => void add()} disabled={busy} className={buttonClass}>
          {copy.addAgencySubmit}
        </button>
      </div>
      {error ? (
        <p id="new-agency-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <p role="status" className="mt-1 text-sm text-green-800">
        {done}
      </p>
    </details>
  );
}
