import { getTranslations } from "next-intl/server";
import { slaWords } from "@/lib/sla/words";

export { SlaBadge, type SlaTone } from "./sla-badge";

/** The service-level words (sla namespace) of the current request's language. */
export async function getSlaWords() {
  const t = await getTranslations("sla");
  return slaWords((key, values) => t(key as never, values as never));
}
