"use server";

import { managedUserActions } from "@/lib/actions/managed-users";

/** Clients: add, edit, deactivate, set a password. The rules are in lib/dal/people.ts. */
const a = managedUserActions("client");
export const createClientAction = async (input: unknown) => a.create(input);
export const updateClientAction = async (input: unknown) => a.update(input);
export const setClientActiveAction = async (input: unknown) => a.setActive(input);
export const setClientPasswordAction = async (input: unknown) => a.setPassword(input);
