"use client";

import { Controller, useFieldArray } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { footerSettingsSchema, ticketSettingsSchema, type FooterSettings, type GeneralSettings, type TicketSettings } from "@/lib/validation/settings";
import { generalSettingsFormSchema } from "@/lib/validation/settings-form";
import { buttonClass, describedBy, Field, FormAlert, inputClass } from "@/components/ui/form-controls";
import { SelectField } from "@/components/ui/select-field";
import { toFormData, useActionForm } from "@/components/ui/use-action-form";

type Copy = Record<string, string>;
type Action = (input: unknown) => Promise<ActionResult<unknown>>;

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
  action: Action;
}) {
  const tCommon = useTranslations("common");
  type Values = Omit<GeneralSettings, "logo"> & { logo?: File };
  const {
    register,
    setValue,
    formState,
    onSubmit,
    message,
    fieldError: errorText,
  } = useActionForm({ schema: generalSettingsFormSchema, defaultValues: initial, submit: (values) => action(toFormData(values)), saved: copy.saved });
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
      <FormAlert message={message} />
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
      <SelectField
        id="general-defaultLanguage"
        label={copy.defaultLanguage!}
        options={[
          { value: "id", label: tCommon("languageId") },
          { value: "en", label: tCommon("languageEn") },
        ]}
        {...register("defaultLanguage")}
      />
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
export function FooterSettingsForm({ initial, copy, action }: { initial: FooterSettings; copy: Copy; action: Action }) {
  const { register, control, formState, onSubmit, message, fieldError: errorText } = useActionForm({ schema: footerSettingsSchema, defaultValues: initial, submit: action, saved: copy.saved });
  const links = useFieldArray({ control, name: "links" });
  const textErr = errorText(formState.errors.text);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormAlert message={message} />
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
export function TicketSettingsForm({ initial, copy, action, departments }: { initial: TicketSettings; copy: Copy; action: Action; departments: { id: string; name: string }[] }) {
  const { register, control, formState, onSubmit, message, fieldError: errorText } = useActionForm({ schema: ticketSettingsSchema, defaultValues: initial, submit: action, saved: copy.saved });
  const e = (k: keyof TicketSettings) => errorText(formState.errors[k] as never);
  const num = (k: "maxFileSizeMb" | "maxFilesPerMessage" | "autoCloseResolvedAfterDays") => (
    <Field id={`ticket-${k}`} label={copy[k]!} error={e(k)}>
      <input {...describedBy(`ticket-${k}`, e(k))} type="number" className={inputClass} {...register(k, { valueAsNumber: true })} />
    </Field>
  );
  const extErr = e("allowedExtensions") ?? errorText((formState.errors.allowedExtensions as unknown as { [i: number]: never } | undefined)?.[0]);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormAlert message={message} />
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
      <SelectField
        id="ticket-defaultPriority"
        label={copy.defaultPriority!}
        options={(["LOW", "NORMAL", "HIGH", "URGENT"] as const).map((p) => ({ value: p, label: copy[`priority${p}`]! }))}
        {...register("defaultPriority")}
      />
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
