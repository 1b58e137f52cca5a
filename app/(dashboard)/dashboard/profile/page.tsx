import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { Avatar } from "@/components/ui/avatar";
import { ProfileForm } from "@/components/profile/profile-forms";
import { updateProfileAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function Page() {
  const user = await requirePageUser("/dashboard/profile");
  const [t, tUsers] = await Promise.all([getTranslations("profile"), getTranslations("users")]);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/dashboard/password" className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-brand-800 hover:bg-slate-50">
          {t("changePasswordLink")}
        </Link>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <div className="mb-4">
          <Avatar name={user.name} src={user.avatar ? `/api/avatars/${user.id}` : null} size={72} />
        </div>
        <ProfileForm
          initial={{ name: user.name, username: user.username, email: user.email }}
          action={updateProfileAction}
          copy={{
            name: tUsers("name"),
            username: tUsers("username"),
            email: tUsers("email"),
            avatar: tUsers("avatar"),
            avatarHint: tUsers("avatarHint"),
            submit: t("submit"),
            saved: t("saved"),
          }}
        />
      </div>
    </section>
  );
}
