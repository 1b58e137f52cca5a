import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Ships the shared client copy (common + validation) to interactive areas: the dashboard and the
 * login form. Public pages stay without the i18n runtime; their forms receive copy as props.
 */
export async function ClientIntl({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ common: messages.common, validation: messages.validation }}>{children}</NextIntlClientProvider>;
}
