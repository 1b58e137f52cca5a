"use client";

import { useRouter } from "next/navigation";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import { createFaqSchema, updateFaqSchema } from "@/lib/validation/faq";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";

export type FaqFormCopy = { department: string; chooseDepartment: string; subject: string; description: string; publishNow: string; submit: string; submitting: string };
type Values = { id?: string; departmentId: string; subject: string; description: string; published: boolean };

/** Add New Question / edit: Department, Subject, Description. */
export function FaqForm({
  initial,
  departments,
  copy,
  action,
}: {
  initial?: Values;
  departments: { id: string; name: string }[];
  copy: FaqFormCopy;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const {
    register,
    formState,
    onSubmit,
    message,
    fieldError: errorText,
  } = useActionForm({
    // Both schemas describe (a subset of) Values.
    schema: (initial?.id ? updateFaqSchema : createFaqSchema) as never as z.ZodType<Values, Values>,
    defaultValues: initial ?? { departmentId: "", subject: "", description: "", published: true },
    submit: action,
    onSuccess: () => router.push("/dashboard/faq"),
  });
  const e = { departmentId: errorText(formState.errors.departmentId), subject: errorText(formState.errors.subject), description: errorText(formState.errors.description) };
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormAlert message={message} />
      <SelectField id="departmentId" label={copy.department} error={e.departmentId} placeholder={copy.chooseDepartment} options={departments.map((d) => ({ value: d.id, label: d.name }))} {...register("departmentId")} />
      <Field id="subject" label={copy.subject} error={e.subject}>
        <input {...describedBy("subject", e.subject)} className={inputClass} {...register("subject")} />
      </Field>
      <Field id="description" label={copy.description} error={e.description}>
        <textarea {...describedBy("description", e.description)} rows={8} className={inputClass} {...register("description")} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register("published")} /> {copy.publishNow}
      </label>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {formState.isSubmitting ? copy.submitting : copy.submit}
      </button>
    </form>
  );
}
