import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import type { getCannedReplyForEdit } from "@/lib/dal/canned-replies";
import type { AttachmentLimits } from "@/lib/validation/tickets";
import { CANNED_VARIABLES } from "@/lib/canned-replies/variables";
import { CannedReplyForm } from "./canned-reply-form";

type Reply = NonNullable<Awaited<ReturnType<typeof getCannedReplyForEdit>>>;

/** New / edit canned reply: the form, and the variables it may use. */
export function CannedReplyEditor({
  reply,
  departments,
  limits,
  action,
}: {
  reply: Reply | null;
  departments: { id: string; name: string }[];
  limits: AttachmentLimits;
  action: (input: FormData) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("cannedReplies");
  const tUi = useTranslations("ui");
  return (
    <section className="space-y-4">
      <Link href="/dashboard/canned-replies" className="text-sm text-brand-700 underline">
        ← {t("heading")}
      </Link>
      <h1 className="text-2xl font-bold">{reply ? t("editTitle") : t("addTitle")}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <CannedReplyForm
          initial={reply ? { id: reply.id, title: reply.title, body: reply.body, departmentId: reply.departmentId ?? "" } : undefined}
          files={reply?.attachments ?? []}
          departments={departments}
          limits={limits}
          action={action}
          variables={CANNED_VARIABLES.map((name) => ({ name, description: t(`variables.${name}`) }))}
          copy={{
            title: t("title"),
            body: t("body"),
            scope: t("scope"),
            global: t("globalOption"),
            attachments: t("attachments"),
            attachmentsHint: t("attachmentsHint", { max: limits.maxFilesPerMessage, size: limits.maxFileSizeMb }),
            removeFile: t("removeFile"),
            variablesTitle: t("variablesTitle"),
            variablesHint: t("variablesHint"),
            unknownVariables: t("unknownVariables"),
            submit: t("save"),
            submitting: tUi("saving"),
          }}
        />
      </div>
    </section>
  );
}
