import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { UserEditorPage } from "@/components/people/user-pages";
import { createAdminAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("adminsNew") };
}

export default async function Page() {
  const user = await requirePageUser("/dashboard/admins/new");
  return <UserEditorPage user={user} kind="admin" saveAction={createAdminAction} />;
}
