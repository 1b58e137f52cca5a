import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { findUserEditor } from "@/lib/dal/people-editor";
import { UserEditor } from "@/components/people/user-editor";
import { createStaffAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("staffNew") };
}

export default async function Page() {
  const user = await requirePageUser("/dashboard/staff/new");
  const editor = await findUserEditor(user, "staff");
  if (!editor) notFound();
  return <UserEditor kind="staff" {...editor} saveAction={createStaffAction} />;
}
