"use server";

import { managedUserActions } from "@/lib/actions/managed-users";

const actions = managedUserActions("staff");

/** Manual screen 12: Add New. */
export async function createStaffAction(input: FormData | Record<string, unknown>) {
  return actions.create(input);
}

export async function updateStaffAction(input: FormData | Record<string, unknown>) {
  return actions.update(input);
}

export async function setStaffActiveAction(input: { id: string; active: boolean }) {
  return actions.setActive(input);
}

export async function setStaffPasswordAction(input: { id: string; password: string }) {
  return actions.setPassword(input);
}
