"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action";
import { buttonClass, FormAlert, inputClass } from "@/components/ui/form-controls";

type Input = { locale: "id" | "en"; enabled: string[] };

/** One checkbox per mail the user's role can receive (all on by default), and the mails' language. */
export function MailPreferencesForm({
  initial,
  kinds,
  action,
  copy,
}: {
  initial: Input;
  kinds: string[];
  action: (input: Input) => Promise<ActionResult<unknown>>;
  copy: Record<string, string>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "success" | "error" } | null>(null);
  return (
    <form
      className="max-w-2xl space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const input: Input = { locale: fd.get("locale") === "en" ? "en" : "id", enabled: fd.getAll("enabled").map(String) };
        start(async () => {
          const result = await action(input);
          setMessage(result.ok ? { text: copy.saved!, tone: "success" } : { text: result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? "", tone: "error" });
          if (result.ok) router.refresh();
        });
      }}
    >
      <FormAlert message={message} />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{copy.legend}</legend>
        {kinds.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" value={k} defaultChecked={initial.enabled.includes(k)} /> {copy[k]}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="mail-locale" className="block text-sm font-medium">
          {copy.locale}
        </label>
        <select id="mail-locale" name="locale" defaultValue={initial.locale} className={`${inputClass} max-w-xs`}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}
