import { isUuid } from "@/lib/validation/zod";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { FaqEditorPage } from "@/components/faq/faq-pages";
import { updateFaqAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("faq"))("editTitle") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/faq");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return <FaqEditorPage user={user} id={id} action={updateFaqAction} />;
}
