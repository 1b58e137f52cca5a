import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/dal/session";
import { listActiveDepartments } from "@/lib/dal/departments";
import { FaqEditor } from "@/components/faq/faq-editor";
import { createFaqAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("faq"))("addTitle") };
}

export default async function Page() {
  const user = await requirePageUser("/dashboard/faq/new");
  if (!can(user, "faq.manage")) notFound();
  return <FaqEditor faq={null} departments={await listActiveDepartments()} action={createFaqAction} />;
}
