"use server";

import { managedUserActions } from "@/lib/actions/managed-users";

const actions = managedUserActions("admin");

/** Manual screen 8: Add New. */
export async function createAdminAction(input: unknown) {
  return actions.create(input);
}

export async function updateAdminAction(input: unknown) {
  return actions.update(input);
}

export async function setAdminActiveAction(input: unknown) {
  return actions.setActive(input);
}

export async function setAdminPasswordAction(input: unknown) {
  return actions.setPassword(input);
}
