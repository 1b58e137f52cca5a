"use server";

import { catalogActions } from "@/lib/actions/catalog";

const actions = catalogActions("agency");

export async function createAgencyAction(input: unknown) {
  return actions.create(input);
}

export async function renameAgencyAction(input: unknown) {
  return actions.rename(input);
}

export async function setAgencyActiveAction(input: unknown) {
  return actions.setActive(input);
}
