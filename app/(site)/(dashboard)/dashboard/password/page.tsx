import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { ChangePasswordForm } from "@/components/profile/profile-forms";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("passwordTitle") };
}

export default async function Page() {
  await requirePageUser("/dashboard/password");
  const t = await getTranslations("profile");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("passwordTitle")}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <ChangePasswordForm
          action={changePasswordAction}
          copy={{
            currentPassword: t("currentPassword"),
            newPassword: t("newPassword"),
            confirmPassword: t("confirmPassword"),
            passwordHint: t("passwordHint"),
            submit: t("submit"),
          }}
        />
      </div>
    </section>
  );
}
