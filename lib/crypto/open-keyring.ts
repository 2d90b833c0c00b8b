/**
 * Opens the keyring the configuration selects (ADR 0006): the local key file under the keys
 * directory (generated on first start, re-read when rotated), or an AWS KMS key. The KMS client
 * is only loaded when KMS signs.
 */
import type { SignerConfig } from "../config";
import type { Logger } from "../log";
import { createFixedKeyring, createLocalKeyring, type Keyring, type KeyringOptions } from "./keyring";
import { ensureSigningKeyFile } from "./local-keys";

export async function openKeyring(signer: SignerConfig, keysDir: string, log: Logger): Promise<Keyring> {
  const options: KeyringOptions = {
    onReloadError: (error) =>
      log.error("signing keys: the key files changed but cannot be read; the last good keys stay in use", {
        error: error instanceof Error ? error : String(error),
      }),
    onReload: ({ signer: current, state }) =>
      log.info("signing keys reloaded", { kid: current.kid, nextKid: state.next?.jwk.kid ?? null, previousKids: state.previous.map((k) => k.kid) }),
  };
  if (signer.kind === "kms") {
    const { createKmsClient, createKmsSigner } = await import("./kms-signer");
    const kms = await createKmsSigner({ client: createKmsClient(signer), keyId: signer.keyId });
    log.info("signing with an AWS KMS key", { keyArn: kms.keyArn, kid: kms.kid });
    return createFixedKeyring("kms", kms, keysDir, options);
  }
  if (ensureSigningKeyFile(keysDir).created) log.info("generated a new signing key", { dir: keysDir });
  return createLocalKeyring(keysDir, options);
}
