import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { DEFAULT_SETTINGS, SETTINGS_SCHEMAS, type SettingsOf, type SettingsSection } from "@/lib/validation/settings";

/**
 * Public read of one settings section (anyone may read: public pages show them). Stored values are
 * re-validated; a missing or broken row falls back to the defaults field by field.
 */
export const getSettings = cache(async <S extends SettingsSection>(section: S): Promise<SettingsOf<S>> => {
  const row = await db().setting.findUnique({ where: { key: section } });
  const defaults = DEFAULT_SETTINGS[section];
  if (!row || typeof row.value !== "object" || row.value === null || Array.isArray(row.value)) return defaults;
  const merged: Record<string, unknown> = { ...defaults };
  const schema = SETTINGS_SCHEMAS[section];
  for (const [key, value] of Object.entries(row.value)) {
    if (!(key in defaults)) continue;
    const candidate = { ...merged, [key]: value };
    if (schema.safeParse(candidate).success) merged[key] = value;
  }
  return merged as SettingsOf<S>;
});
