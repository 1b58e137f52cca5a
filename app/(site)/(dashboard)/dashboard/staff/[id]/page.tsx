import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { findUserEditor } from "@/lib/dal/people-editor";
import { UserEditor } from "@/components/people/user-editor";
import { setStaffPasswordAction, updateStaffAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("staffEdit") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/staff");
  const editor = await findUserEditor(user, "staff", (await params).id);
  if (!editor) notFound();
  return <UserEditor kind="staff" {...editor} saveAction={updateStaffAction} setPasswordAction={setStaffPasswordAction} />;
}
