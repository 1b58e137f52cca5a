"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";

/** "Kirim e-mail uji": queues a test mail to the address typed (the Super Admin's own by default). */
export function TestEmailForm({ action, defaultTo, copy }: { action: (input: { to: string }) => Promise<ActionResult<unknown>>; defaultTo: string; copy: Record<string, string> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "success" | "error" } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  return (
    <form
      noValidate
      className="flex max-w-xl flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const to = String(new FormData(e.currentTarget).get("to") ?? "");
        start(async () => {
          const result = await action({ to });
          if (result.ok) {
            setFieldError(undefined);
            setMessage({ text: copy.testQueued!, tone: "success" });
            router.refresh();
          } else {
            setFieldError(result.fieldErrors?.to);
            setMessage(result.formError ? { text: result.formError, tone: "error" } : null);
          }
        });
      }}
    >
      <div className="w-full">
        <FormAlert message={message} />
      </div>
      <div className="grow">
        <Field id="test-email-to" label={copy.testTo!} error={fieldError}>
          <input {...describedBy("test-email-to", fieldError)} name="to" type="email" defaultValue={defaultTo} className={inputClass} />
        </Field>
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {copy.testSend}
      </button>
    </form>
  );
}
