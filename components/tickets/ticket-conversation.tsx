import { useTranslations } from "next-intl";
import type { TicketPageView } from "@/lib/views/ticket-page";
import { AttachmentList } from "./attachment-list";
import { ReplyForm, type ReplyAction } from "./reply-form";
import { MergedFromBadge, MergedPointer } from "./ticket-relations";
import { messageAnchor } from "@/lib/notifications/anchor";
import { TakeButton, type TakeAction } from "./ticket-controls";

/** The statuses the reply box offers to send with a reply, in this order. */
const REPLY_STATUSES = ["WAITING", "RESOLVED"] as const;

/** The ticket itself, its messages and the reply form (what the user may do comes from ticket.can). */
export function TicketConversation({
  view,
  replyAction,
  takeAction,
  onChanged,
}: {
  view: TicketPageView;
  replyAction: ReplyAction;
  takeAction?: TakeAction;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations("tickets");
  const tTriage = useTranslations("triage");
  const { ticket } = view;
  // "Kirim & …": the staff side's usual decisions with a reply, when the rules allow the move.
  const replyStatusButtons = ticket.can.work
    ? REPLY_STATUSES.filter((s) => s !== ticket.status && ticket.can.statuses.includes(s)).map((s) => ({ status: s, label: t(`reply.sendAnd.${s}` as "reply.sendAnd.WAITING") }))
    : [];
  return (
    <article className="space-y-4">
      <header className="rounded-lg border border-slate-200 bg-white p-5">
        <p className="font-mono text-sm text-slate-600">{ticket.number}</p>
        <h1 className="text-2xl font-bold break-words">{ticket.subject}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {t("detail.openedBy", { name: ticket.createdBy, date: ticket.created })}
          {ticket.createdById !== ticket.clientId && <> · {t("detail.onBehalf", { name: ticket.client })}</>}
          {ticket.agency && <> · {ticket.agency}</>}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <div><dt className="text-slate-600">{t("fields.status")}</dt><dd data-testid="ticket-status">{t(`status.${ticket.status}`)}</dd></div>
          <div><dt className="text-slate-600">{t("fields.priority")}</dt><dd>{t(`priority.${ticket.priority}`)}</dd></div>
          <div><dt className="text-slate-600">{t("fields.department")}</dt><dd>{ticket.department}</dd></div>
          <div>
            <dt className="text-slate-600">{t("fields.assignee")}</dt>
            <dd>
              {ticket.assignee ?? t("fields.unassigned")}
              {ticket.can.take && takeAction && (
                <TakeButton ticketId={ticket.id} action={takeAction} onSaved={onChanged} copy={{ take: t("take.button"), taking: t("take.taking"), hint: t("take.hint") }} />
              )}
            </dd>
          </div>
        </dl>
        {ticket.suggestedPriority && (
          <p className="mt-2 text-xs text-slate-600" data-testid="suggested-priority">
            {ticket.can.work
              ? t("detail.suggestedPriority", { priority: t(`priority.${ticket.suggestedPriority}`) })
              : tTriage("yours", { priority: t(`priority.${ticket.suggestedPriority}`) })}
            {ticket.suggestionPending && <> · {tTriage(ticket.can.work ? "pending" : "yoursPending")}</>}
          </p>
        )}
        {/* Plain text with preserved line breaks: never HTML. */}
        <div className="mt-4 whitespace-pre-wrap break-words" data-testid="ticket-description">{ticket.description}</div>
        <AttachmentList files={ticket.attachments} />
      </header>

      <section aria-labelledby="conversation" className="space-y-3">
        <h2 id="conversation" className="text-lg font-semibold">{t("detail.conversation")}</h2>
        {ticket.messages.length === 0 && <p className="text-slate-600">{t("detail.noMessages")}</p>}
        <ol className="space-y-3">
          {ticket.messages.map((m) => (
            <li key={m.id} id={messageAnchor(m.id)} data-testid={m.internal ? "internal-note" : "reply"} className={`scroll-mt-4 rounded-lg border p-4 target:ring-2 target:ring-brand-500 ${m.internal ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}>
              <p className="text-sm">
                <span className="font-semibold">{m.author}</span>{" "}
                <span className="text-slate-600">· {m.authorRole === "CLIENT" ? t("detail.clientLabel") : t("detail.staffLabel")} · {m.when}</span>
                {m.internal && <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs">{t("detail.internal")}</span>}
                {m.mergedFrom && <MergedFromBadge number={m.mergedFrom} />}
              </p>
              <div className="mt-2 whitespace-pre-wrap break-words">{m.body}</div>
              <AttachmentList files={m.attachments} />
            </li>
          ))}
        </ol>
        {ticket.can.reply ? (
          <div className={ticket.can.work ? "" : "rounded-lg border border-slate-200 bg-white p-4"}>
            <ReplyForm
              ticketId={ticket.id}
              limits={view.limits}
              allowInternal={ticket.can.work}
              statusButtons={replyStatusButtons}
              canned={
                ticket.can.work
                  ? {
                      button: t("canned.button"),
                      search: t("canned.search"),
                      hint: t("canned.hint"),
                      empty: t("canned.empty"),
                      loading: t("canned.loading"),
                      failed: t("canned.failed"),
                      global: t("canned.global"),
                      results: t.raw("canned.results") as string,
                      attached: t("canned.attached"),
                      remove: t.raw("canned.remove") as string,
                    }
                  : undefined
              }
              action={replyAction}
              onSent={onChanged}
              copy={{
                reply: t("detail.reply"),
                placeholder: t("detail.replyPlaceholder"),
                attachments: t("fields.attachments"),
                send: t("detail.send"),
                sending: t("detail.sending"),
                tabs: t("reply.tabs"),
                replyTab: t("reply.replyTab"),
                noteTab: t("reply.noteTab"),
                note: t("reply.note"),
                notePlaceholder: t("reply.notePlaceholder"),
                noteNotice: t("reply.noteNotice"),
                saveNote: t("reply.saveNote"),
              }}
            />
          </div>
        ) : view.relations.mergedInto ? (
          <MergedPointer mergedInto={view.relations.mergedInto} />
        ) : (
          <p className="text-slate-700" data-testid="no-reply-notice">
            {view.followers.following && ticket.status !== "CLOSED" ? t("detail.followerNotice") : t("detail.closedNotice")}
          </p>
        )}
      </section>
    </article>
  );
}
