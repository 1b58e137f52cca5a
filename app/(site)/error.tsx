"use client";

import { useErrorCopy } from "@/components/layout/error-copy";

/** Unexpected errors: a generic message, never the stack trace (the server log has it). */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const copy = useErrorCopy();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold">{copy.title}</h1>
      <p className="mt-3 text-slate-700">{copy.body}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">
        {copy.tryAgain}
      </button>
    </main>
  );
}
