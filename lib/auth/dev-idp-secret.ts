/**
 * The client secret the portal and the bundled development OpenID provider share. Whichever
 * starts first creates it (0600, O_EXCL); both then read the same file.
 */
import { join } from "node:path";
import { randomSecret, readOrCreateSecretFile } from "./secret-files";

export const DEV_IDP_CLIENT_SECRET_FILE = "dev-idp-client-secret";

export function readOrCreateDevIdpClientSecret(keysDir: string): string {
  const secret = readOrCreateSecretFile(keysDir, DEV_IDP_CLIENT_SECRET_FILE, randomSecret).content.trim();
  if (secret.length < 32) throw new Error(`${join(keysDir, DEV_IDP_CLIENT_SECRET_FILE)} must hold at least 32 characters`);
  return secret;
}
