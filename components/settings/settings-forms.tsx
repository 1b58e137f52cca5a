"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { footerSettingsSchema, ticketSettingsSchema, type FooterSettings, type GeneralSettings, type TicketSettings } from "@/lib/validation/settings";
import { generalSettingsFormSchema } from "@/lib/validation/settings-form";
import { applyActionErrors, buttonClass, describedBy, Field, FormAlert, inputClass, useErrorText } from "@/components/ui/form-controls";

type Copy = Record<string, string>;

function useSaveState() {
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  return { message, setMessage };
}

/** General tab: application name, logo, organisation, contact, language, time zone, about text. */
export function GeneralSettingsForm({
  initial,
  hasLogo,
  copy,
  action,
}: {
  initial: Omit<GeneralSettings, "logo">;
  hasLogo: boolean;
  copy: Copy;
  action: (input: FormData) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const errorText = useErrorText();
  const tCommon = useTranslations("common");
  const { message, setMessage } = useSaveState();
  type Values = Omit<GeneralSettings, "logo"> & { logo?: File };
  const { register, handleSubmit, setError, setValue, formState } = useForm<Values>({
    resolver: zodResolver(generalSettingsFormSchema as never),
    defaultValues: initial,
  });
  const onSubmit = handleSubmit(async (values) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) if (v !== undefined) fd.append(k, v instanceof File ? v : String(v));
    const result = await action(fd);
    if (result.ok) {
      setMessage({ text: copy.saved!, tone: "success" });
      router.refresh();
    } else {
      const formError = applyActionErrors(result, setError);
      setMessage(formError ? { text: formError, tone: "error" } : null);
    }
  });
  const text = (name: keyof Omit<Values, "logo" | "defaultLanguage" | "about">, type = "text") => {
    const err = errorText(formState.errors[name]);
    return (
      <Field id={`general-${name}`} label={copy[name]!} error={err}>
        <input {...describedBy(`general-${name}`, err)} type={type} className={inputClass} {...register(name)} />
      </Field>
    );
  };
  const logoErr = errorText(formState.errors.logo as never);
  const aboutErr = errorText(formState.errors.about);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      {text("appName")}
      <Field id="general-logo" label={copy.logo!} error={logoErr} hint={copy.logoHint}>
        {hasLogo && (
          // eslint-disable-next-line @next/next/no-img-element -- served by our own route, already sized
          <img src="/api/logo" alt={copy.currentLogo} width={64} height={64} className="my-2 rounded border border-slate-200" />
        )}
        <input
          {...describedBy("general-logo", logoErr, copy.logoHint)}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          className="mt-1 block text-sm"
          onChange={(e) => setValue("logo", e.target.files?.[0], { shouldValidate: true })}
        />
      </Field>
      {text("organisation")}
      {text("address")}
      {text("phone", "tel")}
      {text("email", "email")}
      <Field id="general-defaultLanguage" label={copy.defaultLanguage!}>
        <select id="general-defaultLanguage" className={inputClass} {...register("defaultLanguage")}>
          <option value="id">{tCommon("languageId")}</option>
          <option value="en">{tCommon("languageEn")}</option>
        </select>
      </Field>
      {text("timeZone")}
      <Field id="general-about" label={copy.about!} error={aboutErr}>
        <textarea {...describedBy("general-about", aboutErr)} rows={6} className={inputClass} {...register("about")} />
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}

