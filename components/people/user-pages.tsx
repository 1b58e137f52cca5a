import { UserFacingError } from "@/lib/errors";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import type { ActionResult } from "@/lib/actions/action";
import type { SessionUser } from "@/lib/dal/users";
import { getManagedUserOrThrow, listManagedUsers, listSelectableAgencies, listSelectableDepartments, PAGE_SIZE, type ManagedUser } from "@/lib/dal/people";
import type { UserKind } from "@/lib/validation/users";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { ActionButton } from "@/components/ui/action-button";
import { Avatar } from "@/components/ui/avatar";
import { UserForm, type UserFormCopy } from "./user-form";
import { SetPasswordForm } from "./set-password-form";

const AREA: Record<UserKind, "admins" | "staff" | "clients"> = { admin: "admins", staff: "staff", client: "clients" };

export async function paginationCopy() {
  const t = await getTranslations("ui");
  return { previous: t("previous"), next: t("next"), pageOf: t.raw("pageOf") as string, total: t.raw("total") as string, label: t("pagination") };
}

/** Admin / Staff / Client list (manual screens 7, 11, 13). */
export async function UserListPage({
  user,
  kind,
  query,
  setActiveAction,
}: {
  user: SessionUser;
  kind: UserKind;
  query: { q: string; page: number };
  setActiveAction: (input: { id: string; active: boolean }) => Promise<ActionResult<unknown>>;
}) {
  const area = AREA[kind];
  const [t, tRoles, tUi, when, { total, rows }, pageCopy] = await Promise.all([
    getTranslations("users"),
    getTranslations("roles"),
    getTranslations("ui"),
    getDateTimeFormatter(),
    listManagedUsers(user, kind, query),
    paginationCopy(),
  ]);
  const columns: Column<ManagedUser>[] = [
    {
      key: "name",
      header: t("name"),
      cell: (u) => (
        <span className="flex items-center gap-2">
          <Avatar name={u.name} src={u.avatar ? `/api/avatars/${u.id}` : null} />
          <span>
            <span className="font-medium">{u.name}</span>
            <span className="block text-xs text-slate-600">{u.username}</span>
          </span>
        </span>
      ),
    },
    { key: "email", header: t("email"), cell: (u) => u.email },
    ...(kind === "admin" ? [{ key: "role", header: t("role"), cell: (u: ManagedUser) => tRoles(u.role) }] : []),
    ...(kind === "staff"
      ? [
          { key: "department", header: t("department"), cell: (u: ManagedUser) => u.department?.name ?? "—" },
          { key: "designation", header: t("designation"), cell: (u: ManagedUser) => u.designation ?? "—" },
        ]
      : []),
    ...(kind === "client" ? [{ key: "agency", header: t("agency"), cell: (u: ManagedUser) => u.agency?.name ?? "—" }] : []),
    {
      key: "status",
      header: t("status"),
      cell: (u) => (
        <span className={u.active ? "text-green-800" : "text-slate-500"}>
          {u.active ? t("active") : t("inactive")}
          <span className="block text-xs text-slate-500">
            {t("lastLogin")}: {u.lastLoginAt ? when(u.lastLoginAt) : t("never")}
          </span>
        </span>
      ),
    },
    {
      key: "actions",
      header: tUi("actions"),
      cell: (u) => (
        <span className="flex flex-wrap items-start gap-2">
          <Link href={`/dashboard/${area}/${u.id}`} className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100">
            {t("edit")}
          </Link>
          <ActionButton
            action={setActiveAction}
            input={{ id: u.id, active: !u.active }}
            label={u.active ? t("deactivate") : t("reactivate")}
            confirm={u.active ? t("confirmDeactivate", { name: u.name }) : undefined}
            tone={u.active ? "danger" : "neutral"}
          />
        </span>
      ),
    },
  ];
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t(`${area}Title`)}</h1>
        <Link href={`/dashboard/${area}/new`} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t("addNew")}
        </Link>
      </div>
      <SearchBox q={query.q} placeholder={t("searchPlaceholder")} label={tUi("searchLabel")} submit={tUi("search")} />
      <DataTable caption={t(`${area}Title`)} columns={columns} rows={rows} rowKey={(u) => u.id} empty={tUi("noResults")} />
      <Pagination page={query.page} pageSize={PAGE_SIZE} total={total} basePath={`/dashboard/${area}`} params={{ q: query.q }} copy={pageCopy} />
    </section>
  );
}

async function formCopy(): Promise<UserFormCopy> {
  const [t, tRoles, tUi, tProfile] = await Promise.all([getTranslations("users"), getTranslations("roles"), getTranslations("ui"), getTranslations("profile")]);
  return {
    name: t("name"),
    username: t("username"),
    email: t("email"),
    password: t("password"),
    passwordHint: tProfile("passwordHint"),
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

/** Add New (id undefined) or Edit page of one Admin / Staff / Client. */
export async function UserEditorPage({
  user,
  kind,
  id,
  saveAction,
  setPasswordAction,
  createAgencyAction,
}: {
  user: SessionUser;
  kind: UserKind;
  id?: string;
  saveAction: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  setPasswordAction?: (input: { id: string; password: string }) => Promise<ActionResult<unknown>>;
  createAgencyAction?: (input: { name: string }) => Promise<ActionResult<{ id: string }>>;
}) {
  const area = AREA[kind];
  let target: ManagedUser | undefined;
  if (id) {
    try {
      target = await getManagedUserOrThrow(user, kind, id);
    } catch (error) {
      if (error instanceof UserFacingError) notFound();
      throw error;
    }
  }
  const [t, tProfile, copy, departments, agencies] = await Promise.all([
    getTranslations("users"),
    getTranslations("profile"),
    formCopy(),
    kind === "staff" ? listSelectableDepartments(user) : Promise.resolve([]),
    kind === "client" ? listSelectableAgencies(user) : Promise.resolve([]),
  ]);
  // A user whose department/OPD was deactivated keeps it selectable on their own edit form.
  if (target?.departmentId && target.department && !departments.some((d) => d.id === target.departmentId)) {
    departments.push({ id: target.departmentId, name: target.department.name });
  }
  if (target?.agencyId && target.agency && !agencies.some((a) => a.id === target.agencyId)) {
    agencies.push({ id: target.agencyId, name: target.agency.name });
  }
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
