import { isUuid } from "@/lib/validation/zod";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/dal/session";
import { getFaqForEdit } from "@/lib/dal/faq";
import { listActiveDepartments } from "@/lib/dal/departments";
import { FaqEditor } from "@/components/faq/faq-editor";
import { updateFaqAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("faq"))("editTitle") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/faq");
  const { id } = await params;
  if (!isUuid(id) || !can(user, "faq.manage")) notFound();
  const [faq, departments] = await Promise.all([getFaqForEdit(user, id), listActiveDepartments()]);
  if (!faq) notFound();
  // A question whose department was deactivated keeps it selectable.
  if (!departments.some((d) => d.id === faq.departmentId)) departments.push({ id: faq.departmentId, name: faq.department.name });
  return <FaqEditor faq={faq} departments={departments} action={updateFaqAction} />;
}
