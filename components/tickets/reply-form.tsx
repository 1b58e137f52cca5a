"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { replySchema, type AttachmentLimits } from "@/lib/validation/tickets";
import { formatValidationMessage } from "@/lib/validation/zod";
import type { ActionResult } from "@/lib/actions/action";

export type ReplyFormCopy = { reply: string; placeholder: string; internalNote: string; attachments: string; send: string; sending: string };

export function ReplyForm({
  ticketId,
  copy,
  limits,
  allowInternal,
  action,
}: {
  ticketId: string;
  copy: ReplyFormCopy;
  limits: AttachmentLimits;
  allowInternal: boolean;
  action: (formData: FormData) => Promise<ActionResult<{ id: string }>>;
}) {
  const schema = useMemo(() => replySchema(limits), [limits]);
  const router = useRouter();
  const tv = useTranslations("validation");
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const {
    register,
    handleSubmit,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { ticketId, body: "", internal: false },
  });
  const chosen = useWatch({ control, name: "attachments" }) as FileList | undefined;

  const onSubmit = handleSubmit(async (values) => {
    setServerErrors({});
    const fd = new FormData();
    fd.set("ticketId", ticketId);
    fd.set("body", values.body);
    if (values.internal) fd.set("internal", "true");
    for (const f of values.attachments) fd.append("attachments", f);
    const result = await action(fd);
    if (result.ok) {
      reset({ ticketId, body: "", internal: false });
      router.refresh();
    } else {
      setServerErrors({ ...(result.fieldErrors ?? {}), ...(result.formError ? { form: result.formError } : {}) });
    }
  });
  const bodyError = serverErrors.body ?? formatValidationMessage(errors.body?.message, (k, v) => tv(k, v));
  const filesError = serverErrors.attachments ?? formatValidationMessage(errors.attachments?.message as string | undefined, (k, v) => tv(k, v));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {serverErrors.form && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {serverErrors.form}
        </p>
      )}
      <label htmlFor="reply-body" className="block text-sm font-medium">
        {copy.reply}
      </label>
      <textarea id="reply-body" rows={5} placeholder={copy.placeholder} aria-invalid={!!bodyError} className="w-full rounded border border-slate-400 px-3 py-2" {...register("body")} />
      {bodyError && <p className="text-sm text-red-700">{bodyError}</p>}
      <div>
        <label htmlFor="reply-attachments" className="block text-sm font-medium">
          {copy.attachments}
        </label>
        <input id="reply-attachments" type="file" multiple className="mt-1 block text-sm" {...register("attachments")} />
        {chosen && chosen.length > 0 && (
          <ul className="mt-1 text-sm">
            {Array.from(chosen).map((f, i) => (
              <li key={`${f.name}-${i}`}>{f.name}</li>
            ))}
          </ul>
        )}
        {filesError && <p className="text-sm text-red-700">{filesError}</p>}
      </div>
      {allowInternal && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("internal")} /> {copy.internalNote}
        </label>
      )}
      <button type="submit" disabled={isSubmitting} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {isSubmitting ? copy.sending : copy.send}
      </button>
    </form>
  );
}
