"use server";

import { managedUserActions } from "@/lib/actions/managed-users";

const actions = managedUserActions("client");

/** Manual screen 14: Add New. */
export async function createClientAction(input: unknown) {
  return actions.create(input);
}

export async function updateClientAction(input: unknown) {
  return actions.update(input);
}

export async function setClientActiveAction(input: unknown) {
  return actions.setActive(input);
}

export async function setClientPasswordAction(input: unknown) {
  return actions.setPassword(input);
}
