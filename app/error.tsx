"use client";

import { useTranslations } from "next-intl";

/** Unexpected errors: a generic message, never the stack trace (the server log has it). */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("errorBody")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">
        {t("tryAgain")}
      </button>
    </main>
  );
}
