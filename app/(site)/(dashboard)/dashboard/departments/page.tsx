import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { listCatalog } from "@/lib/dal/departments";
import { departmentsAutoAssign } from "@/lib/dal/tickets/auto-assign";
import { parseListQuery } from "@/lib/validation/list-query";
import { CatalogTable } from "@/components/departments/catalog-table";
import { createDepartmentAction, renameDepartmentAction, setDepartmentActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("departments") };
}

const actions = { create: createDepartmentAction, rename: renameDepartmentAction, setActive: setDepartmentActiveAction };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/departments");
  const query = parseListQuery(await searchParams);
  const list = await listCatalog(user, "department", query);
  const autoAssign = await departmentsAutoAssign(user, list.rows.map((r) => r.id));
  return <CatalogTable kind="department" query={query} list={list} actions={actions} autoAssign={autoAssign} />;
}
