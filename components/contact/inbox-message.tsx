import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import type { getContactMessage } from "@/lib/dal/contact";
import { ActionButton } from "@/components/ui/action-button";
import { ConvertContactForm } from "./convert-contact-form";

type Message = NonNullable<Awaited<ReturnType<typeof getContactMessage>>>;
type Option = { id: string; name: string };

/** One Kontak message: who and when, the text, reply by e-mail, mark handled, and "Jadikan tiket". */
export function InboxMessage({
  message,
  when,
  ticketNumber,
  departments,
  agencies,
  suggestedAgencyId,
  setStatusAction,
  convertAction,
}: {
  message: Message;
  when: (date: Date) => string;
  /** The ticket this message became, if any. */
  ticketNumber: string | null;
  departments: Option[];
  agencies: Option[];
  suggestedAgencyId?: string;
  setStatusAction: (input: unknown) => Promise<ActionResult<unknown>>;
  convertAction: (input: unknown) => Promise<ActionResult<{ number: string; newClient: boolean }>>;
}) {
  const t = useTranslations("inbox");
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
        <ActionButton
          action={setStatusAction}
          input={{ id: message.id, status: message.status === "NEW" ? "HANDLED" : "NEW" }}
          label={message.status === "NEW" ? t("markHandled") : t("markNew")}
          successText={t("updated")}
          look="primary"
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
              action={convertAction}
              messageId={message.id}
              departments={departments}
              agencies={agencies}
              suggestedAgencyId={suggestedAgencyId}
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
