import { z } from "zod";

/**
 * Every schema imports z from here. Zod's default messages are English sentences; this error map
 * turns each issue into a message key of the "validation" catalogue, with its parameters after a
 * "|" as JSON ("maxLength|{\"max\":200}"), which formatValidationMessage() renders in the user's
 * language on the server and in client forms alike. A schema may also give its own key.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "too_small":
        if (issue.origin === "string" && issue.minimum === 1) return "required";
        if (issue.origin === "string") return `minLength|${JSON.stringify({ min: Number(issue.minimum) })}`;
        if (issue.origin === "array" || issue.origin === "set") return `minItems|${JSON.stringify({ min: Number(issue.minimum) })}`;
        return `minValue|${JSON.stringify({ min: Number(issue.minimum) })}`;
      case "too_big":
        if (issue.origin === "string") return `maxLength|${JSON.stringify({ max: Number(issue.maximum) })}`;
        if (issue.origin === "array" || issue.origin === "set") return `maxItems|${JSON.stringify({ max: Number(issue.maximum) })}`;
        return `maxValue|${JSON.stringify({ max: Number(issue.maximum) })}`;
      case "invalid_format":
        return issue.format === "email" ? "email" : issue.format === "url" ? "url" : "invalid";
      case "invalid_type":
        return issue.input === undefined || issue.input === null ? "required" : "invalid";
      case "invalid_value":
        return "invalidChoice";
      case "unrecognized_keys":
        return "unknownField";
      default:
        return "invalid";
    }
  },
});

export { z };

/** Renders a key produced above (or given by a schema) with a translator of the "validation" namespace. */
export function formatValidationMessage(
  message: string | undefined,
  t: (key: string, values?: Record<string, string | number>) => string,
): string | undefined {
  if (!message) return undefined;
  const [key, params] = message.split("|", 2) as [string, string | undefined];
  try {
    return t(key, params ? JSON.parse(params) : undefined);
  } catch {
    return t("invalid");
  }
}

/** Route parameters that name a row: anything but a well-formed UUID is a 404, never a database error. */
export function isUuid(value: string): boolean {
  return z.uuid().safeParse(value).success;
}
