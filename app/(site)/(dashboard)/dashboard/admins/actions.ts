"use server";

import { managedUserActions } from "@/lib/actions/managed-users";

/** Admins: add, edit, deactivate, set a password. The rules are in lib/dal/people.ts. */
const a = managedUserActions("admin");
export const createAdminAction = async (input: unknown) => a.create(input);
export const updateAdminAction = async (input: unknown) => a.update(input);
export const setAdminActiveAction = async (input: unknown) => a.setActive(input);
export const setAdminPasswordAction = async (input: unknown) => a.setPassword(input);