/** Footer tab: footer text and up to 10 links. */
export function FooterSettingsForm({ initial, copy, action }: { initial: FooterSettings; copy: Copy; action: (input: FooterSettings) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const errorText = useErrorText();
  const { message, setMessage } = useSaveState();
  const { register, control, handleSubmit, setError, formState } = useForm<FooterSettings>({ resolver: zodResolver(footerSettingsSchema), defaultValues: initial });
  const links = useFieldArray({ control, name: "links" });
  const onSubmit = handleSubmit(async (values) => {
    const result = await action(values);
    if (result.ok) {
      setMessage({ text: copy.saved!, tone: "success" });
      router.refresh();
    } else {
      const formError = applyActionErrors(result, setError);
      setMessage(formError ? { text: formError, tone: "error" } : null);
    }
  });
  const textErr = errorText(formState.errors.text);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      <Field id="footer-text" label={copy.footerText!} error={textErr}>
        <textarea {...describedBy("footer-text", textErr)} rows={3} className={inputClass} {...register("text")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{copy.links}</legend>
        {links.fields.map((f, i) => {
          const labelErr = errorText(formState.errors.links?.[i]?.label);
          const urlErr = errorText(formState.errors.links?.[i]?.url);
          return (
            <div key={f.id} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
              <Field id={`link-label-${i}`} label={copy.linkLabel!} error={labelErr}>
                <input {...describedBy(`link-label-${i}`, labelErr)} className={inputClass} {...register(`links.${i}.label`)} />
              </Field>
              <Field id={`link-url-${i}`} label={copy.linkUrl!} error={urlErr}>
                <input {...describedBy(`link-url-${i}`, urlErr)} className={inputClass} {...register(`links.${i}.url`)} />
              </Field>
              <button type="button" onClick={() => links.remove(i)} className="rounded border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100">
                {copy.removeLink}
              </button>
            </div>
          );
        })}
        {links.fields.length < 10 && (
          <button type="button" onClick={() => links.append({ label: "", url: "" })} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            {copy.addLink}
          </button>
        )}
      </fieldset>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}

/** Ticket tab: number prefix, attachments, default priority, client permissions, auto-close. */
export function TicketSettingsForm({
  initial,
  copy,
  action,
  departments,
}: {
  initial: TicketSettings;
  copy: Copy;
  action: (input: TicketSettings) => Promise<ActionResult<unknown>>;
  departments: { id: string; name: string }[];
}) {
  const router = useRouter();
  const errorText = useErrorText();
  const { message, setMessage } = useSaveState();
  const { register, control, handleSubmit, setError, formState } = useForm<TicketSettings>({ resolver: zodResolver(ticketSettingsSchema), defaultValues: initial });
  const onSubmit = handleSubmit(async (values) => {
    const result = await action(values);
    if (result.ok) {
      setMessage({ text: copy.saved!, tone: "success" });
      router.refresh();
    } else {
      const formError = applyActionErrors(result, setError);
      setMessage(formError ? { text: formError, tone: "error" } : null);
    }
  });
  const e = (k: keyof TicketSettings) => errorText(formState.errors[k] as never);
  const num = (k: "maxFileSizeMb" | "maxFilesPerMessage" | "autoCloseResolvedAfterDays") => (
    <Field id={`ticket-${k}`} label={copy[k]!} error={e(k)}>
      <input {...describedBy(`ticket-${k}`, e(k))} type="number" className={inputClass} {...register(k, { valueAsNumber: true })} />
    </Field>
  );
  const extErr = e("allowedExtensions") ?? errorText((formState.errors.allowedExtensions as unknown as { [i: number]: never } | undefined)?.[0]);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      <Field id="ticket-numberPrefix" label={copy.numberPrefix!} error={e("numberPrefix")}>
        <input {...describedBy("ticket-numberPrefix", e("numberPrefix"))} className={inputClass} {...register("numberPrefix")} />
      </Field>
      <Field id="ticket-allowedExtensions" label={copy.allowedExtensions!} error={extErr} hint={copy.allowedExtensionsHint}>
        <Controller
          control={control}
          name="allowedExtensions"
          render={({ field }) => (
            <input
              {...describedBy("ticket-allowedExtensions", extErr, copy.allowedExtensionsHint)}
              className={inputClass}
              defaultValue={field.value.join(", ")}
              onBlur={field.onBlur}
              onChange={(ev) =>
                field.onChange(
                  ev.target.value
                    .split(",")
                    .map((s) => s.trim().toLowerCase().replace(/^\./, ""))
                    .filter(Boolean),
                )
              }
            />
          )}
        />
      </Field>
      {num("maxFileSizeMb")}
      {num("maxFilesPerMessage")}
      <Field id="ticket-defaultPriority" label={copy.defaultPriority!}>
        <select id="ticket-defaultPriority" className={inputClass} {...register("defaultPriority")}>
          {(["LOW", "NORMAL", "HIGH", "URGENT"] as const).map((p) => (
            <option key={p} value={p}>
              {copy[`priority${p}`]}
            </option>
          ))}
        </select>
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register("clientsMayClose")} /> {copy.clientsMayClose}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register("clientsMayReopen")} /> {copy.clientsMayReopen}
      </label>
      {num("autoCloseResolvedAfterDays")}
      <Field id="ticket-emailDepartmentId" label={copy.emailDepartmentId!} error={e("emailDepartmentId")} hint={copy.emailDepartmentHint}>
        <select {...describedBy("ticket-emailDepartmentId", e("emailDepartmentId"), copy.emailDepartmentHint)} className={inputClass} {...register("emailDepartmentId")}>
          <option value="">{copy.emailDepartmentNone}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className={buttonClass}>
        {copy.submit}
      </button>
    </form>
  );
}
