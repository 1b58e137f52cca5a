"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action";

type Result = ActionResult<{ number: string; newClient: boolean }>;

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
  action: (input: unknown) => Promise<Result>;
  messageId: string;
  departments: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
  suggestedAgencyId?: string;
  copy: ConvertContactCopy;
}) {
  const [state, formAction, pending] = useActionState((_previous: Result | null, formData: FormData) => action(formData), null);
  if (state?.ok) {
    const text = (state.data.newClient ? copy.convertedNewClient : copy.converted).replace("{number}", state.data.number);
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">
        {text}{" "}
        <Link href={`/dashboard/tickets/${state.data.number}`} className="font-medium underline">
          {copy.openTicket}
        </Link>
      </p>
    );
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 p-4">
      <input type="hidden" name="id" value={messageId} />
      <p className="text-sm text-slate-700">{copy.hint}</p>
      {state && !state.ok && state.formError && (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      )}
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="convert-department" className="block text-sm font-medium">
            {copy.department}
          </label>
          <select id="convert-department" name="departmentId" required className="mt-1 rounded border border-slate-400 px-2 py-1.5">
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          {errors.departmentId && <p className="mt-1 text-sm text-red-700">{errors.departmentId}</p>}
        </div>
        <div>
          <label htmlFor="convert-agency" className="block text-sm font-medium">
            {copy.agency}
          </label>
          <select id="convert-agency" name="agencyId" defaultValue={suggestedAgencyId ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1.5">
            <option value="">{copy.chooseAgency}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          {errors.agencyId && (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {errors.agencyId}
            </p>
          )}
        </div>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? copy.submitting : copy.submit}
      </button>
    </form>
  );
}
