import { createElement } from "react";
import { render } from "@react-email/components";
import { MailLayout, plainText, type MailContent } from "./templates/layout";

export type RenderedMail = { html: string; text: string };

/** HTML (react-email) and plain-text parts of one mail. */
export async function renderMail(content: MailContent): Promise<RenderedMail> {
  const html = await render(createElement(MailLayout, { content }));
  return { html, text: plainText(content) };
}
