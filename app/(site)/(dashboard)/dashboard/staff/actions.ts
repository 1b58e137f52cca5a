"use server";

import { managedUserActions } from "@/lib/actions/managed-users";

/** Staff: add, edit, deactivate, set a password. The rules are in lib/dal/people.ts. */
const a = managedUserActions("staff");
export const createStaffAction = async (input: unknown) => a.create(input);
export const updateStaffAction = async (input: unknown) => a.update(input);
export const setStaffActiveAction = async (input: unknown) => a.setActive(input);
export const setStaffPasswordAction = async (input: unknown) => a.setPassword(input);
