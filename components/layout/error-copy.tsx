"use client";

import { createContext, useContext } from "react";

export type ErrorCopy = { title: string; body: string; tryAgain: string; home: string };

const ErrorCopyContext = createContext<ErrorCopy | null>(null);

/**
 * The three strings the root error boundary needs, handed down from the server, so public pages
 * don't ship the whole i18n runtime to the browser just for an error screen.
 */
export function ErrorCopyProvider({ copy, children }: { copy: ErrorCopy; children: React.ReactNode }) {
  return <ErrorCopyContext.Provider value={copy}>{children}</ErrorCopyContext.Provider>;
}

export function useErrorCopy(): ErrorCopy {
  return useContext(ErrorCopyContext) ?? { title: "Error", body: "", tryAgain: "↻", home: "/" };
}
