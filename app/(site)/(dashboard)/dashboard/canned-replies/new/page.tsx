import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { listActiveDepartments } from "@/lib/dal/departments";
import { getSettings } from "@/lib/dal/settings";
import { attachmentLimitsOf } from "@/lib/validation/tickets";
import { CannedReplyEditor } from "@/components/canned-replies/canned-reply-editor";
import { createCannedReplyAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cannedReplies"))("addTitle") };
}

export default async function Page() {
  await requirePageUser("/dashboard/canned-replies/new");
  const [departments, settings] = await Promise.all([listActiveDepartments(), getSettings("ticket")]);
  return <CannedReplyEditor reply={null} departments={departments} limits={attachmentLimitsOf(settings)} action={createCannedReplyAction} />;
}
