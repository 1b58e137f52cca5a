"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import type { SkmElementSetting } from "@/lib/skm/elements";
import type { SkmSettings } from "@/lib/validation/skm";
import { buttonClass, describedBy, Field, FormAlert, inputClass, type FormMessage } from "@/components/ui/form-controls";
import { SelectField } from "@/components/ui/select-field";

type Action<T = null> = (input: unknown) => Promise<ActionResult<T>>;

function useSubmit<T>(action: Action<T>, saved: (data: T) => string) {
  const [message, setMessage] = useState<FormMessage>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  async function run(input: unknown) {
    setPending(true);
    const result = await action(input).finally(() => setPending(false));
    setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    setMessage(result.ok ? { text: saved(result.data), tone: "success" } : { text: result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? "", tone: "error" });
  }
  return { message, errors, pending, run };
}

/** Settings → SKM: unit, person responsible, period, mailed links, public page. */
export function SkmSettingsForm({ initial, action, copy }: { initial: SkmSettings; action: Action; copy: Record<string, string> }) {
  const { message, errors, pending, run } = useSubmit(action, () => copy.saved!);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fd = new FormData(event.currentTarget);
    void run({
      unitName: fd.get("unitName"),
      responsibleName: fd.get("responsibleName"),
      responsibleTitle: fd.get("responsibleTitle"),
      periodKind: fd.get("periodKind"),
      linkDays: fd.get("linkDays"),
      invite: fd.get("invite") === "on",
      publicPage: fd.get("publicPage") === "on",
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="skm-settings-form">
      <FormAlert message={message} />
      <Field id="skm-unit" label={copy.unitName!} error={errors.unitName}>
        <input {...describedBy("skm-unit", errors.unitName)} name="unitName" defaultValue={initial.unitName} className={inputClass} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="skm-responsible" label={copy.responsibleName!} error={errors.responsibleName}>
          <input {...describedBy("skm-responsible", errors.responsibleName)} name="responsibleName" defaultValue={initial.responsibleName} className={inputClass} />
        </Field>
        <Field id="skm-responsible-title" label={copy.responsibleTitle!} error={errors.responsibleTitle}>
          <input {...describedBy("skm-responsible-title", errors.responsibleTitle)} name="responsibleTitle" defaultValue={initial.responsibleTitle} className={inputClass} />
        </Field>
        <SelectField
          id="skm-period-kind"
          name="periodKind"
          label={copy.periodKind!}
          defaultValue={initial.periodKind}
          error={errors.periodKind}
          options={["semester", "quarter", "year"].map((k) => ({ value: k, label: copy[`period_${k}`]! }))}
        />
        <Field id="skm-link-days" label={copy.linkDays!} error={errors.linkDays}>
          <input {...describedBy("skm-link-days", errors.linkDays)} name="linkDays" type="number" min={1} max={365} defaultValue={initial.linkDays} className={inputClass} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="invite" defaultChecked={initial.invite} /> {copy.invite}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="publicPage" defaultChecked={initial.publicPage} /> {copy.publicPage}
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>
        {copy.save}
      </button>
    </form>
  );
}

/** Settings → SKM: elements on/off ("tidak dinilai") and the wording per element and level, in both languages. */
export function SkmQuestionnaireForm({ initial, action, copy, names }: { initial: SkmElementSetting[]; action: Action<{ effectiveFrom: string }>; copy: Record<string, string>; names: string[] }) {
  const { message, errors, pending, run } = useSubmit(action, (d) => copy.saved!.replace("{date}", d.effectiveFrom.slice(0, 10)));
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fd = new FormData(event.currentTarget);
    const text = (k: string) => String(fd.get(k) ?? "");
    void run({
      elements: initial.map((e, i) => ({
        code: e.code,
        enabled: fd.get(`${i}.enabled`) === "on",
        id: { question: text(`${i}.id.question`), levels: [0, 1, 2, 3].map((l) => text(`${i}.id.${l}`)) },
        en: { question: text(`${i}.en.question`), levels: [0, 1, 2, 3].map((l) => text(`${i}.en.${l}`)) },
      })),
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="skm-questionnaire-form">
      <FormAlert message={message} />
      {errors.elements && <p className="text-sm text-red-700">{errors.elements}</p>}
      {initial.map((e, i) => (
        <fieldset key={e.code} className="rounded border border-slate-200 p-3">
          <legend className="px-1 font-semibold">
            U{i + 1}. {names[i]}
          </legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`${i}.enabled`} defaultChecked={e.enabled} /> {copy.enabled}
          </label>
          {(["id", "en"] as const).map((lang) => (
            <div key={lang} className="mt-2 space-y-1">
              <Field id={`q-${i}-${lang}`} label={copy[`question_${lang}`]!} error={errors[`elements.${i}.${lang}.question`]}>
                <input {...describedBy(`q-${i}-${lang}`, errors[`elements.${i}.${lang}.question`])} name={`${i}.${lang}.question`} defaultValue={e[lang].question} className={inputClass} />
              </Field>
              <div className="grid gap-2 sm:grid-cols-4">
                {e[lang].levels.map((level, l) => (
                  <Field key={l} id={`q-${i}-${lang}-${l}`} label={`${copy.level} ${l + 1}`} error={errors[`elements.${i}.${lang}.levels.${l}`]}>
                    <input {...describedBy(`q-${i}-${lang}-${l}`, errors[`elements.${i}.${lang}.levels.${l}`])} name={`${i}.${lang}.${l}`} defaultValue={level} className={inputClass} />
                  </Field>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      ))}
      <p className="text-xs text-slate-600">{copy.versionHint}</p>
      <button type="submit" disabled={pending} className={buttonClass}>
        {copy.save}
      </button>
    </form>
  );
}
