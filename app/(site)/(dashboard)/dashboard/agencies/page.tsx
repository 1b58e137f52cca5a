import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { listCatalog } from "@/lib/dal/departments";
import { parseListQuery } from "@/lib/validation/list-query";
import { CatalogTable } from "@/components/departments/catalog-table";
import { createAgencyAction, renameAgencyAction, setAgencyActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("agencies") };
}

const actions = { create: createAgencyAction, rename: renameAgencyAction, setActive: setAgencyActiveAction };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/agencies");
  const query = parseListQuery(await searchParams);
  return <CatalogTable kind="agency" query={query} list={await listCatalog(user, "agency", query)} actions={actions} />;
}
