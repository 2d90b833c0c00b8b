/**
 * The signer port: signs bytes with Donum's key and says which public key verifies them.
 * Adapters: local key file (embedded default); AWS KMS comes with the serverless deployment.
 */
import type { JsonWebKey } from "node:crypto";

export interface Signer {
  /** Key id: the RFC 7638 JWK thumbprint of the public key. */
  readonly kid: string;
  readonly alg: "ES256";
  readonly publicJwk: JsonWebKey & { kid: string; alg: "ES256"; use: "sig" };
  /** JOSE signature: raw r‖s (IEEE P1363), 64 bytes for ES256. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}
