import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { findUserEditor } from "@/lib/dal/people-editor";
import { UserEditor } from "@/components/people/user-editor";
import { createAdminAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("adminsNew") };
}

export default async function Page() {
  const user = await requirePageUser("/dashboard/admins/new");
  const editor = await findUserEditor(user, "admin");
  if (!editor) notFound();
  return <UserEditor kind="admin" {...editor} saveAction={createAdminAction} />;
}
