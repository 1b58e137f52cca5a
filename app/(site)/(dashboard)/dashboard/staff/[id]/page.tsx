import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { findUserEditor } from "@/lib/dal/people-editor";
import { UserEditor } from "@/components/people/user-editor";
import { setStaffPasswordAction, updateStaffAction } from "../actions";
import { isStaffAway } from "@/lib/dal/tickets/auto-assign";
import { AwayToggle } from "@/components/people/away-toggle";
import { setStaffAwayAction } from "../away-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("staffEdit") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/staff");
  const editor = await findUserEditor(user, "staff", (await params).id);
  if (!editor?.target) notFound();
  const away = await isStaffAway(editor.target.id);
  return (
    <div className="space-y-4">
      <UserEditor kind="staff" {...editor} saveAction={updateStaffAction} setPasswordAction={setStaffPasswordAction} />
      <AwayToggle userId={editor.target.id} name={editor.target.name} away={away} self={false} action={setStaffAwayAction} />
    </div>
  );
}
