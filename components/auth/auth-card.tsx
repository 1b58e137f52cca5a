import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";

/** The frame of the signed-out pages (login, "Lupa password?", reset). */
export function AuthCard({ appName, title, subtitle, backLabel, backHref, children }: { appName: string; title: string; subtitle?: string; backLabel: string; backHref: string; children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-4 flex items-center justify-between">
          <Link href={backHref} className="text-sm text-brand-700 underline">
            ← {backLabel}
          </Link>
          <LanguageSwitch />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <p className="text-sm font-semibold text-brand-700">{appName}</p>
          <h1 className="mt-1 text-2xl font-bold">{title}</h1>
          {subtitle ? <p className="mb-6 mt-1 text-sm text-slate-600">{subtitle}</p> : <div className="mb-6" />}
          {children}
        </div>
      </div>
    </main>
  );
}
