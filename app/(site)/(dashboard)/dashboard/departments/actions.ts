"use server";

import { catalogActions } from "@/lib/actions/catalog";

const actions = catalogActions("department");

export async function createDepartmentAction(input: unknown) {
  return actions.create(input);
}

export async function renameDepartmentAction(input: unknown) {
  return actions.rename(input);
}

export async function setDepartmentActiveAction(input: unknown) {
  return actions.setActive(input);
}
