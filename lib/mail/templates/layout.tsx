import { Body, Button, Container, Head, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";

/** The content of one mail: every text is plain text (React escapes it; nothing is raw HTML). */
export type MailContent = {
  locale: string;
  appName: string;
  logoUrl: string | null;
  preview: string;
  heading: string;
  paragraphs: string[];
  /** A message quoted in full (a reply, a ticket's description, a Kontak message). */
  quote?: { author: string; body: string } | null;
  action?: { label: string; url: string } | null;
  /** Shown above the quoted history: everything a mail client quotes below it is cut off on receipt. */
  replyHint?: string | null;
  footer: string;
};

export const REPLY_MARKER = "##- ketik balasan di atas baris ini / type your reply above this line -##";

const text = { fontSize: "14px", lineHeight: "22px", color: "#1f2937", margin: "0 0 12px" };

export function MailLayout({ content }: { content: MailContent }) {
  return (
    <Html lang={content.locale}>
      <Head />
      <Preview>{content.preview}</Preview>
      <Body style={{ backgroundColor: "#f3f4f6", fontFamily: "Arial, Helvetica, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", padding: "24px", maxWidth: "600px" }}>
          {content.replyHint ? <Text style={{ ...text, color: "#9ca3af", fontSize: "12px" }}>{REPLY_MARKER}</Text> : null}
          <Section>
            {content.logoUrl ? <Img src={content.logoUrl} alt={content.appName} height="40" style={{ marginBottom: "8px" }} /> : null}
            <Text style={{ ...text, fontWeight: "bold", color: "#1d4ed8" }}>{content.appName}</Text>
          </Section>
          <Text style={{ ...text, fontSize: "18px", fontWeight: "bold" }}>{content.heading}</Text>
          {content.paragraphs.map((p, i) => (
            <Text key={i} style={text}>
              {p}
            </Text>
          ))}
          {content.quote ? (
            <Section style={{ borderLeft: "4px solid #d1d5db", paddingLeft: "12px", margin: "0 0 16px" }}>
              <Text style={{ ...text, fontWeight: "bold", margin: "0 0 4px" }}>{content.quote.author}</Text>
              <Text style={{ ...text, whiteSpace: "pre-wrap" }}>{content.quote.body}</Text>
            </Section>
          ) : null}
          {content.action ? (
            <Button href={content.action.url} style={{ backgroundColor: "#1d4ed8", color: "#ffffff", padding: "10px 18px", borderRadius: "6px", fontSize: "14px" }}>
              {content.action.label}
            </Button>
          ) : null}
          {content.action ? <Text style={{ ...text, fontSize: "12px", color: "#6b7280", marginTop: "12px" }}>{content.action.url}</Text> : null}
          {content.replyHint ? <Text style={{ ...text, fontSize: "12px", color: "#6b7280" }}>{content.replyHint}</Text> : null}
          <Hr />
          <Text style={{ ...text, fontSize: "12px", color: "#6b7280" }}>{content.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The plain-text part, written out rather than derived from the HTML so that it reads well. */
export function plainText(content: MailContent): string {
  const lines: string[] = [];
  if (content.replyHint) lines.push(REPLY_MARKER, "");
  lines.push(content.appName, "", content.heading, "");
  for (const p of content.paragraphs) lines.push(p, "");
  if (content.quote) {
    lines.push(`${content.quote.author}:`, ...content.quote.body.split(/\r?\n/).map((l) => `  ${l}`), "");
  }
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`, "");
  if (content.replyHint) lines.push(content.replyHint, "");
  lines.push("--", content.footer);
  return lines.join("\n");
}
