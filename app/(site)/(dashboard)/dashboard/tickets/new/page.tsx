import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/dal/session";
import { getSettings } from "@/lib/dal/settings";
import { listActiveDepartments } from "@/lib/dal/departments";
import { listClientsForFiling } from "@/lib/dal/tickets";
import { TicketForm, type TicketFormCopy } from "@/components/tickets/ticket-form";
import { attachmentLimitsOf, TICKET_PRIORITIES } from "@/lib/validation/tickets";
import { createTicketAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("newTitle") };
}

export default async function NewTicketPage() {
  const user = await requirePageUser("/dashboard/tickets/new");
  const [t, settings, departments, clients] = await Promise.all([
    getTranslations("tickets"),
    getSettings("ticket"),
    listActiveDepartments(),
    listClientsForFiling(user),
  ]);
  const limits = attachmentLimitsOf(settings);
  // The staff side files for a client and sets the priority; a client only suggests one.
  const staffSide = can(user, "tickets.work");
  const copy: TicketFormCopy = {
    department: t("fields.department"),
    subject: t("fields.subject"),
    description: t("fields.description"),
    descriptionHint: t("fields.descriptionHint"),
    priority: staffSide ? t("fields.priority") : t("fields.prioritySuggest"),
    client: t("fields.client"),
    attachments: t("fields.attachments"),
    attachmentsHint: t("fields.attachmentsHint", { max: limits.maxFilesPerMessage, size: limits.maxFileSizeMb, types: limits.allowedExtensions.join(", ") }),
    choose: t("fields.choose"),
    submit: t("submit"),
    submitting: t("submitting"),
    faqTitle: t("faqTitle"),
    priorities: Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, t(`priority.${p}`)])) as TicketFormCopy["priorities"],
  };
  return (
    <section className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <p className="mt-1 mb-4 text-slate-700">{t("newIntro")}</p>
      <TicketForm
        copy={copy}
        departments={departments}
        clients={staffSide ? clients.map((c) => ({ id: c.id, name: c.agency ? `${c.name} — ${c.agency.name}` : c.name })) : undefined}
        limits={limits}
        defaultPriority={settings.defaultPriority}
        action={createTicketAction}
      />
    </section>
  );
}
