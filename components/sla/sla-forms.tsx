"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";

export type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
type Copy = Record<string, string>;

/** The state line of a form: the server's form error, or the success text. */
function useSlaForm(action: FormAction) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, formAction, pending, errors };
}

function Status({ state, saved }: { state: ActionResult | null; saved: string }) {
  if (!state) return null;
  return <FormAlert message={state.ok ? { text: saved, tone: "success" } : (state.formError ?? "")} />;
}

/** Jam Layanan: the time zone and one line of time ranges per weekday. */
export function CalendarForm({ action, initial, days, copy }: { action: FormAction; initial: Record<string, string>; days: { key: string; label: string }[]; copy: Copy }) {
  const { state, formAction, pending, errors } = useSlaForm(action);
  return (
    <form action={formAction} className="max-w-2xl space-y-3" noValidate>
      <Status state={state} saved={copy.saved!} />
      <Field id="cal-timeZone" label={copy.timeZone!} error={errors.timeZone} hint={copy.timeZoneHint}>
        <input {...describedBy("cal-timeZone", errors.timeZone, copy.timeZoneHint)} name="timeZone" defaultValue={initial.timeZone} className={inputClass} />
      </Field>
      {days.map((d) => (
        <Field key={d.key} id={`cal-${d.key}`} label={d.label} error={errors[d.key]} hint={d.key === "day1" ? copy.rangesHint : undefined}>
          <input
            {...describedBy(`cal-${d.key}`, errors[d.key], d.key === "day1" ? copy.rangesHint : undefined)}
            name={d.key}
            defaultValue={initial[d.key]}
            placeholder="07:30-12:00, 13:00-16:00"
            className={inputClass}
          />
        </Field>
      ))}
      <button type="submit" disabled={pending} className={buttonClass}>
        {copy.save}
      </button>
    </form>
  );
}

/** One holiday added to the list by hand (cuti bersama, a regional day). */
export function AddHolidayForm({ action, year, copy }: { action: FormAction; year: number; copy: Copy }) {
  const { state, formAction, pending, errors } = useSlaForm(action);
  const id = `holiday-${year}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="w-44">
        <Field id={`${id}-date`} label={copy.date!} error={errors.date}>
          <input {...describedBy(`${id}-date`, errors.date)} type="date" name="date" min={`${year}-01-01`} max={`${year}-12-31`} className={inputClass} />
        </Field>
      </div>
      <div className="min-w-64 flex-1">
        <Field id={`${id}-name`} label={copy.name!} error={errors.name}>
          <input {...describedBy(`${id}-name`, errors.name)} name="name" maxLength={200} className={inputClass} />
        </Field>
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {copy.add}
      </button>
      <div className="w-full">
        <Status state={state} saved={copy.saved!} />
      </div>
    </form>
  );
}

type Target = { value: number; unit: "HOURS" | "DAYS" };
type PolicyRow = { priority: string; label: string; firstResponse: Target; resolution: Target };

/** Targets of one department (or the defaults): four priorities × first response and resolution. */
export function PolicyForm({ action, departmentId, rows, copy, idPrefix }: { action: FormAction; departmentId: string; rows: PolicyRow[]; copy: Copy; idPrefix: string }) {
  const { state, formAction, pending, errors } = useSlaForm(action);
  const cell = (row: PolicyRow, kind: "fr" | "res", target: Target, title: string) => {
    const name = `${row.priority}_${kind}`;
    const label = copy.targetLabel!.replace("{target}", title).replace("{priority}", row.label);
    const err = errors[`${name}Value`] ?? errors[`${name}Unit`];
    return (
      <td className="px-2 py-2 align-top">
        <div className="flex gap-1">
          <input
            type="number"
            min={1}
            max={999}
            name={`${name}Value`}
            defaultValue={target.value}
            aria-label={`${label}: ${copy.value}`}
            aria-invalid={!!err}
            className="w-20 rounded border border-slate-400 px-2 py-1"
          />
          <select name={`${name}Unit`} defaultValue={target.unit} aria-label={`${label}: ${copy.unit}`} className="rounded border border-slate-400 px-2 py-1">
            <option value="HOURS">{copy.unitHOURS}</option>
            <option value="DAYS">{copy.unitDAYS}</option>
          </select>
        </div>
        {err && <p className="mt-1 text-sm text-red-700">{err}</p>}
      </td>
    );
  };
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid={`${idPrefix}-policy`}>
      <input type="hidden" name="departmentId" value={departmentId} />
      <Status state={state} saved={copy.saved!} />
      <table className="text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1">{copy.priority}</th>
            <th scope="col" className="px-2 py-1">{copy.firstResponse}</th>
            <th scope="col" className="px-2 py-1">{copy.resolution}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.priority} className="border-t border-slate-200">
              <th scope="row" className="px-2 py-2 font-medium">{r.label}</th>
              {cell(r, "fr", r.firstResponse, copy.firstResponse!)}
              {cell(r, "res", r.resolution, copy.resolution!)}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" disabled={pending} className={buttonClass}>
        {copy.save}
      </button>
    </form>
  );
}
