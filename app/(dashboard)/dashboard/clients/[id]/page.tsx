import { isUuid } from "@/lib/validation/zod";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { UserEditorPage } from "@/components/people/user-pages";
import { createAgencyAction } from "../../agencies/actions";
import { setClientPasswordAction, updateClientAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("clientsEdit") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/clients");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <UserEditorPage user={user} kind="client" id={id} saveAction={updateClientAction} setPasswordAction={setClientPasswordAction} createAgencyAction={createAgencyAction} />;
}
