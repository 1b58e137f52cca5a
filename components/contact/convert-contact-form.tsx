"use client";

import Link from "next/link";
import { useState } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import { convertContactSchema } from "@/lib/validation/contact";
import { FormAlert } from "@/components/ui/form-controls";
import { useActionForm } from "@/components/ui/use-action-form";

type Converted = { number: string; newClient: boolean };
type Values = { id: string; departmentId: string; agencyId: string };

export type ConvertContactCopy = {
  department: string;
  agency: string;
  chooseAgency: string;
  hint: string;
  submit: string;
  submitting: string;
  /** Contain "{number}". */
  converted: string;
  convertedNewClient: string;
  openTicket: string;
};

export function ConvertContactForm({
  action,
  messageId,
  departments,
  agencies,
  suggestedAgencyId,
  copy,
}: {
  action: (input: unknown) => Promise<ActionResult<Converted>>;
  messageId: string;
  departments: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
  suggestedAgencyId?: string;
  copy: ConvertContactCopy;
}) {
  const [converted, setConverted] = useState<Converted | null>(null);
  const { register, onSubmit, message, fieldError, formState } = useActionForm({
    schema: convertContactSchema as never as z.ZodType<Values, Values>,
    defaultValues: { id: messageId, departmentId: departments[0]?.id ?? "", agencyId: suggestedAgencyId ?? "" },
    submit: action,
    // Shown until the refreshed page replaces the form with the link to the ticket.
    onSuccess: setConverted,
  });
  if (converted) {
    const text = (converted.newClient ? copy.convertedNewClient : copy.converted).replace("{number}", converted.number);
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">
        {text}{" "}
        <Link href={`/dashboard/tickets/${converted.number}`} className="font-medium underline">
          {copy.openTicket}
        </Link>
      </p>
    );
  }
  const departmentError = fieldError(formState.errors.departmentId);
  const agencyError = fieldError(formState.errors.agencyId);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 p-4">
      <input type="hidden" {...register("id")} />
      <p className="text-sm text-slate-700">{copy.hint}</p>
      <FormAlert message={message} />
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="convert-department" className="block text-sm font-medium">
            {copy.department}
          </label>
          <select id="convert-department" required aria-invalid={!!departmentError} className="mt-1 rounded border border-slate-400 px-2 py-1.5" {...register("departmentId")}>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          {departmentError && <p className="mt-1 text-sm text-red-700">{departmentError}</p>}
        </div>
        <div>
          <label htmlFor="convert-agency" className="block text-sm font-medium">
            {copy.agency}
          </label>
          <select id="convert-agency" aria-invalid={!!agencyError} className="mt-1 rounded border border-slate-400 px-2 py-1.5" {...register("agencyId")}>
            <option value="">{copy.chooseAgency}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          {agencyError && (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {agencyError}
            </p>
          )}
        </div>
      </div>
      <button
        type="submit"
        disabled={formState.isSubmitting}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {formState.isSubmitting ? copy.submitting : copy.submit}
      </button>
    </form>
  );
}
