/** Compact JWS (RFC 7515) signed through the Signer port, and the published JWK Set. */
import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import { canonicalJson } from "../../lib/canonical-json";
import { base64url, signCompactJws, verifyCompactJws, type VerificationJwks } from "../../lib/crypto/jws";
import { publicJwk, publishedJwks, PUBLIC_JWK_MEMBERS } from "../../lib/crypto/jwks";
import { createLocalSigner } from "../../lib/crypto/local-keys";

const newSigner = () => createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
const signer = newSigner();
const jwks = publishedJwks(signer);
const payload = { hello: "wörld", n: 1, nested: { b: [1, 2], a: null } };
const TYP = "example+jwt";

const enc = (v: unknown) => base64url(JSON.stringify(v));
const dec = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
const parts = (jws: string) => jws.split(".") as [string, string, string];
const errorOf = (jws: string, set: VerificationJwks = jwks, options = {}) => {
  const v = verifyCompactJws(jws, set, options);
  return v.ok ? "OK" : v.error.code;
};

let jws: string;
beforeAll(async () => {
  jws = await signCompactJws(signer, payload, { typ: TYP });
});

describe("signing", () => {
  it("produces header.payload.signature in unpadded base64url, with a canonical-JSON header and payload", () => {
    const [h, p, s] = parts(jws);
    for (const part of [h, p, s]) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(h, "base64url").toString()).toBe(`{"alg":"ES256","kid":"${signer.kid}","typ":"${TYP}"}`);
    expect(Buffer.from(p, "base64url").toString()).toBe(canonicalJson(payload));
    expect(Buffer.from(s, "base64url")).toHaveLength(64);
  });

  it("round-trips: the payload and header come back from verification", () => {
    const v = verifyCompactJws(jws, jwks, { typ: TYP });
    expect(v).toMatchObject({ ok: true, payload, header: { alg: "ES256", kid: signer.kid, typ: TYP } });
    expect(v.ok && v.signingKey.kid).toBe(signer.kid);
  });

  it("accepts the typ case-insensitively and with the application/ prefix (RFC 7515 §4.1.9)", () => {
    expect(errorOf(jws, jwks, { typ: "EXAMPLE+JWT" })).toBe("OK");
    expect(errorOf(jws, jwks, { typ: `application/${TYP}` })).toBe("OK");
    expect(errorOf(jws, jwks, { typ: "other+jwt" })).toBe("UNEXPECTED_TYPE");
  });
});

