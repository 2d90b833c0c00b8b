/** An imaging node: a registered machine client of the consent-check API. */
import { z } from "zod";
import { CountryCode, RecipientType } from "../consent/vocabulary";

export const NodeId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/, "lower-case letters, digits and dashes, 3–63 characters");

/** A public key as a JWK: ES256 (P-256) or EdDSA (Ed25519). Private members are refused. */
export const NodePublicJwk = z.union([
  z.object({ kty: z.literal("EC"), crv: z.literal("P-256"), x: z.string().min(43).max(43), y: z.string().min(43).max(43) }).strict(),
  z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string().min(43).max(43) }).strict(),
]);

/** Key ids: short, printable, safe in a header and a log line. */
export const NodeKeyId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, "1–100 letters, digits, dots, underscores, colons or dashes");

/**
 * A registered public key. Only "active" keys are accepted for requests; a "retired" key is kept
 * for the record and is never accepted again. A key replaced with a grace period stays "active"
 * until `retiresAt`, and counts as retired from that moment (lib/nodes/keys.ts, isKeyAccepted).
 */
export const NodeKey = z.object({
  kid: NodeKeyId,
  jwk: NodePublicJwk,
  status: z.enum(["active", "retired"]),
  addedAt: z.iso.datetime({ offset: true }),
  /** Set when the key was replaced with a grace period: accepted until then, retired afterwards. */
  retiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type NodeKey = z.infer<typeof NodeKey>;
export type NodePublicJwk = z.infer<typeof NodePublicJwk>;

export const ImagingNode = z.object({
  id: NodeId,
  organisation: z.string().trim().min(1).max(200),
  country: CountryCode,
  organisationType: RecipientType,
  status: z.enum(["active", "suspended"]),
  keys: z.array(NodeKey).min(1),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ImagingNode = z.infer<typeof ImagingNode>;
