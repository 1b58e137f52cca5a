"use server";

import { managedUserActions } from "@/lib/actions/managed-users";

const actions = managedUserActions("client");

/** Manual screen 14: Add New. */
export async function createClientAction(input: FormData | Record<string, unknown>) {
  return actions.create(input);
}

export async function updateClientAction(input: FormData | Record<string, unknown>) {
  return actions.update(input);
}

export async function setClientActiveAction(input: { id: string; active: boolean }) {
  return actions.setActive(input);
}

export async function setClientPasswordAction(input: { id: string; password: string }) {
  return actions.setPassword(input);
}
