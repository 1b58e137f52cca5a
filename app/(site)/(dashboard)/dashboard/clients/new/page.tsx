import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { findUserEditor } from "@/lib/dal/people-editor";
import { UserEditor } from "@/components/people/user-editor";
import { createAgencyAction } from "../../agencies/actions";
import { createClientAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("clientsNew") };
}

export default async function Page() {
  const user = await requirePageUser("/dashboard/clients/new");
  const editor = await findUserEditor(user, "client");
  if (!editor) notFound();
  return <UserEditor kind="client" {...editor} saveAction={createClientAction} createAgencyAction={createAgencyAction} />;
}
