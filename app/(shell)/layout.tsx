import type { Metadata, Viewport } from "next";
import { Document } from "@/components/layout/document";
import id from "@/messages/id.json";
import "../globals.css";

export const metadata: Metadata = { icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } } };
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e40af" };

/**
 * The second root layout: static pages served the same to everyone (built once, no database, no
 * cookie). The language and everything personal arrive with the page's data; the document starts in
 * the default language and the page sets `lang` once it knows the user's.
 */
export default function ShellLayout({ children }: { children: React.ReactNode }) {
  const c = id.common;
  return (
    <Document lang="id" errorCopy={{ title: c.errorTitle, body: c.errorBody, tryAgain: c.tryAgain, home: c.home }}>
      {children}
    </Document>
  );
}
