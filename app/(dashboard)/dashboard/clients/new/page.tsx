import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { UserEditorPage } from "@/components/people/user-pages";
import { createAgencyAction } from "../../agencies/actions";
import { createClientAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("clientsNew") };
}

export default async function Page() {
  const user = await requirePageUser("/dashboard/clients/new");
  return <UserEditorPage user={user} kind="client" saveAction={createClientAction} createAgencyAction={createAgencyAction} />;
}
