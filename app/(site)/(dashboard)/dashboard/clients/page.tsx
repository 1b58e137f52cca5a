import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { requirePageUser } from "@/lib/dal/session";
import { listManagedUsers } from "@/lib/dal/people";
import { parseListQuery } from "@/lib/validation/list-query";
import { UserTable } from "@/components/people/user-table";
import { setClientActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("clients") };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/clients");
  const query = parseListQuery(await searchParams);
  const [when, list] = await Promise.all([getDateTimeFormatter(), listManagedUsers(user, "client", query)]);
  return <UserTable kind="client" query={query} list={list} when={when} setActiveAction={setClientActiveAction} />;
}
