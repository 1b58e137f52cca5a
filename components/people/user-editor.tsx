import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import type { UserEditorData } from "@/lib/dal/people-editor";
import type { UserKind } from "@/lib/validation/users";
import { UserForm, type UserFormCopy } from "./user-form";
import { SetPasswordForm } from "./set-password-form";
import { USER_AREA } from "./user-table";

function useFormCopy(): UserFormCopy {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const tUi = useTranslations("ui");
  const tProfile = useTranslations("profile");
  return {
    name: t("name"),
    username: t("username"),
    email: t("email"),
    password: t("password"),
    passwordHint: tProfile("passwordHint"),
    invite: t("invite"),
    avatar: t("avatar"),
    avatarHint: t("avatarHint"),
    role: t("role"),
    roleAdmin: tRoles("ADMIN"),
    roleSuperAdmin: tRoles("SUPER_ADMIN"),
    department: t("department"),
    chooseDepartment: t("chooseDepartment"),
    designation: t("designation"),
    agency: t("agency"),
    chooseAgency: t("chooseAgency"),
    addAgency: t("addAgency"),
    addAgencyName: t("addAgencyName"),
    addAgencySubmit: t("addAgencySubmit"),
    agencyAdded: t("agencyAdded"),
    submit: t("submit"),
    submitting: tUi("saving"),
  };
}

/** Add New (no target) or Edit of one Admin / Staff / Client, with Set password on edit. */
export function UserEditor({
  kind,
  target,
  departments,
  agencies,
  saveAction,
  setPasswordAction,
  createAgencyAction,
}: UserEditorData & {
  kind: UserKind;
  saveAction: (input: unknown) => Promise<ActionResult<unknown>>;
  setPasswordAction?: (input: unknown) => Promise<ActionResult<unknown>>;
  /** Add Client / Edit Client: an OPD can be added in place (a fresh install has none). */
  createAgencyAction?: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const area = USER_AREA[kind];
  const t = useTranslations("users");
  const tProfile = useTranslations("profile");
  const copy = useFormCopy();
  const initial = target
    ? {
        id: target.id,
        name: target.name,
        username: target.username,
        email: target.email,
        ...(kind === "admin" ? { role: target.role as "ADMIN" | "SUPER_ADMIN" } : {}),
        ...(kind === "staff" ? { departmentId: target.departmentId ?? "", designation: target.designation ?? "" } : {}),
        ...(kind === "client" ? { agencyId: target.agencyId ?? "" } : {}),
      }
    : undefined;
  return (
    <section className="space-y-6">
      <div>
        <Link href={`/dashboard/${area}`} className="text-sm text-brand-700 underline">
          ← {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t(target ? `${area}Edit` : `${area}New`)}</h1>
      </div>
      {kind === "staff" && departments.length === 0 && <p className="text-amber-800">{t("noDepartments")}</p>}
      {kind === "client" && agencies.length === 0 && <p className="text-amber-800">{t(createAgencyAction ? "noAgenciesAddBelow" : "noAgencies")}</p>}
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <UserForm
          kind={kind}
          mode={target ? "edit" : "create"}
          initial={initial}
          departments={departments}
          agencies={agencies}
          copy={copy}
          action={saveAction}
          createAgency={kind === "client" ? createAgencyAction : undefined}
          doneHref={`/dashboard/${area}`}
        />
      </div>
      {target && setPasswordAction && (
        <SetPasswordForm
          userId={target.id}
          action={setPasswordAction}
          copy={{ title: t("setPassword"), password: t("password"), hint: tProfile("passwordHint"), submit: t("setPasswordSubmit"), done: t("passwordSet") }}
        />
      )}
    </section>
  );
}
