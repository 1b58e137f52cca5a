import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import type { getFaqForEdit } from "@/lib/dal/faq";
import { FaqForm } from "./faq-form";

type Faq = NonNullable<Awaited<ReturnType<typeof getFaqForEdit>>>;

/** Add New Question / Edit. */
export function FaqEditor({
  faq,
  departments,
  action,
}: {
  faq: Faq | null;
  departments: { id: string; name: string }[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("faq");
  const tUi = useTranslations("ui");
  return (
    <section className="space-y-4">
      <Link href="/dashboard/faq" className="text-sm text-brand-700 underline">
        ← {t("allQuestions")}
      </Link>
      <h1 className="text-2xl font-bold">{faq ? t("editTitle") : t("addTitle")}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <FaqForm
          initial={faq ? { id: faq.id, departmentId: faq.departmentId, subject: faq.subject, description: faq.description, published: faq.published } : undefined}
          departments={departments}
          action={action}
          copy={{
            department: t("department"),
            chooseDepartment: t("chooseDepartment"),
            subject: t("subject"),
            description: t("description"),
            publishNow: t("publishNow"),
            submit: t("submit"),
            submitting: tUi("saving"),
          }}
        />
      </div>
    </section>
  );
}
