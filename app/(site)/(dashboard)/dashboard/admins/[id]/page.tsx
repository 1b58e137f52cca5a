import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { findUserEditor } from "@/lib/dal/people-editor";
import { UserEditor } from "@/components/people/user-editor";
import { setAdminPasswordAction, updateAdminAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("adminsEdit") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/admins");
  const editor = await findUserEditor(user, "admin", (await params).id);
  if (!editor) notFound();
  return <UserEditor kind="admin" {...editor} saveAction={updateAdminAction} setPasswordAction={setAdminPasswordAction} />;
}
