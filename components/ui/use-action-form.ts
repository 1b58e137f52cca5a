"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type DefaultValues, type FieldError, type FieldValues, type UseFormReturn } from "react-hook-form";
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
 * message in `message`; on success `onSuccess` (redirect, reset…), the `saved` line if given, and
 * a router refresh so server components show the new data.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>({
  schema,
  defaultValues,
  submit,
  onSuccess,
  saved,
  refresh = true,
}: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
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
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never), defaultValues });
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await submit(values);
    if (result.ok) {
      await onSuccess?.(result.data, values);
      if (saved) setMessage({ text: saved, tone: "success" });
      if (refresh) router.refresh();
      return;
    }
    const formError = applyActionErrors(result, form.setError);
    setMessage(formError ? { text: formError, tone: "error" } : null);
  });
  return { ...form, onSubmit, message, setMessage, fieldError: errorText };
}
