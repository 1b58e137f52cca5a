"use client";
import { useEffect, useSyncExternalStore } from "react";
import type { SavedFilterWithCount } from "@/lib/dal/saved-filters";

/**
 * The signed-in user's saved filters with their counts, shared by the menu and the list's "Filter saya"
 * panel: one request for both, fetched again after a save, rename or delete (`reloadSavedFilters`) and
 * when the user moves to another page (the counts follow the work done meanwhile).
 */
type State = { filters: SavedFilterWithCount[] | null };
const EMPTY: State = { filters: null };
let state: State = EMPTY;
const listeners = new Set<() => void>();
let latest = 0;

export async function reloadSavedFilters(): Promise<void> {
  const mine = ++latest;
  try {
    const res = await fetch("/api/tickets/saved-filters", { headers: { accept: "application/json" } });
    if (!res.ok) return; // signed out or the database away: the menu keeps what it showed
    const body = (await res.json()) as { filters: SavedFilterWithCount[] };
    if (mine !== latest) return;
    state = { filters: body.filters };
    listeners.forEach((l) => l());
  } catch {
    // offline: keep what is shown
  }
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The filters (null until the first answer); `key` changes → fetched again. */
export function useSavedFilters(key?: string): SavedFilterWithCount[] | null {
  useEffect(() => {
    void reloadSavedFilters();
  }, [key]);
  return useSyncExternalStore(subscribe, () => state, () => EMPTY).filters;
}
