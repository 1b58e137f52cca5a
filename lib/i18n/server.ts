import "server-only";
import { cookies } from "next/headers";
import { createTranslator } from "next-intl";
import { getSettings } from "@/lib/dal/settings";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./locales";
import id from "@/messages/id.json";
import en from "@/messages/en.json";

const CATALOGUES = { id, en } as const;

/** The visitor's chosen language (cookie), else the default language from General settings (next-intl's too: i18n/request.ts). */
export async function currentLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return resolveLocale(chosen ?? (await getSettings("general")).defaultLanguage);
}

/**
 * A translator for code outside the render tree (server actions, route handlers, e-mails):
 * same catalogues as next-intl's getTranslations, usable in tests too.
 */
export async function serverTranslator(locale?: Locale): Promise<Translate> {
  const l = locale ?? (await currentLocale());
  let t = TRANSLATORS.get(l);
  if (!t) {
    const translate = createTranslator({ locale: l, messages: CATALOGUES[l] });
    t = (key, values) => translate(key as never, values as never);
    TRANSLATORS.set(l, t);
  }
  return t;
}

/** One translator per language for the process: it keeps its parsed messages (a new one re-parsed every message it was asked for). */
const TRANSLATORS = new Map<Locale, Translate>();

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;
