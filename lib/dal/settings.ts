import "server-only";
import { LRUCache } from "lru-cache";
import { onInvalidate, publishInvalidate } from "@/lib/runtime/cluster-bus";
import { db, type Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { normalizeImage, removeImage, saveImage } from "@/lib/storage/images";
import { recordAudit } from "./audit";
import type { SessionUser } from "./users";
import { DEFAULT_SETTINGS, SETTINGS_SCHEMAS, type GeneralSettings, type SettingsOf, type SettingsSection } from "@/lib/validation/settings";

const LOGO_SIZE = 256;
/** What runs alongside a save may be long: a new time zone recounts every ticket's report days. */
const ALSO_IN_TX_TIMEOUT_MS = 10 * 60_000;

/**
 * Public read of one settings section (anyone may read: public pages show them). Stored values are
 * re-validated; a missing or broken row falls back to the defaults field by field.
 */
export async function getSettings<S extends SettingsSection>(section: S): Promise<SettingsOf<S>> {
  const hit = recent.get(section);
  if (hit) return hit as SettingsOf<S>;
  const value = await getSettingsUncached(section);
  recent.set(section, value);
  return value;
}

/**
 * The service calendar's time zone (Settings → Jam Layanan): the one zone of the app, for shown and
 * exported dates, report days, the list's date filter and ticket-number years.
 */
export async function getServiceTimeZone(): Promise<string> {
  return (await getSettings("calendar")).timeZone;
}

/**
 * Settings are read on nearly every request and written rarely: kept in the process for a few
 * seconds. A save forgets them at once in every worker of this server; other servers see it within
 * SETTINGS_TTL_MS.
 */
const SETTINGS_TTL_MS = 5_000;
const recent = new LRUCache<SettingsSection, object>({ max: 16, ttl: SETTINGS_TTL_MS });
onInvalidate("settings", () => recent.clear());

/** For code (and tests) that wrote settings rows directly; every worker of this server forgets them. */
export function forgetCachedSettings(): void {
  publishInvalidate("settings");
}

async function getSettingsUncached<S extends SettingsSection>(section: S): Promise<SettingsOf<S>> {
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
}

/**
 * Saves one settings section (Super Admin and Admin). The input was validated by the section's
 * strict schema; the old and new values go to the audit log in the same transaction. `alsoInTx` runs
 * in that transaction after the save (what must change with it, or fail it).
 */
export async function updateSettings<S extends SettingsSection>(
  actor: SessionUser,
  section: S,
  value: SettingsOf<S>,
  alsoInTx?: (tx: Prisma.TransactionClient, before: SettingsOf<S>) => Promise<void>,
): Promise<void> {
  assertCan(actor, "settings.manage");
  const before = await getSettingsUncached(section);
  await db().$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: section },
      create: { key: section, value: value as Prisma.InputJsonValue },
      update: { value: value as Prisma.InputJsonValue },
    });
    await recordAudit(tx, { actor, action: `settings.${section}`, target: `settings:${section}`, before, after: value });
    await alsoInTx?.(tx, before);
  }, alsoInTx ? { timeout: ALSO_IN_TX_TIMEOUT_MS } : undefined);
  forgetCachedSettings();
}

/**
 * Saves the General tab, with an optional new logo. The new file is stored first and removed again
 * if saving fails; once saved, the previous logo file goes (the avatars' store-then-rollback).
 */
export async function updateGeneralSettings(actor: SessionUser, input: Omit<GeneralSettings, "logo"> & { logo?: File }): Promise<void> {
  assertCan(actor, "settings.manage");
  const { logo: upload, ...data } = input;
  const current = await getSettingsUncached("general");
  const logo = upload ? await saveImage("branding", await normalizeImage(upload, { size: LOGO_SIZE, field: "logo" })) : current.logo;
  try {
    await updateSettings(actor, "general", { ...data, logo });
  } catch (error) {
    if (upload) await removeImage("branding", logo);
    throw error;
  }
  if (upload) await removeImage("branding", current.logo);
}
