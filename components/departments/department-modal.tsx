"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { catalogFormSchema } from "@/lib/validation/catalog";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { useActionForm } from "@/components/ui/use-action-form";

export type DepartmentModalCopy = { open: string; title: string; name: string; save: string; cancel: string; close: string; autoAssign?: string; autoAssignHint?: string };

type Values = { name: string; autoAssign?: boolean };

/**
 * "Add Department" modal with one field and "Save changes"; with `id` it
 * renames. Also used for OPD agencies, which have the same shape.
 */
export function DepartmentModal({
  copy,
  id,
  initialName = "",
  initialAutoAssign,
  action,
}: {
  copy: DepartmentModalCopy;
  id?: string;
  initialName?: string;
  /** Editing a department: its "Tugaskan otomatis" (absent for OPD and for a new department). */
  initialAutoAssign?: boolean;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const [open, setOpen] = useState(false);
  const { register, reset, setFocus, formState, onSubmit, message, setMessage, fieldError } = useActionForm({
    schema: catalogFormSchema,
    defaultValues: withAutoAssign(initialName, initialAutoAssign),
    submit: (values: Values) => action(id ? { id, name: values.name, ...(values.autoAssign === undefined ? {} : { autoAssign: values.autoAssign }) } : { name: values.name }),
    onSuccess: (_data, values) => {
      setOpen(false);
      reset(id ? withAutoAssign(values.name, values.autoAssign) : { name: "" });
    },
  });
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) setFocus("name");
  }, [open, setFocus]);

  const close = () => {
    setOpen(false);
    setMessage(null);
    reset(withAutoAssign(initialName, initialAutoAssign));
    triggerRef.current?.focus();
  };

  const err = fieldError(formState.errors.name);
  const titleId = `dept-modal-title-${id ?? "new"}`;
  const inputId = `dept-name-${id ?? "new"}`;
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        onClick={() => setOpen(true)}
        className={id ? "rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100" : "rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"}
      >
        {copy.open}
      </button>
      {open && (
        <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-4" onKeyDown={(e) => e.key === "Escape" && close()}>
          <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="w-full max-w-md rounded-lg bg-white shadow-xl">
            <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
              <h2 id={titleId} className="text-lg font-semibold">
                {copy.title}
              </h2>
              <button type="button" onClick={close} aria-label={copy.close} className="text-2xl leading-none text-slate-500 hover:text-slate-800">
                ×
              </button>
            </div>
            <form onSubmit={onSubmit} noValidate className="space-y-4 px-5 py-4">
              <FormAlert message={message} />
              <Field id={inputId} label={copy.name} error={err}>
                <input {...describedBy(inputId, err)} className={inputClass} {...register("name")} />
              </Field>
              {initialAutoAssign !== undefined && copy.autoAssign && (
                <div className="flex items-start gap-2">
                  <input id={`${inputId}-auto`} type="checkbox" className="mt-1" aria-describedby={`${inputId}-auto-hint`} {...register("autoAssign")} />
                  <label htmlFor={`${inputId}-auto`} className="text-sm">
                    <span className="font-medium">{copy.autoAssign}</span>
                    <span id={`${inputId}-auto-hint`} className="block text-slate-600">{copy.autoAssignHint}</span>
                  </label>
                </div>
              )}
              <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
                <button type="button" onClick={close} className="rounded border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">
                  {copy.cancel}
                </button>
                <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
                  {copy.save}
                </button>
              </div>
            </form>
          </div>
        </div>
      )}
    </>
  );
}

/** The form's values: the name, and "Tugaskan otomatis" only where the form shows it. */
function withAutoAssign(name: string, autoAssign: boolean | undefined): Values {
  return autoAssign === undefined ? { name } : { name, autoAssign };
}
