import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isUuid } from "@/lib/validation/zod";
import { requirePageUser } from "@/lib/dal/session";
import { getCannedReplyForEdit } from "@/lib/dal/canned-replies";
import { listActiveDepartments } from "@/lib/dal/departments";
import { getSettings } from "@/lib/dal/settings";
import { attachmentLimitsOf } from "@/lib/validation/tickets";
import { CannedReplyEditor } from "@/components/canned-replies/canned-reply-editor";
import { updateCannedReplyAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cannedReplies"))("editTitle") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/canned-replies");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [reply, departments, settings] = await Promise.all([getCannedReplyForEdit(user, id), listActiveDepartments(), getSettings("ticket")]);
  if (!reply) notFound();
  // A reply whose department was deactivated keeps it selectable.
  if (reply.departmentId && reply.department && !departments.some((d) => d.id === reply.departmentId)) departments.push({ id: reply.departmentId, name: reply.department.name });
  return <CannedReplyEditor reply={reply} departments={departments} limits={attachmentLimitsOf(settings)} action={updateCannedReplyAction} />;
}
