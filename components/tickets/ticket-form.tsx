"use client";

import { useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { createTicketSchema, TICKET_PRIORITIES, type AttachmentLimits, type TicketPriority } from "@/lib/validation/tickets";
import { formatValidationMessage } from "@/lib/validation/zod";
import type { ActionResult } from "@/lib/actions/action";

export type TicketFormCopy = {
  department: string;
  subject: string;
  description: string;
  descriptionHint: string;
  priority: string;
  client: string;
  attachments: string;
  attachmentsHint: string;
  choose: string;
  submit: string;
  submitting: string;
  faqTitle: string;
  priorities: Record<TicketPriority, string>;
};

type Option = { id: string; name: string };
type FaqSuggestion = { id: string; subject: string; department?: string | null };

export function TicketForm({
  copy,
  departments,
  clients,
  limits,
  defaultPriority,
  action,
}: {
  copy: TicketFormCopy;
  departments: Option[];
  /** Present for staff/admins filing on behalf of a client. */
  clients?: Option[];
  limits: AttachmentLimits;
  defaultPriority: TicketPriority;
  action: (formData: FormData) => Promise<ActionResult<{ number: string }>>;
}) {
  const schema = useMemo(() => createTicketSchema(limits), [limits]);
  type Input = z.input<typeof schema>;
  type Output = z.output<typeof schema>;
  const router = useRouter();
  const tv = useTranslations("validation");
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { departmentId: "", subject: "", description: "", priority: defaultPriority, ...(clients ? { clientId: "" } : {}) },
  });

  const fieldError = (message: string | undefined) => formatValidationMessage(message, (k, v) => tv(k, v));

  const chosen = useWatch({ control, name: "attachments" }) as FileList | File[] | undefined;
  const files = chosen ? Array.from(chosen) : [];

  // FAQ suggestions while typing the subject; the FAQ route may not exist yet (404 → nothing).
  const subject = useWatch({ control, name: "subject" });
  const [suggestions, setSuggestions] = useState<{ q: string; items: FaqSuggestion[] }>({ q: "", items: [] });
  const query = (subject ?? "").trim();
  useEffect(() => {
    if (query.length < 3) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/faq/suggest?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        const data: unknown = res.ok ? await res.json() : [];
        setSuggestions({ q: query, items: Array.isArray(data) ? (data as FaqSuggestion[]).slice(0, 5) : [] });
      } catch {
        /* offline, aborted or not deployed yet: suggestions are optional */
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  const shownSuggestions = query.length >= 3 && suggestions.q === query ? suggestions.items : [];

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const fd = new FormData();
    fd.set("departmentId", values.departmentId);
    fd.set("subject", values.subject);
    fd.set("description", values.description);
    if (values.priority) fd.set("priority", values.priority);
    if (clients && values.clientId) fd.set("clientId", values.clientId);
    for (const f of values.attachments) fd.append("attachments", f);
    const result = await action(fd);
    if (result.ok) {
      router.push(`/dashboard/tickets/${encodeURIComponent(result.data.number)}`);
      return;
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as keyof Input, { type: "server", message: `server|${JSON.stringify({ text: message })}` });
    }
    setFormError(result.formError ?? null);
  });

  // Server messages arrive translated already; show them as they are.
  const show = (message: string | undefined) => {
    if (message?.startsWith("server|")) return (JSON.parse(message.slice(7)) as { text: string }).text;
    return fieldError(message);
  };

  const err = {
    departmentId: show(errors.departmentId?.message),
    clientId: show(errors.clientId?.message),
    subject: show(errors.subject?.message),
    description: show(errors.description?.message),
    priority: show(errors.priority?.message),
    attachments: show(errors.attachments?.message as string | undefined),
  };
  const describe = (name: keyof typeof err, hint?: string) =>
    [err[name] ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" encType="multipart/form-data">
      {formError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      {clients && (
        <div>
          <label htmlFor="clientId" className="block text-sm font-medium">
            {copy.client}
          </label>
          <select id="clientId" aria-invalid={!!err.clientId} aria-describedby={describe("clientId")} className="mt-1 w-full rounded border border-slate-400 px-3 py-2" {...register("clientId")}>
            <option value="">{copy.choose}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {err.clientId && <p id="clientId-error" className="mt-1 text-sm text-red-700">{err.clientId}</p>}
        </div>
      )}
      <div>
        <label htmlFor="departmentId" className="block text-sm font-medium">
          {copy.department}
        </label>
        <select id="departmentId" aria-invalid={!!err.departmentId} aria-describedby={describe("departmentId")} className="mt-1 w-full rounded border border-slate-400 px-3 py-2" {...register("departmentId")}>
          <option value="">{copy.choose}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        {err.departmentId && <p id="departmentId-error" className="mt-1 text-sm text-red-700">{err.departmentId}</p>}
      </div>
      <div>
        <label htmlFor="subject" className="block text-sm font-medium">
          {copy.subject}
        </label>
        <input id="subject" maxLength={200} aria-invalid={!!err.subject} aria-describedby={describe("subject")} className="mt-1 w-full rounded border border-slate-400 px-3 py-2" {...register("subject")} />
        {err.subject && <p id="subject-error" className="mt-1 text-sm text-red-700">{err.subject}</p>}
        {shownSuggestions.length > 0 && (
          <div className="mt-2 rounded border border-brand-200 bg-brand-50 p-3 text-sm" aria-live="polite">
            <p className="font-medium">{copy.faqTitle}</p>
            <ul className="mt-1 list-disc pl-5">
              {shownSuggestions.map((s) => (
                <li key={s.id}>
                  <a href={`/faq#faq-${encodeURIComponent(s.id)}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                    {s.subject}
                  </a>
                  {s.department ? <span className="text-slate-600"> · {s.department}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div>
        <label htmlFor="description" className="block text-sm font-medium">
          {copy.description}
        </label>
        <textarea id="description" rows={8} aria-invalid={!!err.description} aria-describedby={describe("description", "description-hint")} className="mt-1 w-full rounded border border-slate-400 px-3 py-2" {...register("description")} />
        <p id="description-hint" className="mt-1 text-xs text-slate-600">{copy.descriptionHint}</p>
        {err.description && <p id="description-error" className="mt-1 text-sm text-red-700">{err.description}</p>}
      </div>
      <div>
        <label htmlFor="priority" className="block text-sm font-medium">
          {copy.priority}
        </label>
        <select id="priority" className="mt-1 w-full rounded border border-slate-400 px-3 py-2" {...register("priority")}>
          {TICKET_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {copy.priorities[p]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="attachments" className="block text-sm font-medium">
          {copy.attachments}
        </label>
        <input id="attachments" type="file" multiple accept={limits.allowedExtensions.map((e) => `.${e}`).join(",")} aria-invalid={!!err.attachments} aria-describedby={describe("attachments", "attachments-hint")} className="mt-1 block w-full text-sm" {...register("attachments")} />
        <p id="attachments-hint" className="mt-1 text-xs text-slate-600">{copy.attachmentsHint}</p>
        {files.length > 0 && (
          <ul aria-label={copy.attachments} className="mt-2 space-y-1 text-sm" data-testid="file-list">
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`}>
                {f.name} <span className="text-slate-600">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
              </li>
            ))}
          </ul>
        )}
        {err.attachments && <p id="attachments-error" className="mt-1 text-sm text-red-700">{err.attachments}</p>}
      </div>
      <button type="submit" disabled={isSubmitting} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {isSubmitting ? copy.submitting : copy.submit}
      </button>
    </form>
  );
}
