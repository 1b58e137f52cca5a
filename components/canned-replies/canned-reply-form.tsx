"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import { createCannedReplySchema, updateCannedReplySchema } from "@/lib/validation/canned-replies";
import type { AttachmentLimits } from "@/lib/validation/tickets";
import { unknownVariables } from "@/lib/canned-replies/variables";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { SelectField } from "@/components/ui/select-field";
import { toFormData, useActionForm } from "@/components/ui/use-action-form";

type Values = { id?: string; title: string; body: string; departmentId: string; attachments?: FileList; removeAttachmentIds?: string[] };
export type CannedReplyFormCopy = {
  title: string;
  body: string;
  scope: string;
  global: string;
  attachments: string;
  attachmentsHint: string;
  removeFile: string;
  variablesTitle: string;
  variablesHint: string;
  unknownVariables: string;
  submit: string;
  submitting: string;
};

/**
 * New / edit canned reply: title, text with variables, global or one department, files. An unknown
 * {{…}} is allowed (it stays as typed when inserted) but the form says which ones, as the admin types.
 */
export function CannedReplyForm({
  initial,
  files,
  departments,
  limits,
  variables,
  copy,
  action,
}: {
  initial?: { id: string; title: string; body: string; departmentId: string };
  files: { id: string; fileName: string; size: number }[];
  departments: { id: string; name: string }[];
  limits: AttachmentLimits;
  variables: { name: string; description: string }[];
  copy: CannedReplyFormCopy;
  action: (input: FormData) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const schema = useMemo(
    () => (initial ? updateCannedReplySchema(limits) : createCannedReplySchema(limits)) as never as z.ZodType<Values, Values>,
    [initial, limits],
  );
  const { register, control, formState, onSubmit, message, fieldError } = useActionForm({
    schema,
    defaultValues: initial ? { ...initial, removeAttachmentIds: [] } : { title: "", body: "", departmentId: "" },
    submit: (values) => action(toFormData(values)),
    onSuccess: () => router.push("/dashboard/canned-replies"),
  });
  const body = useWatch({ control, name: "body" }) ?? "";
  const unknown = unknownVariables(body);
  const e = {
    title: fieldError(formState.errors.title),
    body: fieldError(formState.errors.body),
    departmentId: fieldError(formState.errors.departmentId),
    attachments: fieldError(formState.errors.attachments as never),
  };
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormAlert message={message} />
      <Field id="canned-title" label={copy.title} error={e.title}>
        <input {...describedBy("canned-title", e.title)} className={inputClass} {...register("title")} />
      </Field>
      <SelectField
        id="canned-department"
        label={copy.scope}
        error={e.departmentId}
        options={[{ value: "", label: copy.global }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
        {...register("departmentId")}
      />
      <Field id="canned-body" label={copy.body} error={e.body} hint={copy.variablesHint}>
        <textarea {...describedBy("canned-body", e.body, copy.variablesHint)} rows={8} className={inputClass} {...register("body")} />
      </Field>
      {unknown.length > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="unknown-variables">
          {copy.unknownVariables} {unknown.join(", ")}
        </p>
      )}
      <div>
        <h2 className="text-sm font-medium">{copy.variablesTitle}</h2>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {variables.map((v) => (
            <div key={v.name} className="contents">
              <dt>
                <code className="rounded bg-slate-100 px-1">{`{{${v.name}}}`}</code>
              </dt>
              <dd className="text-slate-700">{v.description}</dd>
            </div>
          ))}
        </dl>
      </div>
      <Field id="canned-attachments" label={copy.attachments} error={e.attachments} hint={copy.attachmentsHint}>
        {files.length > 0 && (
          <ul className="mt-1 space-y-1 text-sm">
            {files.map((f) => (
              <li key={f.id}>
                <label className="flex items-center gap-2">
                  <input type="checkbox" value={f.id} {...register("removeAttachmentIds")} /> {copy.removeFile} {f.fileName}
                </label>
              </li>
            ))}
          </ul>
        )}
        <input {...describedBy("canned-attachments", e.attachments, copy.attachmentsHint)} type="file" multiple className="mt-1 block text-sm" {...register("attachments")} />
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {formState.isSubmitting ? copy.submitting : copy.submit}
      </button>
    </form>
  );
}
