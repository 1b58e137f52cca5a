import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { parseListQuery } from "@/lib/validation/list-query";
import { CatalogPage } from "@/components/departments/catalog-page";
import { createDepartmentAction, renameDepartmentAction, setDepartmentActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("departments") };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/departments");
  return (
    <CatalogPage
      user={user}
      kind="department"
      query={parseListQuery(await searchParams)}
      createAction={createDepartmentAction}
      renameAction={renameDepartmentAction}
      setActiveAction={setDepartmentActiveAction}
    />
  );
}
