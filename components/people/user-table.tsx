import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { PAGE_SIZE, type ManagedUser } from "@/lib/dal/people";
import type { UserKind } from "@/lib/validation/users";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { ActionButton } from "@/components/ui/action-button";
import { Avatar } from "@/components/ui/avatar";

/** The route folder of each kind: /dashboard/admins, /staff, /clients. */
export const USER_AREA: Record<UserKind, "admins" | "staff" | "clients"> = { admin: "admins", staff: "staff", client: "clients" };

/** Admin / Staff / Client list. */
export function UserTable({
  kind,
  query,
  list: { total, rows },
  when,
  setActiveAction,
}: {
  kind: UserKind;
  query: { q: string; page: number };
  list: { total: number; rows: ManagedUser[] };
  when: (date: Date) => string;
  setActiveAction: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const area = USER_AREA[kind];
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const tUi = useTranslations("ui");
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
            look={u.active ? "danger" : "neutral"}
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
      <Pagination page={query.page} pageSize={PAGE_SIZE} total={total} basePath={`/dashboard/${area}`} params={{ q: query.q }} />
    </section>
  );
}

