import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Ships the shared client copy (common + validation) to interactive areas: the dashboard and the
 * login form. Public pages stay without the i18n runtime; their forms receive copy as props.
 */
export async function ClientIntl({
  children,
  extra,
}: {
  children: React.ReactNode;
  /** More copy for a page rendered in the browser (a nested provider replaces the outer one's messages). */
  extra?: (messages: Messages) => Record<string, unknown>;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={{ common: messages.common, validation: messages.validation, ...extra?.(messages) } as Messages}>{children}</NextIntlClientProvider>
  );
}

type Messages = Awaited<ReturnType<typeof getMessages>>;
