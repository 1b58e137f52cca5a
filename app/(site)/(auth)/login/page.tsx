import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getSessionUser } from "@/lib/dal/session";
import { getSettings } from "@/lib/dal/settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title"), description: t("subtitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; notice?: string }> }) {
  const [{ callbackUrl, notice }, user, t, general, tNav, tProfile, tv] = await Promise.all([
    searchParams,
    getSessionUser(),
    getTranslations("login"),
    getSettings("general"),
    getTranslations("nav"),
    getTranslations("profile"),
    getTranslations("validation"),
  ]);
  if (user) redirect("/dashboard");

  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-4 flex items-center justify-between">
          <Link href="/" className="text-sm text-brand-700 underline">
            ← {tNav("home")}
          </Link>
          <LanguageSwitch />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <p className="text-sm font-semibold text-brand-700">{general.appName}</p>
          <h1 className="mt-1 text-2xl font-bold">{t("title")}</h1>
          <p className="mb-6 mt-1 text-sm text-slate-600">{t("subtitle")}</p>
          {notice === "password-changed" && (
            <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
              {tProfile("passwordChangedLogin")}
            </p>
          )}
          {notice === "signed-out-everywhere" && (
            <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
              {tProfile("signedOutEverywhere")}
            </p>
          )}
          <LoginForm
            callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined}
            copy={{
              identifier: t("identifier"),
              password: t("password"),
              submit: t("submit"),
              submitting: t("submitting"),
              invalid: t("invalid"),
              locked: t.raw("locked") as string,
              failed: t("failed"),
              required: tv("required"),
            }}
          />
          <p className="mt-4 text-center text-sm">
            <Link href="/lupa-password" className="text-brand-700 underline">
              {t("forgot")}
            </Link>
          </p>
        </div>
      </div>
    </main>
  );
}
