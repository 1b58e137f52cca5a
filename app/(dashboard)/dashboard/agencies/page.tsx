import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { parseListQuery } from "@/lib/validation/list-query";
import { CatalogPage } from "@/components/departments/catalog-page";
import { createAgencyAction, renameAgencyAction, setAgencyActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("agencies") };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/agencies");
  return (
    <CatalogPage
      user={user}
      kind="agency"
      query={parseListQuery(await searchParams)}
      createAction={createAgencyAction}
      renameAction={renameAgencyAction}
      setActiveAction={setAgencyActiveAction}
    />
  );
}
