import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { parseListQuery } from "@/lib/validation/list-query";
import { UserListPage } from "@/components/people/user-pages";
import { setStaffActiveAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("staff") };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/staff");
  return <UserListPage user={user} kind="staff" query={parseListQuery(await searchParams)} setActiveAction={setStaffActiveAction} />;
}
