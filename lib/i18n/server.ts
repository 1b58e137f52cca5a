import "server-only";
import { cookies } from "next/headers";
import { createTranslator } from "next-intl";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./locales";
import id from "@/messages/id.json";
import en from "@/messages/en.json";

const CATALOGUES = { id, en } as const;

export async function currentLocale(): Promise<Locale> {
  return resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

/**
 * A translator for code outside the render tree (server actions, route handlers, e-mails):
 * same catalogues as next-intl's getTranslations, usable in tests too.
 */
export async function serverTranslator(locale?: Locale): Promise<Translate> {
  const l = locale ?? (await currentLocale());
  const t = createTranslator({ locale: l, messages: CATALOGUES[l] });
  return (key, values) => t(key as never, values as never);
}

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;
