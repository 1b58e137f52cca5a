import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { getSettings } from "@/lib/dal/settings";

/** The visitor's chosen language (cookie), else the default language from General settings. */
export default getRequestConfig(async () => {
  const [store, general] = await Promise.all([cookies(), getSettings("general")]);
  const locale = resolveLocale(store.get(LOCALE_COOKIE)?.value ?? general.defaultLanguage);
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: general.timeZone,
  };
});
