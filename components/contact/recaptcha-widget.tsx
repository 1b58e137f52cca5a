"use client";

import dynamic from "next/dynamic";

// Loaded only when reCAPTCHA keys are configured, so the form ships no captcha code otherwise.
const ReCAPTCHA = dynamic(() => import("react-google-recaptcha"), { ssr: false });

/** Google's widget puts its answer in a "g-recaptcha-response" field inside the form. */
export function RecaptchaWidget({ siteKey, language }: { siteKey: string; language: string }) {
  return <ReCAPTCHA sitekey={siteKey} hl={language} />;
}
