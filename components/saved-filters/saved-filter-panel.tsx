"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import type { SavedFilter, SavedFilterWithCount } from "@/lib/dal/saved-filters";
import { renameFilterSchema, saveFilterSchema, SAVED_FILTER_NAME_MAX } from "@/lib/validation/finding";
import { describedBy, Field, FormAlert, type FormMessage } from "@/components/ui/form-controls";
import { useActionForm } from "@/components/ui/use-action-form";
import { reloadSavedFilters, useSavedFilters } from "./store";

export type SavedFilterActions = {
  save: (input: unknown) => Promise<ActionResult<SavedFilter>>;
  rename: (input: unknown) => Promise<ActionResult<null>>;
  remove: (input: unknown) => Promise<ActionResult<null>>;
};

type NameValues = { name: string };
const saveSchema = saveFilterSchema.pick({ name: true }) as never as z.ZodType<NameValues, NameValues>;
const renameSchema = renameFilterSchema.pick({ name: true }) as never as z.ZodType<NameValues, NameValues>;
const small = "rounded border border-slate-400 px-2 py-1 text-sm";

/**
 * "Simpan filter ini" beside the list's filters (the current tab, filters and search under a name), and
 * "Kelola filter saya": rename or delete one's own saved filters. The menu shows them with their counts.
 */
export function SavedFilterPanel({ query, actions }: { query: string; actions: SavedFilterActions }) {
  const t = useTranslations("savedFilters");
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<FormMessage>(null);
  const filters = useSavedFilters();
  return (
    <div className="space-y-2 text-sm" data-testid="saved-filter-panel">
      <div className="flex flex-wrap items-center gap-3">
        {!saving && (
          <button type="button" onClick={() => (setSaving(true), setDone(null))} className="text-brand-700 underline" data-testid="save-filter-open">
            {t("save")}
          </button>
        )}
        {filters && filters.length > 0 && <ManageFilters filters={filters} actions={actions} onDone={setDone} />}
      </div>
      {saving && (
        <SaveFilterForm
          query={query}
          action={actions.save}
          onCancel={() => setSaving(false)}
          onSaved={(name) => {
            setSaving(false);
            setDone({ text: t("saved", { name }), tone: "success" });
          }}
        />
      )}
      <FormAlert message={done} />
    </div>
  );
}

function SaveFilterForm({ query, action, onCancel, onSaved }: { query: string; action: SavedFilterActions["save"]; onCancel: () => void; onSaved: (name: string) => void }) {
  const t = useTranslations("savedFilters");
  const { register, onSubmit, message, fieldError, formState } = useActionForm({
    schema: saveSchema,
    defaultValues: { name: "" },
    submit: (values) => action({ name: values.name, query }),
    onSuccess: async (saved) => {
      await reloadSavedFilters();
      onSaved(saved.name);
    },
    refresh: false,
  });
  const error = fieldError(formState.errors.name);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-3" aria-label={t("save")}>
      <Field id="saved-filter-name" label={t("name")} error={error}>
        <input {...describedBy("saved-filter-name", error)} {...register("name")} maxLength={SAVED_FILTER_NAME_MAX} className={`mt-1 block ${small}`} autoFocus />
      </Field>
      <button type="submit" disabled={formState.isSubmitting} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
      <button type="button" onClick={onCancel} className="px-2 py-1.5 text-brand-700 underline">
        {t("cancel")}
      </button>
      <div className="basis-full">
        <FormAlert message={message} />
      </div>
    </form>
  );
}

function ManageFilters({ filters, actions, onDone }: { filters: SavedFilterWithCount[]; actions: SavedFilterActions; onDone: (m: FormMessage) => void }) {
  const t = useTranslations("savedFilters");
  return (
    <details className="relative">
      <summary className="cursor-pointer text-brand-700 underline">{t("manage")}</summary>
      <ul className="mt-2 space-y-2 rounded border border-slate-200 bg-white p-3">
        {filters.map((f) => (
          <li key={f.id}>
            <ManageRow filter={f} actions={actions} onDone={onDone} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function ManageRow({ filter, actions, onDone }: { filter: SavedFilter; actions: SavedFilterActions; onDone: (m: FormMessage) => void }) {
  const t = useTranslations("savedFilters");
  const [removing, startRemove] = useTransition();
  const [removeError, setRemoveError] = useState<string | null>(null);
  const id = `rename-${filter.id}`;
  const { register, onSubmit, message, fieldError, formState } = useActionForm({
    schema: renameSchema,
    defaultValues: { name: filter.name },
    submit: (values) => actions.rename({ id: filter.id, name: values.name }),
    onSuccess: async () => {
      await reloadSavedFilters();
      onDone({ text: t("renamed"), tone: "success" });
    },
    refresh: false,
  });
  const error = fieldError(formState.errors.name);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
        <Field id={id} label={t("renameLabel", { name: filter.name })} error={error}>
          <input {...describedBy(id, error)} {...register("name")} maxLength={SAVED_FILTER_NAME_MAX} className={`mt-1 block ${small}`} />
        </Field>
        <button type="submit" disabled={formState.isSubmitting} className="rounded border border-brand-700 px-2 py-1 text-brand-800 disabled:opacity-60">
          {t("rename")}
        </button>
      </form>
      <button
        type="button"
        disabled={removing}
        aria-label={t("deleteNamed", { name: filter.name })}
        className="rounded border border-red-300 px-2 py-1 text-red-800 hover:bg-red-50 disabled:opacity-60"
        onClick={() => {
          if (!window.confirm(t("deleteConfirm", { name: filter.name }))) return;
          startRemove(async () => {
            const result = await actions.remove({ id: filter.id });
            if (!result.ok) return setRemoveError(result.formError ?? "");
            await reloadSavedFilters();
            onDone({ text: t("deleted"), tone: "success" });
          });
        }}
      >
        {t("delete")}
      </button>
      <div className="basis-full">
        <FormAlert message={message ?? removeError} />
      </div>
    </div>
  );
}
