import { ErrorCopyProvider, type ErrorCopy } from "./error-copy";

/** The <html> and <body> of the site's root layout, with the error boundary's copy. */
export function Document({ lang, errorCopy, children }: { lang: string; errorCopy: ErrorCopy; children: React.ReactNode }) {
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <ErrorCopyProvider copy={errorCopy}>{children}</ErrorCopyProvider>
      </body>
    </html>
  );
}
