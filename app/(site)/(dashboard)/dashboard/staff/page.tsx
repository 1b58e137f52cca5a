import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { requirePageUser } from "@/lib/dal/session";
import { listManagedUsers } from "@/lib/dal/people";
import { parseListQuery } from "@/lib/validation/list-query";
import { UserTable } from "@/components/people/user-table";
import { setStaffActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("staff") };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/staff");
  const query = parseListQuery(await searchParams);
  const [when, list] = await Promise.all([getDateTimeFormatter(), listManagedUsers(user, "staff", query)]);
  return <UserTable kind="staff" query={query} list={list} when={when} setActiveAction={setStaffActiveAction} />;
}
