import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { findUserEditor } from "@/lib/dal/people-editor";
import { UserEditor } from "@/components/people/user-editor";
import { createAgencyAction } from "../../agencies/actions";
import { setClientPasswordAction, updateClientAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("clientsEdit") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/clients");
  const editor = await findUserEditor(user, "client", (await params).id);
  if (!editor) notFound();
  return <UserEditor kind="client" {...editor} saveAction={updateClientAction} setPasswordAction={setClientPasswordAction} createAgencyAction={createAgencyAction} />;
}
