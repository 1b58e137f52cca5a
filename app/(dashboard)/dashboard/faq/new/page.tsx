import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { FaqEditorPage } from "@/components/faq/faq-pages";
import { createFaqAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("faq"))("addTitle") };
}

export default async function Page() {
  const user = await requirePageUser("/dashboard/faq/new");
  return <FaqEditorPage user={user} action={createFaqAction} />;
}
