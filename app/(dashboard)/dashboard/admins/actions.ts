"use server";

import { managedUserActions } from "@/lib/actions/managed-users";

const actions = managedUserActions("admin");

/** Manual screen 8: Add New. */
export async function createAdminAction(input: FormData | Record<string, unknown>) {
  return actions.create(input);
}

export async function updateAdminAction(input: FormData | Record<string, unknown>) {
  return actions.update(input);
}

export async function setAdminActiveAction(input: { id: string; active: boolean }) {
  return actions.setActive(input);
}

export async function setAdminPasswordAction(input: { id: string; password: string }) {
  return actions.setPassword(input);
}
