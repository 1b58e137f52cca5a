import type { Metadata } from "next";
import { FilterPills } from "@/components/ui/filter-pills";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { DataTable } from "@/components/ui/data-table";
import { TestEmailForm } from "@/components/settings/test-email-form";
import { requirePageUser } from "@/lib/dal/session";
import { getEmailSetup, listOutbox } from "@/lib/dal/email";
import { getDateTimeFormatter } from "@/lib/format";
import { resendEmailAction, sendTestEmailAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emailSettings"))("title") };
}

type Search = { status?: string; page?: string };
const STATUSES = ["QUEUED", "SENT", "FAILED"] as const;

/** Settings → E-mail (Super Admin): whether mail is configured, a test mail, and the outbox. */
export default async function EmailSettingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser("/dashboard/settings/email");
  const params = await searchParams;
  const status = STATUSES.find((s) => s === params.status);
  const page = Math.min(Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1), 10_000);
  const [t, when, setup, { rows, hasNext }] = await Promise.all([
    getTranslations("emailSettings"),
    getDateTimeFormatter(),
    getEmailSetup(user),
    listOutbox(user, { status, page }),
  ]);
  const href = (over: Partial<Search>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ status, page: String(page), ...over })) if (v && !(k === "page" && v === "1")) next.set(k, v);
    const s = next.toString();
    return `/dashboard/settings/email${s ? `?${s}` : ""}`;
  };
  const on = (ok: boolean) => (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${ok ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}>{ok ? t("on") : t("off")}</span>
  );

  return (
    <section className="space-y-6">
      <div>
        <Link href="/dashboard/settings" className="text-sm text-brand-700 underline">
          ← {t("backToSettings")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="flex items-center gap-2 font-semibold">
            {t("sending")} {on(!!setup.smtp)}
          </h2>
          {setup.smtp ? (
            <dl className="mt-2 text-sm text-slate-700">
              <dt className="font-medium">{t("server")}</dt>
              <dd>
                {setup.smtp.host}:{setup.smtp.port} {setup.smtp.secure ? "(TLS)" : ""}
              </dd>
              <dt className="mt-1 font-medium">{t("sender")}</dt>
              <dd>
                {setup.fromName ? `${setup.fromName} ` : ""}&lt;{setup.fromAddress}&gt;
              </dd>
            </dl>
          ) : (
            <p className="mt-2 text-sm text-slate-700">{t("sendingOff")}</p>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="flex items-center gap-2 font-semibold">
            {t("receiving")} {on(!!setup.imap)}
          </h2>
          {setup.imap ? (
            <dl className="mt-2 text-sm text-slate-700">
              <dt className="font-medium">{t("mailbox")}</dt>
              <dd>
                {setup.imap.user} @ {setup.imap.host}:{setup.imap.port} / {setup.imap.mailbox}
              </dd>
              <dt className="mt-1 font-medium">{t("replyAddress")}</dt>
              <dd>{setup.replyAddress}</dd>
            </dl>
          ) : (
            <p className="mt-2 text-sm text-slate-700">{t("receivingOff")}</p>
          )}
        </div>
      </div>
      <p className="text-sm text-slate-600">{t("fromEnvironment")}</p>

      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t("testTitle")}</h2>
        <TestEmailForm action={sendTestEmailAction} defaultTo={user.email} copy={{ testTo: t("testTo"), testSend: t("testSend"), testQueued: t("testQueued") }} />
      </div>

      <div>
        <h2 className="text-lg font-semibold">{t("outbox")}</h2>
        <p className="text-sm text-slate-600">
          {t("counts", { queued: setup.counts.QUEUED ?? 0, failed: setup.counts.FAILED ?? 0, sent: setup.counts.SENT ?? 0 })}
        </p>
        <FilterPills
          className="mt-3 flex gap-2"
          label={t("statusFilter")}
          options={[undefined, ...STATUSES].map((s) => ({ value: s, label: s ? t(`status${s}`) : t("all") }))}
          current={status}
          hrefFor={(s) => href({ status: s, page: "1" })}
        />
        <div className="mt-3">
          <DataTable
            caption={t("outbox")}
            rows={rows}
            rowKey={(m) => m.id}
            empty={t("empty")}
            columns={[
              { key: "created", header: t("created"), cell: (m) => when(m.createdAt) },
              {
                key: "to",
                header: t("to"),
                cell: (m) => (
                  <>
                    {m.toAddress}
                    <span className="block text-xs text-slate-600">{t(`kind.${m.kind}`)}</span>
                  </>
                ),
              },
              {
                key: "subject",
                header: t("subject"),
                cell: (m) =>
                  m.ticket ? (
                    <Link href={`/dashboard/tickets/${encodeURIComponent(m.ticket.number)}`} className="text-brand-700 underline">
                      {m.subject ?? m.ticket.number}
                    </Link>
                  ) : (
                    (m.subject ?? "—")
                  ),
              },
              {
                key: "status",
                header: t("status"),
                cell: (m) => (
                  <>
                    {t(`status${m.status}`)}
                    {m.status === "SENT" && m.sentAt ? <span className="block text-xs text-slate-600">{when(m.sentAt)}</span> : null}
                    {m.status === "QUEUED" && m.attempts > 0 ? (
                      <span className="block text-xs text-slate-600">{t("retryAt", { attempts: m.attempts, at: when(m.nextAttemptAt) })}</span>
                    ) : null}
                    {m.lastError ? <span className="block max-w-xs break-words text-xs text-red-800">{m.lastError}</span> : null}
                  </>
                ),
              },
              {
                key: "actions",
                header: t("actions"),
                cell: (m) => (m.status === "FAILED" ? <ActionButton action={resendEmailAction} input={{ id: m.id }} label={t("resend")} /> : null),
              },
            ]}
          />
        </div>
        <nav aria-label={t("pagination")} className="mt-4 flex gap-3 text-sm">
          {page > 1 && (
            <Link href={href({ page: String(page - 1) })} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100" rel="prev">
              {t("previous")}
            </Link>
          )}
          {hasNext && (
            <Link href={href({ page: String(page + 1) })} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100" rel="next">
              {t("next")}
            </Link>
          )}
        </nav>
      </div>
    </section>
  );
}
