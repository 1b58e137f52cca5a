"use server";

import { UserFacingError } from "@/lib/errors";
import { runPublicAction, type ActionResult } from "@/lib/actions/action";
import { contactFormSchema } from "@/lib/validation/contact";
import { checkFormToken } from "@/lib/contact/form-token";
import { recaptchaSiteKey, verifyRecaptcha } from "@/lib/contact/recaptcha";
import { CONTACT_LIMIT, firstUseOfCaptchaToken, takeContactSlot } from "@/lib/contact/rate-limit";
import { saveContactMessage } from "@/lib/dal/contact";
import { requestIp } from "@/lib/auth/client-ip";
import { headers } from "next/headers";
import { recordSecurityEvent } from "@/lib/dal/security-log";

const schema = contactFormSchema;

/** The public Kontak form. Works without JavaScript (a plain form post) except for the captcha. */
export async function sendContactMessageAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runPublicAction({ schema, input: formData }, async (input) => {
    const ip = await requestIp();
    if (input.website) throw new UserFacingError("contact.errors.rejected");
    if (!(await takeContactSlot(ip))) {
      await recordSecurityEvent("ratelimit.hit", { outcome: "limited", ip, limit: "contact-form", route: "/kontak" });
      throw new UserFacingError("contact.errors.rateLimited", { values: { minutes: CONTACT_LIMIT.windowSeconds / 60 } });
    }

    if (recaptchaSiteKey()) {
      const token = input["g-recaptcha-response"];
      if (!token) throw new UserFacingError("contact.errors.captchaMissing");
      if (!(await firstUseOfCaptchaToken(token))) throw new UserFacingError("contact.errors.captchaRejected");
      const h = await headers();
      const verdict = await verifyRecaptcha(token, ip, (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0]!.trim());
      if (verdict === "unavailable") throw new UserFacingError("contact.errors.captchaUnavailable");
      if (verdict !== "ok") throw new UserFacingError("contact.errors.captchaRejected");
    } else {
      const check = checkFormToken(input.formToken);
      if (check === "too-fast") throw new UserFacingError("contact.errors.tooFast");
      if (check !== "ok") throw new UserFacingError("contact.errors.expired");
    }

    await saveContactMessage(input, ip);
    return null;
  });
}
