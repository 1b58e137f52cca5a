"use server";

import { managedUserActions } from "@/lib/actions/managed-users";

const actions = managedUserActions("staff");

/** Manual screen 12: Add New. */
export async function createStaffAction(input: unknown) {
  return actions.create(input);
}

export async function updateStaffAction(input: unknown) {
  return actions.update(input);
}

export async function setStaffActiveAction(input: unknown) {
  return actions.setActive(input);
}

export async function setStaffPasswordAction(input: unknown) {
  return actions.setPassword(input);
}
