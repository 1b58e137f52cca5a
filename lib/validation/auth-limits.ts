/** Field limits of the login form, shared by the zod schema (server) and the form (browser, without zod). */
export const LOGIN_FIELD_LIMITS = { identifierMax: 254, passwordMax: 128 } as const;
