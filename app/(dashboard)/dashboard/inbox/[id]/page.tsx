import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionButtonForm } from "@/components/dashboard/action-button-form";
import { requirePageUser } from "@/lib/dal/session";
import { convertedTicketNumber, getContactMessage } from "@/lib/dal/contact";
import { listActiveDepartments } from "@/lib/dal/departments";
import { listSelectableAgencies } from "@/lib/dal/people";
import { ConvertContactForm } from "@/components/dashboard/convert-contact-form";
import { getDateTimeFormatter } from "@/lib/format";
import { isUuid } from "@/lib/validation/zod";
import { convertContactToTicketAction, setContactStatusAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("/dashboard/inbox");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [t, when, message] = await Promise.all([getTranslations("inbox"), getDateTimeFormatter(), getContactMessage(user, id)]);
  if (!message) notFound();
  const [ticketNumber, departments, agencies] = await Promise.all([
    convertedTicketNumber(user, message.convertedTicketId),
    message.convertedTicketId ? Promise.resolve([]) : listActiveDepartments(),
    message.convertedTicketId ? Promise.resolve([]) : listSelectableAgencies(user),
  ]);
  const suggestedAgency = message.agency
    ? agencies.find((a) => a.name.toLowerCase() === message.agency!.trim().toLowerCase())
    : undefined;

  const mailto = `mailto:${encodeURIComponent(message.email)}?subject=${encodeURIComponent(`Re: ${message.subject}`)}`;
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-6">
      <Link href="/dashboard/inbox" className="text-sm text-brand-700 underline">
        ← {t("back")}
      </Link>
      <h1 className="mt-3 text-2xl font-bold break-words">{message.subject}</h1>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("from")}</dt>
        <dd>{message.name}</dd>
        <dt className="font-medium">{t("email")}</dt>
        <dd>{message.email}</dd>
        {message.phone && (
          <>
            <dt className="font-medium">{t("phone")}</dt>
            <dd>{message.phone}</dd>
          </>
        )}
        {message.agency && (
          <>
            <dt className="font-medium">{t("agency")}</dt>
            <dd>{message.agency}</dd>
          </>
        )}
        <dt className="font-medium">{t("received")}</dt>
        <dd>{when(message.createdAt)}</dd>
        <dt className="font-medium">{t("status")}</dt>
        <dd>{t(`status${message.status}`)}</dd>
      </dl>
      <h2 className="mt-6 font-semibold">{t("message")}</h2>
      <p className="mt-2 whitespace-pre-wrap break-words text-slate-800" data-testid="contact-message-body">
        {message.message}
      </p>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <a href={mailto} className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          {t("replyByEmail")}
        </a>
        <ActionButtonForm
          action={setContactStatusAction}
          fields={{ id: message.id, status: message.status === "NEW" ? "HANDLED" : "NEW" }}
          label={message.status === "NEW" ? t("markHandled") : t("markNew")}
          successText={t("updated")}
        />
      </div>
      <section aria-labelledby="convert" className="mt-6">
        <h2 id="convert" className="font-semibold">
          {t("convert")}
        </h2>
        <div className="mt-2">
          {ticketNumber ? (
            <p>
              <Link href={`/dashboard/tickets/${ticketNumber}`} className="text-brand-700 underline">
                {t("convertedTo", { number: ticketNumber })}
              </Link>
            </p>
          ) : (
            <ConvertContactForm
              action={convertContactToTicketAction}
              messageId={message.id}
              departments={departments}
              agencies={agencies}
              suggestedAgencyId={suggestedAgency?.id}
              copy={{
                department: t("department"),
                agency: t("convertAgency"),
                chooseAgency: t("chooseAgency"),
                hint: t("convertHint"),
                submit: t("convert"),
                submitting: t("converting"),
                converted: t.raw("converted") as string,
                convertedNewClient: t.raw("convertedNewClient") as string,
                openTicket: t("openTicket"),
              }}
            />
          )}
        </div>
      </section>
    </article>
  );
}
