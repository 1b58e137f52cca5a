"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { createTicketSchema, TICKET_PRIORITIES, type AttachmentLimits, type TicketPriority } from "@/lib/validation/tickets";
import type { ActionResult } from "@/lib/actions/action";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { SelectField } from "@/components/ui/select-field";
import { toFormData, useActionForm } from "@/components/ui/use-action-form";
import { FaqSuggestions } from "./faq-suggestions";

export type TicketFormCopy = {
  department: string;
  subject: string;
  description: string;
  descriptionHint: string;
  priority: string;
  client: string;
  attachments: string;
  attachmentsHint: string;
  choose: string;
  submit: string;
  submitting: string;
  faqTitle: string;
  priorities: Record<TicketPriority, string>;
};

type Option = { id: string; name: string };

export function TicketForm({
  copy,
  departments,
  clients,
  limits,
  defaultPriority,
  action,
}: {
  copy: TicketFormCopy;
  departments: Option[];
  /** Present for staff/admins filing on behalf of a client. */
  clients?: Option[];
  limits: AttachmentLimits;
  defaultPriority: TicketPriority;
  action: (input: FormData) => Promise<ActionResult<{ number: string }>>;
}) {
  const schema = useMemo(() => createTicketSchema(limits), [limits]);
  const router = useRouter();
  const {
    register,
    control,
    onSubmit,
    message,
    fieldError,
    formState: { errors, isSubmitting },
  } = useActionForm({
    schema,
    defaultValues: { departmentId: "", subject: "", description: "", priority: defaultPriority, ...(clients ? { clientId: "" } : {}) },
    submit: (values) => action(toFormData(values)),
    onSuccess: (data) => router.push(`/dashboard/tickets/${encodeURIComponent(data.number)}`),
    refresh: false,
  });

  const chosen = useWatch({ control, name: "attachments" }) as FileList | File[] | undefined;
  const files = chosen ? Array.from(chosen) : [];
  const subject = useWatch({ control, name: "subject" });

  const err = {
    departmentId: fieldError(errors.departmentId),
    clientId: fieldError(errors.clientId),
    subject: fieldError(errors.subject),
    description: fieldError(errors.description),
    attachments: fieldError(errors.attachments as never),
  };
  const toOptions = (rows: Option[]) => rows.map((r) => ({ value: r.id, label: r.name }));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" encType="multipart/form-data">
      <FormAlert message={message} />
      {clients && <SelectField id="clientId" label={copy.client} error={err.clientId} placeholder={copy.choose} options={toOptions(clients)} {...register("clientId")} />}
      <SelectField id="departmentId" label={copy.department} error={err.departmentId} placeholder={copy.choose} options={toOptions(departments)} {...register("departmentId")} />
      <div>
        <Field id="subject" label={copy.subject} error={err.subject}>
          <input {...describedBy("subject", err.subject)} maxLength={200} className={inputClass} {...register("subject")} />
        </Field>
        <FaqSuggestions subject={subject ?? ""} title={copy.faqTitle} />
      </div>
      <Field id="description" label={copy.description} error={err.description} hint={copy.descriptionHint}>
        <textarea {...describedBy("description", err.description, copy.descriptionHint)} rows={8} className={inputClass} {...register("description")} />
      </Field>
      <SelectField id="priority" label={copy.priority} options={TICKET_PRIORITIES.map((p) => ({ value: p, label: copy.priorities[p] }))} {...register("priority")} />
      <Field id="attachments" label={copy.attachments} error={err.attachments}>
        <input
          {...describedBy("attachments", err.attachments, copy.attachmentsHint)}
          type="file"
          multiple
          accept={limits.allowedExtensions.map((e) => `.${e}`).join(",")}
          className="mt-1 block w-full text-sm"
          {...register("attachments")}
        />
        <p id="attachments-hint" className="mt-1 text-xs text-slate-600">
          {copy.attachmentsHint}
        </p>
        {files.length > 0 && (
          <ul aria-label={copy.attachments} className="mt-2 space-y-1 text-sm" data-testid="file-list">
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`}>
                {f.name} <span className="text-slate-600">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
              </li>
            ))}
          </ul>
        )}
      </Field>
      <button type="submit" disabled={isSubmitting} className={buttonClass}>
        {isSubmitting ? copy.submitting : copy.submit}
      </button>
    </form>
  );
}
