import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { listCatalog } from "@/lib/dal/departments";
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
  return <CatalogTable kind="department" query={query} list={await listCatalog(user, "department", query)} actions={actions} />;
}
