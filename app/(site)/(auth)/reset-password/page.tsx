import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { isPasswordTokenValid } from "@/lib/dal/password-reset";
import { getSettings } from "@/lib/dal/settings";
import { resetPasswordAction } from "../password-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("resetTitle"), referrer: "no-referrer" };
}

/** The page a reset or invitation link opens. The token is checked again when the form is sent. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token }, t, tProfile, general] = await Promise.all([searchParams, getTranslations("passwordReset"), getTranslations("profile"), getSettings("general")]);
  const valid = typeof token === "string" && (await isPasswordTokenValid(token));
  return (
    <AuthCard appName={general.appName} title={t("resetTitle")} backLabel={t("backToLogin")} backHref="/login">
      {valid ? (
        <ResetPasswordForm
          action={resetPasswordAction}
          token={token}
          copy={{ password: tProfile("newPassword"), confirm: tProfile("confirmPassword"), hint: tProfile("passwordHint"), submit: t("save"), done: t("done"), toLogin: t("toLogin") }}
        />
      ) : (
        <div className="space-y-4">
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {t("errors.invalidLink")}
          </p>
          <Link href="/lupa-password" className="text-sm text-brand-700 underline">
            {t("askAgain")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
