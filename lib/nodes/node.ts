/** An imaging node: a registered machine client of the consent-check API. */
import { z } from "zod";
import { CountryCode, RecipientType } from "../consent/vocabulary";

export const NodeId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/, "lower-case letters, digits and dashes, 3–63 characters");

/** A public key as a JWK: ES256 (P-256) or EdDSA (Ed25519). Private members are refused. */
export const NodePublicJwk = z.union([
  z.object({ kty: z.literal("EC"), crv: z.literal("P-256"), x: z.string().min(43).max(43), y: z.string().min(43).max(43) }).strict(),
  z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string().min(43).max(43) }).strict(),
]);

export const NodeKey = z.object({
  kid: z.string().min(1).max(100),
  jwk: NodePublicJwk,
  status: z.enum(["active", "retired"]),
  addedAt: z.iso.datetime({ offset: true }),
});
export type NodeKey = z.infer<typeof NodeKey>;

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
