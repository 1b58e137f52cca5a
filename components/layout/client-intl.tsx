import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

type Messages = Awaited<ReturnType<typeof getMessages>>;

/**
 * Ships client copy to interactive areas: `common` and `validation` always (the dashboard and the login
 * form), plus whole namespaces a page renders in the browser (a nested provider replaces the outer one's
 * messages). Public pages stay without the i18n runtime; their forms receive copy as props.
 */
export async function ClientIntl({ children, namespaces = [] }: { children: React.ReactNode; namespaces?: (keyof Messages & string)[] }) {
  const messages = await getMessages();
  const shipped = Object.fromEntries(["common", "validation", ...namespaces].map((n) => [n, messages[n]]));
  return <NextIntlClientProvider messages={shipped as Messages}>{children}</NextIntlClientProvider>;
}
