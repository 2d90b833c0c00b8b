/**
 * Embedded-default key material under <dataDir>/keys, created on first start and reused:
 *   signing-key.pem   ES256 (P-256) private key, PKCS#8
 *   subject-pepper    32 random bytes, base64 — the HMAC key of subject keys
 * Both are written with mode 0600 and refused if they have become readable by others.
 * Files are created with O_EXCL so that two processes starting together agree on one key.
 * Rotation of the signing key (a staged next key, the previous public keys) is in signing-keys.ts.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Signer } from "./signer";

export const SIGNING_KEY_FILE = "signing-key.pem";
export const PEPPER_FILE = "subject-pepper";

function readOrCreate(file: string, create: () => string): { content: string; created: boolean } {
  try {
    writeFileSync(file, create(), { flag: "wx", mode: 0o600 });
    return { content: readFileSync(file, "utf8"), created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return { content: readOwnerOnlyFile(file), created: false };
}

/** Reads a secret file, refusing it if users other than the owner can read or write it. */
export function readOwnerOnlyFile(file: string): string {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  }
  return readFileSync(file, "utf8");
}

/** Parses a PKCS#8 PEM and checks that it is a P-256 private key (the only kind Donum signs with). */
export function parseSigningKeyPem(pem: string, file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error(`${file} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    throw new Error(`${file} is not a P-256 private key`);
  }
  return key;
}

/** A new ES256 (P-256) private key as PKCS#8 PEM. */
export function generateSigningKeyPem(): string {
  return generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

export interface LocalKeyMaterial {
  signingKey: KeyObject;
  pepper: Buffer;
  created: { signingKey: boolean; pepper: boolean };
}

function ensureKeyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** The subject-key pepper: from configuration when given (no file is touched), else the generated file. */
export function ensureSubjectPepper(dir: string, options: { pepperBase64?: string | null } = {}): { pepper: Buffer; created: boolean } {
  if (options.pepperBase64) return { pepper: Buffer.from(options.pepperBase64, "base64"), created: false };
  ensureKeyDir(dir);
  const pepper = readOrCreate(join(dir, PEPPER_FILE), () => `${randomBytes(32).toString("base64")}\n`);
  const pepperBytes = Buffer.from(pepper.content.trim(), "base64");
  if (pepperBytes.length < 32) throw new Error(`${join(dir, PEPPER_FILE)} must hold at least 32 bytes (base64)`);
  return { pepper: pepperBytes, created: pepper.created };
}

/** The current signing key, generated on first start. */
export function ensureSigningKeyFile(dir: string): { signingKey: KeyObject; created: boolean } {
  ensureKeyDir(dir);
  const file = join(dir, SIGNING_KEY_FILE);
  const key = readOrCreate(file, generateSigningKeyPem);
  return { signingKey: parseSigningKeyPem(key.content, file), created: key.created };
}

export function ensureLocalKeyMaterial(dir: string, options: { pepperBase64?: string | null } = {}): LocalKeyMaterial {
  const key = ensureSigningKeyFile(dir);
  const pepper = ensureSubjectPepper(dir, options);
  return { signingKey: key.signingKey, pepper: pepper.pepper, created: { signingKey: key.created, pepper: pepper.created } };
}

/** RFC 7638 thumbprint of an EC public JWK, base64url. */
export function jwkThumbprint(jwk: { crv?: string; kty?: string; x?: string; y?: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash("sha256").update(canonical).digest("base64url");
}

export function createLocalSigner(privateKey: KeyObject): Signer {
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  const kid = jwkThumbprint(jwk);
  return {
    kid,
    alg: "ES256",
    publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: "ES256", use: "sig" },
    async sign(data) {
      return sign("sha256", data, { key: privateKey, dsaEncoding: "ieee-p1363" });
    },
  };
}