describe("tampering is detected", () => {
  it("a changed payload", () => {
    const [h, , s] = parts(jws);
    expect(errorOf(`${h}.${enc({ ...payload, n: 2 })}.${s}`)).toBe("BAD_SIGNATURE");
  });

  it("a changed header, even one that keeps alg and kid", () => {
    const [h, p, s] = parts(jws);
    expect(errorOf(`${enc({ ...dec(h), typ: "JOSE" })}.${p}.${s}`)).toBe("BAD_SIGNATURE");
    expect(errorOf(`${enc({ ...dec(h), extra: 1 })}.${p}.${s}`)).toBe("BAD_SIGNATURE");
  });

  it("a changed, truncated or DER-encoded signature", () => {
    const [h, p, s] = parts(jws);
    const sig = Buffer.from(s, "base64url");
    const flipped = Buffer.from(sig);
    flipped[10]! ^= 0x01;
    expect(errorOf(`${h}.${p}.${base64url(flipped)}`)).toBe("BAD_SIGNATURE");
    expect(errorOf(`${h}.${p}.${base64url(sig.subarray(0, 63))}`)).toBe("BAD_SIGNATURE");
    const der = sign("sha256", Buffer.from(`${h}.${p}`), generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
    expect(errorOf(`${h}.${p}.${base64url(der)}`)).toBe("BAD_SIGNATURE");
  });

  it("a signature by another key under this key's kid", async () => {
    const other = newSigner();
    const forged = await signCompactJws({ ...other, kid: signer.kid, sign: other.sign }, payload, { typ: TYP });
    expect(errorOf(forged)).toBe("BAD_SIGNATURE");
  });
});

describe("algorithms", () => {
  const p = base64url(canonicalJson(payload));

  it('refuses alg "none", with or without a signature', () => {
    const h = enc({ alg: "none", kid: signer.kid });
    expect(errorOf(`${h}.${p}.`)).toBe("UNSUPPORTED_ALGORITHM");
    expect(errorOf(`${h}.${p}.${base64url("x")}`)).toBe("UNSUPPORTED_ALGORITHM");
    expect(errorOf(`${enc({ alg: "None", kid: signer.kid })}.${p}.`)).toBe("UNSUPPORTED_ALGORITHM");
  });

  it("refuses HS256, even keyed with the public key (algorithm confusion)", () => {
    const h = enc({ alg: "HS256", kid: signer.kid });
    for (const secret of [JSON.stringify(signer.publicJwk), signer.publicJwk.x!]) {
      const mac = createHmac("sha256", secret).update(`${h}.${p}`).digest();
      expect(errorOf(`${h}.${p}.${base64url(mac)}`)).toBe("UNSUPPORTED_ALGORITHM");
    }
  });

  it("refuses RS256, ES384, a missing alg and a non-string alg", () => {
    for (const alg of ["RS256", "ES384", "es256", undefined, 7]) {
      expect(errorOf(`${enc({ alg, kid: signer.kid })}.${p}.${base64url("x")}`)).toBe("UNSUPPORTED_ALGORITHM");
    }
  });

  it("verifies EdDSA (Ed25519) with an OKP key, and can be narrowed to ES256 only", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const jwk = { ...publicKey.export({ format: "jwk" }), kid: "ed", alg: "EdDSA", use: "sig" };
    const h = enc({ alg: "EdDSA", kid: "ed" });
    const ed = `${h}.${p}.${base64url(sign(null, Buffer.from(`${h}.${p}`), privateKey))}`;
    expect(errorOf(ed, { keys: [jwk] })).toBe("OK");
    expect(errorOf(ed, { keys: [jwk] }, { algorithms: ["ES256"] })).toBe("UNSUPPORTED_ALGORITHM");
  });

  it("refuses a key that does not fit the algorithm", () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    const okp = { ...publicKey.export({ format: "jwk" }), kid: signer.kid };
    expect(errorOf(jws, { keys: [okp] })).toBe("KEY_MISMATCH");
    expect(errorOf(jws, { keys: [{ ...jwks.keys[0]!, alg: "EdDSA" }] })).toBe("KEY_MISMATCH");
    expect(errorOf(jws, { keys: [{ ...jwks.keys[0]!, use: "enc" }] })).toBe("KEY_MISMATCH");
    expect(errorOf(jws, { keys: [{ ...jwks.keys[0]!, crv: "P-384" }] })).toBe("KEY_MISMATCH");
    expect(errorOf(jws, { keys: [{ ...jwks.keys[0]!, x: "A".repeat(43) }] })).toBe("KEY_MISMATCH");
  });
});

describe("keys", () => {
  it("refuses an unknown kid", () => {
    expect(errorOf(jws, publishedJwks(newSigner()))).toBe("UNKNOWN_KID");
    expect(errorOf(jws, { keys: [] })).toBe("UNKNOWN_KID");
  });

  it("refuses a JWS that names no key", () => {
    const [, p, s] = parts(jws);
    expect(errorOf(`${enc({ alg: "ES256" })}.${p}.${s}`)).toBe("MISSING_KID");
    expect(errorOf(`${enc({ alg: "ES256", kid: "" })}.${p}.${s}`)).toBe("MISSING_KID");
  });

  it("verifies with a previous key after rotation, as long as it is published", async () => {
    const old = newSigner();
    const oldJws = await signCompactJws(old, payload, { typ: TYP });
    const rotated = publishedJwks(signer, [old.publicJwk]);
    expect(rotated.keys.map((k) => k.kid)).toEqual([signer.kid, old.kid]);
    expect(errorOf(oldJws, rotated)).toBe("OK");
    expect(errorOf(jws, rotated)).toBe("OK");
    expect(errorOf(oldJws, publishedJwks(signer))).toBe("UNKNOWN_KID");
  });
});

