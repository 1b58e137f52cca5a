import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { Avatar } from "@/components/ui/avatar";
import { ProfileForm } from "@/components/profile/profile-forms";
import { MailPreferencesForm } from "@/components/profile/mail-preferences-form";
import { getMailPreferences } from "@/lib/dal/profile";
import { SignOutEverywhere } from "@/components/profile/sign-out-everywhere";
import { listLiveSessions } from "@/lib/dal/user-sessions";
import { getDateTimeFormatter } from "@/lib/format";
import { signOutEverywhereAction, updateMailPreferencesAction, updateProfileAction } from "./actions";
import { can } from "@/lib/auth/permissions";
import { isStaffAway } from "@/lib/dal/tickets/auto-assign";
import { AwayToggle } from "@/components/people/away-toggle";
import { setStaffAwayAction } from "../staff/away-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function Page() {
  const user = await requirePageUser("/dashboard/profile");
  const [t, tUsers, sessions, when, mail] = await Promise.all([
    getTranslations("profile"),
    getTranslations("users"),
    listLiveSessions(user.id),
    getDateTimeFormatter(),
    getMailPreferences(user),
  ]);
  const away = can(user, "staff.away") ? await isStaffAway(user.id) : null;
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
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-3 text-lg font-semibold">{t("mailTitle")}</h2>
        <MailPreferencesForm
          initial={{ locale: mail.locale, enabled: mail.enabled }}
          kinds={mail.kinds}
          action={updateMailPreferencesAction}
          copy={{
            legend: t("mailLegend"),
            locale: t("mailLocale"),
            submit: t("submit"),
            saved: t("saved"),
            ...Object.fromEntries(mail.kinds.map((k) => [k, t(`mailKind.${k}`)])),
          }}
        />
      </div>
      {away !== null && <AwayToggle userId={user.id} name={user.name} away={away} self action={setStaffAwayAction} />}
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <p className="text-sm text-slate-700">{t("sessionsActive", { count: sessions.length })}</p>
        <ul className="space-y-1 text-sm text-slate-700">
          {sessions.map((s) => (
            <li key={s.id}>
              {t("sessionLine", { ip: s.ip, started: when(s.createdAt), seen: when(s.lastSeenAt) })}
            </li>
          ))}
        </ul>
        <SignOutEverywhere
          action={signOutEverywhereAction}
          copy={{ title: t("signOutEverywhereTitle"), body: t("signOutEverywhereBody"), button: t("signOutEverywhere"), busy: t("signingOut") }}
        />
      </div>
    </section>
  );
}
