/**
 * The signer port over an AWS KMS asymmetric key (key spec ECC_NIST_P256, usage SIGN_VERIFY):
 * the private key never leaves KMS.
 *
 * - Start-up: GetPublicKey once → SPKI DER → public JWK → kid (RFC 7638 thumbprint). The key's
 *   ARN from that answer is used for every Sign, so repointing an alias cannot change the key a
 *   running instance signs with behind its published kid.
 * - Sign: MessageType DIGEST with the SHA-256 of the JWS signing input, SigningAlgorithm
 *   ECDSA_SHA_256. (RAW accepts at most 4096 bytes; a batch decision or a receipt can be longer.)
 *   KMS answers a DER ECDSA-Sig-Value; JOSE wants raw r‖s, 32 bytes each (RFC 7518 §3.4).
 * - Every signature is verified against the published public key before it is returned. A KMS
 *   error, an unexpected answer or a signature that does not verify is a KmsSignerError: never a
 *   fallback to another key, never an unsigned answer.
 */
import { GetPublicKeyCommand, KMSClient, SignCommand } from "@aws-sdk/client-kms";
import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import { jwkThumbprint } from "./local-keys";
import type { Signer } from "./signer";

/** Size of r and of s for P-256. */
const P256_SCALAR_BYTES = 32;

export class KmsSignerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "KmsSignerError";
  }
}

/** One DER INTEGER at `at`: its unsigned value, left-padded to `size` bytes. */
function readDerInteger(der: Uint8Array, at: number, size: number): { value: Buffer; end: number } {
  if (der[at] !== 0x02) throw new KmsSignerError("DER signature: expected an INTEGER");
  const len = der[at + 1];
  if (len === undefined || len === 0 || len > size + 1) throw new KmsSignerError(`DER signature: INTEGER length ${String(len)} is not 1..${size + 1}`);
  const start = at + 2;
  const end = start + len;
  if (end > der.length) throw new KmsSignerError("DER signature: truncated INTEGER");
  let bytes = Buffer.from(der.subarray(start, end));
  if (bytes[0]! & 0x80) throw new KmsSignerError("DER signature: negative INTEGER");
  if (bytes[0] === 0 && len > 1) {
    if (!(bytes[1]! & 0x80)) throw new KmsSignerError("DER signature: INTEGER has a superfluous leading zero byte");
    bytes = bytes.subarray(1);
  }
  if (bytes.length > size) throw new KmsSignerError(`DER signature: INTEGER longer than ${size} bytes`);
  if (bytes.every((b) => b === 0)) throw new KmsSignerError("DER signature: INTEGER is zero");
  const value = Buffer.alloc(size);
  bytes.copy(value, size - bytes.length);
  return { value, end };
}

/**
 * DER `SEQUENCE { r INTEGER, s INTEGER }` (what KMS, OpenSSL and X.509 use) → raw r‖s (what
 * JOSE uses), strictly: minimal encodings only, nothing after the sequence.
 */
export function derEcdsaToJose(der: Uint8Array, size = P256_SCALAR_BYTES): Buffer {
  if (der.length < 8 || der[0] !== 0x30) throw new KmsSignerError("DER signature: expected a SEQUENCE");
  const len = der[1]!;
  // For P-256 the content is at most 70 bytes, so the length is always in short form.
  if (len & 0x80) throw new KmsSignerError("DER signature: long-form length where the short form is required");
  if (2 + len !== der.length) throw new KmsSignerError(`DER signature: SEQUENCE length ${len} does not match ${der.length - 2} bytes`);
  const r = readDerInteger(der, 2, size);
  const s = readDerInteger(der, r.end, size);
  if (s.end !== der.length) throw new KmsSignerError("DER signature: bytes after the second INTEGER");
  return Buffer.concat([r.value, s.value]);
}

