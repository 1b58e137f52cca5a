"use client";

import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import { addHolidaySchema, calendarFormSchema, slaPolicyFormSchema } from "@/lib/validation/sla";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { useActionForm } from "@/components/ui/use-action-form";

export type FormAction = (input: unknown) => Promise<ActionResult<unknown>>;
type Copy = Record<string, string>;
type Fields = Record<string, string>;
// These forms send their fields as typed ("07:30-12:00, 13:00-16:00", "3"); the actions parse them with the same schemas.
const asFields = (schema: z.ZodType) => schema as never as z.ZodType<Fields, Fields>;

/** Jam Layanan: the time zone and one line of time ranges per weekday. */
export function CalendarForm({ action, initial, days, copy }: { action: FormAction; initial: Fields; days: { key: string; label: string }[]; copy: Copy }) {
  const { register, onSubmit, message, fieldError, formState } = useActionForm({ schema: asFields(calendarFormSchema), raw: true, defaultValues: initial, submit: action, saved: copy.saved! });
  const error = (name: string) => fieldError(formState.errors[name]);
  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-3" noValidate>
      <FormAlert message={message} />
      <Field id="cal-timeZone" label={copy.timeZone!} error={error("timeZone")} hint={copy.timeZoneHint}>
        <input {...describedBy("cal-timeZone", error("timeZone"), copy.timeZoneHint)} className={inputClass} {...register("timeZone")} />
      </Field>
      {days.map((d) => (
        <Field key={d.key} id={`cal-${d.key}`} label={d.label} error={error(d.key)} hint={d.key === "day1" ? copy.rangesHint : undefined}>
          <input
            {...describedBy(`cal-${d.key}`, error(d.key), d.key === "day1" ? copy.rangesHint : undefined)}
            placeholder="07:30-12:00, 13:00-16:00"
            className={inputClass}
            {...register(d.key)}
          />
        </Field>
      ))}
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.save}
      </button>
    </form>
  );
}

/** One holiday added to the list by hand (cuti bersama, a regional day). */
export function AddHolidayForm({ action, year, copy }: { action: FormAction; year: number; copy: Copy }) {
  const empty = { date: "", name: "" };
  const { register, reset, onSubmit, message, fieldError, formState } = useActionForm({
    schema: asFields(addHolidaySchema),
    raw: true,
    defaultValues: empty,
    submit: action,
    onSuccess: (): void => reset(empty),
    saved: copy.saved!,
  });
  const id = `holiday-${year}`;
  const dateError = fieldError(formState.errors.date);
  const nameError = fieldError(formState.errors.name);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="w-44">
        <Field id={`${id}-date`} label={copy.date!} error={dateError}>
          <input {...describedBy(`${id}-date`, dateError)} type="date" min={`${year}-01-01`} max={`${year}-12-31`} className={inputClass} {...register("date")} />
        </Field>
      </div>
      <div className="min-w-64 flex-1">
        <Field id={`${id}-name`} label={copy.name!} error={nameError}>
          <input {...describedBy(`${id}-name`, nameError)} maxLength={200} className={inputClass} {...register("name")} />
        </Field>
      </div>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.add}
      </button>
      <div className="w-full">
        <FormAlert message={message} />
      </div>
    </form>
  );
}

type Target = { value: number; unit: "HOURS" | "DAYS" };
type PolicyRow = { priority: string; label: string; firstResponse: Target; resolution: Target };

/** Targets of one department (or the defaults): four priorities × first response and resolution. */
export function PolicyForm({ action, departmentId, rows, copy, idPrefix }: { action: FormAction; departmentId: string; rows: PolicyRow[]; copy: Copy; idPrefix: string }) {
  const initial: Fields = { departmentId };
  for (const r of rows) {
    Object.assign(initial, {
      [`${r.priority}_frValue`]: String(r.firstResponse.value),
      [`${r.priority}_frUnit`]: r.firstResponse.unit,
      [`${r.priority}_resValue`]: String(r.resolution.value),
      [`${r.priority}_resUnit`]: r.resolution.unit,
    });
  }
  const { register, onSubmit, message, fieldError, formState } = useActionForm({ schema: asFields(slaPolicyFormSchema), raw: true, defaultValues: initial, submit: action, saved: copy.saved! });
  const cell = (row: PolicyRow, kind: "fr" | "res", title: string) => {
    const name = `${row.priority}_${kind}`;
    const label = copy.targetLabel!.replace("{target}", title).replace("{priority}", row.label);
    const err = fieldError(formState.errors[`${name}Value`]) ?? fieldError(formState.errors[`${name}Unit`]);
    return (
      <td className="px-2 py-2 align-top">
        <div className="flex gap-1">
          <input
            type="number"
            min={1}
            max={999}
            aria-label={`${label}: ${copy.value}`}
            aria-invalid={!!err}
            className="w-20 rounded border border-slate-400 px-2 py-1"
            {...register(`${name}Value`)}
          />
          <select aria-label={`${label}: ${copy.unit}`} className="rounded border border-slate-400 px-2 py-1" {...register(`${name}Unit`)}>
            <option value="HOURS">{copy.unitHOURS}</option>
            <option value="DAYS">{copy.unitDAYS}</option>
          </select>
        </div>
        {err && <p className="mt-1 text-sm text-red-700">{err}</p>}
      </td>
    );
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid={`${idPrefix}-policy`}>
      <input type="hidden" {...register("departmentId")} />
      <FormAlert message={message} />
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
              {cell(r, "fr", copy.firstResponse!)}
              {cell(r, "res", copy.resolution!)}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.save}
      </button>
    </form>
  );
}
