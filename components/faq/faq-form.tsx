"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/lib/actions/action";
import { createFaqSchema, updateFaqSchema } from "@/lib/validation/faq";
import { applyActionErrors, buttonClass, describedBy, Field, FormAlert, inputClass, useErrorText } from "@/components/ui/form-controls";

export type FaqFormCopy = { department: string; chooseDepartment: string; subject: string; description: string; publishNow: string; submit: string; submitting: string };
type Values = { id?: string; departmentId: string; subject: string; description: string; published: boolean };

/** Add New Question (manual screen 16) / edit: Department, Subject, Description. */
export function FaqForm({
  initial,
  departments,
  copy,
  action,
}: {
  initial?: Values;
  departments: { id: string; name: string }[];
  copy: FaqFormCopy;
  action: (input: Values) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver((initial?.id ? updateFaqSchema : createFaqSchema) as never),
    defaultValues: initial ?? { departmentId: "", subject: "", description: "", published: true },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values);
    if (result.ok) {
      router.push("/dashboard/faq");
      router.refresh();
    } else setFormError(applyActionErrors(result, setError));
  });
  const e = { departmentId: errorText(formState.errors.departmentId), subject: errorText(formState.errors.subject), description: errorText(formState.errors.description) };
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormAlert message={formError} />
      <Field id="departmentId" label={copy.department} error={e.departmentId}>
        <select {...describedBy("departmentId", e.departmentId)} className={inputClass} {...register("departmentId")}>
          <option value="">{copy.chooseDepartment}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
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
