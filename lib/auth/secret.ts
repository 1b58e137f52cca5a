/**
 * The key that signs session cookies (and, derived from it, the Kontak form token). `npm start`
 * always provides one (NEXTAUTH_SECRET or a random one kept in the data folder).
 */
export const MIN_SECRET_LENGTH = 16;

export function sessionSecret(): string | undefined {
  const secret = process.env.NEXTAUTH_SECRET;
  return secret && secret.length >= MIN_SECRET_LENGTH ? secret : undefined;
}

/** Why a production server must not start, or null when it may (instrumentation.ts asks at start). */
export function productionSecretProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NODE_ENV !== "production") return null;
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) return "NEXTAUTH_SECRET is not set: refusing to start in production (npm start sets one).";
  if (secret.length < MIN_SECRET_LENGTH) return `NEXTAUTH_SECRET is shorter than ${MIN_SECRET_LENGTH} characters: refusing to start in production.`;
  return null;
}
