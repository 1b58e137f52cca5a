"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { buttonClass, inputClass } from "@/components/ui/form-controls";

export type AddAgencyCopy = {
  addAgency: string;
  addAgencyName: string;
  addAgencySubmit: string;
  /** "{name}" is replaced by the new OPD's name. */
  agencyAdded: string;
};

/** Not a nested form (HTML forbids it): a text field and a button that calls the OPD action directly. */
export function AddAgencyInline({
  copy,
  createAgency,
  onCreated,
}: {
  copy: AddAgencyCopy;
  createAgency: (input: unknown) => Promise<ActionResult<unknown>>;
  onCreated: (agency: { id: string; name: string }) => void;
}) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setError(null);
    setDone(null);
    setBusy(true);
    const result = await createAgency({ name });
    setBusy(false);
    if (!result.ok) {
      setError(result.fieldErrors?.name ?? result.formError ?? null);
      return;
    }
    onCreated({ id: (result.data as { id: string }).id, name: name.trim() });
    setDone(copy.agencyAdded.replace("{name}", name.trim()));
    setName("");
  };
  return (
    <details className="rounded border border-slate-200 p-3" data-testid="add-agency">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">{copy.addAgency}</summary>
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div className="min-w-[14rem] flex-1">
          <label htmlFor="new-agency-name" className="block text-sm font-medium">
            {copy.addAgencyName}
          </label>
          <input
            id="new-agency-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void add();
              }
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "new-agency-error" : undefined}
            className={inputClass}
          />
        </div>
        <button type="button" onClick={() => void add()} disabled={busy} className={buttonClass}>
          {copy.addAgencySubmit}
        </button>
      </div>
      {error ? (
        <p id="new-agency-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <p role="status" className="mt-1 text-sm text-green-800">
        {done}
      </p>
    </details>
  );
}
