import { getRequestConfig } from "next-intl/server";
import { getServiceTimeZone } from "@/lib/dal/settings";
import { currentLocale } from "@/lib/i18n/server";

/** The visitor's chosen language (cookie), else the default language from General settings; the service calendar's time zone. */
export default getRequestConfig(async () => {
  const [locale, timeZone] = await Promise.all([currentLocale(), getServiceTimeZone()]);
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone,
  };
});
