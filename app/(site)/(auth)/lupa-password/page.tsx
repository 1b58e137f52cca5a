import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";
import { getSettings } from "@/lib/dal/settings";
import { requestPasswordResetAction } from "../password-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const [t, general] = await Promise.all([getTranslations("passwordReset"), getSettings("general")]);
  return (
    <AuthCard appName={general.appName} title={t("forgotTitle")} subtitle={t("forgotSubtitle")} backLabel={t("backToLogin")} backHref="/login">
      <ForgotPasswordForm action={requestPasswordResetAction} copy={{ email: t("email"), submit: t("send"), sent: t("sent") }} />
    </AuthCard>
  );
}
