"use client";
import { useEffect, useRef } from "react";

/** What a shortcut does; `false` lets the key through (nothing to act on here). */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | void;

/** Typing goes to these: a key pressed in them is text, never a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset", "file", "range", "color"].includes(target.type);
  return false;
}

/**
 * Single-key shortcuts on the page (`j`, `k`, `/`, `?`…), keyed by KeyboardEvent.key. Ignored while the
 * user types in a field, with Ctrl/Cmd/Alt held (the browser's and screen readers' own shortcuts), during
 * IME composition, and when something else already handled the key. A handled key's default is prevented
 * (so `/` is not typed into the search box it focuses). Twenty lines instead of a library: the keys are
 * single characters with no sequences or scopes to manage.
 */
export function useShortcuts(handlers: Record<string, ShortcutHandler>, enabled = true) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      const handler = current.current[event.key];
      if (handler && handler(event) !== false) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