/** An SPKI DER public key (what KMS GetPublicKey answers) as Donum's published JWK. */
export function spkiToSigningJwk(spki: Uint8Array): { key: KeyObject; jwk: Signer["publicJwk"] } {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
  } catch {
    throw new KmsSignerError("the public key from KMS is not an SPKI DER key");
  }
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    throw new KmsSignerError("the public key from KMS is not a P-256 key");
  }
  const jwk = key.export({ format: "jwk" });
  const kid = jwkThumbprint(jwk);
  return { key, jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: "ES256", use: "sig" } };
}

/** "NotFoundException: Key … does not exist" — the AWS error's name and message, nothing else. */
function describeAwsError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

export interface KmsClientSettings {
  region: string;
  /** A KMS-compatible endpoint (the test stand-in); null: AWS's regional endpoint. */
  endpoint: string | null;
}

/** The client the container uses; credentials come from the default AWS provider chain. */
export function createKmsClient(settings: KmsClientSettings): KMSClient {
  return new KMSClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    maxAttempts: 3,
    // A signature is on the path of every decision: fail in seconds, not minutes.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
  });
}

export interface KmsSigner extends Signer {
  /** The ARN of the KMS key that signs (resolved from the configured id or alias at start-up). */
  readonly keyArn: string;
}

/** Reads the key's public key once and answers a signer bound to that very key. */
export async function createKmsSigner(options: { client: KMSClient; keyId: string }): Promise<KmsSigner> {
  const { client, keyId } = options;
  let info;
  try {
    info = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  } catch (e) {
    throw new KmsSignerError(`AWS KMS GetPublicKey failed for key ${keyId}: ${describeAwsError(e)}`, { cause: e });
  }
  if (info.KeySpec !== "ECC_NIST_P256") throw new KmsSignerError(`KMS key ${keyId} has key spec ${String(info.KeySpec)}; ECC_NIST_P256 is required`);
  if (info.KeyUsage !== "SIGN_VERIFY") throw new KmsSignerError(`KMS key ${keyId} has key usage ${String(info.KeyUsage)}; SIGN_VERIFY is required`);
  if (info.SigningAlgorithms && !info.SigningAlgorithms.includes("ECDSA_SHA_256")) {
    throw new KmsSignerError(`KMS key ${keyId} does not offer ECDSA_SHA_256`);
  }
  if (!info.PublicKey) throw new KmsSignerError(`KMS returned no public key for ${keyId}`);
  const { key: publicKey, jwk } = spkiToSigningJwk(info.PublicKey);
  const keyArn = info.KeyId ?? keyId;

  return {
    kid: jwk.kid,
    alg: "ES256",
    publicJwk: jwk,
    keyArn,
    async sign(data) {
      const digest = createHash("sha256").update(data).digest();
      let out;
      try {
        out = await client.send(new SignCommand({ KeyId: keyArn, Message: digest, MessageType: "DIGEST", SigningAlgorithm: "ECDSA_SHA_256" }));
      } catch (e) {
        throw new KmsSignerError(`AWS KMS Sign failed for key ${keyArn}: ${describeAwsError(e)}`, { cause: e });
      }
      if (out.KeyId !== undefined && out.KeyId !== keyArn) throw new KmsSignerError(`KMS signed with key ${out.KeyId}, not ${keyArn}`);
      if (out.SigningAlgorithm !== undefined && out.SigningAlgorithm !== "ECDSA_SHA_256") {
        throw new KmsSignerError(`KMS signed with ${out.SigningAlgorithm}, not ECDSA_SHA_256`);
      }
      if (!out.Signature || out.Signature.length === 0) throw new KmsSignerError(`KMS returned no signature for key ${keyArn}`);
      const signature = derEcdsaToJose(out.Signature);
      if (!verify("sha256", data, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature)) {
        throw new KmsSignerError(`the signature from KMS key ${keyArn} does not verify with the published key ${jwk.kid}`);
      }
      return signature;
    },
  };
}
