import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotAvailable } from "@/components/dashboard/not-available";
import { requirePageUser } from "@/lib/dal/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("admins") };
}

export default async function Page() {
  await requirePageUser("/dashboard/admins");
  return <NotAvailable page={(await getTranslations("nav"))("admins")} />;
}
