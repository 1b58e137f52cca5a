"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type DefaultValues, type Resolver, type FieldError, type FieldValues, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action";
import { applyActionErrors, useErrorText, type FormMessage } from "./form-controls";

/**
 * Form values → FormData for the actions that take files. Lists (a FileList, several files)
 * become repeated names; `false` is left out, as a browser leaves out an unticked checkbox.
 */
export function toFormData(values: object): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(values)) {
    const items: unknown[] = value instanceof FileList || Array.isArray(value) ? Array.from(value) : [value];
    for (const item of items) {
      if (item === undefined || item === null || item === false) continue;
      fd.append(key, item instanceof Blob ? item : String(item));
    }
  }
  return fd;
}

/**
 * The one submit path of a client form: react-hook-form validated by the same zod schema as the
 * server action → the action → on failure, field errors beside their fields and the form-level
 * message in `message` (what the user typed stays); on success `onSuccess` (redirect, reset, fetch
 * the page's data again…), then the `saved` line if given — so it shows only once the server and
 * `onSuccess` are done — and a router refresh so server components show the new data.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>({
  schema,
  defaultValues,
  values,
  raw = false,
  submit,
  onSuccess,
  saved,
  refresh = true,
}: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /**
   * Values kept in step with data that can change under the form (a ticket fetched again): a field
   * the user has not touched takes the new value, a field they changed keeps their choice.
   */
  values?: z.input<S>;
  /**
   * Send the fields as typed instead of the schema's output, for schemas that transform (the
   * calendar's "07:30-12:00" lines): the action parses them with the same schema.
   */
  raw?: boolean;
  /** Calls the server action with the parsed values (as FormData when files travel). */
  submit: (values: z.output<S>) => Promise<ActionResult<T>>;
  onSuccess?: (data: T, values: z.output<S>) => void | Promise<void>;
  /** A success line shown above the form. */
  saved?: string;
  refresh?: boolean;
}): UseFormReturn<z.input<S>, unknown, z.output<S>> & {
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  message: FormMessage;
  setMessage: (message: FormMessage) => void;
  /** The translated error of a field, if any. */
  fieldError: (error: FieldError | undefined) => string | undefined;
} {
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<FormMessage>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // With `raw` the values handed on are the fields as typed, which the caller's types then describe.
    resolver: (raw ? zodResolver(schema as never, undefined, { raw: true }) : zodResolver(schema as never)) as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    ...(values ? { values, resetOptions: { keepDirtyValues: true } } : {}),
  });
  const onSubmit = form.handleSubmit(async (parsed) => {
    setMessage(null);
    const result = await submit(parsed);
    if (result.ok) {
      await onSuccess?.(result.data, parsed);
      if (saved) setMessage({ text: saved, tone: "success" });
      if (refresh) router.refresh();
      return;
    }
    const formError = applyActionErrors(result, form.setError);
    setMessage(formError ? { text: formError, tone: "error" } : null);
  });
  return { ...form, onSubmit, message, setMessage, fieldError: errorText };
}
