import type { ComponentProps } from "react";
import { describedBy, Field, inputClass } from "./form-controls";

export type SelectOption = { value: string; label: string };

const LOOK = {
  /** A form field: full width, with its error below (Field). */
  form: { label: "block text-sm font-medium", select: inputClass },
  /** A side panel (ticket management). */
  panel: { label: "block text-sm font-medium", select: "mt-1 w-full rounded border border-slate-400 px-2 py-1" },
  /** A filter bar (GET form of a list). */
  // max-w-full: a long option (an OPD's full name) must not widen the bar past a phone's screen.
  filter: { label: "block text-xs font-medium", select: "mt-1 max-w-full rounded border border-slate-400 px-2 py-1 text-sm" },
} as const;

/**
 * A labelled <select>. Works in a server component (a GET filter form) and in client forms
 * (`{...register(name)}` passes name, ref and handlers through).
 */
export function SelectField({
  id,
  label,
  options,
  placeholder,
  error,
  look = "form",
  ...select
}: Omit<ComponentProps<"select">, "id" | "children"> & {
  id: string;
  label: string;
  options: SelectOption[];
  /** A first, empty-valued choice ("Pilih…", "Semua"). */
  placeholder?: string;
  error?: string;
  look?: keyof typeof LOOK;
}) {
  const control = (
    <select {...(look === "form" || error ? describedBy(id, error) : { id })} className={LOOK[look].select} {...select}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  if (look === "form") {
    return (
      <Field id={id} label={label} error={error}>
        {control}
      </Field>
    );
  }
  return (
    <div className="max-w-full min-w-0">
      <label htmlFor={id} className={LOOK[look].label}>
        {label}
      </label>
      {control}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