describe("malformed input", () => {
  it.each([
    ["an empty string", ""],
    ["two parts", "a.b"],
    ["four parts", "a.b.c.d"],
    ["surrounding whitespace", " a.b.c"],
  ])("refuses %s", (_name, input) => {
    expect(errorOf(input)).toBe("MALFORMED");
  });

  it("refuses a non-string", () => {
    expect(errorOf(42 as unknown as string)).toBe("MALFORMED");
    expect(errorOf(null as unknown as string)).toBe("MALFORMED");
  });

  it("refuses headers that are not base64url JSON objects", () => {
    const [, p2, s2] = parts(jws);
    for (const header of ["", "!!!", `${base64url("{")}`, enc([1, 2]), enc("ES256"), `${parts(jws)[0]}=`]) {
      expect(errorOf(`${header}.${p2}.${s2}`)).toBe("MALFORMED_HEADER");
    }
  });

  it("refuses non-canonical base64url (padding, standard alphabet, stray trailing bits)", () => {
    const [h2, p2, s2] = parts(jws);
    expect(errorOf(`${h2}.${p2}=.${s2}`)).toBe("MALFORMED_PAYLOAD");
    expect(errorOf(`${h2}.${p2}.${s2.slice(0, -1)}+`)).toBe("MALFORMED");
    expect(errorOf(`${h2}.${p2}.${s2.slice(0, -1)}/`)).toBe("MALFORMED");
    // Two base64 characters carry 12 bits for one byte: the last 4 must be zero.
    const lastIsOne = base64url(Buffer.from([0xff])); // "_w"
    expect(errorOf(`${h2}.${p2}.${lastIsOne.slice(0, 1)}x`)).toBe("MALFORMED");
  });

  it("refuses an empty payload or signature", () => {
    const [h2, p2] = parts(jws);
    expect(errorOf(`${h2}..${parts(jws)[2]}`)).toBe("MALFORMED_PAYLOAD");
    expect(errorOf(`${h2}.${p2}.`)).toBe("MALFORMED");
  });

  it("refuses any critical header extension (including RFC 7797 b64=false)", () => {
    const [, p2, s2] = parts(jws);
    expect(errorOf(`${enc({ alg: "ES256", kid: signer.kid, b64: false, crit: ["b64"] })}.${p2}.${s2}`)).toBe("UNSUPPORTED_CRITICAL_HEADER");
  });

  it("reports a validly signed payload that is not JSON", async () => {
    const h2 = base64url(canonicalJson({ alg: "ES256", kid: signer.kid }));
    const p2 = base64url("not json");
    const sig = await signer.sign(Buffer.from(`${h2}.${p2}`));
    expect(errorOf(`${h2}.${p2}.${base64url(sig)}`)).toBe("MALFORMED_PAYLOAD");
  });
});

describe("interoperability", () => {
  it("verifies with WebCrypto alone (ECDSA P-256, SHA-256, JWK import)", async () => {
    // The global WebCrypto API, as in a browser: no Node crypto, no Donum code in the loop.
    const subtle = globalThis.crypto.subtle;
    const [h, p, s] = parts(jws);
    const key = await subtle.importKey("jwk", jwks.keys[0]!, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    const data = new TextEncoder().encode(`${h}.${p}`);
    const alg = { name: "ECDSA", hash: "SHA-256" };
    expect(await subtle.verify(alg, key, Buffer.from(s, "base64url"), data)).toBe(true);
    const tampered = new TextEncoder().encode(`${h}.${enc({ ...payload, n: 2 })}`);
    expect(await subtle.verify(alg, key, Buffer.from(s, "base64url"), tampered)).toBe(false);
  });
});

describe("the published JWK Set", () => {
  it("holds the signer's public key, with public members only", () => {
    expect(jwks).toEqual({
      keys: [{ kty: "EC", crv: "P-256", x: signer.publicJwk.x, y: signer.publicJwk.y, kid: signer.kid, alg: "ES256", use: "sig" }],
    });
  });

  it("never publishes private members, whatever it is handed", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const leakyCurrent = { publicJwk: { ...privateKey.export({ format: "jwk" }), kid: "current", k: "secret" } };
    const { privateKey: edPrivate } = generateKeyPairSync("ed25519");
    const leakyPrevious = [
      { ...generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" }), kid: "old-ec" },
      { ...edPrivate.export({ format: "jwk" }), kid: "old-ed" },
    ];
    expect(leakyCurrent.publicJwk).toHaveProperty("d");
    const set = publishedJwks(leakyCurrent as never, leakyPrevious);
    expect(set.keys.map((k) => k.kid)).toEqual(["current", "old-ec", "old-ed"]);
    for (const key of set.keys) {
      for (const member of Object.keys(key)) expect(PUBLIC_JWK_MEMBERS).toContain(member);
      for (const secret of ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]) expect(key).not.toHaveProperty(secret);
    }
    expect(JSON.stringify(set)).not.toContain(String(leakyCurrent.publicJwk.d));
  });

  it("lists each kid once, the current key first", () => {
    const old = newSigner();
    const set = publishedJwks(signer, [old.publicJwk, signer.publicJwk, old.publicJwk]);
    expect(set.keys.map((k) => k.kid)).toEqual([signer.kid, old.kid]);
  });

  it("refuses keys it cannot publish", () => {
    expect(() => publicJwk({ kty: "oct", k: "c2VjcmV0", kid: "hmac" })).toThrow(/EC and OKP/);
    expect(() => publicJwk({ kty: "EC", crv: "P-256", x: "x", y: "y" })).toThrow(/kid/);
  });
});
