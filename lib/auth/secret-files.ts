/**
 * Secret files for sign-in under <dataDir>/keys, created on first use and reused, exactly as
 * lib/crypto/local-keys.ts does for the signing key and the pepper: written 0600 with O_EXCL
 * (two processes starting together agree on one value), refused when readable by others.
 *
 *   dev-idp-client-secret    the portal's client secret at the bundled development provider
 *   dev-idp-jwks.json        the development provider's ID-token signing key (RS256, private JWK)
 *   dev-idp-cookie-keys      the development provider's cookie-signing key
 *   session-secret           encrypts the portal's session cookie (unless DONUM_SESSION_SECRET is set)
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function readOrCreateSecretFile(dir: string, name: string, create: () => string): { content: string; created: boolean } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, name);
  try {
    writeFileSync(file, create(), { flag: "wx", mode: 0o600 });
    return { content: readFileSync(file, "utf8"), created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  }
  return { content: readFileSync(file, "utf8"), created: false };
}

/** 32 random bytes, base64url, on one line. */
export function randomSecret(): string {
  return `${randomBytes(32).toString("base64url")}\n`;
}

export const SESSION_SECRET_FILE = "session-secret";

/** The session-cookie secret of the embedded default. */
export function readOrCreateSessionSecret(keysDir: string): string {
  const secret = readOrCreateSecretFile(keysDir, SESSION_SECRET_FILE, randomSecret).content.trim();
  if (secret.length < 32) throw new Error(`${join(keysDir, SESSION_SECRET_FILE)} must hold at least 32 characters`);
  return secret;
}
