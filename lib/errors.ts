// The errors every layer may throw. Plain classes, no imports: the storage layer, the DAL, route
// handlers and the action plumbing all use them without importing each other. Edge-safe.

/**
 * An expected failure the user can act on. `key` is a full message key ("tickets.errors.closed");
 * with `field` the message is shown next to that form field.
 */
export class UserFacingError extends Error {
  constructor(
    public readonly key: string,
    public readonly options: { field?: string; values?: Record<string, string | number> } = {},
  ) {
    super(key);
  }
}

/** No session (→ login) or a role that may not do this (→ "forbidden" / 404 on pages). */
export class AuthorizationError extends Error {
  constructor(public readonly reason: "unauthenticated" | "forbidden") {
    super(reason);
  }
}
