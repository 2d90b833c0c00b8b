/** Node keys as JWKs: strict public-key checks, private-key checks, RFC 7638 thumbprints, grace. */
import { generateKeyPairSync } from "node:crypto";
import { jwkThumbprint } from "../../lib/crypto/local-keys";
import { checkPrivateJwk, checkPublicJwk, generateNodeKey, isKeyAccepted, nodeKeyThumbprint, publicJwkOf } from "../../lib/nodes/keys";
import type { NodeKey } from "../../lib/nodes/node";
import { T0 } from "../support/fixtures";

// RFC 8037 Appendix A.1–A.3: an Ed25519 key and its RFC 7638 thumbprint.
const RFC8037_PUBLIC = { kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" } as const;
const RFC8037_PRIVATE = { ...RFC8037_PUBLIC, d: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A" };
const RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

const ecPublic = () => generateNodeKey("ES256").publicJwk as { kty: "EC"; crv: "P-256"; x: string; y: string };

describe("thumbprints (RFC 7638)", () => {
  it("matches the RFC 8037 vector for Ed25519", () => {
    expect(nodeKeyThumbprint(RFC8037_PUBLIC)).toBe(RFC8037_THUMBPRINT);
  });

  it("matches Donum's own EC thumbprint for P-256", () => {
    const jwk = ecPublic();
    expect(nodeKeyThumbprint(jwk)).toBe(jwkThumbprint(jwk));
  });

  it("ignores members that are not part of the key", () => {
    expect(nodeKeyThumbprint({ ...RFC8037_PUBLIC, kid: "x", alg: "EdDSA" } as typeof RFC8037_PUBLIC)).toBe(RFC8037_THUMBPRINT);
  });
});

describe("public keys for registration", () => {
  it("accepts EC P-256 and OKP Ed25519, with consistent metadata, and answers the bare key and its kid", () => {
    const ec = ecPublic();
    expect(checkPublicJwk(ec)).toEqual({ ok: true, jwk: ec, kid: null });
    expect(checkPublicJwk({ ...RFC8037_PUBLIC, kid: "k-1", alg: "EdDSA", use: "sig", key_ops: ["verify"] })).toEqual({ ok: true, jwk: RFC8037_PUBLIC, kid: "k-1" });
    expect(checkPublicJwk({ ...ec, alg: "ES256" }).ok).toBe(true);
  });

  const refused: [string, () => unknown, RegExp][] = [
    ["a private EC key", () => generateNodeKey("ES256").privateJwk, /private key.*"d"/],
    ["a private Ed25519 key", () => RFC8037_PRIVATE, /private key.*"d"/],
    ["a symmetric key", () => ({ kty: "oct", k: "c2VjcmV0" }), /private key.*"k"/],
    ["an RSA key", () => generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" }), /not an ES256 or EdDSA public key/],
    ["P-384", () => generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey.export({ format: "jwk" }), /not an ES256 or EdDSA/],
    ["Ed448", () => generateKeyPairSync("ed448").publicKey.export({ format: "jwk" }), /not an ES256 or EdDSA/],
    ["X25519 (an encryption key)", () => ({ kty: "OKP", crv: "X25519", x: RFC8037_PUBLIC.x }), /not an ES256 or EdDSA/],
    ["an unknown member", () => ({ ...ecPublic(), x5c: ["..."] }), /nothing else/],
    ["alg of another type", () => ({ ...ecPublic(), alg: "EdDSA" }), /signs with ES256/],
    ["alg HS256", () => ({ ...ecPublic(), alg: "HS256" }), /signs with ES256/],
    ["use enc", () => ({ ...ecPublic(), use: "enc" }), /for signatures/],
    ["key_ops without verify", () => ({ ...ecPublic(), key_ops: ["encrypt"] }), /key_ops/],
    ["a missing y", () => ({ kty: "EC", crv: "P-256", x: ecPublic().x }), /not an ES256/],
    ["padded base64url", () => ({ ...RFC8037_PUBLIC, x: `${RFC8037_PUBLIC.x.slice(0, 42)}=` }), /canonical base64url/],
    ["standard base64 characters", () => ({ ...RFC8037_PUBLIC, x: `+${RFC8037_PUBLIC.x.slice(1)}` }), /canonical base64url/],
    ["a point off the curve", () => ({ ...ecPublic(), y: Buffer.alloc(32, 7).toString("base64url") }), /does not import/],
    ["a kid that is not a string", () => ({ ...ecPublic(), kid: 7 }), /"kid" must be a string/],
    ["not an object", () => "{}", /JSON object/],
    ["null", () => null, /JSON object/],
  ];
  it.each(refused)("refuses %s", (_what, make, message) => {
    const result = checkPublicJwk(make());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe("private keys for signing", () => {
  it("accepts generated keys of both kinds and the RFC 8037 key", () => {
    for (const alg of ["ES256", "EdDSA"] as const) {
      const key = generateNodeKey(alg);
      expect(checkPrivateJwk(key.privateJwk)).toMatchObject({ ok: true, kid: key.kid });
      expect(publicJwkOf(key.privateJwk)).toEqual(key.publicJwk);
      expect(key.kid).toBe(nodeKeyThumbprint(key.publicJwk));
    }
    expect(checkPrivateJwk(RFC8037_PRIVATE)).toMatchObject({ ok: true, kid: null });
  });

  it("refuses a public key, a key of another type, and public members that do not belong to d", () => {
    expect(checkPrivateJwk(RFC8037_PUBLIC)).toMatchObject({ ok: false, message: expect.stringMatching(/no "d"/) });
    expect(checkPrivateJwk(generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey.export({ format: "jwk" })).ok).toBe(false);
    const a = generateNodeKey("ES256").privateJwk as { x: string; y: string };
    const b = generateNodeKey("ES256").privateJwk;
    expect(checkPrivateJwk({ ...b, x: a.x, y: a.y }).ok).toBe(false);
    expect(checkPrivateJwk({ ...RFC8037_PRIVATE, x: generateNodeKey("EdDSA").publicJwk.x })).toMatchObject({ ok: false, message: expect.stringMatching(/do not belong/) });
  });
});

describe("which keys are accepted", () => {
  const key = (over: Partial<NodeKey>): NodeKey => ({ kid: "k", jwk: RFC8037_PUBLIC, status: "active", addedAt: T0.toISOString(), ...over });
  it("active: yes; retired: never; replaced with grace: until retiresAt, not at it", () => {
    expect(isKeyAccepted(key({}), T0)).toBe(true);
    expect(isKeyAccepted(key({ status: "retired" }), T0)).toBe(false);
    const graced = key({ retiresAt: new Date(T0.getTime() + 1000).toISOString() });
    expect(isKeyAccepted(graced, new Date(T0.getTime() + 999))).toBe(true);
    expect(isKeyAccepted(graced, new Date(T0.getTime() + 1000))).toBe(false);
  });
});
