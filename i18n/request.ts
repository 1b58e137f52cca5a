import { getRequestConfig } from "next-intl/server";
import { getSettings } from "@/lib/dal/settings";
import { currentLocale } from "@/lib/i18n/server";

/** The visitor's chosen language (cookie), else the default language from General settings. */
export default getRequestConfig(async () => {
  const [locale, general] = await Promise.all([currentLocale(), getSettings("general")]);
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: general.timeZone,
  };
});
